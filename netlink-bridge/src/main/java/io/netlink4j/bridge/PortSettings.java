package io.netlink4j.bridge;

import static io.netlink4j.bridge.PortCodec.*;

/**
 * Settings of a bridge port (the writable IFLA_BRPORT_* attributes), every one optional: a
 * partial update carries only what was set, in the order it was set, and the kernel leaves the
 * rest as it is. Values are checked when set ({@link IllegalArgumentException}), so nothing out
 * of range is ever sent. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * PortSettings fix = PortSettings.builder().proxyArp(true).hairpin(true).build();
 * nl.ports().set("eth1", fix);   // one RTM_NEWLINK; the flags are applied together
 * }</pre>
 *
 * <p>A getter returns null when the value is not part of this update. What a port has now reads
 * as {@link PortConfig} ({@link PortInfo#settings()}), with typed values.
 */
public final class PortSettings {
    /** BR_MAX_PORT_PRIORITY: the port priority is 6 bits of the 16-bit port id. */
    public static final int MAX_PRIORITY = 63;
    /** BR_MIN_PATH_COST / BR_MAX_PATH_COST. */
    public static final int MIN_COST = 1;
    public static final int MAX_COST = 65535;
    /** BR_GROUPFWD_MACPAUSE: 802.3x pause frames may never be forwarded. */
    public static final int BR_GROUPFWD_MACPAUSE = 1 << 1;

    private final AttrValues values;

