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

    static NoSuchDeviceException noSuchDevice(String op, String dev) {
        return new NoSuchDeviceException(op, "device \"" + dev + "\" does not exist", null);
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

    static NotABridgePortException notAPort(String op, int errno, String kernelMessage, String badAttribute,
                                            String dev, Link link) {
        return new NotABridgePortException(op, errno, kernelMessage, badAttribute, dev, notAPort(dev, link));
    }

    /**
     * One RTM_GETLINK for the bridge called {@code name} ({@code hook} sees its nests).
     *
     * @throws NoSuchDeviceException    no such device
     * @throws IllegalArgumentException the device is not a bridge
     */
    static Link bridge(RtnlChannel ch, String op, String name, LinkCodec.Hook hook) {
        Link l = new Links(ch).query(op, 0, name, hook);
        if (l == null) {
            throw noSuchDevice(op, name);
        }
        if (!l.isBridge()) {
            throw new IllegalArgumentException(notABridge(name, l));
        }
        return l;
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
