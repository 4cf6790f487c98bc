package io.netlink4j.bridge;

import io.netlink4j.core.NotSupportedException;

/**
 * A port operation on a device that is not a bridge port (the kernel answers EOPNOTSUPP, with
 * no text): a free-standing device, a port of another kind of master, or the bridge itself.
 */
public class NotABridgePortException extends NotSupportedException {
    private static final long serialVersionUID = 1L;

    private final String device;

    /** @param why e.g. "v1 is not a bridge port" or "br0 is a bridge, not a bridge port" */
    public NotABridgePortException(String operation, int errno, String kernelMessage, String badAttribute,
                                   String device, String why) {
        super(operation, errno, kernelMessage, badAttribute, why);
        this.device = device;
    }

    /** The device named in the request. */
    public String device() {
        return device;
    }
}