    PortSettings(AttrValues values) {
        this.values = values;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding a copy of these settings (to change a few). */
    public Builder toBuilder() {
        return new Builder(values.copy());
    }

    AttrValues values() {
        return values;
    }

    /** True when nothing is set. */
    public boolean isEmpty() {
        return values.size() == 0;
    }

    /** IFLA_BRPORT_STATE. */
    public PortState state() {
        return values.has(IFLA_BRPORT_STATE) ? PortState.of((int) values.get(IFLA_BRPORT_STATE)) : null;
    }

    /** IFLA_BRPORT_PRIORITY (0..63). */
    public Integer priority() { return values.integer(IFLA_BRPORT_PRIORITY); }
    /** IFLA_BRPORT_COST: STP path cost (1..65535). */
    public Long cost() { return values.longValue(IFLA_BRPORT_COST); }
    /** IFLA_BRPORT_MODE: hairpin — frames may be sent back out of the port they came in on. */
    public Boolean hairpin() { return values.bool(IFLA_BRPORT_MODE); }
    /** IFLA_BRPORT_GUARD: BPDU guard — the port is disabled when it receives a BPDU. */
    public Boolean bpduGuard() { return values.bool(IFLA_BRPORT_GUARD); }
    /** IFLA_BRPORT_PROTECT: root block — the port can never become root port. */
    public Boolean rootBlock() { return values.bool(IFLA_BRPORT_PROTECT); }
    /** IFLA_BRPORT_FAST_LEAVE: multicast fast leave. */
    public Boolean fastLeave() { return values.bool(IFLA_BRPORT_FAST_LEAVE); }
    /** IFLA_BRPORT_LEARNING: source MAC learning. */
    public Boolean learning() { return values.bool(IFLA_BRPORT_LEARNING); }
    /** IFLA_BRPORT_UNICAST_FLOOD: unknown unicast is flooded to this port ("flood"). */
    public Boolean unicastFlood() { return values.bool(IFLA_BRPORT_UNICAST_FLOOD); }
    /** IFLA_BRPORT_PROXYARP: the bridge answers ARP/ND for hosts it knows, on this port. */
    public Boolean proxyArp() { return values.bool(IFLA_BRPORT_PROXYARP); }
    /** IFLA_BRPORT_LEARNING_SYNC: learning synced from a switchdev device (not settable on recent kernels). */
    public Boolean learningSync() { return values.bool(IFLA_BRPORT_LEARNING_SYNC); }
    /** IFLA_BRPORT_PROXYARP_WIFI: proxy ARP for Wi-Fi (802.11 isolation). */
    public Boolean proxyArpWifi() { return values.bool(IFLA_BRPORT_PROXYARP_WIFI); }
    /** IFLA_BRPORT_MULTICAST_ROUTER. */
    public MulticastRouter multicastRouter() {
        return values.has(IFLA_BRPORT_MULTICAST_ROUTER) ? MulticastRouter.of((int) values.get(IFLA_BRPORT_MULTICAST_ROUTER)) : null;
    }
    /** IFLA_BRPORT_MCAST_FLOOD: unknown multicast is flooded to this port. */
    public Boolean mcastFlood() { return values.bool(IFLA_BRPORT_MCAST_FLOOD); }
    /** IFLA_BRPORT_MCAST_TO_UCAST: multicast is sent as unicast to each listener. */
    public Boolean mcastToUnicast() { return values.bool(IFLA_BRPORT_MCAST_TO_UCAST); }
    /** IFLA_BRPORT_VLAN_TUNNEL: VLAN-to-tunnel-id mapping (needs VLAN filtering). */
    public Boolean vlanTunnel() { return values.bool(IFLA_BRPORT_VLAN_TUNNEL); }
    /** IFLA_BRPORT_BCAST_FLOOD: broadcast is flooded to this port. */
    public Boolean broadcastFlood() { return values.bool(IFLA_BRPORT_BCAST_FLOOD); }
    /** IFLA_BRPORT_GROUP_FWD_MASK: which 01:80:c2:00:00:0X link-local groups are forwarded (bit X). */
    public Integer groupFwdMask() { return values.integer(IFLA_BRPORT_GROUP_FWD_MASK); }
    /** IFLA_BRPORT_NEIGH_SUPPRESS: ARP/ND suppression (answered from the neighbour table). */
    public Boolean neighSuppress() { return values.bool(IFLA_BRPORT_NEIGH_SUPPRESS); }
    /** IFLA_BRPORT_ISOLATED: isolated ports talk only to non-isolated ports. */
    public Boolean isolated() { return values.bool(IFLA_BRPORT_ISOLATED); }
    /** IFLA_BRPORT_BACKUP_PORT: ifindex of the backup port (0 = none). */
    public Integer backupPort() { return values.integer(IFLA_BRPORT_BACKUP_PORT); }
    /** IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT: IGMPv3/MLDv2 explicit-tracking host limit (at least 1). */
    public Long mcastEhtHostsLimit() { return values.longValue(IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT); }
    /** IFLA_BRPORT_LOCKED: only hosts with an FDB entry may send (802.1X). */
    public Boolean locked() { return values.bool(IFLA_BRPORT_LOCKED); }
    /** IFLA_BRPORT_MAB: MAC authentication bypass on a locked port. */
    public Boolean mab() { return values.bool(IFLA_BRPORT_MAB); }
    /** IFLA_BRPORT_MCAST_MAX_GROUPS: limit of multicast groups on the port (0 = none). */
    public Long mcastMaxGroups() { return values.longValue(IFLA_BRPORT_MCAST_MAX_GROUPS); }
    /** IFLA_BRPORT_NEIGH_VLAN_SUPPRESS: per-VLAN neighbour suppression. */
    public Boolean neighVlanSuppress() { return values.bool(IFLA_BRPORT_NEIGH_VLAN_SUPPRESS); }
    /** IFLA_BRPORT_BACKUP_NHID: nexthop group id used as backup (0 = none). */
    public Long backupNhid() { return values.longValue(IFLA_BRPORT_BACKUP_NHID); }
    /** IFLA_BRPORT_FLUSH: an action rather than a setting — flush the port's dynamic FDB entries. */
    public boolean flush() { return values.has(IFLA_BRPORT_FLUSH); }

    @Override
    public String toString() {
        return values.toString("PortSettings", "IFLA_BRPORT_", PortCodec::name, PortCodec.WIDTH);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PortSettings p) || p.values.size() != values.size()) {
            return false;
        }
        for (int i = 0; i < values.size(); i++) {
            int t = values.typeAt(i);
            if (!p.values.has(t) || p.values.get(t) != values.get(t)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        long h = 0;
        for (int i = 0; i < values.size(); i++) {
            int t = values.typeAt(i);
            h += t * 31L + values.get(t);
        }
        return Long.hashCode(h);
    }

    /** Collects settings in call order; each setter checks its range. */
    public static final class Builder {
        private final AttrValues v;

        Builder() {
            this(new AttrValues());
        }

        Builder(AttrValues v) {
            this.v = v;
        }

        private Builder flag(int type, boolean on) {
            v.put(type, on ? 1 : 0);
            return this;
        }

        private static long range(String what, long value, long min, long max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(what + " must be " + min + ".." + max + ": " + value);
            }
            return value;
        }

        public Builder state(PortState s) {
            if (s == null) {
                throw new IllegalArgumentException("port state is null");
            }
            v.put(IFLA_BRPORT_STATE, s.value());
            return this;
        }

        /** STP port priority, 0..63. */
        public Builder priority(int p) { v.put(IFLA_BRPORT_PRIORITY, range("port priority", p, 0, MAX_PRIORITY)); return this; }
        /** STP path cost, 1..65535. */
        public Builder cost(long c) { v.put(IFLA_BRPORT_COST, range("port cost", c, MIN_COST, MAX_COST)); return this; }
        public Builder hairpin(boolean on) { return flag(IFLA_BRPORT_MODE, on); }
        public Builder bpduGuard(boolean on) { return flag(IFLA_BRPORT_GUARD, on); }
        public Builder rootBlock(boolean on) { return flag(IFLA_BRPORT_PROTECT, on); }
        public Builder fastLeave(boolean on) { return flag(IFLA_BRPORT_FAST_LEAVE, on); }
        public Builder learning(boolean on) { return flag(IFLA_BRPORT_LEARNING, on); }
        public Builder unicastFlood(boolean on) { return flag(IFLA_BRPORT_UNICAST_FLOOD, on); }
        public Builder proxyArp(boolean on) { return flag(IFLA_BRPORT_PROXYARP, on); }
        public Builder learningSync(boolean on) { return flag(IFLA_BRPORT_LEARNING_SYNC, on); }
        public Builder proxyArpWifi(boolean on) { return flag(IFLA_BRPORT_PROXYARP_WIFI, on); }
        public Builder multicastRouter(MulticastRouter mode) {
            if (mode == null) {
                throw new IllegalArgumentException("multicast router mode is null");
            }
            v.put(IFLA_BRPORT_MULTICAST_ROUTER, mode.value());
            return this;
        }
        public Builder mcastFlood(boolean on) { return flag(IFLA_BRPORT_MCAST_FLOOD, on); }
        public Builder mcastToUnicast(boolean on) { return flag(IFLA_BRPORT_MCAST_TO_UCAST, on); }
        public Builder vlanTunnel(boolean on) { return flag(IFLA_BRPORT_VLAN_TUNNEL, on); }
        public Builder broadcastFlood(boolean on) { return flag(IFLA_BRPORT_BCAST_FLOOD, on); }

        /** Bit X forwards 01:80:c2:00:00:0X; bit 1 (pause frames) is refused by the kernel, so here. */
        public Builder groupFwdMask(int mask) {
            range("group_fwd_mask", mask, 0, 0xffff);
            if ((mask & BR_GROUPFWD_MACPAUSE) != 0) {
                throw new IllegalArgumentException("group_fwd_mask may not include bit 1 (802.3x pause frames): 0x" + Integer.toHexString(mask));
            }
            v.put(IFLA_BRPORT_GROUP_FWD_MASK, mask);
            return this;
        }

        public Builder neighSuppress(boolean on) { return flag(IFLA_BRPORT_NEIGH_SUPPRESS, on); }
        public Builder isolated(boolean on) { return flag(IFLA_BRPORT_ISOLATED, on); }
        /** The ifindex of the backup port, 0 to remove it. */
        public Builder backupPort(int ifindex) { v.put(IFLA_BRPORT_BACKUP_PORT, range("backup port ifindex", ifindex, 0, Integer.MAX_VALUE)); return this; }
        /** At least 1. */
        public Builder mcastEhtHostsLimit(long limit) { v.put(IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT, range("mcast_eht_hosts_limit", limit, 1, 0xffffffffL)); return this; }
        public Builder locked(boolean on) { return flag(IFLA_BRPORT_LOCKED, on); }
        public Builder mab(boolean on) { return flag(IFLA_BRPORT_MAB, on); }
        /** 0 = no limit. */
        public Builder mcastMaxGroups(long max) { v.put(IFLA_BRPORT_MCAST_MAX_GROUPS, range("mcast_max_groups", max, 0, 0xffffffffL)); return this; }
        public Builder neighVlanSuppress(boolean on) { return flag(IFLA_BRPORT_NEIGH_VLAN_SUPPRESS, on); }
        /** 0 = none. */
        public Builder backupNhid(long id) { v.put(IFLA_BRPORT_BACKUP_NHID, range("backup_nhid", id, 0, 0xffffffffL)); return this; }
        /** Also flush the port's dynamic FDB entries (IFLA_BRPORT_FLUSH). */
        public Builder flush() { v.put(IFLA_BRPORT_FLUSH, 0); return this; }

        public PortSettings build() {
            return new PortSettings(v.copy());
        }
    }
}
