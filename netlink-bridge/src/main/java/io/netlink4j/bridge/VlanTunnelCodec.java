package io.netlink4j.bridge;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.AttributeNamer;
import io.netlink4j.core.IfInfoMsg;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.Rtnetlink;
import java.util.function.Consumer;

/**
 * VLAN-to-tunnel mapping in IFLA_AF_SPEC of AF_BRIDGE link messages (linux/if_bridge.h). Written
 * as {@code bridge vlan add|del dev DEV vid V[-V] tunnel_info id T[-T]} writes it: RTM_SETLINK /
 * RTM_DELLINK, ifinfomsg {AF_BRIDGE, ifindex}, IFLA_AF_SPEC (no NLA_F_NESTED) ›
 * IFLA_BRIDGE_VLAN_TUNNEL_INFO (no NLA_F_NESTED) › TUNNEL_ID u32, TUNNEL_VID u16, TUNNEL_FLAGS
 * u16, a range being a RANGE_BEGIN / RANGE_END pair of such nests. The kernel puts the same
 * nests (ranges compressed) into the AF_BRIDGE RTM_GETLINK dump with RTEXT_FILTER_BRVLAN(_COMPRESSED),
 * for ports with vlan_tunnel on.
 */
final class VlanTunnelCodec {
    private VlanTunnelCodec() {}

    static final int IFLA_BRIDGE_VLAN_TUNNEL_INFO = 3;

    static final int IFLA_BRIDGE_VLAN_TUNNEL_ID = 1;
    static final int IFLA_BRIDGE_VLAN_TUNNEL_VID = 2;
    static final int IFLA_BRIDGE_VLAN_TUNNEL_FLAGS = 3;

    static {
        AttributeNamer.register(path -> {
            if (path.length >= 2 && path[0] == LinkCodec.IFLA_AF_SPEC && path[1] == IFLA_BRIDGE_VLAN_TUNNEL_INFO) {
                if (path.length == 2) {
                    return "IFLA_BRIDGE_VLAN_TUNNEL_INFO";
                }
                switch (path[2]) {
                    case IFLA_BRIDGE_VLAN_TUNNEL_ID: return "IFLA_BRIDGE_VLAN_TUNNEL_ID";
                    case IFLA_BRIDGE_VLAN_TUNNEL_VID: return "IFLA_BRIDGE_VLAN_TUNNEL_VID";
                    case IFLA_BRIDGE_VLAN_TUNNEL_FLAGS: return "IFLA_BRIDGE_VLAN_TUNNEL_FLAGS";
                    default: return null;
                }
            }
            return null;
        }, Rtnetlink.RTM_SETLINK, Rtnetlink.RTM_DELLINK);
    }

    /** The ifinfomsg and IFLA_AF_SPEC of an RTM_SETLINK (add) / RTM_DELLINK (delete) for port {@code index}. */
    static void encode(MessageWriter w, int index, Iterable<VlanTunnel> tunnels) {
        IfInfoMsg.put(w, Rtnetlink.AF_BRIDGE, index, 0, 0);
        int spec = w.beginNest(LinkCodec.IFLA_AF_SPEC, false);
        for (VlanTunnel t : tunnels) {
            if (t.isRange()) {
                putInfo(w, t.firstTunnelId(), t.firstVid(), BridgeAfSpecCodec.BRIDGE_VLAN_INFO_RANGE_BEGIN);
                putInfo(w, t.lastTunnelId(), t.lastVid(), BridgeAfSpecCodec.BRIDGE_VLAN_INFO_RANGE_END);
            } else {
                putInfo(w, t.firstTunnelId(), t.firstVid(), 0);
            }
        }
        w.endNest(spec);
    }

    private static void putInfo(MessageWriter w, int tunnelId, int vid, int flags) {
        int info = w.beginNest(IFLA_BRIDGE_VLAN_TUNNEL_INFO, false);
        w.putU32(IFLA_BRIDGE_VLAN_TUNNEL_ID, tunnelId);
        w.putU16(IFLA_BRIDGE_VLAN_TUNNEL_VID, vid);
        w.putU16(IFLA_BRIDGE_VLAN_TUNNEL_FLAGS, flags);
        w.endNest(info);
    }

    /**
     * Reads the tunnel mappings of one link's IFLA_AF_SPEC ({@code it} over its payload) into
     * {@code sink}; other attributes (the VLAN list) are skipped. A RANGE_BEGIN / RANGE_END pair
     * becomes one {@link VlanTunnel}; an entry without a VID is skipped as iproute2 does;
     * malformed entries are recorded as the iterator's error.
     */
    static void decode(AttributeIterator it, AttributeIterator child, Consumer<VlanTunnel> sink) {
        int beginVid = -1;
        int beginId = -1;
        while (it.next()) {
            if (it.type() != IFLA_BRIDGE_VLAN_TUNNEL_INFO) {
                continue;
            }
            AttributeIterator c = it.nested(child);
            long id = -1;
            int vid = -1;
            int flags = 0;
            while (c.next()) {
                switch (c.type()) {
                    case IFLA_BRIDGE_VLAN_TUNNEL_ID: id = Integer.toUnsignedLong(c.u32()); break;
                    case IFLA_BRIDGE_VLAN_TUNNEL_VID: vid = c.u16(); break;
                    case IFLA_BRIDGE_VLAN_TUNNEL_FLAGS: flags = c.u16(); break;
                    default: break;
                }
            }
            it.absorb(c);
            if (it.error() != null) {
                return;
            }
            if (vid < 0) {
                continue;
            }
            if (vid < Vlan.MIN_VID || vid > Vlan.MAX_VID || id < 0 || id > VlanTunnel.MAX_TUNNEL_ID) {
                it.fail("IFLA_BRIDGE_VLAN_TUNNEL_INFO with VID " + vid + " and tunnel id " + id);
                return;
            }
            if ((flags & BridgeAfSpecCodec.BRIDGE_VLAN_INFO_RANGE_BEGIN) != 0) {
                beginVid = vid;
                beginId = (int) id;
                continue;
            }
            if ((flags & BridgeAfSpecCodec.BRIDGE_VLAN_INFO_RANGE_END) != 0) {
                if (beginVid < 0 || vid < beginVid || id - beginId != vid - beginVid) {
                    it.fail("IFLA_BRIDGE_VLAN_TUNNEL_INFO RANGE_END " + vid + "->" + id
                            + " does not match its RANGE_BEGIN " + beginVid + "->" + beginId);
                    return;
                }
                sink.accept(new VlanTunnel(beginVid, vid, beginId));
            } else {
                sink.accept(VlanTunnel.of(vid, (int) id));
            }
            beginVid = -1;
            beginId = -1;
        }
    }
}
