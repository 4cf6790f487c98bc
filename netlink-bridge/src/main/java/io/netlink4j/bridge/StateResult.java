package io.netlink4j.bridge;

import java.util.List;

/**
 * What an apply did, change by change.
 *
 * @param plan    the plan that was applied
 * @param results one per change of the plan, in its order
 */
public record StateResult(StatePlan plan, List<ChangeResult> results) {

    /** The outcome of one change. */
    public enum Status {
        /** The kernel acknowledged it. */
        APPLIED,
        /** The kernel (or the input check before sending) refused it; see the error. */
        FAILED
    }

    /**
     * @param change the change
     * @param status applied or failed
     * @param error  why it failed (a NetlinkException with errno and ext-ACK text), or null
     */
    public record ChangeResult(StateChange change, Status status, RuntimeException error) {
        @Override
        public String toString() {
            return change + (status == Status.APPLIED ? "" : " FAILED: " + error.getMessage());
        }
    }

    public StateResult {
        results = List.copyOf(results);
    }

    /** Every change was applied. */
    public boolean ok() {
        return results.stream().allMatch(r -> r.status() == Status.APPLIED);
    }

    public List<ChangeResult> failures() {
        return results.stream().filter(r -> r.status() == Status.FAILED).toList();
    }

    public int appliedCount() {
        return (int) results.stream().filter(r -> r.status() == Status.APPLIED).count();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (ChangeResult r : results) {
            sb.append(r).append('\n');
        }
        return sb.toString();
    }
}
