package io.netlink4j.bridge;

/**
 * The outcome of one change of a bulk run, shared by {@link BulkResult} (FDB) and
 * {@link PortBulkResult} (ports). Every change of a run has exactly one.
 */
public enum BulkStatus {
    /** In effect: acknowledged by the kernel, or read back as in effect after its answer was lost. */
    APPLIED,
    /** Refused by the kernel, with its error. */
    FAILED,
    /** Sent, its answer lost, and reading the kernel's state back shows it is not (entirely) in effect. */
    NOT_APPLIED,
    /** Sent, its answer lost, and undecided (reading back was impossible or cannot tell): re-read the state. */
    UNKNOWN,
    /** Never sent (the run stopped at an error, or broke before). */
    NOT_SENT
}
