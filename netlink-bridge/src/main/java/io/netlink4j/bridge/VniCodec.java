package io.netlink4j.bridge;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Encoding and decoding of the VXLAN VNI filter messages (RTM_NEWTUNNEL / RTM_DELTUNNEL /
 * RTM_GETTUNNEL, kernel 5.18+), byte for byte as iproute2's {@code bridge vni} sends them: struct
 * tunnel_msg (the device), then one VXLAN_VNIFILTER_ENTRY (NLA_F_NESTED) per VNI or range with
 * VXLAN_VNIFILTER_ENTRY_*. Names as in include/uapi/linux/rtnetlink.h and if_link.h.
 */
final class VniCodec {
    private VniCodec() {}

    static final int RTM_NEWTUNNEL = 120;
    static final int RTM_DELTUNNEL = 121;
    static final int RTM_GETTUNNEL = 122;
    /** Multicast group of VNI filter notifications. */
    static final int RTNLGRP_TUNNEL = 35;

    // struct tunnel_msg { __u8 family; __u8 flags; __u16 reserved2; __u32 ifindex; }
    static final int TUNNEL_MSG_LENGTH = 8;
    static final int TM_FAMILY_OFFSET = 0;
    static final int TM_FLAGS_OFFSET = 1;
    static final int TM_IFINDEX_OFFSET = 4;
    static final int TUNNEL_MSG_FLAG_STATS = 0x01;

    static final int VXLAN_VNIFILTER_ENTRY = 1;
    static final int VXLAN_VNIFILTER_ENTRY_START = 1;
    static final int VXLAN_VNIFILTER_ENTRY_END = 2;
    static final int VXLAN_VNIFILTER_ENTRY_GROUP = 3;
    static final int VXLAN_VNIFILTER_ENTRY_GROUP6 = 4;
    static final int VXLAN_VNIFILTER_ENTRY_STATS = 5;

    static final int VNIFILTER_ENTRY_STATS_RX_BYTES = 1;
    static final int VNIFILTER_ENTRY_STATS_RX_PKTS = 2;
    static final int VNIFILTER_ENTRY_STATS_RX_DROPS = 3;
    static final int VNIFILTER_ENTRY_STATS_RX_ERRORS = 4;
    static final int VNIFILTER_ENTRY_STATS_TX_BYTES = 5;
    static final int VNIFILTER_ENTRY_STATS_TX_PKTS = 6;
    static final int VNIFILTER_ENTRY_STATS_TX_DROPS = 7;
    static final int VNIFILTER_ENTRY_STATS_TX_ERRORS = 8;

    private static void putTunnelMsg(MessageWriter w, int ifindex, int flags) {
        int at = w.reserve(TUNNEL_MSG_LENGTH);
        ByteBuffer b = w.buffer();
        b.put(at + TM_FAMILY_OFFSET, (byte) Rtnetlink.AF_BRIDGE);
        b.put(at + TM_FLAGS_OFFSET, (byte) flags);
        b.putInt(at + TM_IFINDEX_OFFSET, ifindex);
    }

    /** {@code bridge vni add|delete dev DEV vni A[-B][,C...] [group|remote IP]}: the body of RTM_NEWTUNNEL / RTM_DELTUNNEL. */
    static void encodeChange(MessageWriter w, int ifindex, List<VniSpec> specs) {
        putTunnelMsg(w, ifindex, 0);
        for (VniSpec s : specs) {
            int e = w.beginNest(VXLAN_VNIFILTER_ENTRY, true);
            w.putU32(VXLAN_VNIFILTER_ENTRY_START, s.start());
            if (s.isRange()) {
                w.putU32(VXLAN_VNIFILTER_ENTRY_END, s.end());
            }
            if (s.address() != null) {
                byte[] a = s.address().getAddress();
                w.putBytes(a.length == 4 ? VXLAN_VNIFILTER_ENTRY_GROUP : VXLAN_VNIFILTER_ENTRY_GROUP6, a);
            }
            w.endNest(e);
        }
    }

    /** {@code bridge [-s] vni show [dev DEV]}: the RTM_GETTUNNEL dump request (ifindex 0 = every device). */
    static void encodeDump(MessageWriter w, int ifindex, boolean stats) {
        putTunnelMsg(w, ifindex, stats ? TUNNEL_MSG_FLAG_STATS : 0);
    }

