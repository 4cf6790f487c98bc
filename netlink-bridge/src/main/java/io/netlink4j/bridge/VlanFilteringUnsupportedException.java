package io.netlink4j.bridge;

import io.netlink4j.core.NotSupportedException;
import io.netlink4j.core.Errno;

/**
 * The kernel was built without CONFIG_BRIDGE_VLAN_FILTERING: it refuses IFLA_BR_VLAN_FILTERING
 * (even the value 0) and every per-VLAN bridge request with EOPNOTSUPP and no text.
 */
public class VlanFilteringUnsupportedException extends NotSupportedException {
    private static final long serialVersionUID = 1L;

    public static final String HINT = "this kernel lacks bridge VLAN filtering (CONFIG_BRIDGE_VLAN_FILTERING is not set)";

    public VlanFilteringUnsupportedException(String operation, int errno, String kernelMessage, String badAttribute) {
        super(operation, errno, kernelMessage, badAttribute, HINT);
    }

    /** With a further sentence after the kernel-lacks-VLAN-filtering one. */
    VlanFilteringUnsupportedException(String operation, int errno, String kernelMessage, String badAttribute,
                                      String hint) {
        super(operation, errno, kernelMessage, badAttribute, HINT + "; " + hint);
    }

    /**
     * @param operation     what was being done, e.g. "add vlan [100] on v0"
     * @param kernelMessage the kernel's ext-ACK text, or null
     */
    public VlanFilteringUnsupportedException(String operation, String kernelMessage) {
        this(operation, Errno.EOPNOTSUPP, kernelMessage, null);
    }

    /** Wraps the kernel's EOPNOTSUPP answer. */
    public static VlanFilteringUnsupportedException from(NotSupportedException e) {
        VlanFilteringUnsupportedException v = new VlanFilteringUnsupportedException(e.operation(), e.errno(),
                e.kernelMessage(), e.badAttribute());
        v.initCause(e);
        return v;
    }
}
