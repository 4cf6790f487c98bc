package io.netlink4j.bridge;

/**
 * What a flush did.
 *
 * @param kernelBulk true when the kernel's bulk delete (RTM_DELNEIGH + NLM_F_BULK) did it
 * @param removed    entries removed, or -1 when unknown (the kernel's bulk delete does not say)
 */
public record FlushResult(boolean kernelBulk, int removed) {
    /** True when {@link #removed()} is a count. */
    public boolean countKnown() {
        return removed >= 0;
    }
}
