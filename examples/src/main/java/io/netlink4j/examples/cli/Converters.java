package io.netlink4j.examples.cli;

import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.MacAddress;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Argument converters: each checks its value with the library's rules, so bad input is a usage
 * error (exit status 2) found before anything is sent.
 */
public final class Converters {
    private Converters() {}

    /** "on" / "off", as iproute2 writes port and bridge switches. */
    public static final class OnOff implements ITypeConverter<Toggle> {
        @Override
        public Toggle convert(String s) {
            switch (s) {
                case "on": return Toggle.ON;
                case "off": return Toggle.OFF;
                default: throw new TypeConversionException("expected on or off, not \"" + s + "\"");
            }
        }
    }

    /** A 48-bit MAC, returned in canonical form (lower case, ':'). */
    public static final class Mac implements ITypeConverter<String> {
        @Override
        public String convert(String s) {
            try {
                return MacAddress.format(MacAddress.parse(s));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** An interface name the kernel would accept. */
    public static final class Dev implements ITypeConverter<String> {
        @Override
        public String convert(String s) {
            try {
                return LinkCodec.validateName(s);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** One VID, 1-4094. */
    public static final class Vid implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String s) {
            try {
                return Vids.parseVid(s);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** "VID" or "VID-VID". */
    public static final class VidRange implements ITypeConverter<Vids.Range> {
        @Override
        public Vids.Range convert(String s) {
            try {
                return Vids.parseRange(s);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** "100,300-302". */
    public static final class VidList implements ITypeConverter<List<Vids.Range>> {
        @Override
        public List<Vids.Range> convert(String s) {
            try {
                return Vids.parseList(s);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
