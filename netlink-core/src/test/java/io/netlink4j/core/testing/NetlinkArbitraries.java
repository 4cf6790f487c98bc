package io.netlink4j.core.testing;

import io.netlink4j.core.NlMsg;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of netlink-shaped bytes for the property harness: well-formed attribute trees and
 * messages (so that random input reaches deep into the decoders, past the first length check),
 * then a share of them damaged — a byte flipped, a length field set to a small or huge value, the
 * tail cut off — next to plain random bytes.
 */
public final class NetlinkArbitraries {
    private NetlinkArbitraries() {}

    private static final int[] MESSAGE_TYPES = {NlMsg.NLMSG_NOOP, NlMsg.NLMSG_ERROR, NlMsg.NLMSG_DONE,
        NlMsg.NLMSG_OVERRUN, 16, 17, 18, 19, 28, 30, 112};

    /** Plain random bytes, sometimes long. */
    public static Arbitrary<byte[]> raw() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    /** An attribute list; nests (NLA_F_NESTED or not) up to {@code depth} levels. */
    public static Arbitrary<byte[]> attributes(int depth) {
        Arbitrary<byte[]> leaf = Combinators.combine(Arbitraries.integers().between(0, 40), Arbitraries.bytes().array(byte[].class).ofMaxSize(20))
                .as(NetlinkArbitraries::attr);
        Arbitrary<byte[]> one = depth <= 0 ? leaf : Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf),
                net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, 40), Arbitraries.of(0, 0x8000),
                        Arbitraries.lazy(() -> attributes(depth - 1))).as((t, f, inner) -> attr(t | f, inner))));
        return one.list().ofMaxSize(6).map(NetlinkArbitraries::concat);
    }

    /** One netlink message: header + (ifinfomsg + attributes | error code + echoed header + TLVs | random). */
    public static Arbitrary<byte[]> message() {
        Arbitrary<byte[]> linkPayload = attributes(3).map(a -> concat(List.of(new byte[16], a)));
        Arbitrary<byte[]> errorPayload = Combinators.combine(Arbitraries.of(0, -1, -2, -17, -19, -22, -95, 5, Integer.MIN_VALUE),
                Arbitraries.of(16, 0, 4, 20, 64, 65536, -1), attributes(2)).as((code, echoed, tlvs) -> {
                    ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder());
                    b.putInt(code).putInt(echoed);
                    return concat(List.of(b.array(), new byte[12], tlvs));
                });
        Arbitrary<byte[]> payload = Arbitraries.oneOf(linkPayload, errorPayload, raw().map(r -> r.length > 64 ? java.util.Arrays.copyOf(r, 64) : r));
        Arbitrary<Integer> flags = Arbitraries.of(0, NlMsg.NLM_F_MULTI, NlMsg.NLM_F_MULTI | NlMsg.NLM_F_DUMP_INTR,
                NlMsg.NLM_F_CAPPED, NlMsg.NLM_F_CAPPED | NlMsg.NLM_F_ACK_TLVS, NlMsg.NLM_F_ACK_TLVS, NlMsg.NLM_F_DUMP_INTR);
        return Combinators.combine(Arbitraries.integers().between(0, MESSAGE_TYPES.length - 1),
                flags, payload).as((ti, f, p) -> {
                    int len = NlMsg.NLMSG_HDRLEN + p.length;
                    ByteBuffer b = ByteBuffer.allocate(NlMsg.align(len)).order(ByteOrder.nativeOrder());
                    b.putInt(len).putShort((short) MESSAGE_TYPES[ti]).putShort((short) (int) f).putInt(0).putInt(0).put(p);
                    return b.array();
                });
    }

    /** A datagram of one to three messages. */
    public static Arbitrary<byte[]> datagram() {
        return message().list().ofMinSize(1).ofMaxSize(3).map(NetlinkArbitraries::concat);
    }

    /** Netlink-shaped input, damaged in a share of cases, mixed with random bytes. */
    public static Arbitrary<byte[]> inputs() {
        Arbitrary<byte[]> shaped = Arbitraries.oneOf(attributes(4), message(), datagram());
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, shaped),
                net.jqwik.api.Tuple.of(4, Combinators.combine(shaped, Arbitraries.integers().between(0, 1 << 20),
                        Arbitraries.integers().between(0, 5)).as(NetlinkArbitraries::damage)),
                net.jqwik.api.Tuple.of(1, raw()));
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
            default -> d = java.util.Arrays.copyOf(d, at);
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
