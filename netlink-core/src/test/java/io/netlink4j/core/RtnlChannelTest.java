package io.netlink4j.core;

import static io.netlink4j.core.testing.Messages.attr;
import static io.netlink4j.core.testing.Messages.concat;
import static io.netlink4j.core.testing.Messages.cstring;
import static io.netlink4j.core.testing.Messages.done;
import static io.netlink4j.core.testing.Messages.error;
import static io.netlink4j.core.testing.Messages.message;
import static io.netlink4j.core.testing.Messages.u32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.testing.Messages;
import io.netlink4j.core.testing.ScriptedKernel;
import io.netlink4j.jna.Errno;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The channel against a scripted fake kernel: no root needed. */
class RtnlChannelTest {
    final ScriptedKernel kernel = new ScriptedKernel();
    final RtnlChannel ch = RtnlChannel.over(kernel, ChannelOptions.defaults());

    private static byte[] link(int seq, int flags, int index) {
        return Messages.link(seq, flags, 4242, index);
    }

    private void getLink() {
        MessageWriter w = ch.request(Rtnetlink.RTM_GETLINK, 0);
        IfInfoMsg.put(w, 0, 0, 0, 0);
    }

    @Test
    void executeWaitsForItsAck() {
        kernel.reply(k -> error(k.lastSeq(), 0, new byte[0]));
        getLink();
        ch.execute("op");
        assertThat(kernel.sent()).hasSize(1);
        assertThat(kernel.remainingSteps()).isZero();
        NlMsg m = new NlMsg().wrap(java.nio.ByteBuffer.wrap(kernel.sent().get(0)).order(java.nio.ByteOrder.nativeOrder()), 0);
        assertThat(m.flags() & (NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_ACK)).isEqualTo(NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_ACK);
        assertThat(m.length()).isEqualTo(32);
    }

