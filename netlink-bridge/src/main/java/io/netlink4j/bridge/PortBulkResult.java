package io.netlink4j.bridge;

import io.netlink4j.core.NetlinkException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The outcome of {@link BridgePorts#setAll}, update by update (indexes are positions in the input
 * list): applied, refused (with the kernel's error), or not sent (after a stop at the first error).
 */
public final class PortBulkResult {
    private final int total;
    private final BitSet applied;
    private final NetlinkException[] errors;
    private final long datagrams;
    private final long nanos;

    PortBulkResult(int total, BitSet applied, NetlinkException[] errors, long datagrams, long nanos) {
        this.total = total;
        this.applied = (BitSet) applied.clone();
        this.errors = errors.clone();
        this.datagrams = datagrams;
        this.nanos = nanos;
    }

    public int total() {
        return total;
    }

    /** Updates the kernel acknowledged (empty settings count as applied: there was nothing to send). */
    public int appliedCount() {
        return applied.cardinality();
    }

    public boolean applied(int index) {
        return applied.get(index);
    }

    /** The kernel's error for update {@code index}, or null if it was applied or not sent. */
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

    /** Every update was applied. */
    public boolean ok() {
        return applied.cardinality() == total;
    }

    /** Datagrams (sendto calls) the run took. */
    public long datagrams() {
        return datagrams;
    }

    /** Wall time of the run, name resolution included. */
    public long nanos() {
        return nanos;
    }

    /** Throws the first refused update's exception, if any. */
    public PortBulkResult orThrow() {
        for (NetlinkException e : errors) {
            if (e != null) {
                throw e;
            }
        }
        return this;
    }

    @Override
    public String toString() {
        List<Integer> f = failed();
        return "PortBulkResult[" + appliedCount() + "/" + total + " applied, " + f.size() + " failed, "
                + (total - appliedCount() - f.size()) + " not sent, " + datagrams + " datagrams"
                + (f.isEmpty() ? "" : ", first failure #" + f.get(0) + ": " + errors[f.get(0)].getMessage()) + "]";
    }
}
