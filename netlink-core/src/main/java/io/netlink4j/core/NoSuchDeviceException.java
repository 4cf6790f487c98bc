package io.netlink4j.core;

import io.netlink4j.jna.Errno;

/** ENODEV: the device does not exist (in this network namespace). */
public class NoSuchDeviceException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    public NoSuchDeviceException(String operation, String kernelMessage, String badAttribute) {
        super(operation, Errno.ENODEV, kernelMessage, badAttribute);
    }

    /** With a sentence that explains what the kernel did not say. */
    public NoSuchDeviceException(String operation, String kernelMessage, String badAttribute, String hint) {
        super(operation, Errno.ENODEV, kernelMessage, badAttribute, hint);
    }
}
