package io.netlink4j.bridge;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.AttributeNamer;
import io.netlink4j.core.IfInfoMsg;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.Rtnetlink;
import java.nio.ByteBuffer;
import java.util.BitSet;

/**
 * IFLA_AF_SPEC of AF_BRIDGE link messages (linux/if_bridge.h): the VLAN list of a port or of the
 * bridge itself. Written as {@code bridge vlan add|del} writes it — RTM_SETLINK / RTM_DELLINK,
 * ifinfomsg {AF_BRIDGE, ifindex}, IFLA_AF_SPEC (no NLA_F_NESTED) › [IFLA_BRIDGE_FLAGS SELF] ›
 * IFLA_BRIDGE_VLAN_INFO {u16 flags, u16 vid}, a range being a RANGE_BEGIN / RANGE_END pair — and
 * read from the RTM_GETLINK AF_BRIDGE dump with IFLA_EXT_MASK RTEXT_FILTER_BRVLAN (one entry per
 * VID) or RTEXT_FILTER_BRVLAN_COMPRESSED (ranges).
 */
final class BridgeAfSpecCodec {
    private BridgeAfSpecCodec() {}

    static final int IFLA_BRIDGE_FLAGS = 0;
    static final int IFLA_BRIDGE_MODE = 1;
    static final int IFLA_BRIDGE_VLAN_INFO = 2;

    static final int BRIDGE_FLAGS_MASTER = 1;
    static final int BRIDGE_FLAGS_SELF = 2;

    static final int BRIDGE_VLAN_INFO_MASTER = 1;
    static final int BRIDGE_VLAN_INFO_PVID = 1 << 1;
    static final int BRIDGE_VLAN_INFO_UNTAGGED = 1 << 2;
    static final int BRIDGE_VLAN_INFO_RANGE_BEGIN = 1 << 3;
    static final int BRIDGE_VLAN_INFO_RANGE_END = 1 << 4;
    static final int BRIDGE_VLAN_INFO_BRENTRY = 1 << 5;
    static final int BRIDGE_VLAN_INFO_ONLY_OPTS = 1 << 6;

    /** sizeof(struct bridge_vlan_info). */
    static final int VLAN_INFO_LENGTH = 4;

    static {
        AttributeNamer.register(path -> {
            if (path.length == 2 && path[0] == LinkCodec.IFLA_AF_SPEC) {
                switch (path[1]) {
                    case IFLA_BRIDGE_FLAGS: return "IFLA_BRIDGE_FLAGS";
                    case IFLA_BRIDGE_MODE: return "IFLA_BRIDGE_MODE";
                    case IFLA_BRIDGE_VLAN_INFO: return "IFLA_BRIDGE_VLAN_INFO";
                    default: return null;
                }
            }
            return null;
        }, Rtnetlink.RTM_SETLINK, Rtnetlink.RTM_DELLINK);
    }

    /** The BRIDGE_VLAN_INFO_* flags of {@code v} (PVID, UNTAGGED). */
    static int flags(Vlan v) {
        return (v.pvid() ? BRIDGE_VLAN_INFO_PVID : 0) | (v.untagged() ? BRIDGE_VLAN_INFO_UNTAGGED : 0);
    }

    /**
     * Writes the ifinfomsg and IFLA_AF_SPEC of an RTM_SETLINK (add) / RTM_DELLINK (delete) for
     * device {@code index}; {@code self} addresses the bridge device's own VLANs.
     */
    static void encode(MessageWriter w, int index, boolean self, Iterable<Vlan> vlans) {
        IfInfoMsg.put(w, Rtnetlink.AF_BRIDGE, index, 0, 0);
        int spec = w.beginNest(LinkCodec.IFLA_AF_SPEC, false);
        if (self) {
            w.putU16(IFLA_BRIDGE_FLAGS, BRIDGE_FLAGS_SELF);
        }
        for (Vlan v : vlans) {
            putVlan(w, v);
        }
        w.endNest(spec);
    }

    static void putVlan(MessageWriter w, Vlan v) {
        int flags = flags(v);
        if (v.isRange()) {
            putInfo(w, flags | BRIDGE_VLAN_INFO_RANGE_BEGIN, v.first());
            putInfo(w, flags | BRIDGE_VLAN_INFO_RANGE_END, v.last());
        } else {
            putInfo(w, flags, v.first());
        }
    }

    /** One IFLA_BRIDGE_VLAN_INFO = struct bridge_vlan_info {u16 flags; u16 vid;} in host order. */
    static void putInfo(MessageWriter w, int flags, int vid) {
        putInfo(w, IFLA_BRIDGE_VLAN_INFO, flags, vid);
    }

    /** A struct bridge_vlan_info attribute of {@code type} (RTM_*VLAN use it as BRIDGE_VLANDB_ENTRY_INFO). */
    static void putInfo(MessageWriter w, int type, int flags, int vid) {
        w.putU32(type, 0);
        int at = w.length() - VLAN_INFO_LENGTH;
        w.buffer().putShort(at, (short) flags);
        w.buffer().putShort(at + 2, (short) vid);
    }

    static int infoFlags(ByteBuffer b, int at) {
        return b.getShort(at) & 0xffff;
    }

    static int infoVid(ByteBuffer b, int at) {
        return b.getShort(at + 2) & 0xffff;
    }

    /**
     * Reads the VLAN list of one link's IFLA_AF_SPEC into {@code vids} / {@code untagged}; returns
     * the PVID (0 = none). Both the per-VID and the compressed (range) forms are understood;
     * unknown attributes are skipped, malformed entries recorded as the iterator's error.
     */
    static int decode(AttributeIterator it, BitSet vids, BitSet untagged) {
        int pvid = 0;
        int rangeStart = -1;
        while (it.next()) {
            if (it.type() != IFLA_BRIDGE_VLAN_INFO) {
                continue;
            }
            if (it.payloadLength() < VLAN_INFO_LENGTH) {
                it.fail("IFLA_BRIDGE_VLAN_INFO of " + it.payloadLength() + " bytes");
                break;
            }
            int flags = infoFlags(it.buffer(), it.payloadOffset());
            int vid = infoVid(it.buffer(), it.payloadOffset());
            if (vid < Vlan.MIN_VID || vid > Vlan.MAX_VID) {
                it.fail("IFLA_BRIDGE_VLAN_INFO with VID " + vid);
                break;
            }
            if ((flags & BRIDGE_VLAN_INFO_RANGE_BEGIN) != 0) {
                rangeStart = vid;
                continue;
            }
            int first = vid;
            if ((flags & BRIDGE_VLAN_INFO_RANGE_END) != 0) {
                if (rangeStart < 0 || rangeStart > vid) {
                    it.fail("IFLA_BRIDGE_VLAN_INFO RANGE_END " + vid + " without a matching RANGE_BEGIN");
                    break;
                }
                first = rangeStart;
            }
            rangeStart = -1;
            vids.set(first, vid + 1);
            untagged.set(first, vid + 1, (flags & BRIDGE_VLAN_INFO_UNTAGGED) != 0);
            if ((flags & BRIDGE_VLAN_INFO_PVID) != 0) {
                pvid = first;
            }
        }
        return pvid;
    }
}
