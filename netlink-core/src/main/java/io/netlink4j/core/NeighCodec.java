package io.netlink4j.core;

/**
 * Attributes of neighbour messages (RTM_NEWNEIGH/DELNEIGH/GETNEIGH, linux/neighbour.h): ARP/ND
 * neighbours and, with AF_BRIDGE, FDB entries. The family header is {@link NdMsg}.
 *
 * <p>Constants only plus the layout of {@code struct nda_cacheinfo}; messages are read in place
 * with an {@link AttributeIterator}. Attribute names are registered for error reports.
 */
public final class NeighCodec {
    private NeighCodec() {}

    public static final int NDA_UNSPEC = 0;
    /** Network-layer address: the VXLAN remote (4 or 16 bytes). */
    public static final int NDA_DST = 1;
    /** Link-layer address: the MAC of an FDB entry (6 bytes). */
    public static final int NDA_LLADDR = 2;
    /** struct nda_cacheinfo (ageing timers). */
    public static final int NDA_CACHEINFO = 3;
    public static final int NDA_PROBES = 4;
    /** u16 VLAN id of an FDB entry. */
    public static final int NDA_VLAN = 5;
    /** be16 UDP destination port (VXLAN). */
    public static final int NDA_PORT = 6;
    /** u32 VXLAN network identifier. */
    public static final int NDA_VNI = 7;
    /** u32 ifindex of the device the VXLAN remote is reached through ("via"); in a bulk delete: the port. */
    public static final int NDA_IFINDEX = 8;
    /** u32 ifindex of the bridge; in a dump request: only entries of this bridge. */
    public static final int NDA_MASTER = 9;
    public static final int NDA_LINK_NETNSID = 10;
    /** u32 source VNI (VXLAN collect-metadata devices). */
    public static final int NDA_SRC_VNI = 11;
    /** u8 originator of the entry. */
    public static final int NDA_PROTOCOL = 12;
    /** u32 nexthop group id (VXLAN). */
    public static final int NDA_NH_ID = 13;
    /** Nest: NFEA_* (e.g. activity notification). */
    public static final int NDA_FDB_EXT_ATTRS = 14;
    /** u32: NTF_EXT_* flags beyond the 8 bits of ndm_flags. */
    public static final int NDA_FLAGS_EXT = 15;
    /** u16: in a bulk delete, which ndm_state bits must match (kernel 6.0+). */
    public static final int NDA_NDM_STATE_MASK = 16;
    /** u8: in a bulk delete, which ndm_flags bits must match (kernel 6.0+). */
    public static final int NDA_NDM_FLAGS_MASK = 17;

    /** Extended flags (NDA_FLAGS_EXT). */
    public static final int NTF_EXT_MANAGED = 1;
    public static final int NTF_EXT_LOCKED = 1 << 1;

    /** sizeof(struct nda_cacheinfo): four u32 in clock ticks (USER_HZ, 1/100 s). */
    public static final int NDA_CACHEINFO_LENGTH = 16;
    public static final int CACHEINFO_CONFIRMED_OFFSET = 0;
    public static final int CACHEINFO_USED_OFFSET = 4;
    public static final int CACHEINFO_UPDATED_OFFSET = 8;
    public static final int CACHEINFO_REFCNT_OFFSET = 12;

    private static final String[] NAMES = {
        "NDA_UNSPEC", "NDA_DST", "NDA_LLADDR", "NDA_CACHEINFO", "NDA_PROBES", "NDA_VLAN", "NDA_PORT",
        "NDA_VNI", "NDA_IFINDEX", "NDA_MASTER", "NDA_LINK_NETNSID", "NDA_SRC_VNI", "NDA_PROTOCOL",
        "NDA_NH_ID", "NDA_FDB_EXT_ATTRS", "NDA_FLAGS_EXT", "NDA_NDM_STATE_MASK", "NDA_NDM_FLAGS_MASK"
    };

    static {
        AttributeNamer.register(path -> path.length == 1 ? name(path[0]) : null,
                Rtnetlink.RTM_NEWNEIGH, Rtnetlink.RTM_DELNEIGH, Rtnetlink.RTM_GETNEIGH);
    }

    /** "NDA_VLAN" for 5; null for a type this codec does not know (a newer kernel's). */
    public static String name(int type) {
        return type >= 0 && type < NAMES.length ? NAMES[type] : null;
    }

    /** Loads this class so its attribute names are registered (idempotent). */
    public static void init() {
        // the static initializer did the work
    }
}
