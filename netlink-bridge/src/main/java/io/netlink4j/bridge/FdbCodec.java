package io.netlink4j.bridge;

import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NdMsg;
import io.netlink4j.core.NeighCodec;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;

/**
 * Encoding of FDB requests (RTM_NEWNEIGH / RTM_DELNEIGH / RTM_GETNEIGH with AF_BRIDGE), byte for
 * byte as iproute2's {@code bridge fdb} sends them: ndmsg, then NDA_LLADDR, NDA_DST, NDA_VLAN,
 * NDA_NH_ID, NDA_PORT, NDA_VNI, NDA_SRC_VNI, NDA_IFINDEX in that order. Nothing here allocates.
 */
final class FdbCodec {
    private FdbCodec() {}

    static {
        NeighCodec.init();
    }

    /** ndm_state iproute2 sends with a delete (the kernel ignores it). */
    static final int DELETE_STATE = NdMsg.NUD_NOARP | NdMsg.NUD_PERMANENT;
    /** The ndm_flags bits a caller may add to an entry besides master/self. */
    static final int EXTRA_FLAGS = NdMsg.NTF_STICKY | NdMsg.NTF_EXT_LEARNED | NdMsg.NTF_USE | NdMsg.NTF_ROUTER;

    static int messageType(FdbChange.Op op) {
        return op == FdbChange.Op.DELETE ? Rtnetlink.RTM_DELNEIGH : Rtnetlink.RTM_NEWNEIGH;
    }

    /** The NLM_F_* bits of an operation (NLM_F_REQUEST and NLM_F_ACK are added by the channel). */
    static int messageFlags(FdbChange.Op op) {
        switch (op) {
            case ADD: return NlMsg.NLM_F_CREATE | NlMsg.NLM_F_EXCL;
            case APPEND: return NlMsg.NLM_F_CREATE | NlMsg.NLM_F_APPEND;
            case REPLACE: return NlMsg.NLM_F_CREATE | NlMsg.NLM_F_REPLACE;
            default: return 0;
        }
    }

    /** Writes the body (ndmsg and attributes) of change {@code i} of a validated plan. */
    static void encodeChange(MessageWriter w, FdbPlan plan, int i, byte[] scratch) {
        encodeChange(w, plan.change(i), plan.ifindex(i), plan.mac(i), plan.dst(i), plan.via(i), scratch);
    }

    /**
     * Writes the body of the validated change {@code c} with its resolved values: the device's
     * {@code ifindex}, the parsed {@code mac}, the destination's bytes (or null), the via ifindex (or 0).
     */
    static void encodeChange(MessageWriter w, FdbChange c, int ifindex, long mac, byte[] dst, int via, byte[] scratch) {
        FdbSpec s = c.spec();
        boolean delete = c.op() == FdbChange.Op.DELETE;
        int state = delete ? DELETE_STATE : s.state().toNud();
        int flags = delete ? s.target() : s.target() | s.extra();
        NdMsg.put(w, Rtnetlink.AF_BRIDGE, ifindex, state, flags, 0);
        putMac(w, NeighCodec.NDA_LLADDR, mac, scratch);
        if (dst != null) {
            w.putBytes(NeighCodec.NDA_DST, dst);
        }
        if (s.vlan() != 0) {
            w.putU16(NeighCodec.NDA_VLAN, s.vlan());
        }
        if (s.nhId() != 0) {
            w.putU32(NeighCodec.NDA_NH_ID, s.nhId());
        }
        if (s.dstPort() != 0) {
            w.putBe16(NeighCodec.NDA_PORT, s.dstPort());
        }
        if (s.vni() >= 0) {
            w.putU32(NeighCodec.NDA_VNI, s.vni());
        }
        if (s.srcVni() >= 0) {
            w.putU32(NeighCodec.NDA_SRC_VNI, s.srcVni());
        }
        if (via != 0) {
            w.putU32(NeighCodec.NDA_IFINDEX, via);
        }
    }

    /** A delete of one reported entry (flush fallback): by port with NTF_MASTER, or NTF_SELF on the bridge itself. */
    static void encodeDelete(MessageWriter w, int ifindex, int ndmFlags, long mac, int vlan, byte[] scratch) {
        NdMsg.put(w, Rtnetlink.AF_BRIDGE, ifindex, DELETE_STATE, ndmFlags, 0);
        putMac(w, NeighCodec.NDA_LLADDR, mac, scratch);
        if (vlan != 0) {
            w.putU16(NeighCodec.NDA_VLAN, vlan);
        }
    }

