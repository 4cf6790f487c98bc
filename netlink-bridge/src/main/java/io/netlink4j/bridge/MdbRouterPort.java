package io.netlink4j.bridge;

import java.time.Duration;

/**
 * A multicast router port of a bridge (MDBA_ROUTER > MDBA_ROUTER_PORT: u32 ifindex +
 * MDBA_ROUTER_PATTR_*): multicast traffic is always forwarded to it.
 *
 * @param bridgeIndex the bridge
 * @param bridge      its name, when known (else null)
 * @param portIndex   the port
 * @param port        its name, when known (else null)
 * @param type        MDBA_ROUTER_PATTR_TYPE, or null when not reported
 * @param timer       MDBA_ROUTER_PATTR_TIMER: time left, or null
 * @param inetTimer   MDBA_ROUTER_PATTR_INET_TIMER (IPv4), or null
 * @param inet6Timer  MDBA_ROUTER_PATTR_INET6_TIMER (IPv6), or null
 * @param vlan        MDBA_ROUTER_PATTR_VID (per-VLAN multicast snooping), 0 = none
 */
public record MdbRouterPort(int bridgeIndex, String bridge, int portIndex, String port, MdbRouterType type,
                            Duration timer, Duration inetTimer, Duration inet6Timer, int vlan) {}
