package io.netlink4j.bridge;

/**
 * A change to a bridge's VLAN settings for {@link Vlans#configure}: only what is set is sent,
 * the rest stays as it is, all in one RTM_NEWLINK, as {@code ip link set dev BRIDGE type bridge
 * vlan_filtering F vlan_protocol P vlan_default_pvid D vlan_stats_enabled S} does. Values are
 * checked when set ({@link IllegalArgumentException}). Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * nl.vlans().configure("br0", BridgeVlanOptions.builder().filtering(true).defaultPvid(0).build());
 * }</pre>
 *
 * <p>The getters return null for what is not part of the change. What the bridge has now reads
 * as {@link BridgeVlanSettings} ({@link Vlans#settings}).
 */
public final class BridgeVlanOptions {
    private final Boolean filtering;
    private final VlanProtocol protocol;
    private final Integer defaultPvid;
    private final Boolean statsEnabled;

    private BridgeVlanOptions(Builder b) {
        this.filtering = b.filtering;
        this.protocol = b.protocol;
        this.defaultPvid = b.defaultPvid;
        this.statsEnabled = b.statsEnabled;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** IFLA_BR_VLAN_FILTERING, or null. */
    public Boolean filtering() {
        return filtering;
    }

    /** IFLA_BR_VLAN_PROTOCOL, or null. */
    public VlanProtocol protocol() {
        return protocol;
    }

    /** IFLA_BR_VLAN_DEFAULT_PVID (0 = none), or null. */
    public Integer defaultPvid() {
        return defaultPvid;
    }

    /** IFLA_BR_VLAN_STATS_ENABLED, or null. */
    public Boolean statsEnabled() {
        return statsEnabled;
    }

    /** True when nothing is set. */
    public boolean isEmpty() {
        return filtering == null && protocol == null && defaultPvid == null && statsEnabled == null;
    }

    /** As ip link spells it: " vlan_filtering 1 vlan_default_pvid 0". */
    @Override
    public String toString() {
        StringBuilder what = new StringBuilder();
        if (filtering != null) {
            what.append(" vlan_filtering ").append(filtering ? 1 : 0);
        }
        if (protocol != null) {
            what.append(" vlan_protocol ").append(protocol);
        }
        if (defaultPvid != null) {
            what.append(" vlan_default_pvid ").append(defaultPvid);
        }
        if (statsEnabled != null) {
            what.append(" vlan_stats_enabled ").append(statsEnabled ? 1 : 0);
        }
        return what.toString();
    }

    /** Collects the settings to change; each setter checks its value. */
    public static final class Builder {
        private Boolean filtering;
        private VlanProtocol protocol;
        private Integer defaultPvid;
        private Boolean statsEnabled;

        Builder() {}

        /** {@code vlan_filtering}: the bridge filters by VLAN. */
        public Builder filtering(boolean on) {
            filtering = on;
            return this;
        }

        /** {@code vlan_protocol}: 802.1Q or 802.1ad. */
        public Builder protocol(VlanProtocol p) {
            if (p == null) {
                throw new IllegalArgumentException("VLAN protocol is null");
            }
            protocol = p;
            return this;
        }

        /** {@code vlan_default_pvid}: the PVID new ports get, 1..4094, or 0 for none. */
        public Builder defaultPvid(int pvid) {
            if (pvid != 0) {
                Vlan.checkVid(pvid);
            }
            defaultPvid = pvid;
            return this;
        }

        /** {@code vlan_stats_enabled}: per-VLAN counters. */
        public Builder statsEnabled(boolean on) {
            statsEnabled = on;
            return this;
        }

        public BridgeVlanOptions build() {
            return new BridgeVlanOptions(this);
        }
    }
}
