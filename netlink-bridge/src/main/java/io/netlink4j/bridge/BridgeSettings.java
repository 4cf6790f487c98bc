package io.netlink4j.bridge;

import static io.netlink4j.bridge.BridgeCodec.*;

import java.time.Duration;

/**
 * Settings of a bridge device (the writable IFLA_BR_* attributes), every one optional: a create
 * or change request carries only what was set, in the order it was set. Values are checked when
 * set ({@link IllegalArgumentException}). Immutable; build with {@link #builder()}.
 *
 * <p>Timers are in centiseconds, the unit of the wire (USER_HZ) and of iproute2's command line
 * ({@code forward_delay 400} = 4 s); the {@link Duration} setters convert.
 *
 * <pre>{@code
 * nl.bridges().create("br1", BridgeSettings.builder()
 *         .stpState(1).forwardDelay(Duration.ofSeconds(4)).priority(4096).mcastSnooping(false).build());
 * }</pre>
 */
public final class BridgeSettings {
    /** BR_GROUPFWD_RESTRICTED: STP BPDUs, pause frames and LACP (bits 0, 1, 2) may never be forwarded. */
    public static final int BR_GROUPFWD_RESTRICTED = 0x7;

    private final AttrValues values;

    BridgeSettings(AttrValues values) {
        this.values = values;
    }

    public static Builder builder() {
        return new Builder(new AttrValues());
    }

    /**
     * A builder holding a copy of these settings. Reported bool options are not sent again unless
     * set on the builder: the kernel refuses even "off" for an option it cannot do (mst_enable
     * without VLAN filtering), so a read-modify-write must not touch them.
     */
    public Builder toBuilder() {
        AttrValues c = values.copy();
        if (c.has(IFLA_BR_MULTI_BOOLOPT)) {
            c.put(IFLA_BR_MULTI_BOOLOPT, c.get(IFLA_BR_MULTI_BOOLOPT) & 0xffffffffL);
        }
        return new Builder(c);
    }

    AttrValues values() {
        return values;
    }

    public boolean isEmpty() {
        return values.size() == 0;
    }

    boolean has(int type) {
        return values.has(type);
    }

