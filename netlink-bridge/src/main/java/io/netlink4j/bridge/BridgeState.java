package io.netlink4j.bridge;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A declared, desired state of some bridges: their settings, their ports' settings, VLANs and
 * static FDB entries. Only what is written is managed: a setting left out is never touched, a
 * bridge or port not listed is never looked at. Immutable and checked when built: a port belongs
 * to one bridge, a MAC (per VLAN) sits behind one port of a bridge.
 *
 * <pre>{@code
 * BridgeState want = BridgeState.builder()
 *         .bridge(DesiredBridge.of("br0", BridgeSettings.builder().stpState(0).build())
 *                 .withPort(DesiredPort.builder("eth1")
 *                         .settings(PortSettings.builder().proxyArp(true).hairpin(true).build())
 *                         .fdb(StaticFdbEntry.of("02:00:00:00:00:01")).build()))
 *         .build();
 * StatePlan plan = new BridgeStates(nl).plan(want);     // what differs, nothing sent
 * }</pre>
 *
 * <p>It never creates bridges nor enslaves ports: they are made by whoever owns the node's
 * networking; a declared bridge or port that is missing is reported by the plan.
 */
public final class BridgeState {
    private final Map<String, DesiredBridge> bridges;

    private BridgeState(Map<String, DesiredBridge> bridges) {
        this.bridges = Collections.unmodifiableMap(bridges);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The bridges by name, in declaration order. */
    public Map<String, DesiredBridge> bridges() {
        return bridges;
    }

    /** True if any port declares VLANs (the plan then reads the VLAN database). */
    public boolean managesVlans() {
        return bridges.values().stream().flatMap(b -> b.ports().values().stream()).anyMatch(p -> p.vlans() != null);
    }

    /** True if any port declares FDB entries or exclusive FDB (the plan then dumps the FDB). */
    public boolean managesFdb() {
        return bridges.values().stream().flatMap(b -> b.ports().values().stream())
                .anyMatch(p -> !p.fdb().isEmpty() || p.fdbExclusive());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BridgeState s && s.bridges.equals(bridges);
    }

    @Override
    public int hashCode() {
        return bridges.hashCode();
    }

    @Override
    public String toString() {
        return "BridgeState" + bridges.values();
    }

    /** Collects bridges; {@link #build} checks the whole. */
    public static final class Builder {
        private final Map<String, DesiredBridge> bridges = new LinkedHashMap<>();

        private Builder() {}

        /** Adds {@code b}; a bridge declared twice is refused. */
        public Builder bridge(DesiredBridge b) {
            if (bridges.putIfAbsent(b.name(), b) != null) {
                throw new IllegalArgumentException("bridge " + b.name() + " is declared twice");
            }
            return this;
        }

        /**
         * @throws IllegalArgumentException a port declared in two bridges, a bridge declared as a
         *                                  port, or a MAC (per VLAN) behind two ports of a bridge
         */
        public BridgeState build() {
            Map<String, String> portOf = new HashMap<>();
            for (DesiredBridge b : bridges.values()) {
                Map<String, String> macs = new HashMap<>();
                for (DesiredPort p : b.ports().values()) {
                    String other = portOf.put(p.name(), b.name());
                    if (other != null) {
                        throw new IllegalArgumentException("port " + p.name() + " is declared in two bridges: "
                                + other + " and " + b.name());
                    }
                    if (bridges.containsKey(p.name())) {
                        throw new IllegalArgumentException("bridge " + p.name() + " is declared as a port of " + b.name());
                    }
                    for (StaticFdbEntry e : p.fdb()) {
                        String key = e.mac() + (e.vlan() != 0 ? " vlan " + e.vlan() : "");
                        String was = macs.put(key, p.name());
                        if (was != null && !was.equals(p.name())) {
                            throw new IllegalArgumentException("FDB entry " + key + " of bridge " + b.name()
                                    + " is declared behind two ports: " + was + " and " + p.name());
                        }
                    }
                }
            }
            return new BridgeState(new LinkedHashMap<>(bridges));
        }
    }
}
