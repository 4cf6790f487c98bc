package io.netlink4j.bridge;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One port's membership of a multicast group as the kernel reports it (RTM_NEWMDB: MDBA_MDB >
 * MDBA_MDB_ENTRY > MDBA_MDB_ENTRY_INFO = struct br_mdb_entry + MDBA_MDB_EATTR_*).
 *
 * @param bridgeIndex the bridge (br_port_msg.ifindex)
 * @param bridge      its name, when known (else null)
 * @param portIndex   the port; equal to {@code bridgeIndex} for a host entry (the bridge itself joined)
 * @param port        its name, when known (else null)
 * @param group       "239.1.1.1", "ff0e::1" or "01:00:5e:01:01:05"
 * @param kind        IPv4, IPv6 or L2 group
 * @param vlan        VLAN id, 0 = none
 * @param permanent   MDB_PERMANENT (true) or MDB_TEMPORARY
 * @param flags       MDB_FLAGS_*
 * @param source      MDBA_MDB_EATTR_SOURCE: the source of an (S, G) entry, or null
 * @param filterMode  MDBA_MDB_EATTR_GROUP_MODE (reported with IGMPv3/MLDv2), or null
 * @param sources     MDBA_MDB_EATTR_SRC_LIST; empty when none
 * @param protocol    MDBA_MDB_EATTR_RTPROT, or -1 when not reported
 * @param timer       MDBA_MDB_EATTR_TIMER: time left (zero for permanent entries), or null
 */
public record MdbEntry(int bridgeIndex, String bridge, int portIndex, String port, String group, Kind kind, int vlan,
                       boolean permanent, Set<MdbFlag> flags, String source, MdbFilterMode filterMode,
                       List<MdbSource> sources, int protocol, Duration timer) {

    /** The address family of a group. */
    public enum Kind { IPV4, IPV6, L2 }

    public MdbEntry {
        flags = Set.copyOf(flags);
        sources = List.copyOf(sources);
    }

    /** The bridge itself is the member (a host join). */
    public boolean isHostEntry() {
        return portIndex == bridgeIndex;
    }

    /** "dev br0 port v0 grp 239.1.1.1 permanent vid 10" (bridge mdb show's line). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("dev ").append(bridge != null ? bridge : "if" + bridgeIndex)
                .append(" port ").append(port != null ? port : "if" + portIndex).append(" grp ").append(group);
        if (source != null) {
            sb.append(" src ").append(source);
        }
        sb.append(permanent ? " permanent" : " temp");
        for (MdbFlag f : MdbFlag.values()) {
            if (flags.contains(f)) {
                sb.append(' ').append(f.iprouteName());
            }
        }
        if (vlan != 0) {
            sb.append(" vid ").append(vlan);
        }
        return sb.toString();
    }
}
