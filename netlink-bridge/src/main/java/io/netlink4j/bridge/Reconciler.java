package io.netlink4j.bridge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a desired {@link BridgeState} true: applies it, then watches the namespace
 * ({@link BridgeMonitor}) and re-applies what drifted.
 *
 * <pre>{@code
 * try (Reconciler r = Reconciler.builder(nl, state).listener(pass -> log(pass)).start()) {
 *     ...                                   // runs until closed
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Events of declared bridges, ports and FDB entries mark the state dirty; a burst is
 *       coalesced into one pass (run once the events pause for {@code settle}, at the latest
 *       {@code maxDelay} after the first).</li>
 *   <li>An overrun of the monitor's socket (events lost) causes a full pass; so does the periodic
 *       resync (default 60 s), which also catches what the monitor does not report (settings it
 *       does not track, such as multi-bool options, and changes of devices that are down: the kernel
 *       sends no notification for an RTM_NEWLINK change of a down device).</li>
 *   <li>A pass's own repairs come back as events and cause one more pass, which finds nothing to
 *       do and changes nothing; the monitor reports only real changes, so that is the end.</li>
 *   <li>A pass whose changes fail is retried with exponential back-off; a change failing
 *       {@code maxFailures} times in a row is listed in {@link ReconcilePass#persistent()}.</li>
 * </ul>
 *
 * <p>Two threads: the monitor's, blocked in poll(2) on the netlink socket, and the worker's,
 * blocked on a condition until an event or the next deadline. Nothing polls.
 */
public final class Reconciler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final BridgeNetlink nl;
    private final BridgeStates states;
    private final Supplier<BridgeMonitor> monitors;
    private final Consumer<ReconcilePass> listener;
    private final long resyncNanos;
    private final long settleNanos;
    private final long maxDelayNanos;
    private final int maxFailures;
    private final long retryInitialNanos;
    private final long retryMaxNanos;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    // guarded by lock
    private BridgeState desired;
    private DriftFilter filter;
    private ReconcilePass.Trigger pending = ReconcilePass.Trigger.INITIAL;
    private long pendingSince = System.nanoTime();
    private long burstFirst;
    private long burstLast;
    private boolean burst;
    private long resyncAt;
    private long retryAt;
    private boolean closed;
    private final Map<String, Integer> failures = new HashMap<>();

    private volatile BridgeMonitor monitor;
    private volatile boolean watching;
    private volatile boolean applied;
    private Thread worker;
    private Thread watcher;

    private Reconciler(Builder b) {
        this.nl = b.nl;
        this.states = new BridgeStates(b.nl);
        this.desired = b.desired;
        this.filter = new DriftFilter(b.desired);
        this.monitors = b.monitors != null ? b.monitors : nl::monitor;
        this.listener = b.listener;
        this.resyncNanos = b.resync.toNanos();
        this.settleNanos = b.settle.toNanos();
        this.maxDelayNanos = b.maxDelay.toNanos();
        this.maxFailures = b.maxFailures;
        this.retryInitialNanos = b.retryInitial.toNanos();
        this.retryMaxNanos = b.retryMax.toNanos();
    }

    public static Builder builder(BridgeNetlink nl, BridgeState desired) {
        return new Builder(nl, desired);
    }

    /**
     * Opens the monitor (first, so that no drift between the apply and the watch is missed),
     * then starts the worker, which runs the initial pass.
     */
    private Reconciler start() {
        monitor = monitors.get();
        watching = true;
        watcher = new Thread(this::watch, "reconciler-monitor");
        watcher.setDaemon(true);
        watcher.start();
        worker = new Thread(this::work, "reconciler");
        worker.setDaemon(true);
        worker.start();
        return this;
    }

    /** True once a pass has brought the kernel to the desired state and the monitor is live. */
    public boolean healthy() {
        return applied && watching;
    }

    /** True while the monitor is live. */
    public boolean watching() {
        return watching;
    }

    /** Replaces the desired state; a full pass follows at once. */
    public void update(BridgeState next) {
        lock.lock();
        try {
            desired = next;
            filter = new DriftFilter(next);
            failures.clear();
            request(ReconcilePass.Trigger.RELOAD);
        } finally {
            lock.unlock();
        }
    }

    /** Asks for a full pass now (e.g. on SIGHUP). */
    public void resync() {
        lock.lock();
        try {
            request(ReconcilePass.Trigger.RESYNC);
        } finally {
            lock.unlock();
        }
    }

    private void request(ReconcilePass.Trigger t) {
        if (pending == null) {
            pending = t;
            pendingSince = System.nanoTime();
        }
        wake.signalAll();
    }

    // ------------------------------------------------------------------ monitor thread

    private void watch() {
        long backoff = retryInitialNanos;
        while (true) {
            BridgeMonitor m = monitor;
            try {
                if (m == null) {
                    m = monitors.get();
                    monitor = m;
                    watching = true;
                    request0(ReconcilePass.Trigger.OVERRUN); // events were missed while it was down
                }
                m.run(this::onEvent);
                return; // stopped by close()
            } catch (RuntimeException e) {
                watching = false;
                if (isClosed()) {
                    return;
                }
                LOG.warn("reconciler: bridge monitor failed, reopening in {} ms: {}", backoff / 1_000_000, e.toString());
                if (m != null) {
                    m.close();
                }
                monitor = null;
                if (sleepUnlessClosed(backoff)) {
                    return;
                }
                backoff = Math.min(backoff * 2, retryMaxNanos);
            }
        }
    }

    private void request0(ReconcilePass.Trigger t) {
        lock.lock();
        try {
            request(t);
        } finally {
            lock.unlock();
        }
    }

    private void onEvent(BridgeEvent e) {
        lock.lock();
        try {
            if (e instanceof BridgeEvent.Overrun) {
                pending = ReconcilePass.Trigger.OVERRUN;
                pendingSince = System.nanoTime();
                wake.signalAll();
                return;
            }
            if (!filter.matters(e)) {
                return;
            }
            long now = System.nanoTime();
            if (!burst) {
                burst = true;
                burstFirst = now;
            }
            burstLast = now;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ worker thread

    private void work() {
        while (true) {
            ReconcilePass.Trigger t;
            long since;
            BridgeState state;
            lock.lock();
            try {
                while (true) {
                    if (closed) {
                        return;
                    }
                    long now = System.nanoTime();
                    if (pending != null) {
                        t = pending;
                        since = pendingSince;
                        break;
                    }
                    long burstDue = burst ? Math.min(burstLast + settleNanos, burstFirst + maxDelayNanos) : Long.MAX_VALUE;
                    if (burst && now - burstDue >= 0) {
                        t = ReconcilePass.Trigger.DRIFT;
                        since = burstFirst;
                        break;
                    }
                    if (retryAt != 0 && now - retryAt >= 0) {
                        t = ReconcilePass.Trigger.RETRY;
                        since = retryAt;
                        break;
                    }
                    if (now - resyncAt >= 0) {
                        t = ReconcilePass.Trigger.RESYNC;
                        since = resyncAt;
                        break;
                    }
                    long wait = resyncAt - now;
                    if (burst) {
                        wait = Math.min(wait, burstDue - now);
                    }
                    if (retryAt != 0) {
                        wait = Math.min(wait, retryAt - now);
                    }
                    try {
                        wake.awaitNanos(Math.max(wait, 1));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                // this pass covers everything that happened so far
                pending = null;
                burst = false;
                retryAt = 0;
                state = desired;
            } finally {
                lock.unlock();
            }
            ReconcilePass pass = pass(t, since, state);
            try {
                listener.accept(pass);
            } catch (RuntimeException e) {
                LOG.warn("reconciler: listener failed", e);
            }
        }
    }

    private ReconcilePass pass(ReconcilePass.Trigger t, long since, BridgeState state) {
        StatePlan plan = null;
        StateResult result = null;
        RuntimeException error = null;
        try {
            plan = states.plan(state);
            if (!plan.isEmpty()) {
                result = states.apply(plan);
            }
        } catch (RuntimeException e) {
            error = e;
        }
        long end = System.nanoTime();
        List<String> persistent = new ArrayList<>();
        lock.lock();
        try {
            int worst = count(plan, result, error, persistent);
            resyncAt = end + resyncNanos;
            if (worst > 0) {
                long backoff = retryInitialNanos << Math.min(worst - 1, 30);
                retryAt = end + Math.min(backoff <= 0 ? retryMaxNanos : backoff, retryMaxNanos);
            } else if (state == desired) {
                applied = true;
            }
        } finally {
            lock.unlock();
        }
        return new ReconcilePass(t, plan, result, since, end, persistent, error);
    }

    /** Updates the consecutive-failure counts; returns the highest (0: nothing failed). */
    private int count(StatePlan plan, StateResult result, RuntimeException error, List<String> persistent) {
        Map<String, Integer> next = new HashMap<>();
        if (error != null) {
            next.put("pass", failures.getOrDefault("pass", 0) + 1);
        } else if (result != null) {
            for (StateResult.ChangeResult r : result.failures()) {
                String k = key(r.change());
                next.put(k, failures.getOrDefault(k, 0) + 1);
            }
        }
        failures.clear();
        failures.putAll(next);
        int worst = 0;
        for (Map.Entry<String, Integer> e : next.entrySet()) {
            worst = Math.max(worst, e.getValue());
            if (e.getValue() >= maxFailures) {
                persistent.add(e.getKey() + " (failed " + e.getValue() + " times in a row)");
            }
        }
        return worst;
    }

    /** A change's identity across passes: what it touches, not the values it moves between. */
    private static String key(StateChange c) {
        if (c.fdb != null) {
            return "fdb " + c.bridge() + " " + c.fdb.spec().mac() + (c.fdb.spec().vlan() != 0 ? " vlan " + c.fdb.spec().vlan() : "");
        }
        return c.toString().substring(0, c.toString().indexOf(':')) + " " + c.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    // ------------------------------------------------------------------ stop

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Waits {@code nanos} unless closed meanwhile; true if closed. */
    private boolean sleepUnlessClosed(long nanos) {
        lock.lock();
        try {
            long left = nanos;
            while (!closed && left > 0) {
                left = wake.awaitNanos(left);
            }
            return closed;
        } catch (InterruptedException e) {
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Stops watching and the worker (a pass under way finishes first), closes the monitor. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        BridgeMonitor m = monitor;
        if (m != null) {
            m.stop();
        }
        join(watcher);
        join(worker);
        if (m != null) {
            m.close();
        }
        watching = false;
    }

    private static void join(Thread t) {
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Options; {@link #start()} opens the monitor and starts the threads. */
    public static final class Builder {
        private final BridgeNetlink nl;
        private final BridgeState desired;
        private Supplier<BridgeMonitor> monitors;
        private Consumer<ReconcilePass> listener = p -> { };
        private Duration resync = Duration.ofSeconds(60);
        private Duration settle = Duration.ofMillis(100);
        private Duration maxDelay = Duration.ofSeconds(1);
        private int maxFailures = 5;
        private Duration retryInitial = Duration.ofSeconds(1);
        private Duration retryMax = Duration.ofMinutes(5);

        private Builder(BridgeNetlink nl, BridgeState desired) {
            if (nl == null || desired == null) {
                throw new IllegalArgumentException("a reconciler needs a handle and a desired state");
            }
            this.nl = nl;
            this.desired = desired;
        }

        /** Called on the worker thread after every pass. */
        public Builder listener(Consumer<ReconcilePass> l) {
            listener = l;
            return this;
        }

        /** The periodic full pass (default 60 s). */
        public Builder resync(Duration d) {
            resync = positive("resync", d);
            return this;
        }

        /** How long events must pause before a burst's pass runs (default 100 ms). */
        public Builder settle(Duration d) {
            settle = positive("settle", d);
            return this;
        }

        /** The longest a burst delays its pass (default 1 s). */
        public Builder maxDelay(Duration d) {
            maxDelay = positive("maxDelay", d);
            return this;
        }

        /** After this many failures in a row a change is reported as persistent (default 5). */
        public Builder maxFailures(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxFailures must be at least 1: " + n);
            }
            maxFailures = n;
            return this;
        }

        /** The first retry delay (doubling per failure) and the longest (defaults 1 s, 5 min). */
        public Builder retry(Duration initial, Duration max) {
            retryInitial = positive("retry", initial);
            retryMax = positive("retry max", max);
            return this;
        }

        /** Where monitors come from (default: the handle's namespace). */
        public Builder monitors(Supplier<BridgeMonitor> m) {
            monitors = m;
            return this;
        }

        private static Duration positive(String what, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be a positive duration: " + d);
            }
            return d;
        }

        /** Opens the monitor and starts; the initial pass runs on the worker thread. */
        public Reconciler start() {
            return new Reconciler(this).start();
        }
    }
}
