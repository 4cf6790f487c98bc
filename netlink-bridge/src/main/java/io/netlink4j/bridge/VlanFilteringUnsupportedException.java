package io.netlink4j.bridge;

import io.netlink4j.core.NotSupportedException;
import io.netlink4j.jna.Errno;

/**
 * The kernel answered a VLAN request with EOPNOTSUPP: it was built without bridge VLAN filtering
 * (CONFIG_BRIDGE_VLAN_FILTERING), so bridges cannot filter VLANs, ports cannot carry VLAN lists
 * and per-VLAN options do not exist. The kernel usually says nothing itself; this says why.
 */
public class VlanFilteringUnsupportedException extends NotSupportedException {
    private static final long serialVersionUID = 1L;

    /**
     * @param operation     what was being done, e.g. "add vlan [100] on v0"
     * @param kernelMessage the kernel's ext-ACK text, or null
     */
    public VlanFilteringUnsupportedException(String operation, String kernelMessage) {
        super(operation, Errno.EOPNOTSUPP, kernelMessage, null,
                "the kernel lacks bridge VLAN filtering (CONFIG_BRIDGE_VLAN_FILTERING is not set)");
    }
}
