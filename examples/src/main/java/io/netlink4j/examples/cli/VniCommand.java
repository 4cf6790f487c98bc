package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.VniEntry;
import io.netlink4j.bridge.VniSpec;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code nlbridge vni show|add|del}: the VNI filter of VXLAN devices ({@code external vnifilter}). */
@Command(name = "vni", description = "Show and change the VNI filter of VXLAN devices (bridge vni).")
// sub-commands: CommandTree (built lazily)
public final class VniCommand extends Group {

    @Command(name = "show", aliases = "list", description = "Show VNI filter entries, like bridge [-s] vni show [dev DEV].")
    public static final class Show extends NlCommand {
        @Option(names = "--dev", paramLabel = "DEV", converter = Converters.Dev.class,
                description = "Only this VXLAN device.")
        String dev;

        @Option(names = {"-s", "--stats"}, description = "Per-VNI counters (bridge -s); the kernel then lists each VNI of a range on its own.")
        boolean stats;

        @Override
        protected int run(BridgeNetlink nl) {
            List<VniEntry> entries = nl.vnis().list(dev, stats);
            if (json()) {
                JsonOut.write(out(), g -> VniFormat.json(g, entries));
            } else {
                VniFormat.text(out(), entries);
            }
            return 0;
        }
    }

    /** "100", "200-205", "600,700": what {@code bridge vni ... vni LIST} takes. */
    static final class VniList implements ITypeConverter<List<VniSpec>> {
        @Override
        public List<VniSpec> convert(String s) {
            List<VniSpec> out = new ArrayList<>();
            try {
                for (String part : s.split(",", -1)) {
                    VniSpec v = VniSpec.parse(part);
                    if (v.start() < 1 || v.end() > VniSpec.MAX_VNI || v.end() < v.start()) {
                        throw new IllegalArgumentException("VNI " + part + " is out of range: VNIs are 1-"
                                + VniSpec.MAX_VNI + (v.end() < v.start() ? ", start <= end" : ""));
                    }
                    out.add(v);
                }
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            return out;
        }
    }

    /** --group IP or --remote IP. */
    static final class Address {
        @Option(names = "--group", paramLabel = "IP", converter = FdbCommand.IpLiteral.class,
                description = "Multicast group to join for these VNIs (the device needs a lower device).")
        InetAddress group;
        @Option(names = "--remote", paramLabel = "IP", converter = FdbCommand.IpLiteral.class,
                description = "Unicast remote for these VNIs.")
        InetAddress remote;
    }

    /** DEV VNI[-VNI][,...] [--group IP | --remote IP]. */
    abstract static class ChangeCommand extends NlCommand {
        @Parameters(index = "0", paramLabel = "DEV", converter = Converters.Dev.class,
                description = "A VXLAN device created with: external vnifilter.")
        String dev;

        @Parameters(index = "1", paramLabel = "VNI[-VNI][,...]", converter = VniList.class,
                description = "VNIs 1-16777215: one, a range, or a comma list of them (one request).")
        List<VniSpec> vnis;

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Address address;

        List<VniSpec> specs() {
            List<VniSpec> out = new ArrayList<>();
            for (VniSpec v : vnis) {
                if (address != null && address.group != null) {
                    v = v.group(address.group);
                } else if (address != null && address.remote != null) {
                    v = v.remote(address.remote);
                }
                out.add(v);
            }
            return out;
        }
    }

    @Command(name = "add", description = "Add VNIs to the device's filter (bridge vni add); adding one it has is no error.")
    public static final class Add extends ChangeCommand {
        @Override
        protected int run(BridgeNetlink nl) {
            nl.vnis().add(dev, specs());
            return 0;
        }
    }

    @Command(name = "del", aliases = "delete", description = "Delete VNIs from the device's filter (bridge vni delete).")
    public static final class Del extends ChangeCommand {
        @Override
        protected int run(BridgeNetlink nl) {
            nl.vnis().delete(dev, specs());
            return 0;
        }
    }
}
