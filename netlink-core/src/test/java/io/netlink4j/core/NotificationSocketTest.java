package io.netlink4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Messages;
import io.netlink4j.jna.Errno;
import io.netlink4j.jna.LibC;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

/**
 * The receive side of {@link NotificationSocket} against a fake kernel that answers peeks and
 * real receives separately: the kernel reports an overrun once, to whichever receive comes next.
 */
class NotificationSocketTest {
    /** Answers each receive from its own queue: peeks from one, real receives from the other. */
    private static final class SplitKernel implements NetlinkTransport {
        final Deque<Object> peeks = new ArrayDeque<>();
        final Deque<Object> reads = new ArrayDeque<>();
        int sender;

        @Override
        public int portId() {
            return 1;
        }

        @Override
        public int send(ByteBuffer buffer, int offset, int length) {
            return length;
        }

        @Override
        public int receive(ByteBuffer buffer, int flags) {
            Object o = ((flags & LibC.MSG_PEEK) != 0 ? peeks : reads).poll();
            if (o == null) {
                return -Errno.EAGAIN;
            }
            if (o instanceof Integer errno) {
                return -errno;
            }
            byte[] d = (byte[]) o;
            buffer.put(0, d, 0, Math.min(d.length, buffer.capacity()));
            return d.length;
        }

        @Override
        public int senderPortId() {
            return sender;
        }

        @Override
        public int joinGroup(int group) {
            return 0;
        }

        @Override
        public void close() {}
    }

    @Test
    void enobufsOnTheReceiveAfterASuccessfulPeekIsAnOverrun() {
        byte[] d = Messages.link(0, 0, 0, 5);
        SplitKernel k = new SplitKernel();
        k.peeks.add(d);                // the peek sees a notification …
        k.reads.add(Errno.ENOBUFS);    // … a drop happens, and the real receive gets the only report
        k.peeks.add(d);                // the peeked datagram is still queued
        k.reads.add(d);
        NotificationSocket s = NotificationSocket.over(k);
        assertThat(s.receive()).isEqualTo(NotificationSocket.OVERRUN);
        assertThat(s.receive()).isEqualTo(d.length);
        assertThat(s.receive()).isEqualTo(NotificationSocket.EMPTY);
    }

    @Test
    void enobufsOnThePeekIsAnOverrun() {
        SplitKernel k = new SplitKernel();
        k.peeks.add(Errno.ENOBUFS);
        NotificationSocket s = NotificationSocket.over(k);
        assertThat(s.receive()).isEqualTo(NotificationSocket.OVERRUN);
        assertThat(s.receive()).isEqualTo(NotificationSocket.EMPTY);
    }

    @Test
    void discardingTheQueueSkipsAReportedOverrunAndCountsDatagrams() {
        byte[] d = Messages.link(0, 0, 0, 5);
        SplitKernel k = new SplitKernel();
        k.reads.add(d);
        k.reads.add(Errno.ENOBUFS);
        k.reads.add(d);
        NotificationSocket s = NotificationSocket.over(k);
        assertThat(s.discardQueued()).isEqualTo(2);
    }
}