    /**
     * Appends the entries of one RTM_NEWTUNNEL / RTM_DELTUNNEL message to {@code out}. Unknown
     * attributes are skipped; an entry without VXLAN_VNIFILTER_ENTRY_START is skipped too.
     *
     * @return false when {@code m} is no AF_BRIDGE tunnel message
     * @throws io.netlink4j.core.NetlinkParseException when the message is malformed
     */
    static boolean decode(NlMsg m, IntFunction<String> names, List<VniEntry> out) {
        if ((m.type() != RTM_NEWTUNNEL && m.type() != RTM_DELTUNNEL) || m.payloadLength() < TUNNEL_MSG_LENGTH
                || (m.buffer().get(m.payloadOffset() + TM_FAMILY_OFFSET) & 0xff) != Rtnetlink.AF_BRIDGE) {
            return false;
        }
        int ifindex = m.buffer().getInt(m.payloadOffset() + TM_IFINDEX_OFFSET);
        String name = names.apply(ifindex);
        AttributeIterator top = m.attributes(new AttributeIterator(), TUNNEL_MSG_LENGTH);
        AttributeIterator entry = new AttributeIterator();
        AttributeIterator stats = new AttributeIterator();
        while (top.next()) {
            if (top.type() != VXLAN_VNIFILTER_ENTRY) {
                continue;
            }
            VniEntry e = entry(top.nested(entry), stats, ifindex, name);
            top.absorb(entry);
            if (e != null) {
                out.add(e);
            }
        }
        top.check();
        return true;
    }

    private static VniEntry entry(AttributeIterator it, AttributeIterator st, int ifindex, String name) {
        int start = 0;
        int end = 0;
        InetAddress address = null;
        VniEntry.Stats stats = null;
        while (it.next()) {
            switch (it.type()) {
                case VXLAN_VNIFILTER_ENTRY_START -> start = u32(it, "VXLAN_VNIFILTER_ENTRY_START");
                case VXLAN_VNIFILTER_ENTRY_END -> end = u32(it, "VXLAN_VNIFILTER_ENTRY_END");
                case VXLAN_VNIFILTER_ENTRY_GROUP -> address = address(it, 4, "VXLAN_VNIFILTER_ENTRY_GROUP");
                case VXLAN_VNIFILTER_ENTRY_GROUP6 -> address = address(it, 16, "VXLAN_VNIFILTER_ENTRY_GROUP6");
                case VXLAN_VNIFILTER_ENTRY_STATS -> {
                    stats = stats(it.nested(st));
                    it.absorb(st);
                }
                default -> { } // newer attributes: skipped
            }
        }
        if (it.error() != null || start == 0) {
            return null;
        }
        return new VniEntry(ifindex, name, start, end == 0 ? start : end, address, stats);
    }

    private static int u32(AttributeIterator it, String what) {
        if (it.payloadLength() < 4) {
            it.fail(what + " has " + it.payloadLength() + " bytes, expected 4");
            return 0;
        }
        return it.u32();
    }

    /** The group/remote, or null for the all-zeros "none". */
    private static InetAddress address(AttributeIterator it, int length, String what) {
        if (it.payloadLength() != length) {
            it.fail(what + " has " + it.payloadLength() + " bytes, expected " + length);
            return null;
        }
        byte[] b = it.bytes();
        boolean zero = true;
        for (byte x : b) {
            zero &= x == 0;
        }
        try {
            return zero ? null : InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // 4 or 16 bytes: cannot happen
        }
    }

    private static VniEntry.Stats stats(AttributeIterator it) {
        long[] v = new long[9];
        while (it.next()) {
            int t = it.type();
            if (t >= VNIFILTER_ENTRY_STATS_RX_BYTES && t <= VNIFILTER_ENTRY_STATS_TX_ERRORS) {
                if (it.payloadLength() < 8) {
                    it.fail("VNIFILTER_ENTRY_STATS attribute " + t + " has " + it.payloadLength() + " bytes, expected 8");
                    return null;
                }
                v[t] = it.u64();
            }
        }
        return new VniEntry.Stats(v[VNIFILTER_ENTRY_STATS_RX_BYTES], v[VNIFILTER_ENTRY_STATS_RX_PKTS],
                v[VNIFILTER_ENTRY_STATS_RX_DROPS], v[VNIFILTER_ENTRY_STATS_RX_ERRORS], v[VNIFILTER_ENTRY_STATS_TX_BYTES],
                v[VNIFILTER_ENTRY_STATS_TX_PKTS], v[VNIFILTER_ENTRY_STATS_TX_DROPS], v[VNIFILTER_ENTRY_STATS_TX_ERRORS]);
    }
}