    @Test
    void errorWithExtAckBecomesTypedException() {
        byte[] tlvs = concat(attr(ErrorMessage.NLMSGERR_ATTR_MSG, cstring("Device is not a bridge port")));
        kernel.reply(k -> error(k.lastSeq(), Errno.EOPNOTSUPP, tlvs));
        getLink();
        assertThatThrownBy(() -> ch.execute("set port v0"))
                .isInstanceOf(NotSupportedException.class)
                .hasMessage("set port v0: Device is not a bridge port (EOPNOTSUPP)");
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void permissionErrorSaysWhichCapability() {
        kernel.reply(k -> error(k.lastSeq(), Errno.EPERM, new byte[0]));
        getLink();
        assertThatThrownBy(() -> ch.execute("set port v0"))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("CAP_NET_ADMIN");
    }

    @Test
    void staleSequenceNumbersAndForeignSendersAreIgnored() {
        kernel.reply(k -> error(k.lastSeq() - 1, Errno.EINVAL, new byte[0]))   // an old request's answer
              .replyFrom(777, k -> error(k.lastSeq(), Errno.EINVAL, new byte[0])) // spoofed by another socket
              .reply(k -> error(k.lastSeq(), 0, new byte[0]));
        getLink();
        ch.execute("op");
        assertThat(kernel.remainingSteps()).isZero();
    }

    @Test
    void eintrIsRetried() {
        kernel.fail(Errno.EINTR).reply(k -> error(k.lastSeq(), 0, new byte[0]));
        getLink();
        ch.execute("op");
    }

    @Test
    void timeoutClosesTheChannel() {
        getLink();
        assertThatThrownBy(() -> ch.execute("op")).isInstanceOf(NetlinkTimeoutException.class)
                .hasMessageContaining("ETIMEDOUT");
        assertThat(ch.isOpen()).isFalse();
        assertThat(kernel.isClosed()).isTrue();
        assertThatThrownBy(() -> ch.request(Rtnetlink.RTM_GETLINK, 0)).isInstanceOf(ChannelBrokenException.class);
    }

    @Test
    void enobufsBreaksTheChannel() {
        kernel.fail(Errno.ENOBUFS);
        getLink();
        assertThatThrownBy(() -> ch.execute("op")).isInstanceOf(ChannelBrokenException.class)
                .hasMessageContaining("overran");
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void dumpVisitsEveryMessageAcrossDatagramsUntilDone() {
        kernel.reply(k -> concat(link(k.lastSeq(), NlMsg.NLM_F_MULTI, 1), link(k.lastSeq(), NlMsg.NLM_F_MULTI, 2)))
              .reply(k -> concat(link(k.lastSeq(), NlMsg.NLM_F_MULTI, 3), done(k.lastSeq(), 0)));
        getLink();
        List<String> names = new ArrayList<>();
        int n = ch.dump("list", m -> names.add(LinkCodec.decode(m, null).name()));
        assertThat(n).isEqualTo(3);
        assertThat(names).containsExactly("eth1", "eth2", "eth3");
    }

    @Test
    void interruptedDumpIsRestartedThenGivesUp() {
        for (int i = 0; i < 2; i++) {
            kernel.reply(k -> concat(link(k.lastSeq(), NlMsg.NLM_F_MULTI | NlMsg.NLM_F_DUMP_INTR, 1),
                    done(k.lastSeq(), NlMsg.NLM_F_DUMP_INTR)));
        }
        kernel.reply(k -> concat(link(k.lastSeq(), NlMsg.NLM_F_MULTI, 2), done(k.lastSeq(), 0)));
        getLink();
        List<String> names = new ArrayList<>();
        int[] restarts = {0};
        ch.dump("list", new MessageVisitor() {
            @Override
            public void onMessage(NlMsg m) {
                names.add(LinkCodec.decode(m, null).name());
            }

            @Override
            public void onDumpRestart() {
                restarts[0]++;
                names.clear();
            }
        });
        assertThat(restarts[0]).isEqualTo(2);
        assertThat(names).containsExactly("eth2");
        assertThat(kernel.sent()).hasSize(3);

        RtnlChannel strict = RtnlChannel.over(kernel, ChannelOptions.defaults().withDumpRetries(1));
        for (int i = 0; i < 2; i++) {
            kernel.reply(k -> done(k.lastSeq(), NlMsg.NLM_F_DUMP_INTR));
        }
        strict.request(Rtnetlink.RTM_GETLINK, 0);
        assertThatThrownBy(() -> strict.dump("list links", m -> { }))
                .isInstanceOf(DumpInterruptedException.class).hasMessageContaining("2 times");
    }

    @Test
    void errorInTheMiddleOfADumpIsThrown() {
        kernel.reply(k -> concat(link(k.lastSeq(), NlMsg.NLM_F_MULTI, 1),
                message(NlMsg.NLMSG_DONE, NlMsg.NLM_F_MULTI, k.lastSeq(), 0, u32(-Errno.EOPNOTSUPP))));
        getLink();
        assertThatThrownBy(() -> ch.dump("list vlans", m -> { })).isInstanceOf(NotSupportedException.class);
    }

    @Test
    void malformedReplyIsAParseError() {
        kernel.reply(k -> new byte[] {40, 0, 0, 0, 16, 0, 0, 0, 1, 0, 0, 0});
        getLink();
        assertThatThrownBy(() -> ch.dump("list", m -> { })).isInstanceOf(NetlinkParseException.class);
    }

    @Test
    void truncatedDatagramGrowsTheBufferWhenPeeking() {
        byte[] big = new byte[100_000 - 16 - 16 - 4];
        kernel.reply(k -> concat(message(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_MULTI, k.lastSeq(), 0,
                concat(new byte[16], attr(1, big))), done(k.lastSeq(), 0)));
        getLink();
        int[] len = {0};
        ch.dump("list", m -> len[0] = m.length());
        assertThat(len[0]).isGreaterThan(99_000);
    }

    @Test
    void pipelineKeepsAWindowAndReportsEachRequest() {
        int count = 10;
        int window = 4;
        // the fake kernel acks each datagram's messages; request 6 fails
        RtnlChannel.RequestEncoder enc = (i, w, seq) -> {
            w.begin(Rtnetlink.RTM_NEWNEIGH, 0, seq, 0);
            NdMsg.put(w, Rtnetlink.AF_BRIDGE, i + 1, NdMsg.NUD_NOARP, NdMsg.NTF_MASTER, 0);
            w.end();
        };
        ScriptedKernel k2 = new ScriptedKernel().autoAck(i -> i == 6 ? Errno.EEXIST : 0);
        RtnlChannel pc = RtnlChannel.over(k2, ChannelOptions.defaults());
        List<String> results = new ArrayList<>();
        int sent = pc.pipeline("fdb add", count, window, enc, (i, e) -> {
            results.add(i + (e == null ? "" : ":" + e.errnoName()));
            return true;
        });
        assertThat(sent).isEqualTo(count);
        assertThat(results).containsExactly("0", "1", "2", "3", "4", "5", "6:EEXIST", "7", "8", "9");
        // never more than 4 in flight, several requests per datagram
        assertThat(k2.maxUnacked()).isEqualTo(window);
        assertThat(k2.sent()).allSatisfy(d -> assertThat(countMessages(d)).isBetween(1, window));
        assertThat(k2.sent().size()).isLessThan(count);
    }

    @Test
    void pipelineStopsSendingAfterHandlerSaysStop() {
        ScriptedKernel k3 = new ScriptedKernel().autoAck(i -> i == 1 ? Errno.EINVAL : 0);
        RtnlChannel pc = RtnlChannel.over(k3, ChannelOptions.defaults());
        List<Integer> seen = new ArrayList<>();
        int sent = pc.pipeline("op", 100, 4, (i, w, seq) -> {
            w.begin(Rtnetlink.RTM_NEWNEIGH, 0, seq, 0);
            NdMsg.put(w, 7, 1, 0, 0, 0);
            w.end();
        }, (i, e) -> {
            seen.add(i);
            return e == null;
        });
        assertThat(sent).isEqualTo(4);
        assertThat(seen).containsExactly(0, 1, 2, 3);
    }

    private static int countMessages(byte[] d) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(d).order(java.nio.ByteOrder.nativeOrder());
        int pos = 0;
        int n = 0;
        while (pos < d.length) {
            pos += NlMsg.align(b.getInt(pos));
            n++;
        }
        return n;
    }
}
