package io.netlink4j.bridge;

import io.netlink4j.core.NetlinkException;
import java.util.BitSet;
import java.util.List;

/**
 * The outcome of a bulk run, change by change (indexes are positions in the input list).
 *
 * @param total     changes in the input
 * @param failures  the changes the kernel refused, in input order
 * @param applied   which changes the kernel acknowledged
 * @param sent      changes sent (less than total when the run stopped at an error)
 * @param datagrams datagrams (sendto calls) it took
 * @param nanos     wall time of the run, validation included
 */
public record BulkResult(int total, List<Failure> failures, BitSet applied, int sent, long datagrams, long nanos) {

    /** A refused change: its index and the kernel's error (errno, ext-ACK text, with a hint). */
    public record Failure(int index, FdbChange change, NetlinkException error) {
        public int errno() {
            return error.errno();
        }

        /** The kernel's ext-ACK text, or null. */
        public String kernelMessage() {
            return error.kernelMessage();
        }

        @Override
        public String toString() {
            return "#" + index + " " + change + ": " + error.getMessage();
        }
    }

    /** The outcome of one change. */
    public enum Status { APPLIED, FAILED, NOT_SENT }

    public BulkResult {
        failures = List.copyOf(failures);
        applied = (BitSet) applied.clone();
    }

    /** Every change was applied. */
    public boolean ok() {
        return failures.isEmpty() && sent == total;
    }

    /** Changes the kernel acknowledged. */
    public int appliedCount() {
        return applied.cardinality();
    }

    /** Changes never sent (after a stop at the first error). */
    public int notSent() {
        return total - sent;
    }

    public Status status(int index) {
        if (applied.get(index)) {
            return Status.APPLIED;
        }
        for (Failure f : failures) {
            if (f.index() == index) {
                return Status.FAILED;
            }
        }
        return Status.NOT_SENT;
    }

    /** Throws the first failure's exception (with its index in the message's operation) if there was one. */
    public BulkResult orThrow() {
        if (!failures.isEmpty()) {
            throw failures.get(0).error();
        }
        return this;
    }

    @Override
    public String toString() {
        return "BulkResult[" + appliedCount() + "/" + total + " applied, " + failures.size() + " failed, "
                + notSent() + " not sent, " + datagrams + " datagrams, " + nanos / 1_000_000 + " ms"
                + (failures.isEmpty() ? "" : ", first failure " + failures.get(0)) + "]";
    }
}
