package io.netlink4j.bridge;

import io.netlink4j.core.NetlinkException;

/**
 * What a failed port or bridge update leaves behind. The kernel does not apply such an update as
 * one unit: br_setport (port) sets the on/off flags together (undone if that step fails), then
 * cost, priority, state, flush, mcast_router, group_fwd_mask, backup_port, … one by one;
 * br_changelink (bridge) applies its attributes one by one. Neither undoes the steps before the
 * one that failed (seen on 6.18: proxy_arp + hairpin + backup_port of a non-port → ENOENT with
 * proxy_arp and hairpin on). The exception for such a failure says so.
 */
final class PartialUpdate {
    private PartialUpdate() {}

    static final String HINT = "the kernel applies this update step by step and does not undo the steps"
            + " before the one that failed: some settings of this request may already be in effect"
            + " (read them back)";

    /** True when a failure of a port update with {@code s} may leave part of it applied. */
    static boolean possible(PortSettings s) {
        AttrValues v = s.values();
        if (v.size() < 2) {
            return false;
        }
        for (int i = 0; i < v.size(); i++) {
            if (!PortCodec.isFlag(v.typeAt(i))) {
                return true;
            }
        }
        return false; // flags alone: set together, and restored by the kernel when that step fails
    }

    /** True when a failure of a bridge update with {@code s} may leave part of it applied. */
    static boolean possible(BridgeSettings s) {
        return s.values().size() >= 2;
    }

    /** {@code e} with {@link #HINT} added, of the same type; {@code e} becomes its cause. */
    static NetlinkException say(NetlinkException e) {
        NetlinkException n;
        if (e instanceof VlanFilteringUnsupportedException) {
            n = new VlanFilteringUnsupportedException(e.operation(), e.errno(), e.kernelMessage(), e.badAttribute(),
                    HINT);
        } else if (e.getClass().getPackage() == NetlinkException.class.getPackage()) {
            n = NetlinkException.of(e.operation(), e.errno(), e.kernelMessage(), e.badAttribute(), HINT);
        } else {
            return e; // a type of ours that says something else (e.g. not a bridge port: nothing applied)
        }
        n.initCause(e);
        return n;
    }
}
