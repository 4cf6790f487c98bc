package io.netlink4j.core;

/**
 * ENODEV: the device does not exist (in this network namespace). {@link #device(String, String)}
 * gives the one wording used for it everywhere: {@code OP: device "X" does not exist (ENODEV)}.
 */
public class NoSuchDeviceException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    private final String device;

    public NoSuchDeviceException(String operation, String kernelMessage, String badAttribute) {
        super(operation, Errno.ENODEV, kernelMessage, badAttribute);
        this.device = null;
    }

    /** With a sentence that explains what the kernel did not say. */
    public NoSuchDeviceException(String operation, String kernelMessage, String badAttribute, String hint) {
        super(operation, Errno.ENODEV, kernelMessage, badAttribute, hint);
        this.device = null;
    }

    private NoSuchDeviceException(String operation, String device, String reason, boolean unused) {
        super(operation, Errno.ENODEV, reason);
        this.device = device;
    }

    /**
     * The kernel answered ENODEV for {@code device} (a name, or "ifindex N"):
     * {@code OP: device "X" does not exist (ENODEV)}.
     */
    public static NoSuchDeviceException device(String operation, String device) {
        String reason = device.startsWith("ifindex ") ? "no device with " + device
                : "device \"" + device + "\" does not exist";
        return new NoSuchDeviceException(operation, device, reason, true);
    }

    /** The device named in the request, when known; else null. */
    public String deviceName() {
        return device;
    }
}
