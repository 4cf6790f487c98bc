package io.netlink4j.bridge;

/**
 * The VLAN settings of a bridge, as read back from IFLA_LINKINFO › IFLA_INFO_DATA.
 *
 * @param filtering    IFLA_BR_VLAN_FILTERING: the bridge filters by VLAN
 * @param protocol     IFLA_BR_VLAN_PROTOCOL, or null when the kernel does not report it (a kernel
 *                     without VLAN filtering) or reports an unknown ethertype
 * @param defaultPvid  IFLA_BR_VLAN_DEFAULT_PVID: the PVID new ports get (0 = none), -1 when not reported
 * @param statsEnabled IFLA_BR_VLAN_STATS_ENABLED: per-VLAN counters are kept
 * @param supported    the kernel reported the VLAN attributes that exist only with
 *                     CONFIG_BRIDGE_VLAN_FILTERING
 */
public record BridgeVlanSettings(boolean filtering, VlanProtocol protocol, int defaultPvid, boolean statsEnabled,
                                 boolean supported) {}
