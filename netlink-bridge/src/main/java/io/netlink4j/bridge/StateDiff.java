package io.netlink4j.bridge;

import static io.netlink4j.bridge.BridgeCodec.*;

import io.netlink4j.core.Link;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Computes a {@link StatePlan}: the desired state against a {@link StateSnapshot}, nothing sent.
 * A setting is changed only when the kernel reports another value (or none); a VLAN set only when
 * it differs; an FDB entry only when it is absent, on another port or in another state.
 */
final class StateDiff {
    private final StateSnapshot now;
    private final List<StateChange> bridges = new ArrayList<>();
    private final List<StateChange> ports = new ArrayList<>();
    private final List<StateChange> vlans = new ArrayList<>();
    private final List<StateChange> fdbSet = new ArrayList<>();
    private final List<StateChange> fdbRemove = new ArrayList<>();
    private final List<StateProblem> problems = new ArrayList<>();

    private StateDiff(StateSnapshot now) {
        this.now = now;
    }

    static StatePlan plan(BridgeState desired, StateSnapshot now) {
        StateDiff d = new StateDiff(now);
        for (DesiredBridge b : desired.bridges().values()) {
            d.bridge(b);
        }
        List<StateChange> all = new ArrayList<>(d.bridges);
        all.addAll(d.ports);
        all.addAll(d.vlans);
        all.addAll(d.fdbSet);
        all.addAll(d.fdbRemove);
        return new StatePlan(all, d.problems);
    }

    private void bridge(DesiredBridge b) {
        Link br = now.link(b.name());
        if (br == null) {
            problems.add(new StateProblem(b.name(), null, "bridge " + b.name() + ": no such device"));
            return;
        }
        if (!br.isBridge()) {
            problems.add(new StateProblem(b.name(), null, "bridge " + b.name() + ": not a bridge ("
                    + (br.kind() == null ? "a device without kind" : "kind " + br.kind()) + ")"));
            return;
        }
        AttrValues cur = now.settings.getOrDefault(br.index(), new AttrValues());
        AttrValues delta = new AttrValues();
        StringBuilder text = new StringBuilder();
        AttrValues want = b.settings().values();
        for (int i = 0; i < want.size(); i++) {
            int t = want.typeAt(i);
            if (!cur.has(t) || cur.get(t) != want.get(t)) {
                delta.put(t, want.get(t));
                sep(text).append(bridgeName(t)).append(' ').append(cur.has(t) ? bridgeValue(t, cur.get(t)) : "unset")
                        .append(" -> ").append(bridgeValue(t, want.get(t)));
            }
        }
        if (delta.size() > 0) {
            bridges.add(StateChange.bridge(b.name(), br.index(), new BridgeSettings(delta), text.toString()));
        }
        for (DesiredPort p : b.ports().values()) {
            port(b, br, p);
        }
    }

