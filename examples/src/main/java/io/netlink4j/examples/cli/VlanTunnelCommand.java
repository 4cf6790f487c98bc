package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.VlanTunnel;
import io.netlink4j.core.Links;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code nlbridge vlan tunnel add|del} and {@code nlbridge vlan tunnelshow}: VLAN-to-tunnel
 * mapping on collect-metadata VXLAN ports ({@code bridge vlan add dev DEV vid V tunnel_info id T},
 * {@code bridge vlan tunnelshow}).
 */
@Command(name = "tunnel", description = {
    "Map VLANs of a bridge port to tunnel ids (bridge vlan add|del ... tunnel_info id).",
    "The port is a VXLAN device made with 'external', with vlan_tunnel on",
    "(nlbridge port set DEV --vlan-tunnel on), and has the VLANs already."})
// sub-commands: CommandTree (built lazily)
public final class VlanTunnelCommand extends Group {

    /** Tunnel ids as given: {@code last} is -1 when only one was. */
    record Ids(int first, int last) {}

    /** "T" or "T-T", tunnel ids 0 to 2^24-1 as iproute2 takes them. */
    static final class TunnelIds implements ITypeConverter<Ids> {
        @Override
        public Ids convert(String s) {
            int dash = s.indexOf('-', 1);
            int first = parse(dash < 0 ? s : s.substring(0, dash), s);
            int last = dash < 0 ? -1 : parse(s.substring(dash + 1), s);
            if (last >= 0 && last < first) {
                throw new TypeConversionException("tunnel id range " + s + " is backwards");
            }
            return new Ids(first, last);
        }

        private static int parse(String part, String whole) {
            if (part.isEmpty() || part.length() > 9 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > VlanTunnel.MAX_TUNNEL_ID) {
                throw new TypeConversionException("invalid tunnel id \"" + whole + "\": expected 0-"
                        + VlanTunnel.MAX_TUNNEL_ID + " or a range of them");
            }
            return Integer.parseInt(part);
        }
    }

    /** DEV VID[-VID] TUNNEL_ID[-TUNNEL_ID]. */
    abstract static class Change extends NlCommand {
        @Parameters(index = "0", paramLabel = "DEV", converter = Converters.Dev.class)
        String dev;

        @Parameters(index = "1", paramLabel = "VID[-VID]", converter = Converters.VidRange.class)
        Vids.Range vids;

        @Parameters(index = "2", paramLabel = "TUNNEL_ID[-TUNNEL_ID]", converter = TunnelIds.class,
                description = "Tunnel id (VNI) 0-16777215 of the first VID; a range must be as long as the VIDs'.")
        Ids ids;

        VlanTunnel tunnel;

        @Override
        protected void check() {
            int count = vids.last() - vids.first();
            if (ids.last() >= 0 && ids.last() - ids.first() != count) {
                throw new IllegalArgumentException("VLANs " + vids + " and tunnel ids " + ids.first() + "-" + ids.last()
                        + " differ in length: a range maps one VID to one tunnel id");
            }
            tunnel = VlanTunnel.range(vids.first(), vids.last(), ids.first());
        }
    }

    @Command(name = "add", description = {
        "Map VID (or VID-VID) of DEV to TUNNEL_ID (or TUNNEL_ID-TUNNEL_ID) (bridge vlan add ... tunnel_info id).",
        "A VID range with one tunnel id maps it onto consecutive ids from there."})
    public static final class Add extends Change {
        @Override
        protected int run(BridgeNetlink nl) {
            nl.vlans().tunnels().add(dev, tunnel);
            return 0;
        }
    }

    @Command(name = "del", aliases = "delete", description = {
        "Delete the mapping of VID (or VID-VID) of DEV (bridge vlan del ... tunnel_info id); the VLANs stay."})
    public static final class Del extends Change {
        @Override
        protected int run(BridgeNetlink nl) {
            nl.vlans().tunnels().delete(dev, tunnel);
            return 0;
        }
    }

    @Command(name = "tunnelshow", description = "Show VLAN-to-tunnel mappings (all ports, or DEV), like bridge vlan tunnelshow.")
    public static final class Show extends NlCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "DEV", converter = Converters.Dev.class)
        String dev;

        @Option(names = "--vid", paramLabel = "VID", converter = Converters.Vid.class,
                description = "Only the mapping that holds VLAN VID, its whole range (bridge vlan tunnelshow vid VID).")
        Integer vid;

        @Override
        protected int run(BridgeNetlink nl) {
            Map<String, List<VlanTunnel>> all = new LinkedHashMap<>();
            if (dev != null) {
                nl.call(ch -> new Links(ch).get(dev)); // an unknown device is an error, not an empty list
                all.put(dev, nl.vlans().tunnels().get(dev));
            } else {
                all.putAll(nl.vlans().tunnels().list());
            }
            Map<String, List<VlanTunnel>> shown = new LinkedHashMap<>();
            all.forEach((name, tunnels) -> {
                List<VlanTunnel> kept = vid == null ? tunnels
                        : tunnels.stream().filter(t -> t.firstVid() <= vid && vid <= t.lastVid()).toList();
                if (!kept.isEmpty()) { // as iproute2: a device with nothing to show is not listed
                    shown.put(name, kept);
                }
            });
            if (json()) {
                JsonOut.write(out(), g -> VlanTunnelFormat.json(g, shown));
            } else {
                VlanTunnelFormat.text(out(), shown);
            }
            return 0;
        }
    }
}
