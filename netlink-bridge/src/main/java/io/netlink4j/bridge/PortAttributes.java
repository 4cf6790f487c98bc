package io.netlink4j.bridge;

import static io.netlink4j.bridge.PortCodec.*;

import io.netlink4j.core.AttributeIterator;
import java.util.Map;

/**
 * Names and decodes the scalar IFLA_BRPORT_* attributes (constants in {@link PortCodec}) of an
 * IFLA_PROTINFO nest for monitor events, by the names iproute2 prints.
 */
final class PortAttributes {
    private PortAttributes() {}

    /** iproute2's names ({@code bridge -d link show}); u8 values except cost (u32) and priority (u16). */
    static String name(int type) {
        switch (type) {
            case IFLA_BRPORT_STATE: return "state";
            case IFLA_BRPORT_PRIORITY: return "priority";
            case IFLA_BRPORT_COST: return "cost";
            case IFLA_BRPORT_MODE: return "hairpin";
            case IFLA_BRPORT_GUARD: return "guard";
            case IFLA_BRPORT_PROTECT: return "root_block";
            case IFLA_BRPORT_FAST_LEAVE: return "fastleave";
            case IFLA_BRPORT_LEARNING: return "learning";
            case IFLA_BRPORT_UNICAST_FLOOD: return "flood";
            case IFLA_BRPORT_PROXYARP: return "proxy_arp";
            case IFLA_BRPORT_LEARNING_SYNC: return "learning_sync";
            case IFLA_BRPORT_PROXYARP_WIFI: return "proxy_arp_wifi";
            case IFLA_BRPORT_MULTICAST_ROUTER: return "mcast_router";
            case IFLA_BRPORT_MCAST_FLOOD: return "mcast_flood";
            case IFLA_BRPORT_MCAST_TO_UCAST: return "mcast_to_unicast";
            case IFLA_BRPORT_VLAN_TUNNEL: return "vlan_tunnel";
            case IFLA_BRPORT_BCAST_FLOOD: return "bcast_flood";
            case IFLA_BRPORT_NEIGH_SUPPRESS: return "neigh_suppress";
            case IFLA_BRPORT_ISOLATED: return "isolated";
            case IFLA_BRPORT_LOCKED: return "locked";
            default: return null;
        }
    }

    /** Puts every known attribute of the nest into {@code out}; unknown ones are skipped. */
    static void decode(AttributeIterator it, Map<String, Long> out) {
        while (it.next()) {
            String n = name(it.type());
            if (n == null) {
                continue;
            }
            switch (it.type()) {
                case IFLA_BRPORT_COST: out.put(n, Integer.toUnsignedLong(it.u32())); break;
                case IFLA_BRPORT_PRIORITY: out.put(n, (long) it.u16()); break;
                default: out.put(n, (long) it.u8()); break;
            }
        }
    }
}
