package io.netlink4j.bridge;

import java.util.List;

/**
 * A multicast database entry to add, replace or delete, as
 * {@code bridge mdb add dev BRIDGE port PORT grp GROUP [src SOURCE] [permanent|temp] [vid VID]
 * [filter_mode include|exclude] [source_list S1,S2] [proto PROTO]} spells it. Immutable; start
 * from {@link #of} (a permanent entry, no VLAN) and change with the {@code with}-style methods.
 * Nothing is checked here: {@link Mdb} validates before it sends anything.
 *
 * <pre>{@code
 * MdbSpec.of("br0", "v0", "239.1.1.1")                         // permanent (*, G)
 * MdbSpec.of("br0", "v0", "ff0e::1").vlan(10).temporary()      // ages out like a joined group
 * MdbSpec.of("br0", "v0", "239.1.1.3").source("192.0.2.1")     // (S, G)
 * MdbSpec.of("br0", "v0", "239.1.1.4").filterMode(MdbFilterMode.INCLUDE).sourceList(List.of("192.0.2.1"))
 * MdbSpec.of("br0", "br0", "239.1.1.9").temporary()            // host join: the port is the bridge
 * }</pre>
 *
 * @param bridge     the bridge (br_port_msg.ifindex)
 * @param port       a port of {@code bridge}, or the bridge itself for a host entry
 * @param group      IPv4 or IPv6 multicast address, or a multicast MAC (an L2 group)
 * @param vlan       0 = none, else 1..4094
 * @param permanent  MDB_PERMANENT (true, the default) or MDB_TEMPORARY
 * @param source     (S, G): the source address (MDBE_ATTR_SOURCE), or null for (*, G)
 * @param filterMode (*, G) IGMPv3/MLDv2 filter mode (MDBE_ATTR_GROUP_MODE), or null (kernel 6.3+)
 * @param sourceList sources of a (*, G) entry with a filter mode (MDBE_ATTR_SRC_LIST); empty = none
 * @param protocol   routing protocol that installed the entry (MDBE_ATTR_RTPROT, 4 = static and up), 0 = none
 */
public record MdbSpec(String bridge, String port, String group, int vlan, boolean permanent, String source,
                      MdbFilterMode filterMode, List<String> sourceList, int protocol) {

    public MdbSpec {
        sourceList = sourceList == null ? List.of() : List.copyOf(sourceList);
    }

    /** A permanent entry for {@code group} on {@code port} of {@code bridge}, no VLAN. */
    public static MdbSpec of(String bridge, String port, String group) {
        return new MdbSpec(bridge, port, group, 0, true, null, null, List.of(), 0);
    }

    public MdbSpec vlan(int v) {
        return new MdbSpec(bridge, port, group, v, permanent, source, filterMode, sourceList, protocol);
    }

    /** {@code permanent} (true: never ages out, the default) or {@code temp} (false). */
    public MdbSpec permanent(boolean p) {
        return new MdbSpec(bridge, port, group, vlan, p, source, filterMode, sourceList, protocol);
    }

    /** {@code temp}: ages out after the membership interval unless refreshed. */
    public MdbSpec temporary() {
        return new MdbSpec(bridge, port, group, vlan, false, source, filterMode, sourceList, protocol);
    }

    /** {@code src SOURCE}: an (S, G) entry. */
    public MdbSpec source(String s) {
        return new MdbSpec(bridge, port, group, vlan, permanent, s, filterMode, sourceList, protocol);
    }

    /** {@code filter_mode include|exclude}. */
    public MdbSpec filterMode(MdbFilterMode m) {
        return new MdbSpec(bridge, port, group, vlan, permanent, source, m, sourceList, protocol);
    }

    /** {@code source_list S1,S2,...}. */
    public MdbSpec sourceList(List<String> l) {
        return new MdbSpec(bridge, port, group, vlan, permanent, source, filterMode, l, protocol);
    }

    /** {@code proto N} (RTPROT_STATIC = 4 and up; e.g. 186 = bgp, 11 = zebra). */
    public MdbSpec protocol(int p) {
        return new MdbSpec(bridge, port, group, vlan, permanent, source, filterMode, sourceList, p);
    }

    /** "dev br0 port v0 grp 239.1.1.1 src 192.0.2.1 permanent vid 10" (bridge(8) order). */
    @Override
    public String toString() {
        return text(true);
    }

    /** The entry as a delete names it: no state. */
    String withoutState() {
        return text(false);
    }

    private String text(boolean withState) {
        StringBuilder sb = new StringBuilder("dev ").append(bridge).append(" port ").append(port).append(" grp ").append(group);
        if (source != null) {
            sb.append(" src ").append(source);
        }
        if (withState) {
            sb.append(permanent ? " permanent" : " temp");
        }
        if (vlan != 0) {
            sb.append(" vid ").append(vlan);
        }
        if (filterMode != null) {
            sb.append(" filter_mode ").append(filterMode.iprouteName());
        }
        if (!sourceList.isEmpty()) {
            sb.append(" source_list ").append(String.join(",", sourceList));
        }
        if (protocol != 0) {
            sb.append(" proto ").append(protocol);
        }
        return sb.toString();
    }
}
