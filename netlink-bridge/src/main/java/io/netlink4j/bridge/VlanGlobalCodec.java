package io.netlink4j.bridge;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NetlinkParseException;
import io.netlink4j.core.NlMsg;
import java.util.function.Consumer;

/**
 * Global per-VLAN options (linux/if_bridge.h, BRIDGE_VLANDB_GOPTS_*): RTM_NEWVLAN with
 * br_vlan_msg (the bridge's ifindex) + BRIDGE_VLANDB_GLOBAL_OPTIONS (NLA_F_NESTED) › GOPTS_ID u16
 * [› GOPTS_RANGE u16] › options, as {@code bridge vlan global set} sends it; read with an
 * RTM_GETVLAN dump with BRIDGE_VLANDB_DUMP_FLAGS = BRIDGE_VLANDB_DUMPF_GLOBAL.
 */
final class VlanGlobalCodec {
    private VlanGlobalCodec() {}

    static final int GOPTS_ID = 1;
    static final int GOPTS_RANGE = 2;
    static final int GOPTS_MCAST_SNOOPING = 3;
    static final int GOPTS_MCAST_IGMP_VERSION = 4;
    static final int GOPTS_MCAST_MLD_VERSION = 5;
    static final int GOPTS_MCAST_LAST_MEMBER_CNT = 6;
    static final int GOPTS_MCAST_STARTUP_QUERY_CNT = 7;
    static final int GOPTS_MCAST_LAST_MEMBER_INTVL = 8;
    static final int GOPTS_PAD = 9;
    static final int GOPTS_MCAST_MEMBERSHIP_INTVL = 10;
    static final int GOPTS_MCAST_QUERIER_INTVL = 11;
    static final int GOPTS_MCAST_QUERY_INTVL = 12;
    static final int GOPTS_MCAST_QUERY_RESPONSE_INTVL = 13;
    static final int GOPTS_MCAST_STARTUP_QUERY_INTVL = 14;
    static final int GOPTS_MCAST_QUERIER = 15;
    static final int GOPTS_MCAST_ROUTER_PORTS = 16;
    static final int GOPTS_MCAST_QUERIER_STATE = 17;
    static final int GOPTS_MSTI = 18;
    static final int GOPTS_MAX = GOPTS_MSTI;

    /** The order we send options in: iproute2's usage order (its request follows the command line). */
    static final int[] ORDER = {
        GOPTS_MCAST_SNOOPING, GOPTS_MCAST_QUERIER, GOPTS_MCAST_IGMP_VERSION, GOPTS_MCAST_MLD_VERSION,
        GOPTS_MCAST_LAST_MEMBER_CNT, GOPTS_MCAST_LAST_MEMBER_INTVL, GOPTS_MCAST_STARTUP_QUERY_CNT,
        GOPTS_MCAST_STARTUP_QUERY_INTVL, GOPTS_MCAST_MEMBERSHIP_INTVL, GOPTS_MCAST_QUERIER_INTVL,
        GOPTS_MCAST_QUERY_INTVL, GOPTS_MCAST_QUERY_RESPONSE_INTVL, GOPTS_MSTI,
    };

    /** iproute2's option (and JSON key) name of an option type. */
    static String name(int type) {
        switch (type) {
            case GOPTS_MCAST_SNOOPING: return "mcast_snooping";
            case GOPTS_MCAST_QUERIER: return "mcast_querier";
            case GOPTS_MCAST_IGMP_VERSION: return "mcast_igmp_version";
            case GOPTS_MCAST_MLD_VERSION: return "mcast_mld_version";
            case GOPTS_MCAST_LAST_MEMBER_CNT: return "mcast_last_member_count";
            case GOPTS_MCAST_LAST_MEMBER_INTVL: return "mcast_last_member_interval";
            case GOPTS_MCAST_STARTUP_QUERY_CNT: return "mcast_startup_query_count";
            case GOPTS_MCAST_STARTUP_QUERY_INTVL: return "mcast_startup_query_interval";
            case GOPTS_MCAST_MEMBERSHIP_INTVL: return "mcast_membership_interval";
            case GOPTS_MCAST_QUERIER_INTVL: return "mcast_querier_interval";
            case GOPTS_MCAST_QUERY_INTVL: return "mcast_query_interval";
            case GOPTS_MCAST_QUERY_RESPONSE_INTVL: return "mcast_query_response_interval";
            case GOPTS_MSTI: return "msti";
            default: return "gopt" + type;
        }
    }

