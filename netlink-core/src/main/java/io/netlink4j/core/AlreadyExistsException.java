package io.netlink4j.core;


/** EEXIST: the object (link, FDB entry, VLAN …) already exists. */
public class AlreadyExistsException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    public AlreadyExistsException(String operation, String kernelMessage, String badAttribute) {
        super(operation, Errno.EEXIST, kernelMessage, badAttribute);
    }

    /** With a sentence saying what exists and what to do instead (the kernel gives no text for EEXIST). */
    public AlreadyExistsException(String operation, String kernelMessage, String badAttribute, String hint) {
        super(operation, Errno.EEXIST, kernelMessage, badAttribute, hint);
    }
}