    /**
     * {@code bridge fdb get MAC br BR|brport PORT [vlan V]}: ndmsg with the port's ifindex (or 0),
     * NDA_LLADDR, NDA_MASTER when the bridge is given, NDA_VLAN when non-zero.
     */
    static void encodeGet(MessageWriter w, long mac, int bridge, int port, int vlan, int ndmFlags, byte[] scratch) {
        encodeGet(w, mac, bridge, port, vlan, -1, ndmFlags, scratch);
    }

    /** As iproute2's fdb_get: ndmsg, NDA_LLADDR, NDA_VLAN, NDA_VNI ({@code vni} -1 = none), NDA_MASTER. */
    static void encodeGet(MessageWriter w, long mac, int bridge, int port, int vlan, int vni, int ndmFlags, byte[] scratch) {
        NdMsg.put(w, Rtnetlink.AF_BRIDGE, port, 0, ndmFlags, 0);
        putMac(w, NeighCodec.NDA_LLADDR, mac, scratch);
        if (vlan != 0) {
            w.putU16(NeighCodec.NDA_VLAN, vlan);
        }
        if (vni >= 0) {
            w.putU32(NeighCodec.NDA_VNI, vni);
        }
        if (bridge != 0) {
            w.putU32(NeighCodec.NDA_MASTER, bridge);
        }
    }

    /** {@code bridge fdb show [br BR] [brport PORT]}: ndm_ifindex filters by port, NDA_MASTER by bridge. */
    static void encodeDump(MessageWriter w, int bridge, int port) {
        NdMsg.put(w, Rtnetlink.AF_BRIDGE, port, 0, 0, 0);
        if (bridge != 0) {
            w.putU32(NeighCodec.NDA_MASTER, bridge);
        }
    }

    /**
     * {@code bridge fdb flush dev DEV ...} (RTM_DELNEIGH with NLM_F_BULK): the entries of device
     * {@code ifindex} matching {@code (entry state & stateMask) == state} and the VLAN; masks are
     * sent only when non-zero.
     */
    static void encodeFlush(MessageWriter w, int ifindex, int ndmFlags, int state, int stateMask, int vlan) {
        encodeFlush(w, ifindex, ndmFlags, state, stateMask, 0, vlan);
    }

    /** As iproute2's fdb_flush: ndmsg, NDA_VLAN, NDA_NDM_FLAGS_MASK (u8), NDA_NDM_STATE_MASK (u16). */
    static void encodeFlush(MessageWriter w, int ifindex, int ndmFlags, int state, int stateMask, int flagsMask, int vlan) {
        NdMsg.put(w, Rtnetlink.AF_BRIDGE, ifindex, state, ndmFlags, 0);
        if (vlan != 0) {
            w.putU16(NeighCodec.NDA_VLAN, vlan);
        }
        if (flagsMask != 0) {
            w.putU8(NeighCodec.NDA_NDM_FLAGS_MASK, flagsMask);
        }
        if (stateMask != 0) {
            w.putU16(NeighCodec.NDA_NDM_STATE_MASK, stateMask);
        }
    }

    static void putMac(MessageWriter w, int type, long mac, byte[] scratch) {
        for (int i = 5; i >= 0; i--) {
            scratch[i] = (byte) mac;
            mac >>>= 8;
        }
        w.putBytes(type, scratch, 0, 6);
    }

    /**
     * Parses "aa:bb:cc:dd:ee:ff" (or '-' separated) without allocating; -1 when malformed (the
     * caller asks {@link io.netlink4j.core.MacAddress#parse} for the reason).
     */
    static long parseMac(String s) {
        if (s == null || s.length() < 11 || s.length() > 17) {
            return -1;
        }
        long v = 0;
        int octets = 0;
        int digits = 0;
        int cur = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ':';
            if (c == ':' || c == '-') {
                if (digits == 0 || octets == 6) {
                    return -1;
                }
                v = (v << 8) | cur;
                octets++;
                digits = 0;
                cur = 0;
            } else {
                int d = c < 0x80 ? Character.digit(c, 16) : -1; // ASCII only: Character.digit also takes e.g. fullwidth digits
                if (d < 0 || ++digits > 2) {
                    return -1;
                }
                cur = cur * 16 + d;
            }
        }
        return octets == 6 ? v : -1;
    }

    /** "02:00:00:00:00:01" for a 48-bit MAC number. */
    static String formatMac(long mac) {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 5; i >= 0; i--) {
            int b = (int) (mac >>> (8 * i)) & 0xff;
            sb.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 15, 16));
            if (i > 0) {
                sb.append(':');
            }
        }
        return sb.toString();
    }
}
