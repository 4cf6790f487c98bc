package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.NetlinkTimeoutException;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.Messages;
import io.netlink4j.core.testing.ScriptedKernel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Bridge-level fault injection over the scripted fake kernel: a lost ACK in a pipelined FDB bulk
 * run, and answers a bridge FDB never has.
 */
class BridgeFaultTest {
    private static List<FdbChange> adds(int n) {
        List<FdbChange> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(FdbChange.add(FdbSpec.of(String.format("02:00:00:00:01:%02x", i), "v0")));
        }
        return out;
    }

    @Test
    void aLostAckInABulkRunIsATimeoutTheResultSaysWhichAndTheHandleMovesToAFreshChannel() {
        // request ordinals: 0 = the lookup of v0, 1..8 = the pipelined adds; ordinal 5 (add #4) loses its ACK
        ScriptedKernel first = new ScriptedKernel().autoAck(i -> i == 5 ? ScriptedKernel.NO_ACK : 0);
        first.reply(k -> FdbScripted.withSeq(FdbScripted.V0, k.lastSeq()));
        ScriptedKernel second = new ScriptedKernel().autoAck(i -> 0);
        // the read-back of the lost answer, on a fresh channel: the FDB does not hold add #4's entry
        second.reply(k -> Messages.done(k.lastSeq(), 0));
        List<ScriptedKernel> kernels = new ArrayList<>(List.of(first, second));
        List<RtnlChannel> opened = new ArrayList<>();
        try (BridgeNetlink nl = BridgeNetlink.over(() -> {
            RtnlChannel ch = RtnlChannel.over(kernels.remove(0), ChannelOptions.defaults());
            opened.add(ch);
            return ch;
        })) {
            BulkResult r = nl.fdb().apply(adds(8), BulkOptions.defaults().withWindow(4));
            assertThat(r.interruption()).isInstanceOf(NetlinkTimeoutException.class);
            assertThat(r.interruption().getMessage()).contains("fdb bulk");
            assertThatThrownBy(r::orThrow).isSameAs(r.interruption());
            assertThat(r.sent()).isEqualTo(8);
            assertThat(r.applied().stream().boxed().toList()).containsExactly(0, 1, 2, 3, 5, 6, 7);
            assertThat(r.status(4)).isEqualTo(BulkStatus.NOT_APPLIED);
            assertThat(r.readBack().stream().boxed().toList()).containsExactly(4);
            // the channel that lost the ACK is closed and was not given back to the pool
            assertThat(opened.get(0).isOpen()).isFalse();
            assertThat(first.isClosed()).isTrue();
            int sentBefore = first.sent().size();
            assertThat(opened).hasSize(2);
            assertThat(VlanTestSupport.sentTypes(second)).containsExactly(Rtnetlink.RTM_GETNEIGH);

            // the next operation works, on the fresh channel the read-back gave back to the pool
            second.reply(k -> FdbScripted.withSeq(FdbScripted.V0, k.lastSeq()));
            nl.fdb().add(FdbSpec.of("02:00:00:00:02:01", "v0"));
            assertThat(opened).hasSize(2);
            assertThat(opened.get(1).isOpen()).isTrue();
            assertThat(first.sent()).hasSize(sentBefore); // nothing more went to the broken one
            assertThat(VlanTestSupport.sentTypes(second))
                    .containsExactly(Rtnetlink.RTM_GETNEIGH, Rtnetlink.RTM_GETLINK, Rtnetlink.RTM_NEWNEIGH);
            // and the pool keeps reusing the healthy channel
            second.reply(k -> FdbScripted.withSeq(FdbScripted.V0, k.lastSeq()));
            nl.fdb().add(FdbSpec.of("02:00:00:00:02:02", "v0"));
            assertThat(opened).hasSize(2);
        }
    }

    @Test
    void aLostAckWithContinueOnErrorStillEndsTyped() {
        ScriptedKernel k = new ScriptedKernel().autoAck(i -> i == 8 ? ScriptedKernel.NO_ACK : 0);
        k.reply(s -> FdbScripted.withSeq(FdbScripted.V0, s.lastSeq()));
        ScriptedKernel readBack = new ScriptedKernel();
        readBack.reply(s -> Messages.done(s.lastSeq(), 0));
        List<ScriptedKernel> kernels = new ArrayList<>(List.of(k, readBack));
        try (BridgeNetlink nl = BridgeNetlink.over(() -> RtnlChannel.over(kernels.remove(0), ChannelOptions.defaults()))) {
            BulkResult r = nl.fdb().apply(adds(8), BulkOptions.defaults().continueOnError());
            assertThat(r.interruption()).isInstanceOf(NetlinkTimeoutException.class);
            assertThat(k.isClosed()).isTrue();
            assertThat(r.appliedCount()).isEqualTo(7);
            assertThat(r.status(7)).isEqualTo(BulkStatus.NOT_APPLIED);
            assertThat(r.ok()).isFalse();
        }
    }

    /** An AF_BRIDGE RTM_NEWNEIGH without NDA_LLADDR (found by the fuzzer: FdbEntry.toString threw NPE). */
    private static byte[] neighWithoutMac(int seq, int flags) {
        byte[] ndm = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder()).put((byte) Rtnetlink.AF_BRIDGE).put((byte) 0)
                .putShort((short) 0).putInt(4).putShort((short) 0x80).put((byte) 2).put((byte) 0).array();
        return Messages.message(Rtnetlink.RTM_NEWNEIGH, flags, seq, 0, ndm);
    }

    @Test
    void neighbourMessagesWithoutAMacAreNotFdbEntries() {
        ScriptedKernel k = new ScriptedKernel();
        try (BridgeNetlink nl = BridgeNetlink.over(() -> RtnlChannel.over(k, ChannelOptions.defaults()))) {
            k.reply(s -> Messages.done(s.lastSeq(), 0)); // the link list for names
            k.reply(s -> Messages.concat(neighWithoutMac(s.lastSeq(), NlMsg.NLM_F_MULTI), Messages.done(s.lastSeq(), 0)));
            assertThat(nl.fdb().list()).isEmpty();

            k.reply(s -> FdbScripted.withSeq(FdbScripted.BR0, s.lastSeq()));
            k.reply(s -> neighWithoutMac(s.lastSeq(), 0));
            assertThat(nl.fdb().get("02:00:00:00:00:01", "br0", 0)).isEqualTo(Optional.empty());
        }
        FdbEntry e = new FdbEntry(null, 4, "v0", 2, 0, FdbState.STATIC, java.util.Set.of(), null, -1, 0, -1, 0, 0,
                null, null, null);
        assertThat(e.toString()).isEqualTo("(no mac) dev v0 master 2 static");
    }
}
