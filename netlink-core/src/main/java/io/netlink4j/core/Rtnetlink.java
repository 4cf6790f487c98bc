package io.netlink4j.core;

/** Message types, multicast groups and filters of NETLINK_ROUTE (linux/rtnetlink.h). */
public final class Rtnetlink {
    private Rtnetlink() {}

    public static final int AF_UNSPEC = 0;
    public static final int AF_INET = 2;
    public static final int AF_BRIDGE = 7;
    public static final int AF_INET6 = 10;

    public static final int RTM_NEWLINK = 16;
    public static final int RTM_DELLINK = 17;
    public static final int RTM_GETLINK = 18;
    public static final int RTM_SETLINK = 19;
    public static final int RTM_NEWNEIGH = 28;
    public static final int RTM_DELNEIGH = 29;
    public static final int RTM_GETNEIGH = 30;
    public static final int RTM_NEWMDB = 84;
    public static final int RTM_DELMDB = 85;
    public static final int RTM_GETMDB = 86;
    public static final int RTM_NEWVLAN = 112;
    public static final int RTM_DELVLAN = 113;
    public static final int RTM_GETVLAN = 114;

    /** Multicast groups (enum rtnetlink_groups); join with the group number, not a bit mask. */
    public static final int RTNLGRP_LINK = 1;
    public static final int RTNLGRP_NEIGH = 3;
    public static final int RTNLGRP_MDB = 26;
    public static final int RTNLGRP_BRVLAN = 33;

    /** IFLA_EXT_MASK bits. */
    public static final int RTEXT_FILTER_VF = 1;
    public static final int RTEXT_FILTER_BRVLAN = 1 << 1;
    public static final int RTEXT_FILTER_BRVLAN_COMPRESSED = 1 << 2;
    public static final int RTEXT_FILTER_SKIP_STATS = 1 << 3;
    public static final int RTEXT_FILTER_MRP = 1 << 4;
    public static final int RTEXT_FILTER_CFM_CONFIG = 1 << 5;
    public static final int RTEXT_FILTER_CFM_STATUS = 1 << 6;
    public static final int RTEXT_FILTER_MST = 1 << 7;

    /** A readable name for an RTM_* type, for messages and logs. */
    public static String typeName(int type) {
        switch (type) {
            case RTM_NEWLINK: return "RTM_NEWLINK";
            case RTM_DELLINK: return "RTM_DELLINK";
            case RTM_GETLINK: return "RTM_GETLINK";
            case RTM_SETLINK: return "RTM_SETLINK";
            case RTM_NEWNEIGH: return "RTM_NEWNEIGH";
            case RTM_DELNEIGH: return "RTM_DELNEIGH";
            case RTM_GETNEIGH: return "RTM_GETNEIGH";
            case RTM_NEWVLAN: return "RTM_NEWVLAN";
            case RTM_DELVLAN: return "RTM_DELVLAN";
            case RTM_GETVLAN: return "RTM_GETVLAN";
            default: return "type " + type;
        }
    }
}
