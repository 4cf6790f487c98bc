package io.netlink4j.bridge;

import io.netlink4j.core.NotSupportedException;

/**
 * A port operation on a device that is not a bridge port: a free-standing device, a port of
 * another kind of master, or the bridge itself. The kernel answers a write with EOPNOTSUPP and no
 * text; a read, or a check before anything is sent, finds it without any errno
 * ({@link #errno()} is 0 then, and the message names none).
 */
public class NotABridgePortException extends NotSupportedException {
    private static final long serialVersionUID = 1L;

    private final String device;

    /**
     * @param errno the kernel's answer, or 0 when no kernel call returned one
     * @param why   e.g. "v1 is not a bridge port" or "br0 is a bridge, not a bridge port"
     */
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
