package io.netlink4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import io.netlink4j.jna.Errno;
import io.netlink4j.jna.LibC;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * The recvmmsg binding on real sockets: another netlink socket (not the kernel) sends datagrams
 * of known sizes to ours, so sender port ids, lengths, truncation and a batch smaller than the
 * last one (the vector is laid out for the largest) are all visible.
 */
@KernelTest
class NetlinkSocketBatchKernelTest {
    private static final int SLOT = 256;

    @Test
    void recvmmsgReportsEachDatagramsLengthSenderAndTruncation() {
        try (TestNetns ns = TestNetns.create();
             NetlinkSocket rx = Netns.callIn(ns.name(), () -> NetlinkSocket.open(LibC.NETLINK_ROUTE));
             NetlinkSocket tx = Netns.callIn(ns.name(), () -> NetlinkSocket.open(LibC.NETLINK_ROUTE))) {
            rx.setReceiveTimeout(2000);
            ByteBuffer buf = ByteBuffer.allocateDirect(8 * SLOT).order(ByteOrder.nativeOrder());
            int[] lengths = new int[8];
            int[] senders = new int[8];

            for (int size : new int[] {20, 40, SLOT + 100, 60}) {
                sendTo(tx, rx.portId(), size);
            }
            int r = rx.receiveBatch(buf, SLOT, 8, lengths, senders);
            assertThat(r).isEqualTo(4);
            assertThat(lengths).startsWith(20, 40, SLOT + 100, 60);
            assertThat(senders).startsWith(tx.portId(), tx.portId(), tx.portId(), tx.portId());
            assertThat(tx.portId()).isNotZero();
            // each datagram in its own slot: the fill byte is its size's low byte
            assertThat(buf.get(SLOT + 39)).isEqualTo((byte) 40);
            assertThat(buf.get(3 * SLOT + 59)).isEqualTo((byte) 60);

            // a smaller batch than the vector was laid out for, with more queued than asked
            for (int size : new int[] {24, 28, 32}) {
                sendTo(tx, rx.portId(), size);
            }
            java.util.Arrays.fill(senders, -1);
            assertThat(rx.receiveBatch(buf, SLOT, 2, lengths, senders)).isEqualTo(2);
            assertThat(lengths).startsWith(24, 28);
            assertThat(senders).startsWith(tx.portId(), tx.portId(), -1);
            assertThat(rx.receiveBatch(buf, SLOT, 2, lengths, senders)).isEqualTo(1);
            assertThat(lengths[0]).isEqualTo(32);

            // nothing queued: the first datagram is waited for, then the timeout says EAGAIN
            rx.setReceiveTimeout(50);
            assertThat(rx.receiveBatch(buf, SLOT, 2, lengths, senders)).isEqualTo(-Errno.EAGAIN);
        }
    }

    /** sendto(2) of {@code size} bytes, all equal to the size's low byte, to port id {@code to}. */
    private static void sendTo(NetlinkSocket tx, int to, int size) {
        ByteBuffer b = ByteBuffer.allocateDirect(size + LibC.SOCKADDR_NL_SIZE).order(ByteOrder.nativeOrder());
        for (int i = 0; i < size; i++) {
            b.put(i, (byte) size);
        }
        b.putShort(size, (short) LibC.AF_NETLINK);
        b.putInt(size + 4, to);
        long a = LibC.address(b);
        long n = LibC.sendto(tx.fd(), a, size, 0, a + size, LibC.SOCKADDR_NL_SIZE);
        assertThat(n).as("sendto: %s", n < 0 ? Errno.name(LibC.errno()) : "").isEqualTo(size);
    }
}