    private void port(DesiredBridge b, Link br, DesiredPort p) {
        Link l = now.link(p.name());
        String where = "port " + p.name() + " of " + b.name() + ": ";
        if (l == null) {
            problems.add(new StateProblem(b.name(), p.name(), where + "no such device"));
            return;
        }
        if (l.master() != br.index() || !l.isBridgePort()) {
            String in = l.master() == 0 ? "it is in no bridge" : "its master is " + now.name(l.master());
            problems.add(new StateProblem(b.name(), p.name(), where + "not a port of " + b.name() + " (" + in + ")"));
            return;
        }
        AttrValues cur = now.settings.getOrDefault(l.index(), new AttrValues());
        AttrValues want = p.settings().values();
        AttrValues delta = new AttrValues();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < want.size(); i++) {
            int t = want.typeAt(i);
            if (!cur.has(t) || cur.get(t) != want.get(t)) {
                delta.put(t, want.get(t));
                sep(text).append(portName(t)).append(' ').append(cur.has(t) ? portValue(t, cur.get(t)) : "unset")
                        .append(" -> ").append(portValue(t, want.get(t)));
            }
        }
        if (delta.size() > 0) {
            ports.add(StateChange.port(b.name(), p.name(), l.index(), new PortSettings(delta), text.toString()));
        }
        if (p.vlans() != null) {
            VlanSet before = now.vlans.getOrDefault(l.index(), VlanSet.empty());
            VlanSet target = p.vlansExclusive() ? p.vlans() : merge(before, p.vlans());
            if (!target.equals(before)) {
                vlans.add(StateChange.vlans(b.name(), p.name(), l.index(), before, target));
            }
        }
        fdb(b, br, p, l);
    }

    /** {@code before} with the VLANs of {@code want} added and their flags (and PVID, if given) set. */
    static VlanSet merge(VlanSet before, VlanSet want) {
        VlanSet.Builder m = VlanSet.builder();
        before.ranges().forEach(m::add);
        want.ranges().forEach(m::add);
        return m.build();
    }

    private void fdb(DesiredBridge b, Link br, DesiredPort p, Link l) {
        if (p.fdb().isEmpty() && !p.fdbExclusive()) {
            return;
        }
        Set<StateSnapshot.FdbKey> declared = new HashSet<>();
        for (StaticFdbEntry e : p.fdb()) {
            StateSnapshot.FdbKey k = new StateSnapshot.FdbKey(br.index(), e.macLong(), e.vlan());
            declared.add(k);
            StateSnapshot.FdbPlace at = now.fdb.get(k);
            String want = p.name() + " " + state(e.state());
            String entry = e.mac() + (e.vlan() != 0 ? " vlan " + e.vlan() : "") + ": ";
            if (at == null || at.ifindex() != l.index() || at.state() != e.state()) {
                String was = at == null ? "absent" : now.name(at.ifindex()) + " " + state(at.state());
                FdbSpec spec = FdbSpec.of(e.mac(), p.name()).vlan(e.vlan()).state(e.state());
                fdbSet.add(StateChange.fdb(b.name(), p.name(), FdbChange.replace(spec), entry + was + " -> " + want));
            }
        }
        if (!p.fdbExclusive()) {
            return;
        }
        long own = l.address() == null ? -1 : FdbCodec.parseMac(l.address());
        List<Map.Entry<StateSnapshot.FdbKey, StateSnapshot.FdbPlace>> gone = new ArrayList<>();
        for (Map.Entry<StateSnapshot.FdbKey, StateSnapshot.FdbPlace> e : now.fdb.entrySet()) {
            StateSnapshot.FdbKey k = e.getKey();
            StateSnapshot.FdbPlace at = e.getValue();
            boolean userEntry = at.state() == FdbState.STATIC || at.state() == FdbState.PERMANENT;
            // the port's own address (local) and entries another agent learned are not ours to remove
            if (k.bridge() == br.index() && at.ifindex() == l.index() && userEntry && !at.externallyLearned()
                    && k.mac() != own && !declared.contains(k)) {
                gone.add(e);
            }
        }
        gone.sort(Comparator.comparingLong((Map.Entry<StateSnapshot.FdbKey, StateSnapshot.FdbPlace> e) -> e.getKey().mac())
                .thenComparingInt(e -> e.getKey().vlan()));
        for (Map.Entry<StateSnapshot.FdbKey, StateSnapshot.FdbPlace> e : gone) {
            String mac = FdbCodec.formatMac(e.getKey().mac());
            int vlan = e.getKey().vlan();
            FdbSpec spec = FdbSpec.of(mac, p.name()).vlan(vlan);
            fdbRemove.add(StateChange.fdb(b.name(), p.name(), FdbChange.delete(spec), mac
                    + (vlan != 0 ? " vlan " + vlan : "") + ": " + p.name() + " " + state(e.getValue().state()) + " -> absent"));
        }
    }

    private static StringBuilder sep(StringBuilder sb) {
        return sb.length() == 0 ? sb : sb.append(", ");
    }

    private static String state(FdbState s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    /** iproute2's name of a port setting (as {@code ip -d link show} prints it). */
    static String portName(int t) {
        String n = PortAttributes.name(t);
        if (n != null) {
            return n;
        }
        n = PortCodec.name(t);
        return n == null ? "attribute " + t : n.substring("IFLA_BRPORT_".length()).toLowerCase(Locale.ROOT);
    }

    static String portValue(int t, long v) {
        if (PortCodec.isFlag(t)) {
            return v != 0 ? "on" : "off";
        }
        if (t == PortCodec.IFLA_BRPORT_STATE) {
            PortState s = v >= 0 && v <= 4 ? PortState.of((int) v) : null;
            return s == null ? Long.toString(v) : s.name().toLowerCase(Locale.ROOT);
        }
        return Long.toString(v);
    }

    static String bridgeName(int t) {
        String n = BridgeCodec.name(t);
        return n == null ? "attribute " + t : n.substring("IFLA_BR_".length()).toLowerCase(Locale.ROOT);
    }

    static String bridgeValue(int t, long v) {
        switch (t) {
            case IFLA_BR_VLAN_FILTERING: case IFLA_BR_MCAST_SNOOPING: case IFLA_BR_MCAST_QUERY_USE_IFADDR:
            case IFLA_BR_MCAST_QUERIER: case IFLA_BR_NF_CALL_IPTABLES: case IFLA_BR_NF_CALL_IP6TABLES:
            case IFLA_BR_NF_CALL_ARPTABLES: case IFLA_BR_VLAN_STATS_ENABLED: case IFLA_BR_MCAST_STATS_ENABLED:
            case IFLA_BR_VLAN_STATS_PER_PORT:
                return v != 0 ? "on" : "off";
            case IFLA_BR_STP_STATE:
                return v == 0 ? "off" : v == 1 ? "on" : Long.toString(v);
            case IFLA_BR_VLAN_PROTOCOL: {
                VlanProtocol p = VlanProtocol.fromKernel((int) v);
                return p == null ? "0x" + Long.toHexString(v) : p.toString();
            }
            case IFLA_BR_GROUP_ADDR:
                return FdbCodec.formatMac(v);
            default:
                return Long.toString(v);
        }
    }
}
