package io.netlink4j.core;

/** EPERM/EACCES: changing network configuration needs CAP_NET_ADMIN in the namespace's user namespace (or root). */
public class PermissionDeniedException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(String operation, int errno, String kernelMessage, String badAttribute) {
        super(operation, errno, kernelMessage, badAttribute,
                "this needs CAP_NET_ADMIN (run as root or grant the capability)");
    }
}