    /** Centiseconds. */
    public Long forwardDelayCentis() { return values.longValue(IFLA_BR_FORWARD_DELAY); }
    /** Centiseconds. */
    public Long helloTimeCentis() { return values.longValue(IFLA_BR_HELLO_TIME); }
    /** Centiseconds. */
    public Long maxAgeCentis() { return values.longValue(IFLA_BR_MAX_AGE); }
    /** Centiseconds (FDB entry lifetime). */
    public Long ageingTimeCentis() { return values.longValue(IFLA_BR_AGEING_TIME); }
    /** 0 STP off, 1 kernel STP, 2 user-space STP (as reported). */
    public Integer stpState() { return values.integer(IFLA_BR_STP_STATE); }
    /** Bridge priority 0..65535. */
    public Integer priority() { return values.integer(IFLA_BR_PRIORITY); }
    public Boolean vlanFiltering() { return values.bool(IFLA_BR_VLAN_FILTERING); }
    public VlanProtocol vlanProtocol() {
        return values.has(IFLA_BR_VLAN_PROTOCOL) ? VlanProtocol.fromKernel((int) values.get(IFLA_BR_VLAN_PROTOCOL)) : null;
    }
    public Integer groupFwdMask() { return values.integer(IFLA_BR_GROUP_FWD_MASK); }
    /** The STP group address as "01:80:c2:00:00:00". */
    public String groupAddress() {
        if (!values.has(IFLA_BR_GROUP_ADDR)) {
            return null;
        }
        return FdbCodec.formatMac(values.get(IFLA_BR_GROUP_ADDR));
    }
    /** 0 disabled, 1 temporary (learned, default), 2 permanent. */
    public Integer mcastRouter() { return values.integer(IFLA_BR_MCAST_ROUTER); }
    public Boolean mcastSnooping() { return values.bool(IFLA_BR_MCAST_SNOOPING); }
    public Boolean mcastQueryUseIfaddr() { return values.bool(IFLA_BR_MCAST_QUERY_USE_IFADDR); }
    public Boolean mcastQuerier() { return values.bool(IFLA_BR_MCAST_QUERIER); }
    public Long mcastHashElasticity() { return values.longValue(IFLA_BR_MCAST_HASH_ELASTICITY); }
    public Long mcastHashMax() { return values.longValue(IFLA_BR_MCAST_HASH_MAX); }
    public Long mcastLastMemberCount() { return values.longValue(IFLA_BR_MCAST_LAST_MEMBER_CNT); }
    public Long mcastStartupQueryCount() { return values.longValue(IFLA_BR_MCAST_STARTUP_QUERY_CNT); }
    /** Centiseconds. */
    public Long mcastLastMemberIntervalCentis() { return values.longValue(IFLA_BR_MCAST_LAST_MEMBER_INTVL); }
    /** Centiseconds. */
    public Long mcastMembershipIntervalCentis() { return values.longValue(IFLA_BR_MCAST_MEMBERSHIP_INTVL); }
    /** Centiseconds. */
    public Long mcastQuerierIntervalCentis() { return values.longValue(IFLA_BR_MCAST_QUERIER_INTVL); }
    /** Centiseconds. */
    public Long mcastQueryIntervalCentis() { return values.longValue(IFLA_BR_MCAST_QUERY_INTVL); }
    /** Centiseconds. */
    public Long mcastQueryResponseIntervalCentis() { return values.longValue(IFLA_BR_MCAST_QUERY_RESPONSE_INTVL); }
    /** Centiseconds. */
    public Long mcastStartupQueryIntervalCentis() { return values.longValue(IFLA_BR_MCAST_STARTUP_QUERY_INTVL); }
    public Boolean nfCallIptables() { return values.bool(IFLA_BR_NF_CALL_IPTABLES); }
    public Boolean nfCallIp6tables() { return values.bool(IFLA_BR_NF_CALL_IP6TABLES); }
    public Boolean nfCallArptables() { return values.bool(IFLA_BR_NF_CALL_ARPTABLES); }
    /** 0 = no default PVID. */
    public Integer vlanDefaultPvid() { return values.integer(IFLA_BR_VLAN_DEFAULT_PVID); }
    public Boolean vlanStatsEnabled() { return values.bool(IFLA_BR_VLAN_STATS_ENABLED); }
    public Boolean mcastStatsEnabled() { return values.bool(IFLA_BR_MCAST_STATS_ENABLED); }
    /** 2 or 3. */
    public Integer mcastIgmpVersion() { return values.integer(IFLA_BR_MCAST_IGMP_VERSION); }
    /** 1 or 2. */
    public Integer mcastMldVersion() { return values.integer(IFLA_BR_MCAST_MLD_VERSION); }
    public Boolean vlanStatsPerPort() { return values.bool(IFLA_BR_VLAN_STATS_PER_PORT); }
    /** 0 = no limit. */
    public Long fdbMaxLearned() { return values.longValue(IFLA_BR_FDB_MAX_LEARNED); }
    /** BR_BOOLOPT_NO_LL_LEARN: no learning from link-local frames (null when not reported/set). */
    public Boolean noLinklocalLearn() { return boolopt(BR_BOOLOPT_NO_LL_LEARN); }
    /** BR_BOOLOPT_MCAST_VLAN_SNOOPING: per-VLAN IGMP/MLD snooping (needs VLAN filtering). */
    public Boolean mcastVlanSnooping() { return boolopt(BR_BOOLOPT_MCAST_VLAN_SNOOPING); }
    /** BR_BOOLOPT_MST_ENABLE: multiple spanning trees (needs VLAN filtering). */
    public Boolean mstEnable() { return boolopt(BR_BOOLOPT_MST_ENABLE); }

    /** Bit {@code id} of IFLA_BR_MULTI_BOOLOPT: null when it is not in the option mask. */
    public Boolean boolopt(int id) {
        if (!values.has(IFLA_BR_MULTI_BOOLOPT)) {
            return null;
        }
        long v = values.get(IFLA_BR_MULTI_BOOLOPT);
        return (v >>> 32 & 1L << id) == 0 ? null : (v & 1L << id) != 0;
    }
    /** An action: flush the bridge's dynamic FDB entries. */
    public boolean fdbFlush() { return values.has(IFLA_BR_FDB_FLUSH); }

    @Override
    public String toString() {
        return values.toString("BridgeSettings", "IFLA_BR_", BridgeCodec::name, WIDTH);
    }

    /** Collects settings in call order; each setter checks its range. */
    public static final class Builder {
        private final AttrValues v;

        Builder(AttrValues v) {
            this.v = v;
        }

        private static long range(String what, long value, long min, long max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(what + " must be " + min + ".." + max + ": " + value);
            }
            return value;
        }

