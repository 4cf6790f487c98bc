package io.netlink4j.core;

/** EINVAL/ERANGE: the kernel rejected a value of the request; {@link #kernelMessage()} usually says which. */
public class InvalidArgumentException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    public InvalidArgumentException(String operation, int errno, String kernelMessage, String badAttribute) {
        super(operation, errno, kernelMessage, badAttribute);
    }

    /** With a sentence that explains what the kernel did not say (many EINVALs come without text). */
    public InvalidArgumentException(String operation, int errno, String kernelMessage, String badAttribute, String hint) {
        super(operation, errno, kernelMessage, badAttribute, hint);
    }
}
