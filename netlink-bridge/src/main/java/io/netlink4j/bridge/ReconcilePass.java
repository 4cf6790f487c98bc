package io.netlink4j.bridge;

import java.util.List;

/**
 * What one pass of a {@link Reconciler} found and did.
 *
 * @param trigger      why it ran
 * @param plan         what differed (null if the pass failed before planning)
 * @param result       what was sent and how it went (null when nothing differed or the pass failed)
 * @param triggeredAt  System.nanoTime() of the first event of the burst that caused it (or of its
 *                     scheduling, for the initial, periodic and retry passes)
 * @param finishedAt   System.nanoTime() when it ended
 * @param persistent   changes that have now failed {@code maxFailures} times or more in a row
 *                     (each listed with its count), retried with back-off
 * @param error        why the pass failed as a whole (e.g. a dump failed), or null
 */
public record ReconcilePass(Trigger trigger, StatePlan plan, StateResult result, long triggeredAt, long finishedAt,
                            List<String> persistent, RuntimeException error) {

    /** Why a pass ran. */
    public enum Trigger {
        /** The first apply. */
        INITIAL,
        /** Events of managed bridges, ports or FDB entries (a coalesced burst). */
        DRIFT,
        /** The monitor's socket overflowed (ENOBUFS): events were lost. */
        OVERRUN,
        /** The periodic full pass. */
        RESYNC,
        /** A retry after failed changes (with back-off). */
        RETRY,
        /** A new desired state was given. */
        RELOAD
    }

    public ReconcilePass {
        persistent = List.copyOf(persistent);
    }

    /** Changes applied in this pass. */
    public int applied() {
        return result == null ? 0 : result.appliedCount();
    }

    /** Changes that failed in this pass. */
    public int failed() {
        return result == null ? 0 : result.failures().size();
    }

    /** True if the kernel is (now) in the desired state, as far as this pass could tell. */
    public boolean ok() {
        return error == null && (result == null || result.ok());
    }
}
