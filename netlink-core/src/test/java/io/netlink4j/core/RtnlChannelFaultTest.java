package io.netlink4j.core;

import static io.netlink4j.core.testing.Messages.attr;
import static io.netlink4j.core.testing.Messages.concat;
import static io.netlink4j.core.testing.Messages.cstring;
import static io.netlink4j.core.testing.Messages.done;
import static io.netlink4j.core.testing.Messages.error;
import static io.netlink4j.core.testing.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.testing.Messages;
import io.netlink4j.core.testing.ScriptedKernel;
import io.netlink4j.jna.Errno;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fault injection with the scripted fake kernel, beyond the basics in {@link RtnlChannelTest}:
 * interrupted and failing system calls, short and truncated datagrams, lost replies in dumps and
 * pipelined runs. The rule checked throughout: every fault ends in a typed exception, and a
 * channel whose stream of replies can no longer be trusted is closed, never reused.
 */
class RtnlChannelFaultTest {
    final ScriptedKernel kernel = new ScriptedKernel();
    final RtnlChannel ch = RtnlChannel.over(kernel, ChannelOptions.defaults());

    private static byte[] link(int seq, int flags, int index) {
        return Messages.link(seq, flags, 0, index);
    }

    private void getLink() {
        MessageWriter w = ch.request(Rtnetlink.RTM_GETLINK, 0);
        IfInfoMsg.put(w, 0, 0, 0, 0);
    }

    private List<String> dumpNames() {
        List<String> names = new ArrayList<>();
        getLink();
        ch.dump("list", new MessageVisitor() {
            @Override
            public void onMessage(NlMsg m) {
                names.add(LinkCodec.decode(m, null).name());
            }

            @Override
            public void onDumpRestart() {
                names.clear();
            }
        });
        return names;
    }

    /** A message that claims {@code claimed} bytes in a datagram that holds only {@code actual}. */
    private static byte[] shortRead(int seq, int claimed, int actual) {
        byte[] full = link(seq, 0, 1);
        ByteBuffer.wrap(full).order(ByteOrder.nativeOrder()).putInt(0, claimed);
        return Arrays.copyOf(full, actual);
    }

    static final RtnlChannel.RequestEncoder SET_MTU = (i, w, seq) -> {
        w.begin(Rtnetlink.RTM_NEWLINK, 0, seq, 0);
        IfInfoMsg.put(w, 0, i + 1, 0, 0);
        w.putU32(LinkCodec.IFLA_MTU, 1500);
        w.end();
    };

    @Test
    void eintrOnSendIsRetriedAndCountedOnce() {
        kernel.failSend(Errno.EINTR).reply(k -> error(k.lastSeq(), 0, new byte[0]));
        getLink();
        ch.execute("op");
        assertThat(kernel.sent()).hasSize(1);
        assertThat(ch.datagramsSent()).isEqualTo(1);
    }

