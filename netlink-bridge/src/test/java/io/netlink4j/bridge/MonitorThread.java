package io.netlink4j.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** For monitor kernel tests: a monitor run on a thread of its own, and waiting for an event in a queue. */
final class MonitorThread {
    private MonitorThread() {}

    /** Starts {@code mon.run(listener)} on a new thread; what it throws lands in {@code failure}. */
    static Thread start(BridgeMonitor mon, Consumer<BridgeEvent> listener, AtomicReference<Throwable> failure) {
        Thread runner = new Thread(() -> {
            try {
                mon.run(listener);
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "bridge-monitor-test");
        runner.start();
        return runner;
    }

    /**
     * A monitor test's clean-up: the monitor closed, its thread joined (up to {@code waitSeconds}),
     * the handle closed, and the namespace deleted whatever failed before (each may be null but ns).
     */
    static void closeAll(BridgeMonitor mon, Thread runner, BridgeNetlink nl, io.netlink4j.core.testing.TestNetns ns,
                         long waitSeconds) throws InterruptedException {
        try {
            if (mon != null) {
                mon.close();
            }
            if (runner != null) {
                runner.join(TimeUnit.SECONDS.toMillis(waitSeconds));
            }
            if (nl != null) {
                nl.close();
            }
        } finally {
            ns.close();
        }
    }

    /**
     * The next event of {@code events} of {@code type} that matches, within {@code waitSeconds}
     * (a bound against hanging, not a speed check); other events are skipped and listed on failure.
     */
    static <T extends BridgeEvent> T await(BlockingQueue<BridgeEvent> events, AtomicReference<Throwable> failure,
                                           long waitSeconds, Class<T> type, Predicate<T> match) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
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
}
