package io.netlink4j.bridge;

import io.netlink4j.core.LinkCodec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One port of a desired {@link BridgeState}: the settings to hold (only those set are managed),
 * optionally its VLANs, and its static FDB entries. Immutable; build with {@link #builder}.
 *
 * <p>{@code vlansExclusive}: VLANs not listed are removed (the port ends with exactly
 * {@code vlans}); otherwise listed VLANs are added or have their flags set and others are kept.
 * {@code fdbExclusive}: static and permanent entries on this port that are not listed are removed
 * (learned entries and the port's own address are never touched).
 *
 * @param name           the port device
 * @param settings       the settings to hold (may be empty)
 * @param vlans          the VLANs to hold, or null when VLANs are not managed
 * @param vlansExclusive remove VLANs not listed
 * @param fdb            static entries behind this port
 * @param fdbExclusive   remove static entries not listed
 */
public record DesiredPort(String name, PortSettings settings, VlanSet vlans, boolean vlansExclusive,
                          List<StaticFdbEntry> fdb, boolean fdbExclusive) {

    public DesiredPort {
        LinkCodec.validateName(name);
        if (settings == null) {
            throw new IllegalArgumentException("port " + name + ": settings are null");
        }
        if (settings.flush()) {
            throw new IllegalArgumentException("port " + name + ": flush is an action, not a state");
        }
        if (vlansExclusive && vlans == null) {
            throw new IllegalArgumentException("port " + name + ": exclusive VLANs without a VLAN set");
        }
        fdb = List.copyOf(fdb);
        Set<String> keys = new HashSet<>();
        for (StaticFdbEntry e : fdb) {
            if (!keys.add(e.mac() + "/" + e.vlan())) {
                throw new IllegalArgumentException("port " + name + ": FDB entry " + e.mac()
                        + (e.vlan() != 0 ? " vlan " + e.vlan() : "") + " is declared twice");
            }
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Collects a port's desired state. */
    public static final class Builder {
        private final String name;
        private PortSettings settings = PortSettings.builder().build();
        private VlanSet vlans;
        private boolean vlansExclusive;
        private final List<StaticFdbEntry> fdb = new ArrayList<>();
        private boolean fdbExclusive;

        private Builder(String name) {
            this.name = name;
        }

        public Builder settings(PortSettings s) {
            settings = s;
            return this;
        }

        /** The port's VLANs; {@code exclusive}: remove the VLANs not in {@code v}. */
        public Builder vlans(VlanSet v, boolean exclusive) {
            vlans = v;
            vlansExclusive = exclusive;
            return this;
        }

        public Builder fdb(StaticFdbEntry e) {
            fdb.add(e);
            return this;
        }

        /** Remove static entries on this port that are not declared. */
        public Builder fdbExclusive(boolean on) {
            fdbExclusive = on;
            return this;
        }

        public DesiredPort build() {
            return new DesiredPort(name, settings, vlans, vlansExclusive, fdb, fdbExclusive);
        }
    }
}
