package io.netlink4j.bridge;

/**
 * The traffic counters of one VLAN entry ({@code bridge -s -d vlan show}), read from the RTM_GETVLAN
 * dump with BRIDGE_VLANDB_DUMPF_STATS. The kernel counts only while the bridge has
 * {@code vlan_stats_enabled 1}; a port's entry has counters of its own only with
 * {@code vlan_stats_per_port 1} (set while no port has VLANs), otherwise it shows the bridge-wide
 * counters of that VLAN.
 *
 * @param entry     the VLAN entry (device, VID, flags, options)
 * @param rxBytes   bytes received in this VLAN (BRIDGE_VLANDB_STATS_RX_BYTES)
 * @param rxPackets packets received (BRIDGE_VLANDB_STATS_RX_PACKETS)
 * @param txBytes   bytes sent (BRIDGE_VLANDB_STATS_TX_BYTES)
 * @param txPackets packets sent (BRIDGE_VLANDB_STATS_TX_PACKETS)
 */
public record VlanStats(VlanEntry entry, long rxBytes, long rxPackets, long txBytes, long txPackets) {

    /** The port, or the bridge for its own VLANs. */
    public int ifindex() {
        return entry.ifindex();
    }

    /** The VID (the kernel does not join VIDs into ranges when it reports counters). */
    public int vid() {
        return entry.first();
    }
}
