package io.netlink4j.bridge;

import io.netlink4j.core.NotSupportedException;

/**
 * A bridge operation on a device that is not a bridge: the kernel answers a write with
 * EOPNOTSUPP and no text; a read or a check before sending finds it without any errno
 * ({@link #errno()} is 0 then).
 */
public class NotABridgeException extends NotSupportedException {
    private static final long serialVersionUID = 1L;

    private final String device;

    /**
     * @param errno the kernel's answer, or 0 when no kernel call returned one
     * @param why   e.g. "v0 is not a bridge (kind veth)"
     */
    public NotABridgeException(String operation, int errno, String kernelMessage, String device, String why) {
        super(operation, errno, kernelMessage, null, why);
        this.device = device;
    }

    /** The device named in the request. */
    public String device() {
        return device;
    }
}
