package io.netlink4j.bridge;

/**
 * How a bulk run is sent.
 *
 * @param window           most requests in flight (sent, not yet acknowledged); default 64
 * @param stopAtFirstError stop sending at the first failure (requests already in flight still
 *                         complete and are reported); false = apply everything that can be applied
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
