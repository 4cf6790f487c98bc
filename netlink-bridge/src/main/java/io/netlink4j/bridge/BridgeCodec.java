package io.netlink4j.bridge;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.AttributeNamer;
import io.netlink4j.core.IfInfoMsg;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.Rtnetlink;
import java.nio.charset.StandardCharsets;

/**
 * The IFLA_BR_* attributes of a bridge device (linux/if_link.h), carried in IFLA_LINKINFO ›
 * IFLA_INFO_DATA of a link of kind "bridge": their encoding in a create/change request (as
 * {@code ip link add/set … type bridge …} writes them) and their decoding from RTM_NEWLINK.
 *
 * <p>Timers are clock_t on the wire: centiseconds (USER_HZ = 100), which is also the unit
 * iproute2 takes on its command line ({@code forward_delay 400} = 4 s) and shows for the settings
 * (its running timers it shows in seconds).
 */
public final class BridgeCodec {
    private BridgeCodec() {}

    public static final int IFLA_BR_FORWARD_DELAY = 1;
    public static final int IFLA_BR_HELLO_TIME = 2;
    public static final int IFLA_BR_MAX_AGE = 3;
    public static final int IFLA_BR_AGEING_TIME = 4;
    public static final int IFLA_BR_STP_STATE = 5;
    public static final int IFLA_BR_PRIORITY = 6;
    public static final int IFLA_BR_VLAN_FILTERING = 7;
    public static final int IFLA_BR_VLAN_PROTOCOL = 8;
    public static final int IFLA_BR_GROUP_FWD_MASK = 9;
    public static final int IFLA_BR_ROOT_ID = 10;
    public static final int IFLA_BR_BRIDGE_ID = 11;
    public static final int IFLA_BR_ROOT_PORT = 12;
    public static final int IFLA_BR_ROOT_PATH_COST = 13;
    public static final int IFLA_BR_TOPOLOGY_CHANGE = 14;
    public static final int IFLA_BR_TOPOLOGY_CHANGE_DETECTED = 15;
    public static final int IFLA_BR_HELLO_TIMER = 16;
    public static final int IFLA_BR_TCN_TIMER = 17;
    public static final int IFLA_BR_TOPOLOGY_CHANGE_TIMER = 18;
    public static final int IFLA_BR_GC_TIMER = 19;
    public static final int IFLA_BR_GROUP_ADDR = 20;
    public static final int IFLA_BR_FDB_FLUSH = 21;
    public static final int IFLA_BR_MCAST_ROUTER = 22;
    public static final int IFLA_BR_MCAST_SNOOPING = 23;
    public static final int IFLA_BR_MCAST_QUERY_USE_IFADDR = 24;
    public static final int IFLA_BR_MCAST_QUERIER = 25;
    public static final int IFLA_BR_MCAST_HASH_ELASTICITY = 26;
    public static final int IFLA_BR_MCAST_HASH_MAX = 27;
    public static final int IFLA_BR_MCAST_LAST_MEMBER_CNT = 28;
    public static final int IFLA_BR_MCAST_STARTUP_QUERY_CNT = 29;
    public static final int IFLA_BR_MCAST_LAST_MEMBER_INTVL = 30;
    public static final int IFLA_BR_MCAST_MEMBERSHIP_INTVL = 31;
    public static final int IFLA_BR_MCAST_QUERIER_INTVL = 32;
    public static final int IFLA_BR_MCAST_QUERY_INTVL = 33;
    public static final int IFLA_BR_MCAST_QUERY_RESPONSE_INTVL = 34;
    public static final int IFLA_BR_MCAST_STARTUP_QUERY_INTVL = 35;
    public static final int IFLA_BR_NF_CALL_IPTABLES = 36;
    public static final int IFLA_BR_NF_CALL_IP6TABLES = 37;
    public static final int IFLA_BR_NF_CALL_ARPTABLES = 38;
    public static final int IFLA_BR_VLAN_DEFAULT_PVID = 39;
    public static final int IFLA_BR_PAD = 40;
    public static final int IFLA_BR_VLAN_STATS_ENABLED = 41;
    public static final int IFLA_BR_MCAST_STATS_ENABLED = 42;
    public static final int IFLA_BR_MCAST_IGMP_VERSION = 43;
    public static final int IFLA_BR_MCAST_MLD_VERSION = 44;
    public static final int IFLA_BR_VLAN_STATS_PER_PORT = 45;
    public static final int IFLA_BR_MULTI_BOOLOPT = 46;
    public static final int IFLA_BR_MCAST_QUERIER_STATE = 47;
    public static final int IFLA_BR_FDB_N_LEARNED = 48;
    public static final int IFLA_BR_FDB_MAX_LEARNED = 49;

