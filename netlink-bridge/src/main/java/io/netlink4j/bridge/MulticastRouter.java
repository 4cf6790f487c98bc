package io.netlink4j.bridge;

import java.util.Locale;

/**
 * Multicast router mode of a bridge port or of a VLAN on it (MDB_RTR_TYPE_*, linux/if_bridge.h):
 * whether multicast is forwarded to it as to a multicast router.
 */
public enum MulticastRouter {
    /** MDB_RTR_TYPE_DISABLED (0): never a router port. */
    DISABLED,
    /** MDB_RTR_TYPE_TEMP_QUERY (1): a router port while queries arrive on it (the kernel's default). */
    TEMP_QUERY,
    /** MDB_RTR_TYPE_PERM (2): always a router port. */
    PERM,
    /** MDB_RTR_TYPE_TEMP (3): a router port until its timer runs out (refreshed by PIM/queries). */
    TEMP;

    private static final MulticastRouter[] ALL = values();

    /** The value on the wire (IFLA_BRPORT_MULTICAST_ROUTER, BRIDGE_VLANDB_ENTRY_MCAST_ROUTER). */
    public int value() {
        return ordinal();
    }

    /** The mode for a wire value; IllegalArgumentException outside 0..3. */
    public static MulticastRouter of(int value) {
        if (value < 0 || value >= ALL.length) {
            throw new IllegalArgumentException("multicast router type must be 0..3 (disabled, temp_query, perm,"
                    + " temp): " + value);
        }
        return ALL[value];
    }

    /** iproute2's name ("temp_query"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
