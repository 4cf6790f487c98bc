package io.netlink4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import io.netlink4j.jna.LibC;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * The kernel packs NLMSG_DONE into the last data datagram of a dump when it fits (shown with an
 * RTM_GETNETCONF dump): a dump abandoned in that datagram must find its DONE there, not wait
 * for a datagram that never comes.
 */
@KernelTest
class AbandonedDumpDoneKernelTest {
    /** RTM_GETNETCONF (uapi rtnetlink.h). */
    private static final int RTM_GETNETCONF = 82;
    private static final int AF_INET = 2;

    private static void netconfDump(MessageWriter w) {
        w.buffer().put(w.reserve(1), (byte) AF_INET); // struct netconfmsg { __u8 ncm_family; }
    }

    /** Whether the datagram that carries NLMSG_DONE also carries data, read on a raw socket. */
    private static boolean doneSharesADataDatagram(String netns) {
        NetlinkSocket s = Netns.callIn(netns, () -> NetlinkSocket.open(LibC.NETLINK_ROUTE));
        try {
            s.setReceiveTimeout(5000);
            MessageWriter w = MessageWriter.allocate(64);
            w.begin(RTM_GETNETCONF, NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_DUMP, 1, 0);
            netconfDump(w);
            w.end();
            assertThat(s.send(w.buffer(), 0, w.length())).isEqualTo(w.length());
            ByteBuffer b = ByteBuffer.allocateDirect(1 << 16).order(ByteOrder.nativeOrder());
            NlMsg m = new NlMsg();
            for (;;) {
                int n = s.receive(b, 0);
                assertThat(n).as("receive").isPositive();
                boolean data = false;
                for (int pos = 0; pos + NlMsg.NLMSG_HDRLEN <= n; pos += NlMsg.align(m.length())) {
                    m.wrap(b, pos);
                    if (m.type() == NlMsg.NLMSG_DONE) {
                        return data;
                    }
                    data = true;
                }
            }
        } finally {
            s.close();
        }
    }

    @Test
    void abandonedDumpWhoseDoneSharesTheLastDatagramLeavesTheChannelReadyAtOnce() {
        try (TestNetns ns = TestNetns.create();
             RtnlChannel ch = RtnlChannel.open(ns.name(), ChannelOptions.defaults().withTimeoutMillis(2000))) {
            assertThat(doneSharesADataDatagram(ns.name())).as("the kernel packs DONE with the data here").isTrue();
            netconfDump(ch.request(RTM_GETNETCONF, 0));
            assertThatThrownBy(() -> ch.dump("netconf", m -> {
                throw new IllegalStateException("visitor failed");
            })).hasMessage("visitor failed");
            // before the fix the drain waited for another datagram, timed out and closed the channel
            assertThat(ch.isOpen()).isTrue();
            netconfDump(ch.request(RTM_GETNETCONF, 0));
            int[] n = new int[1];
            ch.dump("netconf again", m -> n[0]++);
            assertThat(n[0]).isPositive();
        }
    }
}
