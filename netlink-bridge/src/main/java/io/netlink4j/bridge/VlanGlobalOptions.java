package io.netlink4j.bridge;

import java.util.Arrays;

/**
 * Global per-VLAN options of a bridge ({@code bridge vlan global set dev BR vid VID ...}): per-VLAN
 * multicast snooping and querier settings and the VLAN's MST instance. As a change only what is
 * set is sent; as read back ({@link VlanGlobalEntry#options()}) a getter is null when the kernel
 * did not report that option. Intervals are in the kernel's clock_t unit (USER_HZ: 1/100 s), as
 * iproute2 takes and prints them. Values are checked when set ({@link IllegalArgumentException}).
 * Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * nl.vlans().global().set("br0", Vlan.range(100, 110),
 *         VlanGlobalOptions.builder().mcastSnooping(true).mcastIgmpVersion(3).build());
 * }</pre>
 */
public final class VlanGlobalOptions {
    /** Values by BRIDGE_VLANDB_GOPTS_* type; null = not set / not reported. */
    private final Long[] values;

    private VlanGlobalOptions(Long[] values) {
        this.values = values;
    }

    public static Builder builder() {
        return new Builder();
    }

    Long raw(int type) {
        return values[type];
    }

    private Boolean bool(int type) {
        return values[type] == null ? null : values[type] != 0;
    }

    private Integer integer(int type) {
        return values[type] == null ? null : values[type].intValue();
    }

    /** {@code mcast_snooping}: multicast snooping in this VLAN (needs the bridge's mcast_vlan_snooping). */
    public Boolean mcastSnooping() { return bool(VlanGlobalCodec.GOPTS_MCAST_SNOOPING); }

    /** {@code mcast_querier}: the bridge sends queries in this VLAN. */
    public Boolean mcastQuerier() { return bool(VlanGlobalCodec.GOPTS_MCAST_QUERIER); }

    /** {@code mcast_igmp_version}: 2 or 3. */
    public Integer mcastIgmpVersion() { return integer(VlanGlobalCodec.GOPTS_MCAST_IGMP_VERSION); }

    /** {@code mcast_mld_version}: 1 or 2. */
    public Integer mcastMldVersion() { return integer(VlanGlobalCodec.GOPTS_MCAST_MLD_VERSION); }

    /** {@code mcast_last_member_count}. */
    public Long mcastLastMemberCount() { return values[VlanGlobalCodec.GOPTS_MCAST_LAST_MEMBER_CNT]; }

    /** {@code mcast_last_member_interval} (1/100 s). */
    public Long mcastLastMemberInterval() { return values[VlanGlobalCodec.GOPTS_MCAST_LAST_MEMBER_INTVL]; }

    /** {@code mcast_startup_query_count}. */
    public Long mcastStartupQueryCount() { return values[VlanGlobalCodec.GOPTS_MCAST_STARTUP_QUERY_CNT]; }

    /** {@code mcast_startup_query_interval} (1/100 s). */
    public Long mcastStartupQueryInterval() { return values[VlanGlobalCodec.GOPTS_MCAST_STARTUP_QUERY_INTVL]; }

    /** {@code mcast_membership_interval} (1/100 s). */
    public Long mcastMembershipInterval() { return values[VlanGlobalCodec.GOPTS_MCAST_MEMBERSHIP_INTVL]; }

    /** {@code mcast_querier_interval} (1/100 s). */
    public Long mcastQuerierInterval() { return values[VlanGlobalCodec.GOPTS_MCAST_QUERIER_INTVL]; }

    /** {@code mcast_query_interval} (1/100 s). */
    public Long mcastQueryInterval() { return values[VlanGlobalCodec.GOPTS_MCAST_QUERY_INTVL]; }

    /** {@code mcast_query_response_interval} (1/100 s). */
    public Long mcastQueryResponseInterval() { return values[VlanGlobalCodec.GOPTS_MCAST_QUERY_RESPONSE_INTVL]; }

    /** {@code msti}: the MST instance of this VLAN (0 = CIST); it takes effect while the bridge has mst_enable on. */
    public Integer msti() { return integer(VlanGlobalCodec.GOPTS_MSTI); }

