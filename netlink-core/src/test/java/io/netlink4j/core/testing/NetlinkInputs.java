package io.netlink4j.core.testing;

import io.netlink4j.core.NlMsg;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Generators of netlink-shaped bytes for the decoder properties: well-formed attribute trees and
 * messages (so that random input reaches deep into the decoders, past the first length check),
 * then a share of them damaged — a byte flipped, a length field set to a small or huge value, the
 * tail cut off — next to plain random bytes.
 */
public final class NetlinkInputs {
    private NetlinkInputs() {}

    private static final int[] MESSAGE_TYPES = {NlMsg.NLMSG_NOOP, NlMsg.NLMSG_ERROR, NlMsg.NLMSG_DONE,
        NlMsg.NLMSG_OVERRUN, 16, 17, 18, 19, 28, 30, 112};
    private static final int[] FLAGS = {0, NlMsg.NLM_F_MULTI, NlMsg.NLM_F_MULTI | NlMsg.NLM_F_DUMP_INTR,
        NlMsg.NLM_F_CAPPED, NlMsg.NLM_F_CAPPED | NlMsg.NLM_F_ACK_TLVS, NlMsg.NLM_F_ACK_TLVS, NlMsg.NLM_F_DUMP_INTR};
    private static final int[] ERROR_CODES = {0, -1, -2, -17, -19, -22, -95, 5, Integer.MIN_VALUE};
    private static final int[] ECHOED_LENGTHS = {16, 0, 4, 20, 64, 65536, -1};

    /** Netlink-shaped input (2 in 7), damaged shaped input (4 in 7) or random bytes (1 in 7). */
    public static byte[] input(Gen g) {
        return switch (g.weighted(2, 4, 1)) {
            case 0 -> shaped(g);
            case 1 -> damage(shaped(g), g.intBetween(0, 1 << 20), g.intBetween(0, 5));
            default -> raw(g);
        };
    }

    /** An attribute tree, one message or a datagram of messages. */
    static byte[] shaped(Gen g) {
        return switch (g.intBetween(0, 2)) {
            case 0 -> attributes(g, 4);
            case 1 -> message(g);
            default -> datagram(g);
        };
    }

    /** Plain random bytes, sometimes long. */
    public static byte[] raw(Gen g) {
        return g.bytes(300);
    }

    /** An attribute list of up to 6 attributes; nests (NLA_F_NESTED or not) up to {@code depth} levels. */
    public static byte[] attributes(Gen g, int depth) {
        List<byte[]> list = g.list(0, 6, () -> depth > 0 && g.weighted(3, 1) == 1
                ? attr(g.intBetween(0, 40) | g.pick(0, 0x8000), attributes(g, depth - 1))
                : attr(g.intBetween(0, 40), g.bytes(20)));
        return concat(list);
    }

    /** One netlink message: header + (ifinfomsg + attributes | error code + echoed header + TLVs | random). */
    public static byte[] message(Gen g) {
        byte[] p = switch (g.intBetween(0, 2)) {
            case 0 -> concat(List.of(new byte[16], attributes(g, 3)));
            case 1 -> {
                ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder());
                b.putInt(ERROR_CODES[g.intBetween(0, ERROR_CODES.length - 1)]);
                b.putInt(ECHOED_LENGTHS[g.intBetween(0, ECHOED_LENGTHS.length - 1)]);
                yield concat(List.of(b.array(), new byte[12], attributes(g, 2)));
            }
            default -> g.bytes(64);
        };
        int type = MESSAGE_TYPES[g.intBetween(0, MESSAGE_TYPES.length - 1)];
        int flags = FLAGS[g.intBetween(0, FLAGS.length - 1)];
        int len = NlMsg.NLMSG_HDRLEN + p.length;
        ByteBuffer b = ByteBuffer.allocate(NlMsg.align(len)).order(ByteOrder.nativeOrder());
        b.putInt(len).putShort((short) type).putShort((short) flags).putInt(0).putInt(0).put(p);
        return b.array();
    }

    /** A datagram of one to three messages. */
    public static byte[] datagram(Gen g) {
        return concat(g.list(1, 3, () -> message(g)));
    }

    /** Flips a byte, writes a small or huge 16/32-bit length at a 4-aligned spot, or cuts the tail. */
    static byte[] damage(byte[] in, int where, int how) {
        if (in.length == 0) {
            return in;
        }
        byte[] d = in.clone();
        int at = where % d.length;
        ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.nativeOrder());
        int aligned = at & ~3;
        switch (how) {
            case 0 -> d[at] ^= (byte) (1 + (where >>> 8));
            case 1 -> { if (aligned + 2 <= d.length) b.putShort(aligned, (short) (where >>> 12 & 7)); }
            case 2 -> { if (aligned + 2 <= d.length) b.putShort(aligned, (short) 0xffff); }
            case 3 -> { if (aligned + 4 <= d.length) b.putInt(aligned, (where & 1) == 0 ? Integer.MAX_VALUE : -1); }
            case 4 -> { if (aligned + 4 <= d.length) b.putInt(aligned, 4); }
            default -> d = Arrays.copyOf(d, at);
        }
        return d;
    }

    static byte[] attr(int type, byte[] payload) {
        int len = 4 + payload.length;
        ByteBuffer b = ByteBuffer.allocate(NlMsg.align(len)).order(ByteOrder.nativeOrder());
        b.putShort((short) len).putShort((short) type).put(payload);
        return b.array();
    }

    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        parts.forEach(o::writeBytes);
        return o.toByteArray();
    }
}
