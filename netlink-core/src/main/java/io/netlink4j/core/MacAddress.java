package io.netlink4j.core;

import java.nio.ByteBuffer;

/** Parsing and formatting of link-layer addresses ("02:00:00:00:00:01"). */
public final class MacAddress {
    private MacAddress() {}

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Formats {@code len} bytes at {@code offset} as lower-case hex pairs joined by ':'. */
    public static String format(ByteBuffer b, int offset, int len) {
        char[] out = new char[Math.max(0, len * 3 - 1)];
        for (int i = 0; i < len; i++) {
            int v = b.get(offset + i) & 0xff;
            if (i > 0) {
                out[i * 3 - 1] = ':';
            }
            out[i * 3] = HEX[v >>> 4];
            out[i * 3 + 1] = HEX[v & 15];
        }
        return new String(out);
    }

    public static String format(byte[] mac) {
        return format(ByteBuffer.wrap(mac), 0, mac.length);
    }

    /**
     * Parses a 48-bit MAC ("02:00:00:00:00:01", '-' also accepted as separator).
     *
     * @throws IllegalArgumentException with the reason, for anything else
     */
    public static byte[] parse(String s) {
        if (s == null) {
            throw new IllegalArgumentException("MAC address is missing");
        }
        // scanned by hand, not with split("[:-]"): a bulk load parses one MAC per line, and a regex
        // split compiles its pattern and allocates an array and six strings for each
        int separators = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':' || c == '-') {
                separators++;
            }
        }
        if (separators != 5) {
            throw new IllegalArgumentException("invalid MAC address \"" + s + "\": expected 6 hex pairs like 02:00:00:00:00:01");
        }
        byte[] mac = new byte[6];
        int start = 0;
        for (int i = 0; i < 6; i++) {
            int end = start;
            while (end < s.length() && s.charAt(end) != ':' && s.charAt(end) != '-') {
                end++;
            }
            if (end == start || end - start > 2) {
                throw new IllegalArgumentException("invalid MAC address \"" + s + "\": bad byte \"" + s.substring(start, end) + "\"");
            }
            int v = 0;
            for (int j = start; j < end; j++) {
                char c = s.charAt(j);
                // ASCII only: Character.digit also accepts other scripts' digits (e.g. Arabic-Indic)
                int d = c < 0x80 ? Character.digit(c, 16) : -1;
                if (d < 0) {
                    throw new IllegalArgumentException("invalid MAC address \"" + s + "\": '" + c + "' is not hex");
                }
                v = v * 16 + d;
            }
            mac[i] = (byte) v;
            start = end + 1;
        }
        return mac;
    }
}