        private static long centis(String what, Duration d) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException(what + " must be a non-negative duration: " + d);
            }
            return d.toMillis() / 10;
        }

        private Builder put(int type, long value) {
            v.put(type, value);
            return this;
        }

        private Builder flag(int type, boolean on) {
            return put(type, on ? 1 : 0);
        }

        /** Centiseconds; the kernel wants 200..3000 (2..30 s) while STP is on. */
        public Builder forwardDelayCentis(long cs) { return put(IFLA_BR_FORWARD_DELAY, range("forward_delay", cs, 0, 0xffffffffL)); }
        public Builder forwardDelay(Duration d) { return forwardDelayCentis(centis("forward_delay", d)); }
        /** Centiseconds, 100..1000 (1..10 s). */
        public Builder helloTimeCentis(long cs) { return put(IFLA_BR_HELLO_TIME, range("hello_time (centiseconds)", cs, 100, 1000)); }
        public Builder helloTime(Duration d) { return helloTimeCentis(centis("hello_time", d)); }
        /** Centiseconds, 600..4000 (6..40 s). */
        public Builder maxAgeCentis(long cs) { return put(IFLA_BR_MAX_AGE, range("max_age (centiseconds)", cs, 600, 4000)); }
        public Builder maxAge(Duration d) { return maxAgeCentis(centis("max_age", d)); }
        /** Centiseconds. */
        public Builder ageingTimeCentis(long cs) { return put(IFLA_BR_AGEING_TIME, range("ageing_time", cs, 0, 0xffffffffL)); }
        public Builder ageingTime(Duration d) { return ageingTimeCentis(centis("ageing_time", d)); }
        /** 0 off, 1 on (the kernel runs STP itself unless a user-space STP daemon takes over). */
        public Builder stpState(int state) { return put(IFLA_BR_STP_STATE, range("stp_state", state, 0, 1)); }
        /** 0..65535. */
        public Builder priority(int p) { return put(IFLA_BR_PRIORITY, range("bridge priority", p, 0, 0xffff)); }
        /** Needs CONFIG_BRIDGE_VLAN_FILTERING: without it, even false is refused ({@link VlanFilteringUnsupportedException}). */
        public Builder vlanFiltering(boolean on) { return flag(IFLA_BR_VLAN_FILTERING, on); }
        public Builder vlanProtocol(VlanProtocol p) {
            if (p == null) {
                throw new IllegalArgumentException("VLAN protocol is null");
            }
            return put(IFLA_BR_VLAN_PROTOCOL, p.etherType());
        }
        /** Bit X forwards 01:80:c2:00:00:0X; bits 0..2 are refused by the kernel, so here. */
        public Builder groupFwdMask(int mask) {
            range("group_fwd_mask", mask, 0, 0xffff);
            if ((mask & BR_GROUPFWD_RESTRICTED) != 0) {
                throw new IllegalArgumentException("group_fwd_mask may not include bits 0..2 (STP, pause, LACP): 0x"
                        + Integer.toHexString(mask));
            }
            return put(IFLA_BR_GROUP_FWD_MASK, mask);
        }
        /** The STP group address: 01:80:c2:00:00:0X with X in 0..0xf except 1, 2, 3 (the kernel's rule). */
        public Builder groupAddress(String mac) {
            byte[] b = io.netlink4j.core.MacAddress.parse(mac);
            long x = 0;
            for (byte c : b) {
                x = (x << 8) | (c & 0xff);
            }
            long last = x & 0xff;
            if ((x & ~0xfL) != 0x0180c2000000L || last == 1 || last == 2 || last == 3) {
                throw new IllegalArgumentException("group_address must be 01:80:c2:00:00:0X with X not 1, 2 or 3"
                        + " (pause, LACP, and the 802.1X PAE address are reserved): " + mac);
            }
            return put(IFLA_BR_GROUP_ADDR, x);
        }
        /** Flush the bridge's dynamic FDB entries. */
        public Builder fdbFlush() { return put(IFLA_BR_FDB_FLUSH, 0); }
        /** 0 disabled, 1 temporary (default), 2 permanent. */
        public Builder mcastRouter(int mode) { return put(IFLA_BR_MCAST_ROUTER, range("mcast_router", mode, 0, 2)); }
        public Builder mcastSnooping(boolean on) { return flag(IFLA_BR_MCAST_SNOOPING, on); }
        public Builder mcastQueryUseIfaddr(boolean on) { return flag(IFLA_BR_MCAST_QUERY_USE_IFADDR, on); }
        public Builder mcastQuerier(boolean on) { return flag(IFLA_BR_MCAST_QUERIER, on); }
        public Builder mcastHashElasticity(long n) { return put(IFLA_BR_MCAST_HASH_ELASTICITY, range("mcast_hash_elasticity", n, 0, 0xffffffffL)); }
        /** A power of two. */
        public Builder mcastHashMax(long n) {
            range("mcast_hash_max", n, 1, 0xffffffffL);
            if (Long.bitCount(n) != 1) {
                throw new IllegalArgumentException("mcast_hash_max must be a power of two: " + n);
            }
            return put(IFLA_BR_MCAST_HASH_MAX, n);
        }
        public Builder mcastLastMemberCount(long n) { return put(IFLA_BR_MCAST_LAST_MEMBER_CNT, range("mcast_last_member_cnt", n, 0, 0xffffffffL)); }
        public Builder mcastStartupQueryCount(long n) { return put(IFLA_BR_MCAST_STARTUP_QUERY_CNT, range("mcast_startup_query_cnt", n, 0, 0xffffffffL)); }
        public Builder mcastLastMemberIntervalCentis(long cs) { return put(IFLA_BR_MCAST_LAST_MEMBER_INTVL, range("mcast_last_member_intvl", cs, 0, Long.MAX_VALUE)); }
        public Builder mcastMembershipIntervalCentis(long cs) { return put(IFLA_BR_MCAST_MEMBERSHIP_INTVL, range("mcast_membership_intvl", cs, 0, Long.MAX_VALUE)); }
        public Builder mcastQuerierIntervalCentis(long cs) { return put(IFLA_BR_MCAST_QUERIER_INTVL, range("mcast_querier_intvl", cs, 0, Long.MAX_VALUE)); }
        public Builder mcastQueryIntervalCentis(long cs) { return put(IFLA_BR_MCAST_QUERY_INTVL, range("mcast_query_intvl", cs, 0, Long.MAX_VALUE)); }
        public Builder mcastQueryResponseIntervalCentis(long cs) { return put(IFLA_BR_MCAST_QUERY_RESPONSE_INTVL, range("mcast_query_response_intvl", cs, 0, Long.MAX_VALUE)); }
        public Builder mcastStartupQueryIntervalCentis(long cs) { return put(IFLA_BR_MCAST_STARTUP_QUERY_INTVL, range("mcast_startup_query_intvl", cs, 0, Long.MAX_VALUE)); }
        public Builder nfCallIptables(boolean on) { return flag(IFLA_BR_NF_CALL_IPTABLES, on); }
        public Builder nfCallIp6tables(boolean on) { return flag(IFLA_BR_NF_CALL_IP6TABLES, on); }
        public Builder nfCallArptables(boolean on) { return flag(IFLA_BR_NF_CALL_ARPTABLES, on); }
        /** 0 (none) or 1..4094. */
        public Builder vlanDefaultPvid(int pvid) { return put(IFLA_BR_VLAN_DEFAULT_PVID, range("vlan_default_pvid", pvid, 0, 4094)); }
        public Builder vlanStatsEnabled(boolean on) { return flag(IFLA_BR_VLAN_STATS_ENABLED, on); }
        public Builder mcastStatsEnabled(boolean on) { return flag(IFLA_BR_MCAST_STATS_ENABLED, on); }
        /** 2 or 3. */
        public Builder mcastIgmpVersion(int version) { return put(IFLA_BR_MCAST_IGMP_VERSION, range("mcast_igmp_version", version, 2, 3)); }
        /** 1 or 2. */
        public Builder mcastMldVersion(int version) { return put(IFLA_BR_MCAST_MLD_VERSION, range("mcast_mld_version", version, 1, 2)); }
        public Builder vlanStatsPerPort(boolean on) { return flag(IFLA_BR_VLAN_STATS_PER_PORT, on); }
        /** 0 = no limit (kernel 6.8+). */
        public Builder fdbMaxLearned(long n) { return put(IFLA_BR_FDB_MAX_LEARNED, range("fdb_max_learned", n, 0, 0xffffffffL)); }

        /** {@code no_linklocal_learn}: do not learn source MACs from link-local frames (01:80:c2:00:00:0X). */
        public Builder noLinklocalLearn(boolean on) { return boolopt(BR_BOOLOPT_NO_LL_LEARN, on); }
        /** {@code mcast_vlan_snooping}: per-VLAN multicast snooping (kernel 5.13+, needs VLAN filtering). */
        public Builder mcastVlanSnooping(boolean on) { return boolopt(BR_BOOLOPT_MCAST_VLAN_SNOOPING, on); }
        /** {@code mst_enable}: multiple spanning tree instances (kernel 5.18+, needs VLAN filtering, no ports' VLANs yet). */
        public Builder mstEnable(boolean on) { return boolopt(BR_BOOLOPT_MST_ENABLE, on); }

        /**
         * Bit {@code id} (BR_BOOLOPT_*, 0..31) of IFLA_BR_MULTI_BOOLOPT: all bool options set go in one
         * attribute, whose mask names exactly those set.
         */
        public Builder boolopt(int id, boolean on) {
            range("bool option id", id, 0, 31);
            long old = v.has(IFLA_BR_MULTI_BOOLOPT) ? v.get(IFLA_BR_MULTI_BOOLOPT) : 0;
            long bit = 1L << id;
            long val = on ? (old | bit) : (old & ~bit);
            return put(IFLA_BR_MULTI_BOOLOPT, (old >>> 32 | bit) << 32 | (val & 0xffffffffL));
        }

        public BridgeSettings build() {
            return new BridgeSettings(v.copy());
        }
    }
}
