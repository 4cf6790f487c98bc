package io.netlink4j.bridge;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Encoding and decoding of the multicast database messages (RTM_NEWMDB / RTM_DELMDB /
 * RTM_GETMDB), byte for byte as iproute2's {@code bridge mdb} sends them: struct br_port_msg
 * (the bridge), then MDBA_SET_ENTRY = struct br_mdb_entry and, when needed, MDBA_SET_ENTRY_ATTRS
 * (NLA_F_NESTED) with MDBE_ATTR_*. Names as in include/uapi/linux/if_bridge.h.
 */
final class MdbCodec {
    private MdbCodec() {}

    // struct br_port_msg { __u8 family; __u32 ifindex; }
    static final int BR_PORT_MSG_LENGTH = 8;
    static final int BPM_FAMILY_OFFSET = 0;
    static final int BPM_IFINDEX_OFFSET = 4;

    // struct br_mdb_entry { __u32 ifindex; __u8 state; __u8 flags; __u16 vid; { union { __be32 ip4; in6_addr ip6; u8 mac[6]; } u; __be16 proto; } addr; }
    static final int BR_MDB_ENTRY_LENGTH = 28;
    static final int ENTRY_IFINDEX_OFFSET = 0;
    static final int ENTRY_STATE_OFFSET = 4;
    static final int ENTRY_FLAGS_OFFSET = 5;
    static final int ENTRY_VID_OFFSET = 6;
    static final int ENTRY_ADDR_OFFSET = 8;
    static final int ENTRY_PROTO_OFFSET = 24;

    static final int MDB_TEMPORARY = 0;
    static final int MDB_PERMANENT = 1;

    // enum { MDBA_UNSPEC, MDBA_MDB, MDBA_ROUTER }
    static final int MDBA_MDB = 1;
    static final int MDBA_ROUTER = 2;
    static final int MDBA_MDB_ENTRY = 1;
    static final int MDBA_MDB_ENTRY_INFO = 1;
    static final int MDBA_MDB_EATTR_TIMER = 1;
    static final int MDBA_MDB_EATTR_SRC_LIST = 2;
    static final int MDBA_MDB_EATTR_GROUP_MODE = 3;
    static final int MDBA_MDB_EATTR_SOURCE = 4;
    static final int MDBA_MDB_EATTR_RTPROT = 5;
    static final int MDBA_MDB_SRCLIST_ENTRY = 1;
    static final int MDBA_MDB_SRCATTR_ADDRESS = 1;
    static final int MDBA_MDB_SRCATTR_TIMER = 2;
    static final int MDBA_ROUTER_PORT = 1;
    static final int MDBA_ROUTER_PATTR_TIMER = 1;
    static final int MDBA_ROUTER_PATTR_TYPE = 2;
    static final int MDBA_ROUTER_PATTR_INET_TIMER = 3;
    static final int MDBA_ROUTER_PATTR_INET6_TIMER = 4;
    static final int MDBA_ROUTER_PATTR_VID = 5;

    // requests
    static final int MDBA_SET_ENTRY = 1;
    static final int MDBA_SET_ENTRY_ATTRS = 2;
    static final int MDBA_GET_ENTRY = 1;
    static final int MDBA_GET_ENTRY_ATTRS = 2;
    static final int MDBE_ATTR_SOURCE = 1;
    static final int MDBE_ATTR_SRC_LIST = 2;
    static final int MDBE_ATTR_GROUP_MODE = 3;
    static final int MDBE_ATTR_RTPROT = 4;
    static final int MDBE_SRC_LIST_ENTRY = 1;
    static final int MDBE_SRCATTR_ADDRESS = 1;

    /** Kernel timers are clock_t: USER_HZ = 100 ticks a second. */
    private static final int USER_HZ = 100;

    /** An entry checked and resolved by {@link Mdb}: ifindexes and parsed addresses. */
    record Resolved(int bridge, int port, MdbAddress group, int vlan, boolean permanent, MdbAddress source,
                    MdbFilterMode filterMode, List<MdbAddress> sourceList, int protocol) {}

