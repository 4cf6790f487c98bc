package io.netlink4j.bridge;

/** The VLAN protocol of a VLAN-filtering bridge (IFLA_BR_VLAN_PROTOCOL, an EtherType in network byte order). */
public enum VlanProtocol {
    /** 802.1Q, ETH_P_8021Q 0x8100 (the default). */
    IEEE_802_1Q(0x8100, "802.1Q"),
    /** 802.1ad (QinQ service tag), ETH_P_8021AD 0x88a8. */
    IEEE_802_1AD(0x88a8, "802.1ad");

    public static final int ETH_P_8021Q = 0x8100;
    public static final int ETH_P_8021AD = 0x88a8;

    private final int etherType;
    private final String label;

    VlanProtocol(int etherType, String label) {
        this.etherType = etherType;
        this.label = label;
    }

    public int etherType() {
        return etherType;
    }

    /** iproute2's name ("802.1Q"). */
    public String label() {
        return label;
    }

    /** The protocol of an EtherType the kernel reported, or null for one this enum does not know (never throws). */
    public static VlanProtocol fromKernel(int etherType) {
        for (VlanProtocol p : values()) {
            if (p.etherType == etherType) {
                return p;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The protocol of an EtherType given by a user; IllegalArgumentException for any other. */
    public static VlanProtocol of(int etherType) {
        for (VlanProtocol p : values()) {
            if (p.etherType == etherType) {
                return p;
            }
        }
        throw new IllegalArgumentException("VLAN protocol must be 0x8100 (802.1Q) or 0x88a8 (802.1ad): 0x"
                + Integer.toHexString(etherType));
    }
}
