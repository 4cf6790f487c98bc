package io.netlink4j.bridge;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Set;

/**
 * One forwarding database entry as the kernel reports it (RTM_NEWNEIGH, AF_BRIDGE): a bridge
 * ("master") entry or an entry of a device's own FDB ("self": NIC unicast/multicast lists, VXLAN
 * remotes, the bridge's local addresses).
 *
 * @param mac       the link-layer address, "aa:bb:cc:dd:ee:ff"
 * @param ifindex   the device (port) the entry points to
 * @param ifname    that device's name, when known (null otherwise)
 * @param master    NDA_MASTER: the bridge's ifindex for bridge entries, 0 for pure self entries
 * @param vlan      NDA_VLAN, 0 = none
 * @param state     the entry's state
 * @param flags     NTF_* and NTF_EXT_* flags
 * @param dst       VXLAN remote (NDA_DST), or null
 * @param vni       VXLAN VNI (NDA_VNI), or -1
 * @param dstPort   VXLAN UDP port (NDA_PORT), or 0
 * @param srcVni    NDA_SRC_VNI, or -1
 * @param via       NDA_IFINDEX: the device the VXLAN remote is reached through, or 0
 * @param nhId      NDA_NH_ID nexthop group, or 0
 * @param used      time since the entry was last used (NDA_CACHEINFO), or null when not reported
 * @param updated   time since the entry was last updated, or null
 * @param confirmed time since the entry was last confirmed, or null
 */
public record FdbEntry(String mac, int ifindex, String ifname, int master, int vlan, FdbState state,
                       Set<FdbFlag> flags, InetAddress dst, int vni, int dstPort, int srcVni, int via,
                       int nhId, Duration used, Duration updated, Duration confirmed) {

    public FdbEntry {
        flags = Set.copyOf(flags);
    }

    /** True when {@code flag} is set. */
    public boolean has(FdbFlag flag) {
        return flags.contains(flag);
    }

    /** An entry of the bridge FDB (reported with NDA_MASTER or NTF_MASTER). */
    public boolean isBridgeEntry() {
        return master != 0 || flags.contains(FdbFlag.MASTER);
    }

    /** "02:00:00:00:00:01 dev v0 vlan 100 master 2 static" (iproute2 order). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(mac != null ? mac : "(no mac)").append(" dev ").append(ifname != null ? ifname : "if" + ifindex);
        if (vlan != 0) {
            sb.append(" vlan ").append(vlan);
        }
        if (master != 0) {
            sb.append(" master ").append(master);
        }
        for (FdbFlag f : flags) {
            sb.append(' ').append(f.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (dst != null) {
            sb.append(" dst ").append(dst.getHostAddress());
        }
        if (vni >= 0) {
            sb.append(" vni ").append(vni);
        }
        return sb.append(' ').append(state.name().toLowerCase(java.util.Locale.ROOT)).toString();
    }
}
