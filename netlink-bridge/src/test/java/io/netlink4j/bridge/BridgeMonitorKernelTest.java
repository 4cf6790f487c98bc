package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The monitor against the real kernel: changes made by iproute2 in the same namespace. */
@KernelTest
class BridgeMonitorKernelTest {
    /** How long to wait for an event that must come (a bound against hanging, not a speed check). */
    private static final long WAIT_SECONDS = 20;

    TestNetns ns;
    BridgeNetlink nl;
    BridgeMonitor mon;
    Thread runner;
    final BlockingQueue<BridgeEvent> events = new LinkedBlockingQueue<>();
    final AtomicReference<Throwable> failure = new AtomicReference<>();

    @BeforeEach
    void setUp() {
        ns = TestNetns.withBridgeAndPort();
        nl = BridgeNetlink.open(ns.name());
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        // the namespace goes whatever failed before (open() in setUp, close() of the monitor, ...)
        try {
            if (mon != null) {
                mon.close();
            }
            if (runner != null) {
                runner.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            }
            if (nl != null) {
                nl.close();
            }
        } finally {
            ns.close();
        }
    }

    private void start(java.util.function.Consumer<BridgeEvent> listener) {
        runner = new Thread(() -> {
            try {
                mon.run(listener);
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "bridge-monitor-test");
        runner.start();
    }

    private <T extends BridgeEvent> T await(Class<T> type, Predicate<T> match) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        List<BridgeEvent> skipped = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            BridgeEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && type.isInstance(e) && match.test(type.cast(e))) {
                return type.cast(e);
            }
            if (e != null) {
                skipped.add(e);
            }
        }
        throw new AssertionError("no matching " + type.getSimpleName() + " event; saw " + skipped
                + (failure.get() != null ? "; monitor failed: " + failure.get() : ""));
    }

    private static Predicate<BridgeEvent.FdbEvent> fdb(String mac, BridgeEvent.FdbKind kind) {
        return e -> e.entry().mac().equals(mac) && e.kind() == kind;
    }

    @Test
    void seesEntriesAddedChangedAndRemovedByIproute2AndStopsPromptly() throws Exception {
        ns.ip("link add v2 type veth peer name v3");
        ns.ip("link set v2 master br0");
        ns.ip("link set v2 up");
        mon = nl.monitor();
        start(events::add);

        ns.bridge("fdb add 02:00:00:00:0a:01 dev v0 master static");
        BridgeEvent.FdbEvent added = await(BridgeEvent.FdbEvent.class, fdb("02:00:00:00:0a:01", BridgeEvent.FdbKind.ADDED));
        assertThat(added.entry().ifname()).isEqualTo("v0");
        assertThat(added.entry().state()).isEqualTo(FdbState.STATIC);

        ns.bridge("fdb replace 02:00:00:00:0a:01 dev v2 master static");
        BridgeEvent.FdbEvent moved = await(BridgeEvent.FdbEvent.class, fdb("02:00:00:00:0a:01", BridgeEvent.FdbKind.CHANGED));
        assertThat(moved.entry().ifname()).isEqualTo("v2");

        ns.bridge("fdb del 02:00:00:00:0a:01 dev v2 master");
        await(BridgeEvent.FdbEvent.class, fdb("02:00:00:00:0a:01", BridgeEvent.FdbKind.REMOVED));

        // a bridge port setting changes
        ns.bridge("link set dev v0 learning off");
        BridgeEvent.PortEvent port = await(BridgeEvent.PortEvent.class,
                p -> "v0".equals(p.name()) && Long.valueOf(0).equals(p.attributes().get("learning")));
        assertThat(port.kind()).isEqualTo(BridgeEvent.PortKind.CHANGED);

        // stop() from another thread wakes the blocked reader
        Thread stopper = new Thread(mon::stop);
        stopper.start();
        stopper.join();
        runner.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertThat(runner.isAlive()).as("run() returned after stop()").isFalse();
        assertThat(failure.get()).isNull();
    }

    @Test
    void anOverrunIsReportedAndTheMonitorGoesOn() throws Exception {
        mon = BridgeMonitor.open(ns.name(), 4096); // tiny buffer: a burst cannot fit
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean hold = new java.util.concurrent.atomic.AtomicBoolean();
        start(e -> {
            events.add(e);
            if (hold.get()) {
                try {
                    release.await(WAIT_SECONDS, TimeUnit.SECONDS); // hold the reader while the burst arrives
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        ns.bridge("fdb add 02:00:00:00:0b:00 dev v0 master static");
        await(BridgeEvent.FdbEvent.class, fdb("02:00:00:00:0b:00", BridgeEvent.FdbKind.ADDED));
        hold.set(true); // the burst's first event blocks the reader; the rest must overflow the socket
        List<FdbSpec> burst = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            burst.add(FdbSpec.of(FdbCodec.formatMac(0x020000110000L + i), "v0"));
        }
        nl.fdb().addAll(burst).orThrow();
        release.countDown();
        BridgeEvent.Overrun o = await(BridgeEvent.Overrun.class, x -> true);
        assertThat(o.count()).isGreaterThanOrEqualTo(1);
        assertThat(mon.overruns()).isGreaterThanOrEqualTo(1);

        // still alive: later events arrive, and entries loaded in the resync read as changed, not added
        ns.bridge("fdb add 02:00:00:00:0b:ff dev v0 master static");
        await(BridgeEvent.FdbEvent.class, fdb("02:00:00:00:0b:ff", BridgeEvent.FdbKind.ADDED));
        ns.bridge("fdb replace " + FdbCodec.formatMac(0x020000110000L + 2000) + " dev v0 master dynamic");
        await(BridgeEvent.FdbEvent.class, fdb(FdbCodec.formatMac(0x020000110000L + 2000), BridgeEvent.FdbKind.CHANGED));
        mon.stop();
        runner.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertThat(runner.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
    }
}
