package io.netlink4j.bridge;

import io.netlink4j.core.NetlinkException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The outcome of a bulk run, change by change (indexes are positions in the input list). Every
 * change has exactly one {@link BulkStatus}.
 *
 * <p>A run that broke (receive-buffer overrun, timeout, a failed send) still returns: the
 * exception is in {@link #interruption()}, the changes sent whose answer was lost were looked up
 * in the kernel's FDB where that decides them ({@link #readBack()}), and the rest are
 * {@link BulkStatus#UNKNOWN}.
 *
 * @param total        changes in the input
 * @param failures     the changes the kernel refused, in input order
 * @param applied      changes in effect: acknowledged by the kernel, or read back as in effect
 * @param notApplied   changes sent whose answer was lost and that the kernel's FDB shows are not in effect
 * @param unknown      changes sent whose answer was lost and that reading back could not decide
 *                     (another change of the run touched the same entry, or the read failed)
 * @param readBack     which of {@code applied}/{@code notApplied} were decided by reading the FDB back
 * @param sent         changes sent (less than total when the run stopped at an error or broke)
 * @param window       the window the run used (the requested one, or lower: see {@link BulkOptions})
 * @param datagrams    datagrams (sendto calls) it took
 * @param nanos        wall time of the run, validation and read-back included
 * @param interruption why the run ended before every answer arrived, or null
 */
public record BulkResult(int total, List<Failure> failures, BitSet applied, BitSet notApplied, BitSet unknown,
                         BitSet readBack, int sent, int window, long datagrams, long nanos,
                         NetlinkException interruption) {

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

    public BulkResult {
        failures = List.copyOf(failures);
        applied = (BitSet) applied.clone();
        notApplied = (BitSet) notApplied.clone();
        unknown = (BitSet) unknown.clone();
        readBack = (BitSet) readBack.clone();
    }

    @Override
    public BitSet applied() {
        return (BitSet) applied.clone();
    }

    @Override
    public BitSet notApplied() {
        return (BitSet) notApplied.clone();
    }

    @Override
    public BitSet unknown() {
        return (BitSet) unknown.clone();
    }

    @Override
    public BitSet readBack() {
        return (BitSet) readBack.clone();
    }

    /** Every change was applied. */
    public boolean ok() {
        return failures.isEmpty() && sent == total && interruption == null && unknown.isEmpty() && notApplied.isEmpty();
    }

    /** Changes in effect. */
    public int appliedCount() {
        return applied.cardinality();
    }

    /** Changes whose outcome is unknown. */
    public int unknownCount() {
        return unknown.cardinality();
    }

    /** Changes never sent (after a stop at the first error, or a broken run). */
    public int notSent() {
        return total - sent;
    }

    /** How many changes have outcome {@code s}. */
    public int count(BulkStatus s) {
        switch (s) {
            case APPLIED:
                return applied.cardinality();
            case FAILED:
                return failures.size();
            case NOT_APPLIED:
                return notApplied.cardinality();
            case UNKNOWN:
                return unknown.cardinality();
            default:
                return notSent();
        }
    }

    /** The index of the first refused change, or -1. */
    public int firstFailure() {
        return failures.isEmpty() ? -1 : failures.get(0).index();
    }

    /**
     * The changes after the first refused one that are nevertheless in effect, in input order:
     * they were in flight when the refusal arrived (empty for {@link BulkOptions#ordered()} runs,
     * and when nothing failed).
     */
    public List<Integer> appliedAfterFailure() {
        List<Integer> out = new ArrayList<>();
        int first = firstFailure();
        if (first >= 0) {
            for (int i = applied.nextSetBit(first + 1); i >= 0; i = applied.nextSetBit(i + 1)) {
                out.add(i);
            }
        }
        return out;
    }

    public BulkStatus status(int index) {
        if (applied.get(index)) {
            return BulkStatus.APPLIED;
        }
        if (notApplied.get(index)) {
            return BulkStatus.NOT_APPLIED;
        }
        if (unknown.get(index)) {
            return BulkStatus.UNKNOWN;
        }
        for (Failure f : failures) {
            if (f.index() == index) {
                return BulkStatus.FAILED;
            }
        }
        return BulkStatus.NOT_SENT;
    }

    /**
     * Throws the first failure's exception (with its index in the message's operation) if there
     * was one, else the {@link #interruption()} if the run broke.
     */
    public BulkResult orThrow() {
        if (!failures.isEmpty()) {
            throw failures.get(0).error();
        }
        if (interruption != null) {
            throw interruption;
        }
        return this;
    }

    @Override
    public String toString() {
        return "BulkResult[" + appliedCount() + "/" + total + " applied, " + failures.size() + " failed, "
                + (unknown.isEmpty() ? "" : unknownCount() + " unknown, ")
                + (notApplied.isEmpty() ? "" : notApplied.cardinality() + " not applied, ")
                + notSent() + " not sent, window " + window + ", " + datagrams + " datagrams, " + nanos / 1_000_000 + " ms"
                + (failures.isEmpty() ? "" : ", first failure " + failures.get(0))
                + (interruption == null ? "" : ", interrupted: " + interruption.getMessage()) + "]";
    }
}
