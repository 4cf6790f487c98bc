package io.netlink4j.bridge;

import io.netlink4j.core.ChannelBrokenException;
import io.netlink4j.core.NetlinkException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The outcome of {@link BridgePorts#setAll}, update by update (indexes are positions in the input
 * list). Every update has exactly one {@link BulkStatus}: applied, refused (with the kernel's
 * error), not sent (after a stop at the first error), or, when the run broke, decided by reading
 * the port back.
 *
 * <p>A run that broke (timeout, receive-buffer overrun, failed send) still returns: the exception
 * is in {@link #interruption()}; the updates sent whose answer was lost were read back from the
 * kernel on a fresh channel ({@link #readBack()}): {@link BulkStatus#APPLIED} when the port shows
 * every requested setting, {@link BulkStatus#NOT_APPLIED} when one differs, and
 * {@link BulkStatus#UNKNOWN} when reading back could not tell.
 */
public final class PortBulkResult {
    private final int total;
    private final BitSet applied;
    private final NetlinkException[] errors;
    private final BitSet notApplied;
    private final BitSet unknown;
    private final BitSet readBack;
    private final long datagrams;
    private final long nanos;
    private final NetlinkException interruption;
    /** What {@link #orThrow} throws for the interruption (made once, with the counts). */
    private final ChannelBrokenException broke;

    PortBulkResult(int total, BitSet applied, NetlinkException[] errors, BitSet notApplied, BitSet unknown,
                   BitSet readBack, long datagrams, long nanos, NetlinkException interruption) {
        this.total = total;
        this.applied = (BitSet) applied.clone();
        this.errors = errors.clone();
        this.notApplied = (BitSet) notApplied.clone();
        this.unknown = (BitSet) unknown.clone();
        this.readBack = (BitSet) readBack.clone();
        this.datagrams = datagrams;
        this.nanos = nanos;
        this.interruption = interruption;
        if (interruption != null) {
            broke = new ChannelBrokenException("port bulk", interruption.errno(), "interrupted: " + counts()
                    + "; " + interruption.getMessage());
            broke.initCause(interruption);
            for (NetlinkException e : this.errors) {
                if (e != null) {
                    e.addSuppressed(broke); // a caller who catches the refusal learns of the break too
                    break;
                }
            }
        } else {
            broke = null;
        }
    }

    public int total() {
        return total;
    }

    /** Updates in effect: acknowledged (empty settings count: there was nothing to send), or read back as in effect. */
    public int appliedCount() {
        return applied.cardinality();
    }

    /** Whether update {@code index} is in effect ({@link BulkStatus#APPLIED}). */
    public boolean applied(int index) {
        return applied.get(index);
    }

    /** The outcome of update {@code index}. */
    public BulkStatus status(int index) {
        if (index < 0 || index >= total) {
            throw new IndexOutOfBoundsException("update " + index + " of " + total);
        }
        if (applied.get(index)) {
            return BulkStatus.APPLIED;
        }
        if (errors[index] != null) {
            return BulkStatus.FAILED;
        }
        if (notApplied.get(index)) {
            return BulkStatus.NOT_APPLIED;
        }
        if (unknown.get(index)) {
            return BulkStatus.UNKNOWN;
        }
        return BulkStatus.NOT_SENT;
    }

    /** How many updates have outcome {@code s}. */
    public int count(BulkStatus s) {
        switch (s) {
            case APPLIED:
                return applied.cardinality();
            case FAILED:
                return failed().size();
            case NOT_APPLIED:
                return notApplied.cardinality();
            case UNKNOWN:
                return unknown.cardinality();
            default:
                return total - applied.cardinality() - failed().size() - notApplied.cardinality()
                        - unknown.cardinality();
        }
    }

    /** The kernel's error for update {@code index}, or null if it was not refused. */
    public NetlinkException error(int index) {
        return errors[index];
    }

    /** The indexes of the refused updates, in input order. */
    public List<Integer> failed() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            if (errors[i] != null) {
                out.add(i);
            }
        }
        return out;
    }

    /** Which updates were decided by reading their port back after their answer was lost. */
    public BitSet readBack() {
        return (BitSet) readBack.clone();
    }

    /** Why the run ended before every answer arrived (timeout, overrun, failed send), or null. */
    public NetlinkException interruption() {
        return interruption;
    }

    /** Every update was applied, and the run was not interrupted. */
    public boolean ok() {
        return interruption == null && applied.cardinality() == total;
    }

    /** Datagrams (sendto calls) the run took. */
    public long datagrams() {
        return datagrams;
    }

    /** Wall time of the run, name resolution and read-back included. */
    public long nanos() {
        return nanos;
    }

    /**
     * Throws the first refused update's exception, if any; else, if the run was interrupted, a
     * {@link ChannelBrokenException} saying how many updates were applied, not applied, unknown
     * and not sent, with the {@link #interruption()} as its cause. (With both, the interruption
     * is attached to the refusal as a suppressed exception.)
     */
    public PortBulkResult orThrow() {
        for (NetlinkException e : errors) {
            if (e != null) {
                throw e;
            }
        }
        if (broke != null) {
            throw broke;
        }
        return this;
    }

    private String counts() {
        int f = count(BulkStatus.FAILED);
        return appliedCount() + " of " + total + " applied, " + f + " failed, "
                + (notApplied.isEmpty() ? "" : notApplied.cardinality() + " not applied, ")
                + (unknown.isEmpty() ? "" : unknown.cardinality() + " unknown, ")
                + count(BulkStatus.NOT_SENT) + " not sent";
    }

    @Override
    public String toString() {
        List<Integer> f = failed();
        return "PortBulkResult[" + counts() + ", " + datagrams + " datagrams"
                + (f.isEmpty() ? "" : ", first failure #" + f.get(0) + ": " + errors[f.get(0)].getMessage())
                + (interruption == null ? "" : ", interrupted: " + interruption.getMessage()) + "]";
    }
}