    private static void putBrPortMsg(MessageWriter w, int ifindex) {
        int at = w.reserve(BR_PORT_MSG_LENGTH);
        ByteBuffer b = w.buffer();
        b.put(at + BPM_FAMILY_OFFSET, (byte) Rtnetlink.AF_BRIDGE);
        b.putInt(at + BPM_IFINDEX_OFFSET, ifindex);
    }

    /** struct br_mdb_entry as bytes (network order inside the address union, native elsewhere). */
    static byte[] entryBytes(int port, boolean permanent, int vlan, MdbAddress group) {
        ByteBuffer b = ByteBuffer.allocate(BR_MDB_ENTRY_LENGTH).order(java.nio.ByteOrder.nativeOrder());
        b.putInt(ENTRY_IFINDEX_OFFSET, port);
        b.put(ENTRY_STATE_OFFSET, (byte) (permanent ? MDB_PERMANENT : MDB_TEMPORARY));
        b.putShort(ENTRY_VID_OFFSET, (short) vlan);
        b.put(ENTRY_ADDR_OFFSET, group.bytes());
        b.put(ENTRY_PROTO_OFFSET, (byte) (group.proto() >>> 8)).put(ENTRY_PROTO_OFFSET + 1, (byte) group.proto());
        return b.array();
    }

    /** {@code bridge mdb add|del|replace dev BR port P grp G ...}: the body of RTM_NEWMDB / RTM_DELMDB. */
    static void encodeSet(MessageWriter w, Resolved r, boolean delete) {
        putBrPortMsg(w, r.bridge());
        // iproute2 sends state 0 with a delete: the kernel matches entries without it
        w.putBytes(MDBA_SET_ENTRY, entryBytes(r.port(), r.permanent() && !delete, r.vlan(), r.group()));
        if (r.source() == null && r.filterMode() == null && r.sourceList().isEmpty() && r.protocol() == 0) {
            return;
        }
        int attrs = w.beginNest(MDBA_SET_ENTRY_ATTRS);
        if (r.source() != null) {
            w.putBytes(MDBE_ATTR_SOURCE, r.source().bytes());
        }
        if (!r.sourceList().isEmpty()) {
            int list = w.beginNest(MDBE_ATTR_SRC_LIST);
            for (MdbAddress a : r.sourceList()) {
                int e = w.beginNest(MDBE_SRC_LIST_ENTRY);
                w.putBytes(MDBE_SRCATTR_ADDRESS, a.bytes());
                w.endNest(e);
            }
            w.endNest(list);
        }
        if (r.filterMode() != null) {
            w.putU8(MDBE_ATTR_GROUP_MODE, r.filterMode().value());
        }
        if (r.protocol() != 0) {
            w.putU8(MDBE_ATTR_RTPROT, r.protocol());
        }
        w.endNest(attrs);
    }

    /** {@code bridge mdb show}: a bare br_port_msg (the kernel filters nothing; strict checking wants ifindex 0). */
    static void encodeDump(MessageWriter w) {
        putBrPortMsg(w, 0);
    }

    /**
     * {@code bridge mdb get dev BR grp G [src S] [vid V]} (kernel 6.8+): br_port_msg with the bridge,
     * MDBA_GET_ENTRY = br_mdb_entry (ifindex 0), MDBA_GET_ENTRY_ATTRS > MDBE_ATTR_SOURCE.
     */
    static void encodeGet(MessageWriter w, int bridge, MdbAddress group, int vlan, MdbAddress source) {
        putBrPortMsg(w, bridge);
        w.putBytes(MDBA_GET_ENTRY, entryBytes(0, false, vlan, group));
        if (source != null) {
            int attrs = w.beginNest(MDBA_GET_ENTRY_ATTRS);
            w.putBytes(MDBE_ATTR_SOURCE, source.bytes());
            w.endNest(attrs);
        }
    }

    // ------------------------------------------------------------------ decoding

