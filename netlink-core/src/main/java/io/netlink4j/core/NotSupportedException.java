package io.netlink4j.core;

/**
 * EOPNOTSUPP: the kernel does not support the request — a feature compiled out (e.g. bridge VLAN
 * filtering without CONFIG_BRIDGE_VLAN_FILTERING), or an operation on a device of the wrong kind
 * (a bridge setting on a device that is not a bridge port).
 */
public class NotSupportedException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    public NotSupportedException(String operation, int errno, String kernelMessage, String badAttribute) {
        super(operation, errno, kernelMessage, badAttribute);
    }

    /** With a sentence that explains what the kernel did not say (it often answers EOPNOTSUPP with no text). */
    public NotSupportedException(String operation, int errno, String kernelMessage, String badAttribute, String hint) {
        super(operation, errno, kernelMessage, badAttribute, hint);
    }
}
