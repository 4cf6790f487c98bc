package io.netlink4j.bridge;

/** How a port became a multicast router port (MDB_RTR_TYPE_* in linux/if_bridge.h). */
public enum MdbRouterType {
    /** MDB_RTR_TYPE_DISABLED: never a router port. */
    DISABLED("disabled"),
    /** MDB_RTR_TYPE_TEMP_QUERY: learned from queries (the default). */
    TEMP_QUERY("temp_query"),
    /** MDB_RTR_TYPE_PERM: always a router port. */
    PERM("permanent"),
    /** MDB_RTR_TYPE_TEMP: a router port until its timer runs out. */
    TEMP("temp");

    private final String iprouteName;

    MdbRouterType(String iprouteName) {
        this.iprouteName = iprouteName;
    }

    /** The word {@code bridge -d -s mdb show} prints. */
    public String iprouteName() {
        return iprouteName;
    }

    /** The type of a kernel value, or null for an unknown one. */
    public static MdbRouterType of(int v) {
        return v >= 0 && v < values().length ? values()[v] : null;
    }
}