    /** True when nothing is set. */
    public boolean isEmpty() {
        for (Long v : values) {
            if (v != null) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VlanGlobalOptions && Arrays.equals(values, ((VlanGlobalOptions) o).values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    /** As iproute2 spells it: " mcast_snooping 1 mcast_igmp_version 3". */
    @Override
    public String toString() {
        StringBuilder what = new StringBuilder();
        for (int type : VlanGlobalCodec.ORDER) {
            if (values[type] != null) {
                what.append(' ').append(VlanGlobalCodec.name(type)).append(' ').append(values[type]);
            }
        }
        return what.toString();
    }

    /** Collects the options to set; each setter checks its value. */
    public static final class Builder {
        private final Long[] values = new Long[VlanGlobalCodec.GOPTS_MAX + 1];

        Builder() {}

        private Builder put(int type, long v) {
            values[type] = v;
            return this;
        }

        private Builder u32(int type, long v) {
            if (v < 0 || v > 0xffffffffL) {
                throw new IllegalArgumentException(VlanGlobalCodec.name(type) + " must be 0..4294967295: " + v);
            }
            return put(type, v);
        }

        private Builder interval(int type, long v) {
            if (v < 0) {
                throw new IllegalArgumentException(VlanGlobalCodec.name(type) + " must not be negative: " + v);
            }
            return put(type, v);
        }

        /** Sets a raw value as the kernel reported it (decoder use; no range check beyond the wire width). */
        Builder raw(int type, long v) {
            return put(type, v);
        }

        public Builder mcastSnooping(boolean on) { return put(VlanGlobalCodec.GOPTS_MCAST_SNOOPING, on ? 1 : 0); }

        public Builder mcastQuerier(boolean on) { return put(VlanGlobalCodec.GOPTS_MCAST_QUERIER, on ? 1 : 0); }

        /** 2 or 3. */
        public Builder mcastIgmpVersion(int v) {
            if (v != 2 && v != 3) {
                throw new IllegalArgumentException("mcast_igmp_version must be 2 or 3: " + v);
            }
            return put(VlanGlobalCodec.GOPTS_MCAST_IGMP_VERSION, v);
        }

        /** 1 or 2. */
        public Builder mcastMldVersion(int v) {
            if (v != 1 && v != 2) {
                throw new IllegalArgumentException("mcast_mld_version must be 1 or 2: " + v);
            }
            return put(VlanGlobalCodec.GOPTS_MCAST_MLD_VERSION, v);
        }

        public Builder mcastLastMemberCount(long n) { return u32(VlanGlobalCodec.GOPTS_MCAST_LAST_MEMBER_CNT, n); }

        public Builder mcastLastMemberInterval(long t) { return interval(VlanGlobalCodec.GOPTS_MCAST_LAST_MEMBER_INTVL, t); }

        public Builder mcastStartupQueryCount(long n) { return u32(VlanGlobalCodec.GOPTS_MCAST_STARTUP_QUERY_CNT, n); }

        public Builder mcastStartupQueryInterval(long t) { return interval(VlanGlobalCodec.GOPTS_MCAST_STARTUP_QUERY_INTVL, t); }

        public Builder mcastMembershipInterval(long t) { return interval(VlanGlobalCodec.GOPTS_MCAST_MEMBERSHIP_INTVL, t); }

        public Builder mcastQuerierInterval(long t) { return interval(VlanGlobalCodec.GOPTS_MCAST_QUERIER_INTVL, t); }

        public Builder mcastQueryInterval(long t) { return interval(VlanGlobalCodec.GOPTS_MCAST_QUERY_INTVL, t); }

        public Builder mcastQueryResponseInterval(long t) { return interval(VlanGlobalCodec.GOPTS_MCAST_QUERY_RESPONSE_INTVL, t); }

        /** 0 (CIST) .. 4094, as the kernel's policy allows. */
        public Builder msti(int n) {
            if (n < 0 || n > Vlan.MAX_VID) {
                throw new IllegalArgumentException("msti must be 0.." + Vlan.MAX_VID + ": " + n);
            }
            return put(VlanGlobalCodec.GOPTS_MSTI, n);
        }

        public VlanGlobalOptions build() {
            return new VlanGlobalOptions(values.clone());
        }
    }
}
