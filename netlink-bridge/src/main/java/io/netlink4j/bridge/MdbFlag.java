package io.netlink4j.bridge;

import java.util.EnumSet;
import java.util.Set;

/** The {@code MDB_FLAGS_*} bits of a reported multicast database entry (struct br_mdb_entry.flags). */
public enum MdbFlag {
    /** MDB_FLAGS_OFFLOAD: the entry is in hardware ("offload"). */
    OFFLOAD(1, "offload"),
    /** MDB_FLAGS_FAST_LEAVE: the port leaves at once on a leave message ("fast_leave"). */
    FAST_LEAVE(1 << 1, "fast_leave"),
    /** MDB_FLAGS_STAR_EXCL: an (S, G) entry made for a (*, G) EXCLUDE entry ("added_by_star_ex"). */
    STAR_EXCL(1 << 2, "added_by_star_ex"),
    /** MDB_FLAGS_BLOCKED: a blocked source ("blocked"). */
    BLOCKED(1 << 3, "blocked");

    private final int bit;
    private final String iprouteName;

    MdbFlag(int bit, String iprouteName) {
        this.bit = bit;
        this.iprouteName = iprouteName;
    }

    public int bit() {
        return bit;
    }

    /** The word {@code bridge mdb show} prints. */
    public String iprouteName() {
        return iprouteName;
    }

    /** The flags set in {@code bits}; unknown bits are ignored. */
    public static Set<MdbFlag> of(int bits) {
        Set<MdbFlag> s = EnumSet.noneOf(MdbFlag.class);
        for (MdbFlag f : values()) {
            if ((bits & f.bit) != 0) {
                s.add(f);
            }
        }
        return s;
    }
}
