package io.netlink4j.bridge;

/** The tag a VLAN-filtering bridge works with (IFLA_BR_VLAN_PROTOCOL). */
public enum VlanProtocol {
    /** 802.1Q C-tag, ethertype 0x8100 (the default). */
    IEEE_802_1Q(BridgeVlanOptionsCodec.ETH_P_8021Q, "802.1Q"),
    /** 802.1ad S-tag (QinQ), ethertype 0x88a8. */
    IEEE_802_1AD(BridgeVlanOptionsCodec.ETH_P_8021AD, "802.1ad");

    private final int ethertype;
    private final String label;

    VlanProtocol(int ethertype, String label) {
        this.ethertype = ethertype;
        this.label = label;
    }

    /** The ethertype, as sent (big-endian) in IFLA_BR_VLAN_PROTOCOL. */
    public int ethertype() {
        return ethertype;
    }

    /** The protocol for an ethertype the kernel reported, or null if it is neither. */
    public static VlanProtocol of(int ethertype) {
        for (VlanProtocol p : values()) {
            if (p.ethertype == ethertype) {
                return p;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return label;
    }
}
