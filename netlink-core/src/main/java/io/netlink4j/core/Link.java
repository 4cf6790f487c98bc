package io.netlink4j.core;

/**
 * A network interface as the kernel reports it (RTM_NEWLINK).
 *
 * @param index       ifindex
 * @param name        IFLA_IFNAME
 * @param kind        IFLA_INFO_KIND ("bridge", "veth" …), or null for devices without one
 * @param slaveKind   IFLA_INFO_SLAVE_KIND ("bridge" for a bridge port), or null
 * @param flags       ifi_flags (IFF_*); note the kernel reports IFF_PROMISC only when promiscuous
 *                    mode was asked for by a user, see {@link #promiscuity()}
 * @param operState   IFLA_OPERSTATE as text ("UP", "DOWN", "LOWERLAYERDOWN" …)
 * @param mtu         IFLA_MTU
 * @param address     IFLA_ADDRESS as "aa:bb:…", or null
 * @param master      IFLA_MASTER ifindex (the bridge of a port), 0 for none
 * @param promiscuity IFLA_PROMISCUITY: how many users hold the device promiscuous (a bridge holds each port)
 * @param link        IFLA_LINK (e.g. a veth's peer ifindex), 0 for none
 * @param linkNetnsId IFLA_LINK_NETNSID, -1 for none
 * @param family      ifi_family of the message (AF_UNSPEC or AF_BRIDGE)
 */
public record Link(int index, String name, String kind, String slaveKind, int flags, String operState, int mtu,
                   String address, int master, int promiscuity, int link, int linkNetnsId, int family) {

    /** IFF_UP: administratively up. */
    public boolean isUp() {
        return (flags & IfInfoMsg.IFF_UP) != 0;
    }

    /** The device receives all frames: user-requested promiscuous mode or held by a bridge/sniffer. */
    public boolean isPromiscuous() {
        return (flags & IfInfoMsg.IFF_PROMISC) != 0 || promiscuity > 0;
    }

    /** A bridge device. */
    public boolean isBridge() {
        return "bridge".equals(kind);
    }

    /** A port of a bridge. */
    public boolean isBridgePort() {
        return "bridge".equals(slaveKind) || (master != 0 && family == Rtnetlink.AF_BRIDGE);
    }
}
