package io.netlink4j.bridge;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.InvalidArgumentException;
import io.netlink4j.core.Link;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * VLAN-to-tunnel mapping on bridge ports ({@code bridge vlan add|del dev DEV vid V tunnel_info id T},
 * {@code bridge vlan tunnelshow}): on a collect-metadata ("external") VXLAN port of a
 * VLAN-filtering bridge, each mapped VLAN leaves with its own VNI. Get it from
 * {@link Vlans#tunnels()}.
 *
 * <pre>{@code
 * nl.ports().set("vxlan0", PortSettings.builder().vlanTunnel(true).build()); // vlan_tunnel on
 * nl.vlans().add("vxlan0", Vlan.of(100), Vlan.range(200, 205));               // the VLANs first
 * nl.vlans().tunnels().add("vxlan0", VlanTunnel.of(100, 1100), VlanTunnel.range(200, 205, 1200));
 * }</pre>
 *
 * <p>The kernel accepts a mapping only on a port with {@code vlan_tunnel on}, for a VLAN the port
 * already has, and each tunnel id once per port; otherwise it answers EINVAL, which comes as
 * {@link InvalidArgumentException} naming these conditions. Deleting the VLAN deletes its mapping.
 * Thread-safe: every call is one conversation on a channel of the handle.
 */
public final class VlanTunnels {
    private final BridgeNetlink nl;

    static final String KERNEL_RULES = "the kernel maps only VLANs the port has, on ports with vlan_tunnel on"
            + " (PortSettings.vlanTunnel), each tunnel id once per port";

    VlanTunnels(BridgeNetlink nl) {
        this.nl = nl;
    }

    /** {@code bridge vlan add dev DEV vid V[-V] tunnel_info id T[-T]} for each mapping, in one RTM_SETLINK. */
    public void add(String port, VlanTunnel... tunnels) {
        change(port, Rtnetlink.RTM_SETLINK, "add", checked(tunnels));
    }

    /** {@code bridge vlan del dev DEV vid V[-V] tunnel_info id T[-T]} for each mapping, in one RTM_DELLINK; the VLANs stay. */
    public void delete(String port, VlanTunnel... tunnels) {
        change(port, Rtnetlink.RTM_DELLINK, "delete", checked(tunnels));
    }

    private static List<VlanTunnel> checked(VlanTunnel[] tunnels) {
        if (tunnels == null || tunnels.length == 0) {
            throw new IllegalArgumentException("no VLAN tunnel mappings given");
        }
        if (tunnels.length > VlanSyncPlan.MAX_ENTRIES_PER_REQUEST) {
            throw new IllegalArgumentException(tunnels.length + " VLAN tunnel mappings in one request (at most "
                    + VlanSyncPlan.MAX_ENTRIES_PER_REQUEST + ")");
        }
        for (VlanTunnel t : tunnels) {
            if (t == null) {
                throw new IllegalArgumentException("null VLAN tunnel mapping");
            }
        }
        return Arrays.asList(tunnels);
    }

    private void change(String port, int type, String verb, List<VlanTunnel> tunnels) {
        LinkCodec.validateName(port);
        String op = verb + " vlan tunnel " + tunnels + " on " + port;
        nl.call(ch -> {
            Link l = Vlans.lookupMember(ch, op, port);
            if (l.isBridge()) {
                // the kernel would answer EINVAL: tunnel mapping belongs to a port, not to the bridge itself
                throw new NotABridgePortException(op, 0, null, null, port,
                        port + " is the bridge: VLAN tunnel mapping is set on its (VXLAN) ports");
            }
            MessageWriter w = ch.request(type, NlMsg.NLM_F_ACK);
            VlanTunnelCodec.encode(w, l.index(), tunnels);
            try {
                Vlans.execute(ch, op);
            } catch (InvalidArgumentException e) {
                throw new InvalidArgumentException(e.operation(), e.errno(), e.kernelMessage(), e.badAttribute(),
                        KERNEL_RULES);
            }
            return null;
        });
    }

    /**
     * Every port's mappings by device name ({@code bridge vlan tunnelshow}): the AF_BRIDGE
     * RTM_GETLINK dump with IFLA_EXT_MASK RTEXT_FILTER_BRVLAN. Only ports with mappings are
     * listed; the kernel joins consecutive VIDs with consecutive tunnel ids into ranges.
     */
    public Map<String, List<VlanTunnel>> list() {
        return nl.call(ch -> list(ch, 0));
    }

    /** The mappings of one port (empty if it has none). */
    public List<VlanTunnel> get(String port) {
        LinkCodec.validateName(port);
        return nl.call(ch -> {
            Link l = Vlans.lookupMember(ch, "show vlan tunnels of " + port, port);
            return list(ch, l.index()).getOrDefault(l.name(), List.of());
        });
    }

    private static Map<String, List<VlanTunnel>> list(RtnlChannel ch, int ifindex) {
        MessageWriter w = ch.request(Rtnetlink.RTM_GETLINK, NlMsg.NLM_F_DUMP);
        Vlans.encodeLinkDump(w, false);
        Reader reader = new Reader();
        return Vlans.linkDump(ch, "show vlan tunnels", reader::reset, reader,
                l -> !reader.tunnels.isEmpty() && (ifindex == 0 || l.index() == ifindex)
                        ? List.copyOf(reader.tunnels) : null);
    }

    /** Reads the tunnel mappings of one AF_BRIDGE link message's IFLA_AF_SPEC. */
    static final class Reader implements LinkCodec.Hook {
        final List<VlanTunnel> tunnels = new ArrayList<>();
        private final AttributeIterator child = new AttributeIterator();

        void reset() {
            tunnels.clear();
        }

        @Override
        public void afSpec(AttributeIterator data) {
            VlanTunnelCodec.decode(data, child, tunnels::add);
        }
    }
}