    /**
     * Decodes one RTM_NEWMDB (notifications, get), RTM_DELMDB (notifications) or RTM_GETMDB (the kernel's type for dump parts): adds its entries and router ports to the lists. {@code names} gives
     * device names (may return null). Unknown attributes are skipped.
     *
     * @return false when {@code m} is no MDB message
     * @throws io.netlink4j.core.NetlinkParseException when the message is malformed
     */
    static boolean decode(NlMsg m, IntFunction<String> names, List<MdbEntry> entries, List<MdbRouterPort> routers) {
        if ((m.type() != Rtnetlink.RTM_NEWMDB && m.type() != Rtnetlink.RTM_GETMDB && m.type() != Rtnetlink.RTM_DELMDB) || m.payloadLength() < BR_PORT_MSG_LENGTH) {
            return false;
        }
        ByteBuffer b = m.buffer();
        int hdr = m.payloadOffset();
        // the family is not checked: dump parts carry 0, notifications AF_BRIDGE
        int bridge = b.getInt(hdr + BPM_IFINDEX_OFFSET);
        String bridgeName = names.apply(bridge);
        AttributeIterator top = m.attributes(new AttributeIterator(), BR_PORT_MSG_LENGTH);
        AttributeIterator l1 = new AttributeIterator();
        AttributeIterator l2 = new AttributeIterator();
        AttributeIterator l3 = new AttributeIterator();
        while (top.next()) {
            if (top.type() == MDBA_MDB) {
                top.nested(l1);
                while (l1.next()) {
                    if (l1.type() != MDBA_MDB_ENTRY) {
                        continue;
                    }
                    l1.nested(l2);
                    while (l2.next()) {
                        if (l2.type() == MDBA_MDB_ENTRY_INFO) {
                            MdbEntry e = entry(l2, l3, bridge, bridgeName, names);
                            if (e != null) {
                                entries.add(e);
                            }
                        }
                    }
                    l1.absorb(l2);
                }
                top.absorb(l1);
            } else if (top.type() == MDBA_ROUTER) {
                top.nested(l1);
                while (l1.next()) {
                    if (l1.type() == MDBA_ROUTER_PORT) {
                        MdbRouterPort r = router(l1, l2, bridge, bridgeName, names);
                        if (r != null) {
                            routers.add(r);
                        }
                    }
                }
                top.absorb(l1);
            }
        }
        top.check();
        return true;
    }

