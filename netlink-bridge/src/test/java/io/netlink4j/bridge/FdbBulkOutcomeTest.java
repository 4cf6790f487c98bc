package io.netlink4j.bridge;

import static io.netlink4j.bridge.FdbScripted.V0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.ChannelBrokenException;
import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.Messages;
import io.netlink4j.core.testing.ScriptedKernel;
import io.netlink4j.jna.Errno;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What a bulk run reports, change by change, when a change is refused (stop and ordered modes) and
 * when the run breaks: against a fake kernel, so the timing of every answer is fixed.
 */
class FdbBulkOutcomeTest {
    final FdbScripted s = new FdbScripted();

    private static String mac(int i) {
        return FdbCodec.formatMac(0x020000100000L + i);
    }

    private static List<FdbChange> adds(int n) {
        List<FdbChange> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(FdbChange.add(FdbSpec.of(mac(i), "v0")));
        }
        return l;
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().collect(Collectors.toList());
    }

    @Test
    void stopModeListsTheChangesThatWereInFlightAndAppliedAfterTheFailure() {
        s.answer(V0);
        s.kernel.autoAck(o -> o == 1 + 10 ? Errno.EINVAL : 0); // ordinal 0 is the v0 lookup
        BulkResult r = s.fdb.apply(adds(500), BulkOptions.defaults().withWindow(16));
        assertThat(r.firstFailure()).isEqualTo(10);
        assertThat(r.sent()).isGreaterThan(11);
        // everything sent after #10 was already in flight when its refusal arrived, and applied
        assertThat(r.appliedAfterFailure()).isEqualTo(range(11, r.sent()));
        assertThat(r.appliedAfterFailure()).allSatisfy(i -> assertThat(r.status(i)).isEqualTo(BulkStatus.APPLIED));
        assertThat(r.status(r.sent())).isEqualTo(BulkStatus.NOT_SENT);
        assertThat(r.interruption()).isNull();
        assertThat(r.unknownCount()).isZero();
    }

    @Test
    void orderedModeAppliesNothingAfterTheFailure() {
        s.answer(V0);
        s.kernel.autoAck(o -> o == 1 + 10 ? Errno.EINVAL : 0);
        BulkResult r = s.fdb.apply(adds(500), BulkOptions.ordered());
        assertThat(BulkOptions.ordered().isOrdered()).isTrue();
        assertThat(r.firstFailure()).isEqualTo(10);
        assertThat(r.sent()).isEqualTo(11);
        assertThat(r.appliedAfterFailure()).isEmpty();
        assertThat(r.applied().stream().boxed().toList()).isEqualTo(range(0, 10));
        assertThat(r.status(11)).isEqualTo(BulkStatus.NOT_SENT);
        // one change per datagram, each sent after the previous answer: never two in flight
        assertThat(r.datagrams()).isEqualTo(11);
        assertThat(s.kernel.sent()).allSatisfy(d -> assertThat(ByteBuffer.wrap(d).order(ByteOrder.nativeOrder()).getInt(0))
                .isEqualTo(d.length));
        assertThat(r.window()).isEqualTo(1);
    }

    @Test
    void aRunThatBreaksStillReturnsEveryChangesOutcome() {
        s.answer(V0);
        s.kernel.autoAck(o -> 0);
        // after the ACK of #5 the receive buffer overruns: #6..#15 were in flight (window 16)
        BulkResult r = s.fdb.apply(adds(100), BulkOptions.defaults().withWindow(16));
        // (the default pipeline refills at half the window: by #5 no refill has happened)
        assertThat(r.ok()).isTrue(); // sanity: the same run without the fault
        FdbScripted t = new FdbScripted();
        t.answer(V0);
        t.kernel.autoAck(o -> {
            if (o == 1 + 5) {
                t.kernel.fail(Errno.ENOBUFS);
            }
            return 0;
        });
        BulkResult b = t.fdb.apply(adds(100), BulkOptions.defaults().withWindow(16));
        assertThat(b.interruption()).isInstanceOf(ChannelBrokenException.class);
        assertThat(b.interruption().errno()).isEqualTo(Errno.ENOBUFS);
        assertThat(b.applied().stream().boxed().toList()).isEqualTo(range(0, 6));
        assertThat(b.sent()).isEqualTo(16);
        // the channel is closed, so nothing could be read back: unknown, not guessed
        assertThat(b.unknown().stream().boxed().toList()).isEqualTo(range(6, 16));
        assertThat(b.readBack().isEmpty()).isTrue();
        assertThat(b.status(6)).isEqualTo(BulkStatus.UNKNOWN);
        assertThat(b.status(16)).isEqualTo(BulkStatus.NOT_SENT);
        assertThat(b.notSent()).isEqualTo(84);
        assertThat(b.ok()).isFalse();
        assertThatThrownBy(b::orThrow).isSameAs(b.interruption());
    }

    /** An RTM_NEWNEIGH of a master FDB entry for {@code mac} on ifindex {@code port} of bridge 2. */
    private static byte[] entry(int seq, String mac, int port) {
        ByteBuffer nd = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder());
        nd.put((byte) Rtnetlink.AF_BRIDGE).put((byte) 0).putShort((short) 0).putInt(port).putShort((short) 0x80)
          .put((byte) 0).put((byte) 0);
        byte[] lladdr = new byte[6];
        long m = FdbCodec.parseMac(mac);
        for (int i = 0; i < 6; i++) {
            lladdr[i] = (byte) (m >>> (40 - 8 * i));
        }
        return Messages.message(Rtnetlink.RTM_NEWNEIGH, NlMsg.NLM_F_MULTI, seq, 0, Messages.concat(nd.array(),
                Messages.attr(2 /* NDA_LLADDR */, lladdr), Messages.attr(9 /* NDA_MASTER */, Messages.u32(2))));
    }

    @Test
    void changesWhoseAnswersWereLostAreReadBackFromTheFdb() {
        // the first conversation breaks at once; the read-back runs on a fresh channel
        ScriptedKernel first = new ScriptedKernel();
        first.reply(k -> FdbScripted.withSeq(V0, k.lastSeq())).fail(Errno.ENOBUFS);
        ScriptedKernel second = new ScriptedKernel();
        // the FDB now holds #0, #1, #2 (adds), not #4 (its add was lost), and no longer #3 (deleted)
        second.reply(k -> Messages.concat(entry(k.lastSeq(), mac(0), 4), entry(k.lastSeq(), mac(1), 4),
                entry(k.lastSeq(), mac(2), 4), Messages.done(k.lastSeq(), 0)));
        List<RtnlChannel> channels = new ArrayList<>(List.of(RtnlChannel.over(first, ChannelOptions.defaults()),
                RtnlChannel.over(second, ChannelOptions.defaults())));
        Fdb fdb = new Fdb(new Fdb.Conversations() {
            @Override
            public <T> T call(Function<RtnlChannel, T> conversation) {
                return conversation.apply(channels.remove(0));
            }
        });
        List<FdbChange> changes = List.of(
                FdbChange.add(FdbSpec.of(mac(0), "v0")),
                FdbChange.add(FdbSpec.of(mac(1), "v0")),
                FdbChange.replace(FdbSpec.of(mac(2), "v0")),
                FdbChange.delete(FdbSpec.of(mac(3), "v0")),
                FdbChange.add(FdbSpec.of(mac(4), "v0")),
                // #5 and #6 touch the same entry: the FDB shows only the last one's effect
                FdbChange.add(FdbSpec.of(mac(5), "v0")),
                FdbChange.delete(FdbSpec.of(mac(5), "v0")));
        BulkResult r = fdb.apply(changes, BulkOptions.defaults());
        assertThat(r.interruption()).isNotNull();
        assertThat(r.sent()).isEqualTo(7);
        assertThat(r.applied().stream().boxed().toList()).containsExactly(0, 1, 2, 3);
        assertThat(r.notApplied().stream().boxed().toList()).containsExactly(4);
        assertThat(r.readBack().stream().boxed().toList()).containsExactly(0, 1, 2, 3, 4);
        assertThat(r.unknown().stream().boxed().toList()).containsExactly(5, 6);
        assertThat(r.status(4)).isEqualTo(BulkStatus.NOT_APPLIED);
        assertThat(r.status(5)).isEqualTo(BulkStatus.UNKNOWN);
        assertThat(r.count(BulkStatus.APPLIED)).isEqualTo(4);
        assertThat(r.count(BulkStatus.NOT_APPLIED)).isEqualTo(1);
        assertThat(r.count(BulkStatus.UNKNOWN)).isEqualTo(2);
        assertThat(r.count(BulkStatus.FAILED) + r.count(BulkStatus.NOT_SENT)).isZero();
    }
}
