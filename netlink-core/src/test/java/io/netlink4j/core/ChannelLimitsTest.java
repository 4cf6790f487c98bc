package io.netlink4j.core;

import static io.netlink4j.core.testing.Messages.concat;
import static io.netlink4j.core.testing.Messages.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.testing.Messages;
import io.netlink4j.core.testing.ScriptedKernel;
import io.netlink4j.jna.Errno;
import io.netlink4j.jna.LibC;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The channel at the kernel's limits, against a scripted fake kernel: an abandoned dump whose
 * NLMSG_DONE shares the datagram, datagrams and windows capped to what the socket accepts and can
 * answer, a broken pipeline that says what it had sent, and older kernels without the optional
 * socket options.
 */
class ChannelLimitsTest {
    final ScriptedKernel kernel = new ScriptedKernel();
    final RtnlChannel ch = RtnlChannel.over(kernel, ChannelOptions.defaults().withTimeoutMillis(50));

    private void getLink() {
        MessageWriter w = ch.request(Rtnetlink.RTM_GETLINK, 0);
        IfInfoMsg.put(w, 0, 0, 0, 0);
    }

    /** 40-byte requests. */
    private static final RtnlChannel.RequestEncoder SET_MTU = RtnlChannelFaultTest.SET_MTU;

    @Test
    void abandonedDumpWhoseDoneSharesTheDatagramLeavesTheChannelReadyAtOnce() {
        // the kernel packs NLMSG_DONE after the last entries when it fits (netlink_dump)
        kernel.reply(k -> concat(Messages.link(k.lastSeq(), NlMsg.NLM_F_MULTI, 0, 1),
                Messages.link(k.lastSeq(), NlMsg.NLM_F_MULTI, 0, 2), done(k.lastSeq(), 0)));
        getLink();
        assertThatThrownBy(() -> ch.dump("list", m -> {
            throw new IllegalStateException("visitor failed");
        })).hasMessage("visitor failed");
        // nothing more was read: the drain found DONE in the datagram at hand (a receive would have
        // met the empty script, i.e. a timeout, and closed the channel)
        assertThat(ch.isOpen()).isTrue();
        kernel.reply(k -> concat(Messages.link(k.lastSeq(), NlMsg.NLM_F_MULTI, 0, 7), done(k.lastSeq(), 0)));
        getLink();
        List<Integer> seen = new ArrayList<>();
        ch.dump("list again", m -> seen.add(new IfInfoMsg().wrap(m.buffer(), m.payloadOffset()).index()));
        assertThat(seen).containsExactly(7);
        assertThat(kernel.remainingSteps()).isZero();
    }

    @Test
    void abandonedDumpWhoseDoneComesLaterIsStillDrained() {
        kernel.reply(k -> concat(Messages.link(k.lastSeq(), NlMsg.NLM_F_MULTI, 0, 1),
                        Messages.link(k.lastSeq(), NlMsg.NLM_F_MULTI, 0, 2)))
              .reply(k -> done(k.lastSeq(), 0));
        getLink();
        assertThatThrownBy(() -> ch.dump("list", m -> {
            throw new IllegalStateException("visitor failed");
        })).hasMessage("visitor failed");
        assertThat(ch.isOpen()).isTrue();
        assertThat(kernel.remainingSteps()).isZero();
    }

    @Test
    void batchesNeverExceedTheDatagramTheSocketAccepts() {
        ScriptedKernel k = new ScriptedKernel().autoAck(i -> 0);
        // 40-byte requests, a socket that takes 100-byte datagrams: two per datagram
        RtnlChannel pc = RtnlChannel.over(k, ChannelOptions.defaults(), new ChannelFeatures(true, true, true, 100, 1 << 20));
        int[] ok = new int[1];
        assertThat(pc.pipeline("set mtu", 9, 64, SET_MTU, (i, e) -> {
            ok[0] += e == null ? 1 : 0;
            return true;
        })).isEqualTo(9);
        assertThat(ok[0]).isEqualTo(9);
        assertThat(k.sent()).allSatisfy(d -> assertThat(d.length).isLessThanOrEqualTo(100));
        assertThat(k.sent()).hasSize(5);
    }

