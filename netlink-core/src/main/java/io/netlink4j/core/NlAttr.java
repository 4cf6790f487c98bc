package io.netlink4j.core;

/** Constants of {@code struct nlattr} (linux/netlink.h). */
public final class NlAttr {
    private NlAttr() {}

    /** sizeof(struct nlattr): nla_len u16, nla_type u16. */
    public static final int NLA_HDRLEN = 4;
    public static final int LENGTH_OFFSET = 0;
    public static final int TYPE_OFFSET = 2;
    /** Set in nla_type on a nest; the kernel sets it on nests it builds with nla_nest_start(). */
    public static final int NLA_F_NESTED = 0x8000;
    public static final int NLA_F_NET_BYTEORDER = 0x4000;
    public static final int NLA_TYPE_MASK = ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER) & 0xffff;

    /** NLA_ALIGN. */
    public static int align(int len) {
        return (len + 3) & ~3;
    }
}
