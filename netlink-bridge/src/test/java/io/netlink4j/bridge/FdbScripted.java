package io.netlink4j.bridge;

import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.Golden;
import io.netlink4j.core.testing.ScriptedKernel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Function;

/** An {@link Fdb} over a scripted fake kernel, with the kernel's real answers from golden captures. */
final class FdbScripted {
    final ScriptedKernel kernel = new ScriptedKernel();
    final RtnlChannel ch = RtnlChannel.over(kernel, ChannelOptions.defaults());
    final Fdb fdb = new Fdb(new Fdb.Conversations() {
        @Override
        public <T> T call(Function<RtnlChannel, T> conversation) {
            return conversation.apply(ch);
        }
    });

    private static final Golden LINKS = Golden.load("link_show_dev");
    /** RTM_NEWLINK answers of a std netns: v0 (ifindex 4, port of br0), v1 (3, no master), br0 (2). */
    static final byte[] V0 = LINKS.received(2).bytes();
    static final byte[] V1 = LINKS.received(3).bytes();
    static final byte[] BR0 = LINKS.received(4).bytes();

    /** Scripts a datagram captured from the kernel, with every message's seq set to our last request's. */
    FdbScripted answer(byte[] datagram) {
        kernel.reply(k -> withSeq(datagram, k.lastSeq()));
        return this;
    }

    static byte[] withSeq(byte[] datagram, int seq) {
        byte[] c = datagram.clone();
        ByteBuffer b = ByteBuffer.wrap(c).order(ByteOrder.nativeOrder());
        for (int pos = 0; pos + NlMsg.NLMSG_HDRLEN <= c.length; ) {
            int len = b.getInt(pos);
            if (len < NlMsg.NLMSG_HDRLEN) {
                break;
            }
            b.putInt(pos + NlMsg.SEQ_OFFSET, seq);
            pos += NlMsg.align(len);
        }
        return c;
    }

    /** The request iproute2 sent last in capture {@code name}, cut to its nlmsg_len (iproute2 pads some with zeros). */
    static byte[] goldenRequest(Golden g) {
        byte[] d = g.sent(g.allSent().size() - 1);
        int len = ByteBuffer.wrap(d).order(ByteOrder.nativeOrder()).getInt(0);
        return Golden.withoutSeqAndPid(Arrays.copyOf(d, len));
    }

    /** The last answer of a capture. */
    static byte[] goldenAnswer(Golden g) {
        return g.received(g.frames().stream().filter(f -> !f.send()).toList().size() - 1).bytes();
    }

    byte[] sentWithoutSeq(int i) {
        return Golden.withoutSeqAndPid(kernel.sent().get(i));
    }
}
