package io.netlink4j.core;


/** ENOENT: the object to change or delete does not exist. */
public class NotFoundException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String operation, String kernelMessage, String badAttribute) {
        super(operation, Errno.ENOENT, kernelMessage, badAttribute);
    }

    /** With a sentence that explains what the kernel did not say. */
    public NotFoundException(String operation, String kernelMessage, String badAttribute, String hint) {
        super(operation, Errno.ENOENT, kernelMessage, badAttribute, hint);
    }
}
