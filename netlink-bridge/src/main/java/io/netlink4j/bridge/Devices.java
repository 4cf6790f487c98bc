package io.netlink4j.bridge;

import io.netlink4j.core.Link;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.Links;
import io.netlink4j.core.NetlinkException;
import io.netlink4j.core.NoSuchDeviceException;
import io.netlink4j.core.NotSupportedException;
import io.netlink4j.core.RtnlChannel;

/**
 * Looking a device up for a bridge feature and saying, in one wording for ports, bridges, VLANs
 * and the FDB, why it does not fit: missing, not a bridge, not a bridge port. The kernel answers
 * most of these with a bare ENODEV or EOPNOTSUPP.
 */
final class Devices {
    private Devices() {}

    /** How a device given by {@code index} (if > 0) or {@code name} is named in messages. */
    static String label(int index, String name) {
        return name != null ? name : "ifindex " + index;
    }

    /** {@code OP: device "X" does not exist (ENODEV)}: the one wording, for reads and writes. */
    static NoSuchDeviceException noSuchDevice(String op, String dev) {
        return NoSuchDeviceException.device(op, dev);
    }

    /**
     * The kernel's bare ENODEV for a write, in the same wording as a read's; {@code e} itself when
     * the kernel gave text of its own.
     */
    static NoSuchDeviceException noSuchDevice(String op, String dev, NoSuchDeviceException e) {
        if (e.kernelMessage() != null && !e.kernelMessage().isEmpty()) {
            return e;
        }
        NoSuchDeviceException n = NoSuchDeviceException.device(op, dev);
        n.initCause(e);
        return n;
    }

    /** "v0 is not a bridge (kind veth)". */
    static String notABridge(String dev, Link link) {
        return dev + " is not a bridge (kind " + (link.kind() == null ? "none" : link.kind()) + ")";
    }

    /** Why {@code link} is not a bridge port: it is the bridge itself, its master is no bridge, or it has none. */
    static String notAPort(String dev, Link link) {
        if (link.isBridge()) {
            return dev + " is a bridge, not a bridge port";
        }
        if (link.master() != 0) {
            return dev + " is not a bridge port (its master, ifindex " + link.master() + ", is not a bridge)";
        }
        return dev + " is not a bridge port";
    }

    /**
     * @param errno the kernel's answer (EOPNOTSUPP to a write), or 0 when a read showed it: a read
     *              never reports an errno the kernel did not return
     */
    static NotABridgePortException notAPort(String op, int errno, String kernelMessage, String badAttribute,
                                            String dev, Link link) {
        return new NotABridgePortException(op, errno, kernelMessage, badAttribute, dev, notAPort(dev, link));
    }

    /**
     * One RTM_GETLINK for the bridge called {@code name} ({@code hook} sees its nests).
     *
     * @throws NoSuchDeviceException no such device
     * @throws NotABridgeException   the device is not a bridge (found by the read: no errno)
     */
    static Link bridge(RtnlChannel ch, String op, String name, LinkCodec.Hook hook) {
        Link l = new Links(ch).query(op, 0, name, hook);
        if (l == null) {
            throw noSuchDevice(op, name);
        }
        if (!l.isBridge()) {
            throw notABridge(op, 0, null, name, l);
        }
        return l;
    }

    /** @param errno the kernel's answer to a write, or 0 when a read showed it */
    static NotABridgeException notABridge(String op, int errno, String kernelMessage, String dev, Link link) {
        return new NotABridgeException(op, errno, kernelMessage, dev, notABridge(dev, link));
    }

    /**
     * After an EOPNOTSUPP without text: the device as it is now, to say why; null when it does not
     * exist. Throws {@code e} itself when even the lookup fails.
     */
    static Link afterNotSupported(RtnlChannel ch, int index, String name, NotSupportedException e) {
        try {
            return new Links(ch).query("show link " + label(index, name), index, name, null);
        } catch (NetlinkException again) {
            e.addSuppressed(again);
            throw e;
        }
    }
}