    @Test
    void theWindowIsLoweredToWhatTheReceiveBufferCanAnswer() {
        ScriptedKernel k = new ScriptedKernel().autoAck(i -> 0);
        ChannelFeatures f = new ChannelFeatures(true, true, true, 1 << 20, 8 * ChannelFeatures.ACK_BUDGET_BYTES);
        assertThat(f.maxAcksInFlight()).isEqualTo(8);
        RtnlChannel pc = RtnlChannel.over(k, ChannelOptions.defaults(), f);
        assertThat(pc.pipeline("set mtu", 100, 4096, SET_MTU, (i, e) -> true)).isEqualTo(100);
        assertThat(k.maxUnacked()).isEqualTo(8);
    }

    @Test
    void aBrokenPipelineHasToldWhatWasSentAndClosesTheChannel() {
        // requests 0..3 go out; the ACKs of 0 and 1 arrive, the refill sends 4 and 5, then the
        // receive buffer overran
        ScriptedKernel k = new ScriptedKernel();
        k.reply(x -> concat(Messages.error(x.lastSeq(0), 0, new byte[0]), Messages.error(x.lastSeq(1), 0, new byte[0])))
         .fail(Errno.ENOBUFS);
        RtnlChannel pc = RtnlChannel.over(k, ChannelOptions.defaults());
        List<Integer> acked = new ArrayList<>();
        int[] sent = new int[1];
        assertThatThrownBy(() -> pc.pipeline("set mtu", 10, 4, SET_MTU, new RtnlChannel.ResultHandler() {
            @Override
            public boolean onResult(int index, NetlinkException error) {
                acked.add(index);
                return true;
            }

            @Override
            public void onSent(int from, int count) {
                sent[0] = from + count;
            }
        })).isInstanceOf(ChannelBrokenException.class).hasMessageContaining("ENOBUFS");
        assertThat(acked).containsExactly(0, 1);
        assertThat(sent[0]).isEqualTo(6);
        assertThat(pc.isOpen()).isFalse();
    }

    @Test
    void aFailedSendWithRequestsInFlightClosesTheChannel() {
        ScriptedKernel k = new ScriptedKernel();
        // first datagram (window 4) goes out, one ACK comes back, the refill's send fails
        k.reply(x -> Messages.error(x.lastSeq(0), 0, new byte[0])).reply(x -> Messages.error(x.lastSeq(1), 0, new byte[0]));
        RtnlChannel pc = RtnlChannel.over(k, ChannelOptions.defaults());
        int[] sent = new int[1];
        assertThatThrownBy(() -> pc.pipeline("set mtu", 10, 4, SET_MTU, new RtnlChannel.ResultHandler() {
            @Override
            public boolean onResult(int index, NetlinkException error) {
                if (index == 1) {
                    k.failSend(Errno.ENOMEM); // the refill after this ACK
                }
                return true;
            }

            @Override
            public void onSent(int from, int count) {
                sent[0] = from + count;
            }
        })).isInstanceOf(NetlinkException.class).hasMessageContaining("ENOMEM");
        // requests 2 and 3 are still unanswered: their ACKs must not reach a later conversation
        assertThat(sent[0]).isEqualTo(4);
        assertThat(pc.isOpen()).isFalse();
    }

    // ---------------------------------------------------------------- optional socket options

    /** Socket options of a kernel that answers {@code refused} with {@code errno}, and grants buffers as asked, doubled. */
    private static class FakeOptions implements SocketSetup.IntOptions {
        final Map<Integer, Integer> refused = new HashMap<>();
        final Map<Integer, Integer> values = new HashMap<>();
        final List<Integer> set = new ArrayList<>();