    // bits of IFLA_BR_MULTI_BOOLOPT (enum br_boolopt_id in linux/if_bridge.h)
    public static final int BR_BOOLOPT_NO_LL_LEARN = 0;
    public static final int BR_BOOLOPT_MCAST_VLAN_SNOOPING = 1;
    public static final int BR_BOOLOPT_MST_ENABLE = 2;

    /** The link kind, sent without a NUL as iproute2 does. */
    static final byte[] KIND = "bridge".getBytes(StandardCharsets.US_ASCII);

    static final int FLAG = AttrValues.FLAG;
    static final int BE16 = AttrValues.BE16;
    static final int MAC = AttrValues.MAC;
    static final int BOOLOPT = AttrValues.BOOLOPT;

    /** Wire width of each writable attribute (1, 2, 4, 8 bytes, FLAG, BE16, MAC); 0 = read-only or unknown. */
    static final int[] WIDTH = new int[64];

    private static final String[] NAMES = new String[50];

    static {
        for (int t : new int[] {IFLA_BR_FORWARD_DELAY, IFLA_BR_HELLO_TIME, IFLA_BR_MAX_AGE, IFLA_BR_AGEING_TIME,
                IFLA_BR_STP_STATE, IFLA_BR_MCAST_HASH_ELASTICITY, IFLA_BR_MCAST_HASH_MAX,
                IFLA_BR_MCAST_LAST_MEMBER_CNT, IFLA_BR_MCAST_STARTUP_QUERY_CNT, IFLA_BR_FDB_MAX_LEARNED}) {
            WIDTH[t] = 4;
        }
        for (int t : new int[] {IFLA_BR_VLAN_FILTERING, IFLA_BR_MCAST_ROUTER, IFLA_BR_MCAST_SNOOPING,
                IFLA_BR_MCAST_QUERY_USE_IFADDR, IFLA_BR_MCAST_QUERIER, IFLA_BR_NF_CALL_IPTABLES,
                IFLA_BR_NF_CALL_IP6TABLES, IFLA_BR_NF_CALL_ARPTABLES, IFLA_BR_VLAN_STATS_ENABLED,
                IFLA_BR_MCAST_STATS_ENABLED, IFLA_BR_MCAST_IGMP_VERSION, IFLA_BR_MCAST_MLD_VERSION,
                IFLA_BR_VLAN_STATS_PER_PORT}) {
            WIDTH[t] = 1;
        }
        for (int t = IFLA_BR_MCAST_LAST_MEMBER_INTVL; t <= IFLA_BR_MCAST_STARTUP_QUERY_INTVL; t++) {
            WIDTH[t] = 8;
        }
        WIDTH[IFLA_BR_PRIORITY] = 2;
        WIDTH[IFLA_BR_GROUP_FWD_MASK] = 2;
        WIDTH[IFLA_BR_VLAN_DEFAULT_PVID] = 2;
        WIDTH[IFLA_BR_VLAN_PROTOCOL] = BE16;
        WIDTH[IFLA_BR_GROUP_ADDR] = MAC;
        WIDTH[IFLA_BR_FDB_FLUSH] = FLAG;
        WIDTH[IFLA_BR_MULTI_BOOLOPT] = BOOLOPT;
        String[] n = {null, "FORWARD_DELAY", "HELLO_TIME", "MAX_AGE", "AGEING_TIME", "STP_STATE", "PRIORITY",
            "VLAN_FILTERING", "VLAN_PROTOCOL", "GROUP_FWD_MASK", "ROOT_ID", "BRIDGE_ID", "ROOT_PORT",
            "ROOT_PATH_COST", "TOPOLOGY_CHANGE", "TOPOLOGY_CHANGE_DETECTED", "HELLO_TIMER", "TCN_TIMER",
            "TOPOLOGY_CHANGE_TIMER", "GC_TIMER", "GROUP_ADDR", "FDB_FLUSH", "MCAST_ROUTER", "MCAST_SNOOPING",
            "MCAST_QUERY_USE_IFADDR", "MCAST_QUERIER", "MCAST_HASH_ELASTICITY", "MCAST_HASH_MAX",
            "MCAST_LAST_MEMBER_CNT", "MCAST_STARTUP_QUERY_CNT", "MCAST_LAST_MEMBER_INTVL",
            "MCAST_MEMBERSHIP_INTVL", "MCAST_QUERIER_INTVL", "MCAST_QUERY_INTVL", "MCAST_QUERY_RESPONSE_INTVL",
            "MCAST_STARTUP_QUERY_INTVL", "NF_CALL_IPTABLES", "NF_CALL_IP6TABLES", "NF_CALL_ARPTABLES",
            "VLAN_DEFAULT_PVID", "PAD", "VLAN_STATS_ENABLED", "MCAST_STATS_ENABLED", "MCAST_IGMP_VERSION",
            "MCAST_MLD_VERSION", "VLAN_STATS_PER_PORT", "MULTI_BOOLOPT", "MCAST_QUERIER_STATE",
            "FDB_N_LEARNED", "FDB_MAX_LEARNED"};
        for (int i = 1; i < n.length; i++) {
            NAMES[i] = "IFLA_BR_" + n[i];
        }
        // the namer sees types, not the kind: for another kind's IFLA_INFO_DATA this name is a guess
        // (a namer registered later for that kind is asked first)
        AttributeNamer.register(path -> path.length == 3 && path[0] == LinkCodec.IFLA_LINKINFO
                && path[1] == LinkCodec.IFLA_INFO_DATA ? name(path[2]) : null,
                Rtnetlink.RTM_NEWLINK, Rtnetlink.RTM_SETLINK);
    }

