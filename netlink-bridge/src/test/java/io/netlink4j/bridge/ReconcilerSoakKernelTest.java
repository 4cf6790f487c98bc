package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.Links;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.testing.Descriptors;
import io.netlink4j.core.testing.KernelTest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 10,000 repairs in a row (slow lane, {@code -Dgroups=slow}): each drift is a bridge port event
 * (RTM_SETLINK AF_BRIDGE, as {@code bridge link set} sends) that turns hairpin off; the reconciler
 * turns it on again. Descriptors must not grow, nor the heap after GC (between repair 1,000 and
 * 10,000).
 */
@KernelTest
@Tag("slow")
class ReconcilerSoakKernelTest {
    static final int WARM_UP = 1_000;
    static final int REPAIRS = 10_000;

    @Test
    void tenThousandRepairsLeaveDescriptorsAndHeapFlat() throws Exception {
        BridgeState want = BridgeState.builder().bridge(DesiredBridge.of("br0", BridgeSettings.builder().build())
                .withPort(DesiredPort.builder("v0").settings(PortSettings.builder().hairpin(true).build()).build())).build();
        Semaphore repaired = new Semaphore(0);
        AtomicLong passes = new AtomicLong();
        try (StateKernelSupport k = new StateKernelSupport();
             BridgeNetlink outside = BridgeNetlink.open(k.ns.name());
             Reconciler r = Reconciler.builder(k.nl, want).monitors(() -> BridgeMonitor.open(k.ns.name()))
                     .settle(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(20)).resync(Duration.ofMinutes(30))
                     .listener(p -> {
                         passes.incrementAndGet();
                         if (p.applied() > 0) {
                             repaired.release();
                         }
                     }).start()) {
            assertThat(repaired.tryAcquire(30, TimeUnit.SECONDS)).as("initial apply").isTrue();
            int v0 = outside.call(ch -> new Links(ch).get("v0").index());
            PortSettings off = PortSettings.builder().hairpin(false).build();
            long fds = 0;
            long heap = 0;
            long t0 = System.nanoTime();
            for (int i = 1; i <= REPAIRS; i++) {
                outside.call(ch -> {
                    MessageWriter w = ch.request(Rtnetlink.RTM_SETLINK, NlMsg.NLM_F_ACK);
                    PortCodec.encodeProtinfoSet(w, v0, off);
                    ch.execute("drift: hairpin off");
                    return null;
                });
                assertThat(repaired.tryAcquire(30, TimeUnit.SECONDS)).as("repair %d", i).isTrue();
                if (i == WARM_UP) {
                    fds = Descriptors.count();
                    heap = usedAfterGc();
                }
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long heapAfter = usedAfterGc();
            Descriptors.assertNoGrowth(fds);
            System.out.printf("%d repairs in %d ms (%d passes); heap after GC at %d: %d KB, at %d: %d KB; fds %d%n",
                    REPAIRS, ms, passes.get(), WARM_UP, heap / 1024, REPAIRS, heapAfter / 1024, Descriptors.count());
            assertThat(heapAfter - heap).as("heap growth over %d repairs", REPAIRS - WARM_UP).isLessThan(4L << 20);
            assertThat(Boolean.TRUE.equals(k.slaveData("v0").get("hairpin"))).isTrue();
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
