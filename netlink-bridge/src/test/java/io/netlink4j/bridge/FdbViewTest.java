package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.NlMsg;
import io.netlink4j.core.testing.Golden;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flyweight on the kernel's dump answer: reading entries allocates nothing. */
class FdbViewTest {
    @Test
    void readingEntriesAllocatesNothing() {
        List<Golden.Frame> recv = Golden.load("fdb_show_br").frames().stream().filter(f -> !f.send()).toList();
        ByteBuffer b = recv.get(recv.size() - 2).buffer();
        int n = b.capacity();
        NlMsg m = new NlMsg();
        FdbView v = new FdbView();
        byte[] mac = new byte[6];
        for (int round = 0; round < 2_000; round++) { // warm up, so that the JIT has compiled the loop
            pass(b, n, m, v, mac);
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        int entries = 0;
        for (int round = 0; round < 1_000; round++) {
            entries += pass(b, n, m, v, mac);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(sink).isNotZero();
        assertThat(entries).isGreaterThanOrEqualTo(1_000 * 3); // the capture's 3 static entries at least
        // thousands of entries read: well under one byte each (the counter itself may report a few bytes)
        assertThat(allocated).as("bytes allocated for %d entries", entries).isLessThan(4_096);
    }

    /** Keeps the JIT from dropping the reads. */
    private static long sink;

    private static int pass(ByteBuffer b, int n, NlMsg m, FdbView v, byte[] mac) {
        int count = 0;
        for (int pos = 0; pos + NlMsg.NLMSG_HDRLEN <= n; pos += NlMsg.align(m.length())) {
            m.wrap(b, pos);
            if (v.wrap(m)) {
                v.mac(mac, 0);
                count++;
                sink += v.macLong() + v.ifindex() + v.master() + v.vlan() + v.state().ordinal() + v.flags()
                        + v.usedTicks() + (v.has(FdbFlag.SELF) ? 1 : 0) + mac[5];
            }
        }
        return count;
    }
}
