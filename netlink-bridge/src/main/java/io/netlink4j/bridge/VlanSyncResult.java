package io.netlink4j.bridge;

import java.util.List;

/**
 * What a {@link Vlans#sync} did — or, for {@link Vlans#plan}, would do — to bring one device to
 * the desired VLAN set.
 *
 * @param device   the port or bridge
 * @param before   what the kernel had
 * @param desired  what was asked for (after a successful sync, what the kernel has)
 * @param written  VLANs (re)added with their flags, ranges compressed, the new PVID first: new
 *                 VIDs and VIDs whose untagged/PVID flag changed
 * @param removed  VIDs deleted, ranges compressed (flags do not matter for a delete)
 * @param requests netlink requests the change takes (sent, or that would be sent by a dry run);
 *                 0 when nothing differs
 * @param applied  true if the requests were sent, false for a dry run
 */
public record VlanSyncResult(String device, VlanSet before, VlanSet desired, List<Vlan> written, List<Vlan> removed,
                             int requests, boolean applied) {

    /** True if the device's VLANs differ (differed) from the desired set. */
    public boolean changed() {
        return !written.isEmpty() || !removed.isEmpty();
    }

    /** One line for logs: "v0: +[20 pvid untagged, 100-110] -[1] (2 requests)". */
    @Override
    public String toString() {
        if (!changed()) {
            return device + ": in sync " + desired;
        }
        return device + ": +" + written + " -" + removed + " (" + requests + (requests == 1 ? " request" : " requests")
                + (applied ? "" : ", dry run") + ")";
    }
}