    @Test
    void failedSendIsTypedAndCountsNothing() {
        kernel.failSend(Errno.EPERM);
        getLink();
        assertThatThrownBy(() -> ch.execute("set link v0 up")).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("set link v0 up").hasMessageContaining("CAP_NET_ADMIN");
        assertThat(ch.datagramsSent()).isZero();
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void eintrWhilePeekingADumpIsRetried() {
        kernel.fail(Errno.EINTR)
              .reply(k -> concat(link(k.lastSeq(), NlMsg.NLM_F_MULTI, 1), done(k.lastSeq(), 0)));
        assertThat(dumpNames()).containsExactly("eth1");
    }

    @Test
    void replyLostInTheMiddleOfADumpTimesOutAndClosesTheChannel() {
        kernel.reply(k -> link(k.lastSeq(), NlMsg.NLM_F_MULTI, 1)); // then silence: EAGAIN after SO_RCVTIMEO
        assertThatThrownBy(this::dumpNames).isInstanceOf(NetlinkTimeoutException.class)
                .hasMessageContaining("list").hasMessageContaining("ETIMEDOUT");
        assertThat(ch.isOpen()).isFalse();
        assertThat(kernel.isClosed()).isTrue();
        assertThatThrownBy(this::getLink).isInstanceOf(ChannelBrokenException.class).hasMessageContaining("closed");
    }

    @Test
    void overrunInTheMiddleOfADumpBreaksTheChannel() {
        kernel.reply(k -> link(k.lastSeq(), NlMsg.NLM_F_MULTI, 1)).fail(Errno.ENOBUFS);
        assertThatThrownBy(this::dumpNames).isInstanceOf(ChannelBrokenException.class)
                .hasMessageContaining("ENOBUFS");
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void nlmsgOverrunBreaksTheChannel() {
        kernel.reply(k -> message(NlMsg.NLMSG_OVERRUN, 0, k.lastSeq(), 0, new byte[0]));
        assertThatThrownBy(this::dumpNames).isInstanceOf(ChannelBrokenException.class)
                .hasMessageContaining("NLMSG_OVERRUN");
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void datagramShorterThanItsNlmsgLenIsAParseErrorInEveryMode() {
        // in a dump, the rest of the dump is drained up to its NLMSG_DONE
        kernel.reply(k -> shortRead(k.lastSeq(), 64, 40)).reply(k -> done(k.lastSeq(), 0));
        assertThatThrownBy(this::dumpNames).isInstanceOf(NetlinkParseException.class)
                .hasMessageContaining("nlmsg_len 64 (40 bytes left)");
        assertThat(kernel.remainingSteps()).isZero();

        kernel.reply(k -> shortRead(k.lastSeq(), 64, 40));
        getLink();
        assertThatThrownBy(() -> ch.query("show", m -> { })).isInstanceOf(NetlinkParseException.class);

        kernel.reply(k -> shortRead(k.lastSeq(), 200, 17));
        getLink();
        assertThatThrownBy(() -> ch.execute("set")).isInstanceOf(NetlinkParseException.class);

        // a datagram is self-contained: the channel is still in step and answers the next request
        kernel.reply(k -> error(k.lastSeq(), 0, new byte[0]));
        getLink();
        ch.execute("set");
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void truncatedDatagramWithoutPeekingBreaksTheChannel() {
        // an ACK is read without MSG_PEEK into the fixed buffer; a bigger datagram comes back MSG_TRUNC
        byte[] huge = new byte[ChannelOptions.defaults().receiveBufferBytes() + 100];
        kernel.reply(k -> concat(error(k.lastSeq(), 0, new byte[0]), huge));
        getLink();
        assertThatThrownBy(() -> ch.execute("set")).isInstanceOf(ChannelBrokenException.class)
                .hasMessageContaining("did not fit").hasMessageContaining("EMSGSIZE");
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void staleDumpDatagramsFromAnEarlierRequestAreSkipped() {
        kernel.reply(k -> concat(link(k.lastSeq() - 1, NlMsg.NLM_F_MULTI, 9), done(k.lastSeq() - 1, 0)))
              .replyFrom(31337, k -> concat(link(k.lastSeq(), NlMsg.NLM_F_MULTI, 8), done(k.lastSeq(), 0)))
              .reply(k -> concat(link(k.lastSeq(), NlMsg.NLM_F_MULTI, 1), done(k.lastSeq(), 0)));
        assertThat(dumpNames()).containsExactly("eth1");
        assertThat(kernel.remainingSteps()).isZero();
    }

    @Test
    void dumpInterruptFlaggedOnADataMessageOnlyStillRestarts() {
        kernel.reply(k -> concat(link(k.lastSeq(), NlMsg.NLM_F_MULTI | NlMsg.NLM_F_DUMP_INTR, 1), done(k.lastSeq(), 0)))
              .reply(k -> concat(link(k.lastSeq(), NlMsg.NLM_F_MULTI, 2), done(k.lastSeq(), 0)));
        assertThat(dumpNames()).containsExactly("eth2");
        assertThat(kernel.sent()).hasSize(2);
        // each restart is a new request with a new sequence number
        int first = ByteBuffer.wrap(kernel.sent().get(0)).order(ByteOrder.nativeOrder()).getInt(NlMsg.SEQ_OFFSET);
        assertThat(kernel.lastSeq()).isNotEqualTo(first);
    }

    @Test
    void errorWithExtAckInTheMiddleOfADumpCarriesTheKernelText() {
        byte[] donePayload = concat(new byte[] {(byte) -Errno.EOPNOTSUPP, -1, -1, -1},
                attr(ErrorMessage.NLMSGERR_ATTR_MSG, cstring("VLAN filtering is off")));
        kernel.reply(k -> concat(link(k.lastSeq(), NlMsg.NLM_F_MULTI, 1),
                message(NlMsg.NLMSG_DONE, NlMsg.NLM_F_MULTI | NlMsg.NLM_F_ACK_TLVS, k.lastSeq(), 0, donePayload)));
        assertThatThrownBy(this::dumpNames).isInstanceOf(NotSupportedException.class)
                .hasMessageContaining("VLAN filtering is off");
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void pipelineWithALostAckTimesOutAndClosesTheChannel() {
        ScriptedKernel k = new ScriptedKernel().autoAck(i -> i == 3 ? ScriptedKernel.NO_ACK : 0);
        RtnlChannel pc = RtnlChannel.over(k, ChannelOptions.defaults());
        List<Integer> done = new ArrayList<>();
        assertThatThrownBy(() -> pc.pipeline("set mtu", 8, 2, SET_MTU, (i, e) -> done.add(i)))
                .isInstanceOf(NetlinkTimeoutException.class).hasMessageContaining("set mtu");
        assertThat(done).doesNotContain(3).contains(0, 1, 2);
        assertThat(pc.isOpen()).isFalse();
        assertThatThrownBy(() -> pc.pipeline("again", 1, 1, SET_MTU, (i, e) -> true))
                .isInstanceOf(ChannelBrokenException.class);
    }

    @Test
    void pipelineOverrunBreaksTheChannel() {
        ScriptedKernel k = new ScriptedKernel().fail(Errno.ENOBUFS);
        RtnlChannel pc = RtnlChannel.over(k, ChannelOptions.defaults());
        assertThatThrownBy(() -> pc.pipeline("set mtu", 4, 4, SET_MTU, (i, e) -> true))
                .isInstanceOf(ChannelBrokenException.class).hasMessageContaining("ENOBUFS");
        assertThat(pc.isOpen()).isFalse();
    }

    @Test
    void pipelineIgnoresForeignSendersAndUnknownSeqs() {
        ScriptedKernel k = new ScriptedKernel().autoAck(i -> 0);
        k.replyFrom(99, s -> error(s.lastSeq(0), Errno.EINVAL, new byte[0]))   // spoofed failure
         .reply(s -> error(s.lastSeq(0) + 1000, Errno.EINVAL, new byte[0]));   // not one of ours
        RtnlChannel pc = RtnlChannel.over(k, ChannelOptions.defaults());
        List<String> results = new ArrayList<>();
        pc.pipeline("set mtu", 3, 3, SET_MTU, (i, e) -> results.add(i + (e == null ? "" : ":" + e.errnoName())));
        assertThat(results).containsExactly("0", "1", "2");
    }

    @Test
    void pipelineRefusesAMalformedAckInsteadOfCountingItAsSuccess() {
        // an NLMSG_ERROR without its error code: neither success nor failure can be read from it
        ScriptedKernel k = new ScriptedKernel().autoAck(i -> 0);
        k.reply(s -> message(NlMsg.NLMSG_ERROR, 0, s.lastSeq(0), 0, new byte[0]));
        RtnlChannel pc = RtnlChannel.over(k, ChannelOptions.defaults());
        List<Integer> ok = new ArrayList<>();
        assertThatThrownBy(() -> pc.pipeline("set mtu", 2, 2, SET_MTU, (i, e) -> ok.add(i)))
                .isInstanceOf(NetlinkParseException.class).hasMessageContaining("no error code");
        assertThat(ok).doesNotContain(0);
    }

    @Test
    void dumpAbandonedByTheVisitorIsDrainedSoTheChannelStaysInStep() {
        kernel.reply(k -> concat(link(k.lastSeq(), NlMsg.NLM_F_MULTI, 1), link(k.lastSeq(), NlMsg.NLM_F_MULTI, 2)))
              .reply(k -> concat(link(k.lastSeq(), NlMsg.NLM_F_MULTI, 3), done(k.lastSeq(), 0)))
              .reply(k -> concat(link(k.lastSeq(), NlMsg.NLM_F_MULTI, 4), done(k.lastSeq(), 0)));
        getLink();
        assertThatThrownBy(() -> ch.dump("list", m -> {
            throw new IllegalStateException("visitor failed");
        })).hasMessage("visitor failed");
        // the rest of the first dump was read and dropped: the next dump sees only its own answer
        assertThat(kernel.remainingSteps()).isEqualTo(1);
        assertThat(dumpNames()).containsExactly("eth4");
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void abandonedDumpThatCannotBeDrainedClosesTheChannel() {
        kernel.reply(k -> link(k.lastSeq(), NlMsg.NLM_F_MULTI, 1)); // and then nothing: the drain times out
        getLink();
        assertThatThrownBy(() -> ch.dump("list", m -> {
            throw new IllegalStateException("visitor failed");
        })).hasMessage("visitor failed");
        assertThat(ch.isOpen()).isFalse();
    }
}
