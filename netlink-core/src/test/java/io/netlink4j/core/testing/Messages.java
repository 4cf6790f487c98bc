package io.netlink4j.core.testing;

import io.netlink4j.core.NlMsg;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds kernel replies for fake-kernel tests. */
public final class Messages {
    private Messages() {}

    /** A netlink message: header + payload (padded to 4). */
    public static byte[] message(int type, int flags, int seq, int pid, byte[] payload) {
        int len = NlMsg.NLMSG_HDRLEN + payload.length;
        ByteBuffer b = ByteBuffer.allocate(NlMsg.align(len)).order(ByteOrder.nativeOrder());
        b.putInt(len).putShort((short) type).putShort((short) flags).putInt(seq).putInt(pid).put(payload);
        return b.array();
    }

    /** An ACK (error 0, capped) or an error for the request with {@code seq}; TLVs appended if given. */
    public static byte[] error(int seq, int errno, byte[] tlvs) {
        ByteBuffer p = ByteBuffer.allocate(4 + NlMsg.NLMSG_HDRLEN + tlvs.length).order(ByteOrder.nativeOrder());
        p.putInt(-errno).putInt(NlMsg.NLMSG_HDRLEN).putShort((short) 0).putShort((short) 0).putInt(seq).putInt(0).put(tlvs);
        int flags = NlMsg.NLM_F_CAPPED | (tlvs.length > 0 ? NlMsg.NLM_F_ACK_TLVS : 0);
        return message(NlMsg.NLMSG_ERROR, flags, seq, 0, p.array());
    }

    /** A kernel RTM_NEWLINK for ifindex {@code index} (0..255) named "eth" + index. */
    public static byte[] link(int seq, int flags, int pid, int index) {
        byte[] ifi = new byte[16];
        ifi[4] = (byte) index;
        return message(16 /* RTM_NEWLINK */, flags, seq, pid, concat(ifi, attr(3 /* IFLA_IFNAME */, cstring("eth" + index))));
    }

    public static byte[] done(int seq, int flags) {
        return message(NlMsg.NLMSG_DONE, NlMsg.NLM_F_MULTI | flags, seq, 0, new byte[4]);
    }

    /** One attribute, padded. */
    public static byte[] attr(int type, byte[] payload) {
        int len = 4 + payload.length;
        ByteBuffer b = ByteBuffer.allocate((len + 3) & ~3).order(ByteOrder.nativeOrder());
        b.putShort((short) len).putShort((short) type).put(payload);
        return b.array();
    }

    public static byte[] u32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array();
    }

    public static byte[] cstring(String s) {
        byte[] b = s.getBytes();
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, b.length);
        return out;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }
}
