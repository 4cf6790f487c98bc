package io.netlink4j.bridge;

/**
 * How a bulk run is sent.
 *
 * <p>The window is an upper bound: a run lowers it to what the channel's socket can answer
 * without overrunning its receive buffer ({@link io.netlink4j.core.ChannelFeatures#maxAcksInFlight()}),
 * logs why, and reports the window it used in {@link BulkResult#window()}.
 *
 * @param window           most requests in flight (sent, not yet acknowledged); default 64
 * @param stopAtFirstError stop sending at the first failure (requests already in flight still
 *                         complete and are reported — see {@link BulkResult#appliedAfterFailure()});
 *                         false = apply everything that can be applied
 */
public record BulkOptions(int window, boolean stopAtFirstError) {
    public BulkOptions {
        if (window < 1 || window > 4096) {
            throw new IllegalArgumentException("bulk window must be 1..4096: " + window);
        }
    }

    /** Window 64, stop at the first error. */
    public static BulkOptions defaults() {
        return new BulkOptions(64, true);
    }

    /**
     * Nothing is applied after a refused change: one change in flight at a time (window 1), and
     * the run stops at the first error. Changes take effect in input order, so a file that relies
     * on order (delete, then add) never ends half-way past a failure. The price is one round trip
     * per change (docs/fdb.md has the figures).
     */
    public static BulkOptions ordered() {
        return new BulkOptions(1, true);
    }

    /** Whether this run applies nothing after a failure: window 1 and stop at the first error. */
    public boolean isOrdered() {
        return window == 1 && stopAtFirstError;
    }

    public BulkOptions withWindow(int w) {
        return new BulkOptions(w, stopAtFirstError);
    }

    /** Keep going after a failure: every valid change is tried, failures are listed. */
    public BulkOptions continueOnError() {
        return new BulkOptions(window, false);
    }

    public BulkOptions stopOnError() {
        return new BulkOptions(window, true);
    }
}
