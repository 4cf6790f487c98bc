package io.netlink4j.core;

import static io.netlink4j.core.testing.Messages.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.testing.ScriptedKernel;
import io.netlink4j.jna.Errno;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A pipeline reading several ACK datagrams per receive call (recvmmsg on a real socket), against
 * a scripted kernel that hands out what is queued: each datagram is still checked on its own for
 * its sender and for truncation, and errors after a partial batch still break the channel.
 */
class RtnlChannelBatchReceiveTest {
    private static final RtnlChannel.RequestEncoder SET_MTU = RtnlChannelFaultTest.SET_MTU;

    /** Outcome per request index: null for success, else the errno. */
    private final Map<Integer, Integer> results = new LinkedHashMap<>();

    private boolean record(int index, NetlinkException e) {
        results.put(index, e == null ? null : e.errno());
        return true;
    }

    @Test
    void severalAcksPerCallAndAForeignDatagramIsIgnored() {
        ScriptedKernel k = new ScriptedKernel().batchReceives(32);
        for (int i = 0; i < 4; i++) {
            int n = i;
            k.reply(x -> error(x.lastSeq(n), 0, new byte[0]));
        }
        // another socket forging a failure for request 4: must not count as its ACK
        k.replyFrom(4321, x -> error(x.lastSeq(4), Errno.EPERM, new byte[0]));
        for (int i = 4; i < 8; i++) {
            int n = i;
            k.reply(x -> error(x.lastSeq(n), n == 6 ? Errno.EEXIST : 0, new byte[0]));
        }
        RtnlChannel ch = RtnlChannel.over(k, ChannelOptions.defaults().withTimeoutMillis(50));

        assertThat(ch.pipeline("set mtu", 8, 8, SET_MTU, this::record)).isEqualTo(8);

        assertThat(results).hasSize(8).containsEntry(4, null).containsEntry(6, Errno.EEXIST);
        assertThat(results.keySet()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        // 9 datagrams (8 ACKs and the forged one) in 2 calls: at most 8 are asked for while 8 are owed
        assertThat(k.batchStats()).containsExactly(2, 9);
        assertThat(k.remainingSteps()).isZero();
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void aTruncatedAckInABatchBreaksTheChannelAfterTheOnesBeforeIt() {
        ScriptedKernel k = new ScriptedKernel().batchReceives(32);
        k.reply(x -> error(x.lastSeq(0), 0, new byte[0]))
         .reply(x -> error(x.lastSeq(1), Errno.EINVAL, new byte[RtnlChannel.ACK_SLOT]))
         .reply(x -> error(x.lastSeq(2), 0, new byte[0]));
        RtnlChannel ch = RtnlChannel.over(k, ChannelOptions.defaults().withTimeoutMillis(50));

        assertThatThrownBy(() -> ch.pipeline("set mtu", 3, 3, SET_MTU, this::record))
                .isInstanceOf(ChannelBrokenException.class)
                .hasMessageContaining("did not fit");
        assertThat(results.keySet()).containsExactly(0);
        assertThat(ch.isOpen()).isFalse();
        assertThat(k.batchStats()).containsExactly(1, 3);
    }

    @Test
    void anOverrunAfterAPartialBatchIsReportedByTheNextCall() {
        ScriptedKernel k = new ScriptedKernel().batchReceives(32);
        k.reply(x -> error(x.lastSeq(0), 0, new byte[0]))
         .reply(x -> error(x.lastSeq(1), 0, new byte[0]))
         .fail(Errno.ENOBUFS);
        RtnlChannel ch = RtnlChannel.over(k, ChannelOptions.defaults().withTimeoutMillis(50));

        assertThatThrownBy(() -> ch.pipeline("set mtu", 4, 4, SET_MTU, this::record))
                .isInstanceOf(ChannelBrokenException.class)
                .hasMessageContaining("ENOBUFS");
        assertThat(results.keySet()).containsExactly(0, 1);
        assertThat(k.batchStats()).containsExactly(1, 2);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void noAckInTimeIsATimeout() {
        ScriptedKernel k = new ScriptedKernel().batchReceives(32);
        k.reply(x -> error(x.lastSeq(0), 0, new byte[0]));
        RtnlChannel ch = RtnlChannel.over(k, ChannelOptions.defaults().withTimeoutMillis(50));

        assertThatThrownBy(() -> ch.pipeline("set mtu", 2, 2, SET_MTU, this::record))
                .isInstanceOf(NetlinkTimeoutException.class);
        assertThat(results.keySet()).containsExactly(0);
        assertThat(ch.isOpen()).isFalse();
    }
}