    /** Wire width in bytes of an option we know (u8 flags/versions, u32 counts, u64 intervals, u16 msti); 0 otherwise. */
    static int width(int type) {
        switch (type) {
            case GOPTS_MCAST_SNOOPING: case GOPTS_MCAST_QUERIER:
            case GOPTS_MCAST_IGMP_VERSION: case GOPTS_MCAST_MLD_VERSION:
                return 1;
            case GOPTS_MSTI:
                return 2;
            case GOPTS_MCAST_LAST_MEMBER_CNT: case GOPTS_MCAST_STARTUP_QUERY_CNT:
                return 4;
            case GOPTS_MCAST_LAST_MEMBER_INTVL: case GOPTS_MCAST_STARTUP_QUERY_INTVL:
            case GOPTS_MCAST_MEMBERSHIP_INTVL: case GOPTS_MCAST_QUERIER_INTVL:
            case GOPTS_MCAST_QUERY_INTVL: case GOPTS_MCAST_QUERY_RESPONSE_INTVL:
                return 8;
            default:
                return 0;
        }
    }

    /** The request of {@code bridge vlan global set dev BRIDGE vid FIRST[-LAST] ...}. */
    static void encodeSet(MessageWriter w, int bridgeIndex, Vlan vids, VlanGlobalOptions options) {
        VlanDbCodec.putHeader(w, bridgeIndex);
        int nest = w.beginNest(VlanDbCodec.BRIDGE_VLANDB_GLOBAL_OPTIONS);
        w.putU16(GOPTS_ID, vids.first());
        if (vids.isRange()) {
            w.putU16(GOPTS_RANGE, vids.last());
        }
        for (int type : ORDER) {
            Long v = options.raw(type);
            if (v == null) {
                continue;
            }
            switch (width(type)) {
                case 1: w.putU8(type, v.intValue()); break;
                case 2: w.putU16(type, v.intValue()); break;
                case 4: w.putU32(type, v.intValue()); break;
                default: w.putU64(type, v); break;
            }
        }
        w.endNest(nest);
    }

    /** The dump request of {@code bridge vlan global show}; ifindex 0 = every bridge. */
    static void encodeDump(MessageWriter w, int ifindex) {
        VlanDbCodec.encodeDump(w, ifindex, VlanDbCodec.BRIDGE_VLANDB_DUMPF_GLOBAL);
    }

    /** Decodes the BRIDGE_VLANDB_GLOBAL_OPTIONS of one RTM_NEWVLAN message; other attributes are skipped. */
    static void decode(NlMsg m, AttributeIterator it, AttributeIterator nest, Consumer<VlanGlobalEntry> sink) {
        if (m.payloadLength() < VlanDbCodec.BR_VLAN_MSG_LENGTH) {
            throw new NetlinkParseException("RTM_NEWVLAN of " + m.payloadLength() + " bytes has no br_vlan_msg");
        }
        int ifindex = m.buffer().getInt(m.payloadOffset() + VlanDbCodec.IFINDEX_OFFSET);
        m.attributes(it, VlanDbCodec.BR_VLAN_MSG_LENGTH);
        while (it.next()) {
            if (it.type() != VlanDbCodec.BRIDGE_VLANDB_GLOBAL_OPTIONS) {
                continue;
            }
            VlanGlobalEntry e = decodeEntry(ifindex, it.nested(nest));
            it.absorb(nest);
            if (e != null) {
                sink.accept(e);
            }
        }
        it.check();
    }

    private static VlanGlobalEntry decodeEntry(int ifindex, AttributeIterator it) {
        int vid = -1;
        int last = -1;
        VlanGlobalOptions.Builder b = VlanGlobalOptions.builder();
        while (it.next()) {
            int type = it.type();
            if (type == GOPTS_ID) {
                vid = it.u16();
                continue;
            }
            if (type == GOPTS_RANGE) {
                last = it.u16();
                continue;
            }
            switch (type <= GOPTS_MAX ? width(type) : 0) {
                case 1: b.raw(type, it.u8()); break;
                case 2: b.raw(type, it.u16()); break;
                case 4: b.raw(type, it.u32() & 0xffffffffL); break;
                case 8: b.raw(type, it.u64()); break;
                default: break; // router ports, querier state, future options
            }
        }
        if (it.error() != null) {
            return null;
        }
        if (vid < 0) {
            it.fail("BRIDGE_VLANDB_GLOBAL_OPTIONS without BRIDGE_VLANDB_GOPTS_ID");
            return null;
        }
        if (last < 0) {
            last = vid;
        }
        if (vid < Vlan.MIN_VID || last > Vlan.MAX_VID || last < vid) {
            it.fail("BRIDGE_VLANDB_GLOBAL_OPTIONS with VIDs " + vid + "-" + last);
            return null;
        }
        return new VlanGlobalEntry(ifindex, vid, last, b.build());
    }
}
