package io.netlink4j.bridge;

import static io.netlink4j.bridge.PortCodec.*;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The settings of a bridge port as the kernel reports them (the writable IFLA_BRPORT_* of
 * {@link PortInfo}): typed values, not the partial, nullable form of an update
 * ({@link PortSettings}).
 *
 * <p>What every kernel since 4.18 sends for every port reads as {@code boolean}, {@code int}
 * or {@code long}; a message without it (no such kernel sends one) reads as false or 0. What an
 * older kernel, or one built without multicast snooping, may leave out is an {@link Optional}.
 *
 * <pre>{@code
 * PortConfig c = nl.ports().get("eth1").settings();
 * if (!c.proxyArp() || !c.hairpin()) { ... }
 * PortSettings update = c.toSettings().toBuilder().proxyArp(true).build();  // or PortSettings.builder()...
 * }</pre>
 */
public final class PortConfig {
    private final AttrValues values;

    PortConfig(AttrValues values) {
        this.values = values;
    }

    private boolean flag(int type) {
        return values.has(type) && values.get(type) != 0;
    }

    private Optional<Boolean> optionalFlag(int type) {
        return values.has(type) ? Optional.of(values.get(type) != 0) : Optional.empty();
    }

    private OptionalLong optionalLong(int type) {
        return values.has(type) ? OptionalLong.of(values.get(type)) : OptionalLong.empty();
    }

    /** True when the kernel sent attribute {@code type} (an IFLA_BRPORT_* value). */
    public boolean reported(int type) {
        return values.has(type);
    }

    /** The raw value of attribute {@code type} as decoded (0 when not reported). */
    long value(int type) {
        return values.get(type);
    }

    /** IFLA_BRPORT_STATE: the STP state (DISABLED when not reported). */
    public PortState state() {
        return PortState.of(values.has(IFLA_BRPORT_STATE) ? (int) values.get(IFLA_BRPORT_STATE) : 0);
    }

    /** IFLA_BRPORT_PRIORITY (0..63). */
    public int priority() { return (int) values.get(IFLA_BRPORT_PRIORITY); }
    /** IFLA_BRPORT_COST: STP path cost (1..65535). */
    public long cost() { return values.get(IFLA_BRPORT_COST); }
    /** IFLA_BRPORT_MODE: hairpin — frames may be sent back out of the port they came in on. */
    public boolean hairpin() { return flag(IFLA_BRPORT_MODE); }
    /** IFLA_BRPORT_GUARD: BPDU guard. */
    public boolean bpduGuard() { return flag(IFLA_BRPORT_GUARD); }
    /** IFLA_BRPORT_PROTECT: root block. */
    public boolean rootBlock() { return flag(IFLA_BRPORT_PROTECT); }
    /** IFLA_BRPORT_FAST_LEAVE: multicast fast leave. */
    public boolean fastLeave() { return flag(IFLA_BRPORT_FAST_LEAVE); }
    /** IFLA_BRPORT_LEARNING: source MAC learning. */
    public boolean learning() { return flag(IFLA_BRPORT_LEARNING); }
    /** IFLA_BRPORT_UNICAST_FLOOD: unknown unicast is flooded to this port ("flood"). */
    public boolean unicastFlood() { return flag(IFLA_BRPORT_UNICAST_FLOOD); }
    /** IFLA_BRPORT_PROXYARP: the bridge answers ARP for hosts it knows, on this port. */
    public boolean proxyArp() { return flag(IFLA_BRPORT_PROXYARP); }
    /** IFLA_BRPORT_PROXYARP_WIFI. */
    public boolean proxyArpWifi() { return flag(IFLA_BRPORT_PROXYARP_WIFI); }
    /** IFLA_BRPORT_MCAST_FLOOD: unknown multicast is flooded to this port. */
    public boolean mcastFlood() { return flag(IFLA_BRPORT_MCAST_FLOOD); }
    /** IFLA_BRPORT_MCAST_TO_UCAST: multicast is sent as unicast to each listener. */
    public boolean mcastToUnicast() { return flag(IFLA_BRPORT_MCAST_TO_UCAST); }
    /** IFLA_BRPORT_VLAN_TUNNEL. */
    public boolean vlanTunnel() { return flag(IFLA_BRPORT_VLAN_TUNNEL); }
    /** IFLA_BRPORT_BCAST_FLOOD: broadcast is flooded to this port. */
    public boolean broadcastFlood() { return flag(IFLA_BRPORT_BCAST_FLOOD); }
    /** IFLA_BRPORT_GROUP_FWD_MASK. */
    public int groupFwdMask() { return (int) values.get(IFLA_BRPORT_GROUP_FWD_MASK); }
    /** IFLA_BRPORT_NEIGH_SUPPRESS: ARP/ND suppression. */
    public boolean neighSuppress() { return flag(IFLA_BRPORT_NEIGH_SUPPRESS); }
    /** IFLA_BRPORT_ISOLATED. */
    public boolean isolated() { return flag(IFLA_BRPORT_ISOLATED); }
    /** IFLA_BRPORT_BACKUP_PORT: ifindex of the backup port; 0 = none (the kernel sends it only when set). */
    public int backupPort() { return (int) values.get(IFLA_BRPORT_BACKUP_PORT); }
    /** IFLA_BRPORT_BACKUP_NHID: backup nexthop group id; 0 = none (sent only when set, Linux 6.7+). */
    public long backupNhid() { return values.get(IFLA_BRPORT_BACKUP_NHID); }

    /** IFLA_BRPORT_MULTICAST_ROUTER: empty on a kernel without multicast snooping. */
    public Optional<MulticastRouter> multicastRouter() {
        return values.has(IFLA_BRPORT_MULTICAST_ROUTER)
                ? Optional.of(MulticastRouter.of((int) values.get(IFLA_BRPORT_MULTICAST_ROUTER))) : Optional.empty();
    }

    /** IFLA_BRPORT_LEARNING_SYNC: empty when not reported. */
    public Optional<Boolean> learningSync() { return optionalFlag(IFLA_BRPORT_LEARNING_SYNC); }
    /** IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT: Linux 5.11+ with multicast snooping. */
    public OptionalLong mcastEhtHostsLimit() { return optionalLong(IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT); }
    /** IFLA_BRPORT_LOCKED: Linux 6.0+. */
    public Optional<Boolean> locked() { return optionalFlag(IFLA_BRPORT_LOCKED); }
    /** IFLA_BRPORT_MAB: Linux 6.2+. */
    public Optional<Boolean> mab() { return optionalFlag(IFLA_BRPORT_MAB); }
    /** IFLA_BRPORT_MCAST_MAX_GROUPS (0 = no limit): Linux 6.3+ with multicast snooping. */
    public OptionalLong mcastMaxGroups() { return optionalLong(IFLA_BRPORT_MCAST_MAX_GROUPS); }
    /** IFLA_BRPORT_NEIGH_VLAN_SUPPRESS: Linux 6.8+. */
    public Optional<Boolean> neighVlanSuppress() { return optionalFlag(IFLA_BRPORT_NEIGH_VLAN_SUPPRESS); }

    /**
     * Every reported value as an update (e.g. to compare with a desired {@link PortSettings},
     * or to start one with {@link PortSettings#toBuilder()}).
     */
    public PortSettings toSettings() {
        return new PortSettings(values.copy());
    }

    @Override
    public String toString() {
        return values.toString("PortConfig", "IFLA_BRPORT_", PortCodec::name, PortCodec.WIDTH);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortConfig c && toSettings().equals(c.toSettings());
    }

    @Override
    public int hashCode() {
        return toSettings().hashCode();
    }
}
