package io.netlink4j.bridge;

import io.netlink4j.core.Link;
import io.netlink4j.core.NdMsg;
import io.netlink4j.core.NetlinkException;
import io.netlink4j.core.Errno;

/**
 * Says what the kernel does not: the bridge answers most bad FDB requests with a bare errno
 * (EEXIST, EOPNOTSUPP, EINVAL without text). Adds a hint that names the entry and the likely cause.
 */
final class FdbErrors {
    private FdbErrors() {}

    static NetlinkException explain(NetlinkException e, String op, FdbChange c, Link dev) {
        FdbSpec s = c.spec();
        String devName = dev != null ? dev.name() : s.device() != null ? s.device() : "ifindex " + s.ifindex();
        String entry = s.mac() + (s.vlan() != 0 ? " vlan " + s.vlan() : "") + " on " + devName;
        String hint = null;
        boolean noText = e.kernelMessage() == null || e.kernelMessage().isEmpty();
        switch (e.errno()) {
            case Errno.EEXIST:
                hint = "the FDB already has an entry for " + entry + "; replace it to change it (bridge fdb replace)";
                break;
            case Errno.EOPNOTSUPP:
                if (noText) {
                    if ((s.target() & NdMsg.NTF_MASTER) != 0 && dev != null && !dev.isBridgePort()) {
                        return Devices.notAPort(op, e.errno(), e.kernelMessage(), e.badAttribute(), devName, dev);
                    } else if ((s.target() & NdMsg.NTF_SELF) != 0) {
                        hint = devName + (dev != null && dev.kind() != null ? " (" + dev.kind() + ")" : "")
                                + " has no FDB of its own that takes this entry; bridge entries need master on a port";
                    } else {
                        hint = devName + " does not support this FDB entry";
                    }
                }
                break;
            case Errno.EINVAL:
                if (noText && s.vlan() != 0) {
                    // the port's VLANs count with filtering on or off (a port has its default PVID either
                    // way); only a kernel without CONFIG_BRIDGE_VLAN_FILTERING has none
                    hint = "VLAN " + s.vlan() + " is not configured on " + devName + ": the bridge takes an FDB entry"
                            + " with a VLAN only for a VLAN of the port, whether VLAN filtering is on or off (add it"
                            + " first: bridge vlan add dev " + devName + " vid " + s.vlan() + "); a kernel"
                            + " built without CONFIG_BRIDGE_VLAN_FILTERING has no VLANs at all";
                } else if (noText) {
                    hint = "the bridge refused " + entry + " (state " + s.state() + ")";
                }
                break;
            default:
                break;
        }
        if (hint == null && op.equals(e.operation())) {
            return e;
        }
        return NetlinkException.of(op, e.errno(), e.kernelMessage(), e.badAttribute(), hint);
    }
}
