package io.netlink4j.core;

/** EPERM/EACCES: changing network configuration needs CAP_NET_ADMIN in the namespace's user namespace (or root). */
public class PermissionDeniedException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    private static final String NEEDS = "this needs CAP_NET_ADMIN (run as root or grant the capability)";

    public PermissionDeniedException(String operation, int errno, String kernelMessage, String badAttribute) {
        super(operation, errno, kernelMessage, badAttribute, NEEDS);
    }

    /** With a further sentence after the CAP_NET_ADMIN advice. */
    public PermissionDeniedException(String operation, int errno, String kernelMessage, String badAttribute,
                                     String hint) {
        super(operation, errno, kernelMessage, badAttribute, hint == null ? NEEDS : NEEDS + "; " + hint);
    }
}