        @Override
        public int set(int level, int name, int value) {
            set.add(name);
            Integer e = refused.get(name);
            if (e != null) {
                return -e;
            }
            int key = name == LibC.SO_RCVBUFFORCE ? LibC.SO_RCVBUF : name == LibC.SO_SNDBUFFORCE ? LibC.SO_SNDBUF : name;
            values.put(key, level == LibC.SOL_SOCKET ? value * 2 : value);
            return 0;
        }

        @Override
        public int get(int level, int name) {
            return values.getOrDefault(name, 0);
        }
    }

    @Test
    void everyOptionalNetlinkOptionDegradesOnEnoprotoopt() {
        int[][] cases = {
            {LibC.NETLINK_EXT_ACK, 0}, {LibC.NETLINK_CAP_ACK, 1}, {LibC.NETLINK_GET_STRICT_CHK, 2},
        };
        for (int[] c : cases) {
            FakeOptions o = new FakeOptions();
            o.refused.put(c[0], Errno.ENOPROTOOPT);
            ChannelFeatures f = SocketSetup.apply(o, ChannelOptions.defaults());
            boolean[] on = {f.extendedAck(), f.cappedAck(), f.strictChecking()};
            for (int i = 0; i < 3; i++) {
                assertThat(on[i]).as("option %d refused, feature %d", c[0], i).isEqualTo(i != c[1]);
            }
        }
        FakeOptions all = new FakeOptions();
        all.refused.put(LibC.NETLINK_EXT_ACK, Errno.ENOPROTOOPT);
        all.refused.put(LibC.NETLINK_CAP_ACK, Errno.ENOPROTOOPT);
        all.refused.put(LibC.NETLINK_GET_STRICT_CHK, Errno.ENOPROTOOPT);
        ChannelFeatures f = SocketSetup.apply(all, ChannelOptions.defaults());
        assertThat(f.extendedAck() || f.cappedAck() || f.strictChecking()).isFalse();
    }

    @Test
    void anotherErrnoOnAnOptionalOptionIsStillAnError() {
        FakeOptions o = new FakeOptions();
        o.refused.put(LibC.NETLINK_EXT_ACK, Errno.EINVAL);
        assertThatThrownBy(() -> SocketSetup.apply(o, ChannelOptions.defaults()))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("NETLINK_EXT_ACK");
    }

    @Test
    void strictCheckingIsNotAskedForWhenTheOptionsSayNo() {
        FakeOptions o = new FakeOptions();
        ChannelFeatures f = SocketSetup.apply(o, ChannelOptions.defaults().withStrictChecking(false));
        assertThat(f.strictChecking()).isFalse();
        assertThat(o.set).doesNotContain(LibC.NETLINK_GET_STRICT_CHK);
    }

    @Test
    void buffersFallBackToThePlainOptionAndReportWhatWasGranted() {
        FakeOptions o = new FakeOptions();
        o.refused.put(LibC.SO_RCVBUFFORCE, Errno.EPERM);
        o.refused.put(LibC.SO_SNDBUFFORCE, Errno.EPERM);
        ChannelFeatures f = SocketSetup.apply(o, ChannelOptions.defaults().withSocketReceiveBytes(212_992));
        assertThat(o.set).contains(LibC.SO_RCVBUF, LibC.SO_SNDBUF);
        assertThat(f.socketReceiveBytes()).isEqualTo(425_984);
        assertThat(f.maxAcksInFlight()).isEqualTo(425_984 / ChannelFeatures.ACK_BUDGET_BYTES);
        // 256 KiB asked, doubled by the kernel: the request buffer is the limit, not the socket
        assertThat(f.maxDatagramBytes()).isEqualTo(ChannelOptions.defaults().sendBufferBytes());
    }

    @Test
    void aSmallGrantedSendBufferCapsTheDatagram() {
        FakeOptions o = new FakeOptions() {
            @Override
            public int get(int level, int name) {
                return name == LibC.SO_SNDBUF ? 212_992 : super.get(level, name); // wmem_default, never raised
            }
        };
        ChannelFeatures f = SocketSetup.apply(o, ChannelOptions.defaults());
        assertThat(f.maxDatagramBytes()).isEqualTo(212_960);
    }
}
