package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monitor with a tiny receive buffer under a burst of FDB changes: the kernel drops most
 * notifications, and the monitor must still end up believing exactly what the kernel holds —
 * which it can only do if no overrun report went unnoticed.
 */
@KernelTest
class MonitorOverrunKernelTest {
    /** A bound against hanging, not a speed check. */
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    @Test
    void everyOverrunIsReportedAndTheKnownSetEndsEqualToTheKernelFdb() throws Exception {
        TestNetns ns = TestNetns.withBridgeAndPort();
        BridgeMonitor mon = null;
        Thread runner = null;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try {
            // 4 KiB asked, 8 KiB granted: a handful of notifications fit
            mon = BridgeMonitor.open(ns.name(), 4096);
            BridgeMonitor m = mon;
            AtomicReference<Set<BridgeMonitor.FdbKey>> known = new AtomicReference<>(m.knownEntries());
            AtomicInteger overrunEvents = new AtomicInteger();
            runner = new Thread(() -> {
                try {
                    m.run(e -> {
                        if (e instanceof BridgeEvent.Overrun o) {
                            overrunEvents.incrementAndGet();
                            assertThat(o.count()).isEqualTo(overrunEvents.get());
                        }
                        known.set(m.knownEntries()); // in the monitor's thread: a consistent copy
                    });
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "monitor-overrun-test");
            runner.start();

            // 1,000 changes in one burst: 700 adds, then 300 of them deleted again
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < 700; i++) {
                batch.append("fdb add ").append(BulkLimitsKernelTest.mac(i)).append(" dev v0 master static\n");
            }
            for (int i = 0; i < 300; i++) {
                batch.append("fdb del ").append(BulkLimitsKernelTest.mac(i * 2)).append(" dev v0 master static\n");
            }
            Path file = dir.resolve("burst.batch");
            Files.writeString(file, batch);
            ns.bridge("-batch " + file);

            Set<BridgeMonitor.FdbKey> kernel = kernelFdb(ns);
            assertThat(kernel.stream().filter(k -> (k.mac() >>> 24) == 0x020000)).hasSize(400);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (!known.get().equals(kernel) && System.nanoTime() < deadline && failure.get() == null) {
                Thread.sleep(50);
            }
            assertThat(failure.get()).isNull();
            assertThat(known.get()).isEqualTo(kernel);
            // the buffer is far too small for the burst: the kernel dropped notifications and said so
            assertThat(overrunEvents.get()).isPositive();
            assertThat(m.overruns()).isEqualTo(overrunEvents.get());
        } finally {
            if (mon != null) {
                mon.close();
            }
            if (runner != null) {
                runner.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            }
            ns.close();
        }
    }

    /** {@code bridge -j fdb show} as the monitor keys entries: MAC, VLAN, and the bridge (or the device for self entries). */
    private static Set<BridgeMonitor.FdbKey> kernelFdb(TestNetns ns) {
        Map<String, Integer> index = new HashMap<>();
        for (Object l : Json.list(ns.json("ip -j link show"))) {
            index.put((String) Json.at(l, "ifname"), ((Number) Json.at(l, "ifindex")).intValue());
        }
        Set<BridgeMonitor.FdbKey> out = new HashSet<>();
        List<Object> entries = Json.list(ns.json("bridge -j fdb show"));
        for (Object e : entries) {
            String master = (String) Json.at(e, "master");
            Object vlan = Json.at(e, "vlan");
            int device = index.get(master != null ? master : (String) Json.at(e, "ifname"));
            out.add(new BridgeMonitor.FdbKey(FdbCodec.parseMac((String) Json.at(e, "mac")),
                    vlan == null ? 0 : ((Number) vlan).intValue(), device));
        }
        return out;
    }
}