    private static MdbEntry entry(AttributeIterator info, AttributeIterator it, int bridge, String bridgeName,
                                  IntFunction<String> names) {
        if (info.payloadLength() < BR_MDB_ENTRY_LENGTH) {
            info.fail("MDBA_MDB_ENTRY_INFO has " + info.payloadLength() + " bytes, struct br_mdb_entry needs " + BR_MDB_ENTRY_LENGTH);
            return null;
        }
        ByteBuffer b = info.buffer();
        int at = info.payloadOffset();
        int port = b.getInt(at + ENTRY_IFINDEX_OFFSET);
        int state = b.get(at + ENTRY_STATE_OFFSET) & 0xff;
        int flags = b.get(at + ENTRY_FLAGS_OFFSET) & 0xff;
        int vid = b.getShort(at + ENTRY_VID_OFFSET) & 0xffff;
        int proto = ((b.get(at + ENTRY_PROTO_OFFSET) & 0xff) << 8) | (b.get(at + ENTRY_PROTO_OFFSET + 1) & 0xff);
        byte[] addr = new byte[proto == MdbAddress.ETH_P_IP ? 4 : proto == MdbAddress.ETH_P_IPV6 ? 16 : 6];
        b.get(at + ENTRY_ADDR_OFFSET, addr);
        MdbEntry.Kind kind = proto == MdbAddress.ETH_P_IP ? MdbEntry.Kind.IPV4
                : proto == MdbAddress.ETH_P_IPV6 ? MdbEntry.Kind.IPV6 : MdbEntry.Kind.L2;
        String source = null;
        MdbFilterMode mode = null;
        List<MdbSource> sources = new ArrayList<>();
        int protocol = -1;
        Duration timer = null;
        // MDBA_MDB_EATTR_* follow the struct inside the same attribute
        int struct = NlMsg.align(BR_MDB_ENTRY_LENGTH);
        it.wrap(b, at + struct, Math.max(0, info.payloadLength() - struct));
        AttributeIterator src = new AttributeIterator();
        AttributeIterator srcAttr = new AttributeIterator();
        while (it.next()) {
            switch (it.type()) {
                case MDBA_MDB_EATTR_TIMER:
                    timer = clock(it.u32());
                    break;
                case MDBA_MDB_EATTR_SOURCE:
                    source = address(it);
                    break;
                case MDBA_MDB_EATTR_GROUP_MODE:
                    mode = MdbFilterMode.of(it.u8());
                    break;
                case MDBA_MDB_EATTR_RTPROT:
                    protocol = it.u8();
                    break;
                case MDBA_MDB_EATTR_SRC_LIST:
                    it.nested(src);
                    while (src.next()) {
                        if (src.type() != MDBA_MDB_SRCLIST_ENTRY) {
                            continue;
                        }
                        src.nested(srcAttr);
                        String a = null;
                        Duration t = null;
                        while (srcAttr.next()) {
                            if (srcAttr.type() == MDBA_MDB_SRCATTR_ADDRESS) {
                                a = address(srcAttr);
                            } else if (srcAttr.type() == MDBA_MDB_SRCATTR_TIMER) {
                                t = clock(srcAttr.u32());
                            }
                        }
                        src.absorb(srcAttr);
                        if (a != null) {
                            sources.add(new MdbSource(a, t));
                        }
                    }
                    it.absorb(src);
                    break;
                default:
                    break; // newer kernels: skipped
            }
        }
        info.absorb(it);
        if (it.error() != null) {
            return null;
        }
        return new MdbEntry(bridge, bridgeName, port, names.apply(port), MdbAddress.text(addr, proto), kind, vid,
                (state & MDB_PERMANENT) != 0, MdbFlag.of(flags), source, mode, sources, protocol, timer);
    }

    private static MdbRouterPort router(AttributeIterator rp, AttributeIterator it, int bridge, String bridgeName,
                                        IntFunction<String> names) {
        if (rp.payloadLength() < 4) {
            rp.fail("MDBA_ROUTER_PORT has " + rp.payloadLength() + " bytes, needs a u32 ifindex");
            return null;
        }
        int port = rp.buffer().getInt(rp.payloadOffset());
        MdbRouterType type = null;
        Duration timer = null;
        Duration inet = null;
        Duration inet6 = null;
        int vid = 0;
        it.wrap(rp.buffer(), rp.payloadOffset() + 4, rp.payloadLength() - 4);
        while (it.next()) {
            switch (it.type()) {
                case MDBA_ROUTER_PATTR_TIMER:
                    timer = clock(it.u32());
                    break;
                case MDBA_ROUTER_PATTR_TYPE:
                    type = MdbRouterType.of(it.u8());
                    break;
                case MDBA_ROUTER_PATTR_INET_TIMER:
                    inet = clock(it.u32());
                    break;
                case MDBA_ROUTER_PATTR_INET6_TIMER:
                    inet6 = clock(it.u32());
                    break;
                case MDBA_ROUTER_PATTR_VID:
                    vid = it.u16();
                    break;
                default:
                    break;
            }
        }
        rp.absorb(it);
        if (it.error() != null) {
            return null;
        }
        return new MdbRouterPort(bridge, bridgeName, port, names.apply(port), type, timer, inet, inet6, vid);
    }

    private static String address(AttributeIterator it) {
        int n = it.payloadLength();
        if (n != 4 && n != 16) {
            it.fail("source address attribute " + it.type() + " has " + n + " bytes (4 or 16)");
            return null;
        }
        return MdbAddress.text(it.bytes(), n == 4 ? MdbAddress.ETH_P_IP : MdbAddress.ETH_P_IPV6);
    }

    private static Duration clock(int ticks) {
        return Duration.ofMillis((ticks & 0xffffffffL) * (1000 / USER_HZ));
    }
}
