package io.netlink4j.bridge;

import java.util.List;

/**
 * What {@code bridge mdb show} shows: the group entries and the multicast router ports.
 *
 * @param entries one per port and group (and source, VLAN), in the kernel's order
 * @param routers the router ports
 */
public record MdbTable(List<MdbEntry> entries, List<MdbRouterPort> routers) {
    public MdbTable {
        entries = List.copyOf(entries);
        routers = List.copyOf(routers);
    }
}
