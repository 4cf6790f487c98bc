package io.netlink4j.bridge;

/**
 * One entry of the kernel's VLAN database (RTM_GETVLAN): a VLAN or a range of VLANs of one
 * device with equal flags and options, as {@code bridge -d vlan show} lists them.
 *
 * @param ifindex      the port, or the bridge for its own ("self") VLANs
 * @param first        first VID
 * @param last         last VID (== first for one VLAN)
 * @param pvid         the device's PVID
 * @param untagged     egresses untagged
 * @param state        per-VLAN STP state (BR_STATE_*: 0 disabled, 1 listening, 2 learning,
 *                     3 forwarding, 4 blocking), -1 when not reported
 * @param mcastRouter  per-VLAN multicast router type (MDB_RTR_TYPE_*: 0 disabled, 1 temp_query,
 *                     2 perm, 3 temp), -1 when not reported (kernel without IGMP snooping)
 */
public record VlanEntry(int ifindex, int first, int last, boolean pvid, boolean untagged, int state, int mcastRouter) {

    /** True if {@code vid} is in this entry. */
    public boolean covers(int vid) {
        return vid >= first && vid <= last;
    }

    /** The membership part, as a {@link Vlan}. */
    public Vlan vlan() {
        return new Vlan(first, last, pvid, untagged);
    }
}