    /** The uapi name of an IFLA_BR_* type, or null. */
    public static String name(int type) {
        return type > 0 && type < NAMES.length ? NAMES[type] : null;
    }

    /** Loads the class so that the attribute names are registered for error reports. */
    public static void init() {
        // the static initializer did the work
    }

    /**
     * {@code ip link add NAME type bridge OPTIONS}: ifinfomsg, IFLA_IFNAME, IFLA_LINKINFO ›
     * IFLA_INFO_KIND "bridge" [+ IFLA_INFO_DATA › options in the order set]. Flags are the caller's
     * (NLM_F_CREATE | NLM_F_EXCL).
     */
    public static void encodeCreate(MessageWriter w, String name, BridgeSettings s) {
        IfInfoMsg.put(w, Rtnetlink.AF_UNSPEC, 0, 0, 0);
        w.putString(LinkCodec.IFLA_IFNAME, name);
        encodeLinkInfo(w, s);
    }

    /**
     * {@code ip link set dev NAME type bridge OPTIONS}: the device by {@code index}, or by
     * {@code name} when index is 0.
     */
    public static void encodeSet(MessageWriter w, int index, String name, BridgeSettings s) {
        IfInfoMsg.put(w, Rtnetlink.AF_UNSPEC, index, 0, 0);
        if (index == 0) {
            w.putString(LinkCodec.IFLA_IFNAME, name);
        }
        encodeLinkInfo(w, s);
    }

    private static void encodeLinkInfo(MessageWriter w, BridgeSettings s) {
        int info = w.beginNest(LinkCodec.IFLA_LINKINFO, false);
        w.putBytes(LinkCodec.IFLA_INFO_KIND, KIND);
        if (!s.isEmpty()) {
            int data = w.beginNest(LinkCodec.IFLA_INFO_DATA, false);
            encodeAttributes(w, s);
            w.endNest(data);
        }
        w.endNest(info);
    }

    /** The set attributes of {@code s}, in the order they were set. */
    public static void encodeAttributes(MessageWriter w, BridgeSettings s) {
        s.values().encode(w, WIDTH, "IFLA_BR");
    }

    /** Reads IFLA_INFO_DATA of a bridge into {@code out}; unknown (newer) types are skipped. */
    public static void decode(AttributeIterator it, BridgeInfo.Builder out) {
        AttrValues v = out.settings;
        out.seen = true;
        while (it.next()) {
            int t = it.type();
            switch (t) {
                case IFLA_BR_ROOT_ID: out.rootId = PortCodec.bridgeId(it); break;
                case IFLA_BR_BRIDGE_ID: out.bridgeId = PortCodec.bridgeId(it); break;
                case IFLA_BR_ROOT_PORT: out.rootPort = it.u16(); break;
                case IFLA_BR_ROOT_PATH_COST: out.rootPathCost = Integer.toUnsignedLong(it.u32()); break;
                case IFLA_BR_TOPOLOGY_CHANGE: out.topologyChange = it.u8() != 0; break;
                case IFLA_BR_TOPOLOGY_CHANGE_DETECTED: out.topologyChangeDetected = it.u8() != 0; break;
                case IFLA_BR_HELLO_TIMER: out.helloTimer = it.u64(); break;
                case IFLA_BR_TCN_TIMER: out.tcnTimer = it.u64(); break;
                case IFLA_BR_TOPOLOGY_CHANGE_TIMER: out.topologyChangeTimer = it.u64(); break;
                case IFLA_BR_GC_TIMER: out.gcTimer = it.u64(); break;
                case IFLA_BR_FDB_N_LEARNED: out.fdbLearned = Integer.toUnsignedLong(it.u32()); break;
                case IFLA_BR_MULTI_BOOLOPT: out.boolopts = it.u32(); v.decode(it, WIDTH); break;
                default: v.decode(it, WIDTH); break; // FDB_FLUSH is never reported; PAD, unknown types skipped
            }
        }
    }
}
