package io.netlink4j.bridge;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.AttributeNamer;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NetlinkParseException;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * RTM_NEWVLAN / RTM_GETVLAN (linux/if_bridge.h): the bridge VLAN database with per-VLAN options.
 * Family header {@code struct br_vlan_msg {u8 family; u8 reserved1; u16 reserved2; u32 ifindex;}};
 * each BRIDGE_VLANDB_ENTRY (NLA_F_NESTED) holds ENTRY_INFO (struct bridge_vlan_info), optionally
 * ENTRY_RANGE (u16 last VID) and the options (ENTRY_STATE, ENTRY_MCAST_ROUTER …).
 */
final class VlanDbCodec {
    private VlanDbCodec() {}

    /** sizeof(struct br_vlan_msg). */
    static final int BR_VLAN_MSG_LENGTH = 8;
    static final int FAMILY_OFFSET = 0;
    static final int IFINDEX_OFFSET = 4;

    static final int BRIDGE_VLANDB_DUMP_FLAGS = 1;
    static final int BRIDGE_VLANDB_DUMPF_STATS = 1;
    static final int BRIDGE_VLANDB_DUMPF_GLOBAL = 1 << 1;

    static final int BRIDGE_VLANDB_ENTRY = 1;
    static final int BRIDGE_VLANDB_GLOBAL_OPTIONS = 2;

    static final int BRIDGE_VLANDB_ENTRY_INFO = 1;
    static final int BRIDGE_VLANDB_ENTRY_RANGE = 2;
    static final int BRIDGE_VLANDB_ENTRY_STATE = 3;
    static final int BRIDGE_VLANDB_ENTRY_TUNNEL_INFO = 4;
    static final int BRIDGE_VLANDB_ENTRY_STATS = 5;
    static final int BRIDGE_VLANDB_ENTRY_MCAST_ROUTER = 6;

    /** STP port states (linux/if_bridge.h), also the per-VLAN states. */
    static final int BR_STATE_DISABLED = 0;
    static final int BR_STATE_LISTENING = 1;
    static final int BR_STATE_LEARNING = 2;
    static final int BR_STATE_FORWARDING = 3;
    static final int BR_STATE_BLOCKING = 4;

    /** Multicast router types (enum, linux/if_bridge.h). */
    static final int MDB_RTR_TYPE_DISABLED = 0;
    static final int MDB_RTR_TYPE_TEMP_QUERY = 1;
    static final int MDB_RTR_TYPE_PERM = 2;
    static final int MDB_RTR_TYPE_TEMP = 3;

    static {
        AttributeNamer.register(path -> {
            if (path.length == 1) {
                return path[0] == BRIDGE_VLANDB_ENTRY ? "BRIDGE_VLANDB_ENTRY" : null;
            }
            if (path.length == 2 && path[0] == BRIDGE_VLANDB_ENTRY) {
                switch (path[1]) {
                    case BRIDGE_VLANDB_ENTRY_INFO: return "BRIDGE_VLANDB_ENTRY_INFO";
                    case BRIDGE_VLANDB_ENTRY_RANGE: return "BRIDGE_VLANDB_ENTRY_RANGE";
                    case BRIDGE_VLANDB_ENTRY_STATE: return "BRIDGE_VLANDB_ENTRY_STATE";
                    case BRIDGE_VLANDB_ENTRY_MCAST_ROUTER: return "BRIDGE_VLANDB_ENTRY_MCAST_ROUTER";
                    default: return null;
                }
            }
            return null;
        }, Rtnetlink.RTM_NEWVLAN, Rtnetlink.RTM_DELVLAN, Rtnetlink.RTM_GETVLAN);
    }

    static void putHeader(MessageWriter w, int ifindex) {
        int at = w.reserve(BR_VLAN_MSG_LENGTH);
        w.buffer().put(at + FAMILY_OFFSET, (byte) Rtnetlink.AF_BRIDGE);
        w.buffer().putInt(at + IFINDEX_OFFSET, ifindex);
    }

