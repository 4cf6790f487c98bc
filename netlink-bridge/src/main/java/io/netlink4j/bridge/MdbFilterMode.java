package io.netlink4j.bridge;

/** The IGMPv3/MLDv2 filter mode of a (*, G) entry (MCAST_EXCLUDE = 0, MCAST_INCLUDE = 1 in linux/in.h). */
public enum MdbFilterMode {
    EXCLUDE,
    INCLUDE;

    /** The value MDBE_ATTR_GROUP_MODE / MDBA_MDB_EATTR_GROUP_MODE carries. */
    public int value() {
        return this == EXCLUDE ? 0 : 1;
    }

    /** The mode of a kernel value, or null for an unknown one. */
    public static MdbFilterMode of(int v) {
        return v == 0 ? EXCLUDE : v == 1 ? INCLUDE : null;
    }

    /** "include" / "exclude", as bridge(8) spells it. */
    public String iprouteName() {
        return this == EXCLUDE ? "exclude" : "include";
    }
}
