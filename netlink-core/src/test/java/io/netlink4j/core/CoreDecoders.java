package io.netlink4j.core;

import io.netlink4j.core.testing.DecoderTarget;
import io.netlink4j.core.testing.Fuzzing;
import io.netlink4j.core.testing.Messages;
import io.netlink4j.core.testing.ScriptedKernel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Every decoder entry point of netlink-core, for the fuzz and property harnesses. Each takes
 * arbitrary bytes. Higher modules keep their own list (one line per codec) and may append this one.
 */
public final class CoreDecoders {
    private CoreDecoders() {}

    /** Small buffers: a fresh channel per input must be cheap; a bigger reply still grows the receive buffer. */
    static final ChannelOptions FUZZ_OPTIONS = ChannelOptions.defaults()
            .withSendBufferBytes(4096).withReceiveBufferBytes(4096).withTimeoutMillis(1);

    public static List<DecoderTarget> targets() {
        return List.of(
                DecoderTarget.of("attributes", CoreDecoders::attributes),
                DecoderTarget.of("link", d -> LinkCodec.decode(Fuzzing.message(Rtnetlink.RTM_NEWLINK, d), Fuzzing.WALKING_HOOK)),
                DecoderTarget.of("extAck", d -> extAck(d, false)),
                DecoderTarget.of("extAck.done", d -> extAck(d, true)),
                DecoderTarget.of("describe", CoreDecoders::describe),
                DecoderTarget.of("channel.dump", d -> channel(d, 0)),
                DecoderTarget.of("channel.query", d -> channel(d, 1)),
                DecoderTarget.of("channel.execute", d -> channel(d, 2)),
                DecoderTarget.of("channel.pipeline", CoreDecoders::pipeline));
    }

    /** A nested walk of an attribute area; the sticky error must surface as NetlinkParseException. */
    static void attributes(byte[] d) {
        AttributeIterator it = new AttributeIterator().wrap(ByteBuffer.wrap(d).order(ByteOrder.nativeOrder()), 0, d.length);
        Fuzzing.walk(it, 0);
        it.check();
    }

    /** ErrorMessage.extAck on the message, then toException against a request taken from the same bytes. */
    static void extAck(byte[] d, boolean done) {
        NlMsg m = Fuzzing.message(done ? NlMsg.NLMSG_DONE : NlMsg.NLMSG_ERROR, d);
        ErrorMessage.ExtAck ack = ErrorMessage.extAck(m, done, new AttributeIterator());
        ByteBuffer request = ByteBuffer.wrap(d).order(ByteOrder.nativeOrder());
        int errno = -ErrorMessage.code(m);
        ErrorMessage.toException("fuzz", errno, ack, request, d.length > 0 ? d[0] & 0x3f : 0);
        ErrorMessage.toException("fuzz", errno, ack, null, 0);
        ErrorMessage.requestSeq(m);
    }

    /** describe() with random request bytes and random message/attribute offsets (first 8 bytes). */
    static void describe(byte[] d) {
        if (d.length < 8) {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.nativeOrder());
        int msgOffset = b.getInt(0);
        int offset = b.getInt(4);
        ByteBuffer request = ByteBuffer.wrap(Arrays.copyOfRange(d, 8, d.length)).order(ByteOrder.nativeOrder());
        ErrorMessage.describe(request, msgOffset & 0xff, offset);
        ErrorMessage.describe(request, msgOffset, offset & 0xfff);
        ErrorMessage.describe(request, 0, offset & 0xfff);
    }

    /**
     * The fake kernel answers a link request with the input as one datagram (seq fixed up so it is
     * not skipped), then NLMSG_DONE / an ACK, so the channel's framing, error and dump logic and
     * LinkCodec all run on it.
     */
    static void channel(byte[] d, int mode) {
        ScriptedKernel kernel = new ScriptedKernel();
        RtnlChannel ch = RtnlChannel.over(kernel, FUZZ_OPTIONS);
        kernel.reply(k -> Fuzzing.withSeq(d, k.lastSeq()))
              .reply(k -> mode == 0 ? Messages.done(k.lastSeq(), 0) : Messages.error(k.lastSeq(), 0, new byte[0]));
        MessageWriter w = ch.request(Rtnetlink.RTM_GETLINK, mode == 2 ? NlMsg.NLM_F_ACK : 0);
        IfInfoMsg.put(w, 0, 0, 0, 0);
        w.putString(LinkCodec.IFLA_IFNAME, "v0");
        MessageVisitor decode = m -> {
            if (m.type() == Rtnetlink.RTM_NEWLINK) {
                LinkCodec.decode(m, Fuzzing.WALKING_HOOK);
            }
        };
        switch (mode) {
            case 0 -> ch.dump("fuzz dump", decode);
            case 1 -> ch.query("fuzz query", decode);
            default -> ch.execute("fuzz execute");
        }
    }

    /** Four pipelined requests; the input is the first answer datagram, with seqs set to the requests'. */
    static void pipeline(byte[] d) {
        ScriptedKernel kernel = new ScriptedKernel().autoAck(i -> 0);
        RtnlChannel ch = RtnlChannel.over(kernel, FUZZ_OPTIONS);
        kernel.reply(k -> {
            byte[] out = d.clone();
            ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.nativeOrder());
            int pos = 0;
            for (int i = 0; out.length - pos >= NlMsg.NLMSG_HDRLEN; i++) {
                int len = b.getInt(pos);
                b.putInt(pos + NlMsg.SEQ_OFFSET, k.lastSeq(0) + (i & 1));
                if (len < NlMsg.NLMSG_HDRLEN || len > out.length - pos) {
                    break;
                }
                pos += NlMsg.align(len);
            }
            return out;
        });
        ch.pipeline("fuzz pipeline", 4, 2, (i, w, seq) -> {
            w.begin(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_ACK, seq, 0);
            IfInfoMsg.put(w, 0, i + 1, 0, 0);
            w.putU32(LinkCodec.IFLA_MTU, 1500);
            w.end();
        }, (i, e) -> true);
    }
}