    /** The RTM_GETVLAN dump request of {@code bridge -d vlan show}; ifindex 0 = every device. */
    static void encodeDump(MessageWriter w, int ifindex, int dumpFlags) {
        putHeader(w, ifindex);
        w.putU32(BRIDGE_VLANDB_DUMP_FLAGS, dumpFlags);
    }

    /**
     * Opens the RTM_NEWVLAN entry of {@code bridge vlan set dev DEV vid FIRST[-LAST] ...}: header,
     * ENTRY › ENTRY_INFO {ONLY_OPTS, first} [› ENTRY_RANGE last]; the caller adds the options and
     * closes the returned nest.
     */
    static int beginOptions(MessageWriter w, int ifindex, Vlan vids) {
        putHeader(w, ifindex);
        int entry = w.beginNest(BRIDGE_VLANDB_ENTRY);
        BridgeAfSpecCodec.putInfo(w, BRIDGE_VLANDB_ENTRY_INFO, BridgeAfSpecCodec.BRIDGE_VLAN_INFO_ONLY_OPTS, vids.first());
        if (vids.isRange()) {
            w.putU16(BRIDGE_VLANDB_ENTRY_RANGE, vids.last());
        }
        return entry;
    }

    /** Decodes one RTM_NEWVLAN message into entries handed to {@code sink}. */
    static void decode(NlMsg m, AttributeIterator it, AttributeIterator entry, Consumer<VlanEntry> sink) {
        if (m.payloadLength() < BR_VLAN_MSG_LENGTH) {
            throw new NetlinkParseException("RTM_NEWVLAN of " + m.payloadLength() + " bytes has no br_vlan_msg");
        }
        int ifindex = m.buffer().getInt(m.payloadOffset() + IFINDEX_OFFSET);
        m.attributes(it, BR_VLAN_MSG_LENGTH);
        while (it.next()) {
            if (it.type() != BRIDGE_VLANDB_ENTRY) {
                continue; // BRIDGE_VLANDB_GLOBAL_OPTIONS and future kinds
            }
            VlanEntry e = decodeEntry(ifindex, it.nested(entry));
            it.absorb(entry);
            if (e != null) {
                sink.accept(e);
            }
        }
        it.check();
    }

    /** One BRIDGE_VLANDB_ENTRY's payload; null (with the iterator's error set) if malformed. */
    static VlanEntry decodeEntry(int ifindex, AttributeIterator it) {
        int flags = -1;
        int vid = 0;
        int last = -1;
        int state = -1;
        int router = -1;
        while (it.next()) {
            switch (it.type()) {
                case BRIDGE_VLANDB_ENTRY_INFO: {
                    if (it.payloadLength() < BridgeAfSpecCodec.VLAN_INFO_LENGTH) {
                        it.fail("BRIDGE_VLANDB_ENTRY_INFO of " + it.payloadLength() + " bytes");
                        return null;
                    }
                    ByteBuffer b = it.buffer();
                    flags = BridgeAfSpecCodec.infoFlags(b, it.payloadOffset());
                    vid = BridgeAfSpecCodec.infoVid(b, it.payloadOffset());
                    break;
                }
                case BRIDGE_VLANDB_ENTRY_RANGE: last = it.u16(); break;
                case BRIDGE_VLANDB_ENTRY_STATE: state = it.u8(); break;
                case BRIDGE_VLANDB_ENTRY_MCAST_ROUTER: router = it.u8(); break;
                default: break;
            }
        }
        if (it.error() != null) {
            return null;
        }
        if (flags < 0) {
            it.fail("BRIDGE_VLANDB_ENTRY without BRIDGE_VLANDB_ENTRY_INFO");
            return null;
        }
        if (last < 0) {
            last = vid;
        }
        if (vid < Vlan.MIN_VID || last > Vlan.MAX_VID || last < vid) {
            it.fail("BRIDGE_VLANDB_ENTRY with VIDs " + vid + "-" + last);
            return null;
        }
        return new VlanEntry(ifindex, vid, last, (flags & BridgeAfSpecCodec.BRIDGE_VLAN_INFO_PVID) != 0,
                (flags & BridgeAfSpecCodec.BRIDGE_VLAN_INFO_UNTAGGED) != 0, state, router);
    }
}
