package io.netlink4j.core;


/**
 * A dump kept being interrupted (NLM_F_DUMP_INTR: the table changed while it was read) after
 * every allowed retry; the result would have been inconsistent, so none is returned.
 */
public class DumpInterruptedException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    public DumpInterruptedException(String operation, int attempts) {
        super(operation, Errno.EINTR, "dump interrupted by concurrent changes " + attempts + " times in a row", null);
    }
}
