package io.netlink4j.examples.state;

import io.netlink4j.bridge.BridgeSettings;
import io.netlink4j.bridge.BridgeState;
import io.netlink4j.bridge.DesiredBridge;
import io.netlink4j.bridge.DesiredPort;
import io.netlink4j.bridge.FdbState;
import io.netlink4j.bridge.PortSettings;
import io.netlink4j.bridge.PortState;
import io.netlink4j.bridge.StaticFdbEntry;
import io.netlink4j.bridge.StateProblem;
import io.netlink4j.bridge.UnresolvedStateException;
import io.netlink4j.bridge.Vlan;
import io.netlink4j.bridge.VlanSet;
import io.netlink4j.examples.cli.Vids;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A desired-state file (YAML or JSON) read into a {@link BridgeState}. The keys are the long
 * option names of {@code nlbridge bridge set} and {@code nlbridge port set}:
 *
 * <pre>
 * bridges:
 *   br0:
 *     stp: off
 *     ports:
 *       eth1: {proxy-arp: on, hairpin: on}
 *       v2:   {learning: off, cost: 7, vlans: {vids: "100,300-302", pvid: 300, untagged: "300"}}
 *     fdb:
 *       - {mac: "02:00:00:00:00:01", port: eth1}
 * </pre>
 *
 * Every error names the file, the line and the key ({@link StateFileException}); nothing is read
 * from the kernel here. Which ports exist is checked by the plan: {@link #locate} gives its
 * problems their lines.
 */
public final class StateFile {
    static final Set<String> TOP = Set.of("bridges");
    static final Set<String> BRIDGE = Set.of("vlan-filtering", "stp", "priority", "forward-delay", "hello-time",
            "max-age", "ageing-time", "mcast-snooping", "vlan-default-pvid", "vlan-stats", "vlan-stats-per-port",
            "group-fwd-mask", "mcast-router", "mcast-querier", "mcast-query-use-ifaddr", "mcast-hash-max",
            "mcast-last-member-count", "mcast-startup-query-count", "mcast-last-member-interval",
            "mcast-membership-interval", "mcast-querier-interval", "mcast-query-interval",
            "mcast-query-response-interval", "mcast-startup-query-interval", "mcast-stats", "mcast-igmp-version",
            "mcast-mld-version", "nf-call-iptables", "nf-call-ip6tables", "nf-call-arptables", "fdb-max-learned",
            "ports", "fdb");
    static final Set<String> PORT = Set.of("proxy-arp", "hairpin", "learning", "flood", "mcast-flood", "bcast-flood",
            "isolated", "neigh-suppress", "guard", "root-block", "fastleave", "mcast-to-unicast", "cost", "priority",
            "state", "vlans", "fdb-exclusive");
    static final Set<String> VLANS = Set.of("vids", "untagged", "pvid", "exclusive");
    static final Set<String> FDB = Set.of("mac", "port", "vlan", "state");

    private final String file;
    private final BridgeState state;
    /** "br0" and "br0/eth1" -> the line where they are declared. */
    private final Map<String, Integer> lines = new HashMap<>();

    private StateFile(String file, Node root) {
        this.file = file;
        this.state = build(root);
    }

    /** Reads and checks {@code path}. */
    public static StateFile load(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StateFileException(path.toString(), 0, "", "cannot read: " + e.getMessage());
        }
        return parse(path.toString(), text);
    }

    /** Checks {@code text}, read from {@code file} (the name used in errors). */
    public static StateFile parse(String file, String text) {
        return new StateFile(file, NodeReader.read(file, text));
    }

    public BridgeState state() {
        return state;
    }

    public String file() {
        return file;
    }

    /** The problems of a plan as one error naming the line of the first bridge or port concerned. */
    public StateFileException locate(UnresolvedStateException e) {
        List<StateProblem> ps = e.problems();
        StateProblem p = ps.get(0);
        String key = "bridges." + p.bridge() + (p.port() != null ? ".ports." + p.port() : "");
        Integer line = lines.get(p.bridge() + (p.port() != null ? "/" + p.port() : ""));
        String more = ps.size() > 1 ? " (and " + (ps.size() - 1) + " more: "
                + String.join("; ", ps.subList(1, ps.size()).stream().map(StateProblem::message).toList()) + ")" : "";
        return new StateFileException(file, line == null ? 0 : line, key, p.message() + more + "; nothing was applied");
    }

    // ------------------------------------------------------------------ structure

    private BridgeState build(Node root) {
        Map<String, Node> top = object(root, "a mapping with the key \"bridges\"");
        known(root, TOP);
        Node bridges = top.get("bridges");
        if (bridges == null) {
            throw error(root, "no \"bridges\": nothing declared");
        }
        BridgeState.Builder b = BridgeState.builder();
        Map<String, String> portOf = new HashMap<>();
        for (Map.Entry<String, Node> e : object(bridges, "a mapping of bridge names").entrySet()) {
            DesiredBridge br = bridge(e.getKey(), e.getValue(), portOf);
            b.bridge(br);
        }
        return check(root, b::build);
    }

    private DesiredBridge bridge(String name, Node n, Map<String, String> portOf) {
        lines.put(name, n.line());
        Map<String, Node> m = object(n, "a mapping of bridge settings");
        known(n, BRIDGE);
        BridgeSettings.Builder s = BridgeSettings.builder();
        for (Map.Entry<String, Node> e : m.entrySet()) {
            Node v = e.getValue();
            switch (e.getKey()) {
                case "vlan-filtering" -> check(v, () -> s.vlanFiltering(onOff(v)));
                case "stp" -> check(v, () -> s.stpState(onOff(v) ? 1 : 0));
                case "priority" -> check(v, () -> s.priority((int) number(v)));
                case "forward-delay" -> check(v, () -> s.forwardDelayCentis(number(v)));
                case "hello-time" -> check(v, () -> s.helloTimeCentis(number(v)));
                case "max-age" -> check(v, () -> s.maxAgeCentis(number(v)));
                case "ageing-time" -> check(v, () -> s.ageingTimeCentis(number(v)));
                case "mcast-snooping" -> check(v, () -> s.mcastSnooping(onOff(v)));
                case "vlan-default-pvid" -> check(v, () -> s.vlanDefaultPvid((int) number(v)));
                case "vlan-stats" -> check(v, () -> s.vlanStatsEnabled(onOff(v)));
                case "vlan-stats-per-port" -> check(v, () -> s.vlanStatsPerPort(onOff(v)));
                case "group-fwd-mask" -> check(v, () -> s.groupFwdMask((int) number(v)));
                case "mcast-router" -> check(v, () -> s.mcastRouter((int) number(v)));
                case "mcast-querier" -> check(v, () -> s.mcastQuerier(onOff(v)));
                case "mcast-query-use-ifaddr" -> check(v, () -> s.mcastQueryUseIfaddr(onOff(v)));
                case "mcast-hash-max" -> check(v, () -> s.mcastHashMax(number(v)));
                case "mcast-last-member-count" -> check(v, () -> s.mcastLastMemberCount(number(v)));
                case "mcast-startup-query-count" -> check(v, () -> s.mcastStartupQueryCount(number(v)));
                case "mcast-last-member-interval" -> check(v, () -> s.mcastLastMemberIntervalCentis(number(v)));
                case "mcast-membership-interval" -> check(v, () -> s.mcastMembershipIntervalCentis(number(v)));
                case "mcast-querier-interval" -> check(v, () -> s.mcastQuerierIntervalCentis(number(v)));
                case "mcast-query-interval" -> check(v, () -> s.mcastQueryIntervalCentis(number(v)));
                case "mcast-query-response-interval" -> check(v, () -> s.mcastQueryResponseIntervalCentis(number(v)));
                case "mcast-startup-query-interval" -> check(v, () -> s.mcastStartupQueryIntervalCentis(number(v)));
                case "mcast-stats" -> check(v, () -> s.mcastStatsEnabled(onOff(v)));
                case "mcast-igmp-version" -> check(v, () -> s.mcastIgmpVersion((int) number(v)));
                case "mcast-mld-version" -> check(v, () -> s.mcastMldVersion((int) number(v)));
                case "nf-call-iptables" -> check(v, () -> s.nfCallIptables(onOff(v)));
                case "nf-call-ip6tables" -> check(v, () -> s.nfCallIp6tables(onOff(v)));
                case "nf-call-arptables" -> check(v, () -> s.nfCallArptables(onOff(v)));
                case "fdb-max-learned" -> check(v, () -> s.fdbMaxLearned(number(v)));
                default -> { } // ports and fdb below
            }
        }
        Map<String, DesiredPort.Builder> ports = new LinkedHashMap<>();
        Node pn = m.get("ports");
        if (pn != null) {
            for (Map.Entry<String, Node> e : object(pn, "a mapping of port names").entrySet()) {
                String other = portOf.putIfAbsent(e.getKey(), name);
                if (other != null) {
                    throw error(e.getValue(), "port " + e.getKey() + " is already a port of bridge " + other
                            + " (line " + lines.get(other + "/" + e.getKey()) + ")");
                }
                lines.put(name + "/" + e.getKey(), e.getValue().line());
                ports.put(e.getKey(), port(e.getKey(), e.getValue()));
            }
        }
        Node fn = m.get("fdb");
        if (fn != null) {
            fdb(name, fn, ports, portOf);
        }
        DesiredBridge br = check(n, () -> DesiredBridge.of(name, s.build()));
        for (Map.Entry<String, DesiredPort.Builder> e : ports.entrySet()) {
            DesiredPort p = check(pn == null ? n : pn.map().getOrDefault(e.getKey(), n), e.getValue()::build);
            br = br.withPort(p);
        }
        return br;
    }

    private DesiredPort.Builder port(String name, Node n) {
        DesiredPort.Builder p = check(n, () -> DesiredPort.builder(name));
        if (n.value() == null) {
            return p; // "eth1:" alone: managed for its FDB entries only
        }
        Map<String, Node> m = object(n, "a mapping of port settings");
        known(n, PORT);
        PortSettings.Builder s = PortSettings.builder();
        for (Map.Entry<String, Node> e : m.entrySet()) {
            Node v = e.getValue();
            switch (e.getKey()) {
                case "proxy-arp" -> check(v, () -> s.proxyArp(onOff(v)));
                case "hairpin" -> check(v, () -> s.hairpin(onOff(v)));
                case "learning" -> check(v, () -> s.learning(onOff(v)));
                case "flood" -> check(v, () -> s.unicastFlood(onOff(v)));
                case "mcast-flood" -> check(v, () -> s.mcastFlood(onOff(v)));
                case "bcast-flood" -> check(v, () -> s.broadcastFlood(onOff(v)));
                case "isolated" -> check(v, () -> s.isolated(onOff(v)));
                case "neigh-suppress" -> check(v, () -> s.neighSuppress(onOff(v)));
                case "guard" -> check(v, () -> s.bpduGuard(onOff(v)));
                case "root-block" -> check(v, () -> s.rootBlock(onOff(v)));
                case "fastleave" -> check(v, () -> s.fastLeave(onOff(v)));
                case "mcast-to-unicast" -> check(v, () -> s.mcastToUnicast(onOff(v)));
                case "cost" -> check(v, () -> s.cost(number(v)));
                case "priority" -> check(v, () -> s.priority((int) number(v)));
                case "state" -> check(v, () -> s.state(portState(v)));
                case "fdb-exclusive" -> check(v, () -> p.fdbExclusive(onOff(v)));
                case "vlans" -> vlans(v, p);
                default -> throw new IllegalStateException(e.getKey());
            }
        }
        return p.settings(s.build());
    }

    private void vlans(Node n, DesiredPort.Builder p) {
        Map<String, Node> m = object(n, "a mapping with vids, untagged, pvid, exclusive");
        known(n, VLANS);
        VlanSet.Builder b = VlanSet.builder();
        boolean exclusive = false;
        for (Map.Entry<String, Node> e : m.entrySet()) {
            Node v = e.getValue();
            switch (e.getKey()) {
                case "vids" -> check(v, () -> vids(v, false, b));
                case "untagged" -> check(v, () -> vids(v, true, b));
                case "pvid" -> check(v, () -> b.pvid(Vids.check((int) number(v))));
                case "exclusive" -> exclusive = check(v, () -> onOff(v));
                default -> throw new IllegalStateException(e.getKey());
            }
        }
        boolean x = exclusive;
        check(n, () -> p.vlans(b.build(), x));
    }

    private static VlanSet.Builder vids(Node v, boolean untagged, VlanSet.Builder b) {
        String text = v.value() instanceof Long l ? l.toString() : text(v);
        for (Vids.Range r : Vids.parseList(text)) {
            Vlan vlan = Vlan.range(r.first(), r.last());
            b.add(untagged ? vlan.asUntagged() : vlan);
        }
        return b;
    }

    private void fdb(String bridge, Node n, Map<String, DesiredPort.Builder> ports, Map<String, String> portOf) {
        List<Node> items = n.list();
        if (items == null) {
            throw error(n, "expected a list of entries like {mac: \"02:00:00:00:00:01\", port: eth1}");
        }
        Map<String, Node> seen = new HashMap<>();
        for (Node item : items) {
            Map<String, Node> m = object(item, "an entry like {mac: \"02:00:00:00:00:01\", port: eth1}");
            known(item, FDB);
            Node mac = m.get("mac");
            Node port = m.get("port");
            if (mac == null || port == null) {
                throw error(item, "an FDB entry needs mac and port");
            }
            Node vlan = m.get("vlan");
            Node st = m.get("state");
            StaticFdbEntry e = check(mac, () -> new StaticFdbEntry(text(mac),
                    vlan == null ? 0 : check(vlan, () -> Vids.check((int) number(vlan))),
                    st == null ? FdbState.STATIC : check(st, () -> fdbState(st))));
            String where = e.mac() + (e.vlan() != 0 ? " vlan " + e.vlan() : "");
            Node before = seen.put(where, item);
            if (before != null) {
                throw error(mac, "FDB entry " + where + " is already declared on line " + before.line());
            }
            String portName = check(port, () -> text(port));
            DesiredPort.Builder p = ports.get(portName);
            if (p == null) {
                String other = portOf.putIfAbsent(portName, bridge);
                if (other != null && !other.equals(bridge)) {
                    throw error(port, "port " + portName + " is a port of bridge " + other
                            + " (line " + lines.get(other + "/" + portName) + "), not of " + bridge);
                }
                p = check(port, () -> DesiredPort.builder(portName));
                ports.put(portName, p);
                lines.putIfAbsent(bridge + "/" + portName, port.line());
            }
            p.fdb(e);
        }
    }

    // ------------------------------------------------------------------ values

    private static boolean onOff(Node v) {
        if (v.value() instanceof Boolean b) {
            return b; // YAML 1.1 reads on/off, yes/no as booleans
        }
        if (v.value() instanceof String s) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "on", "true", "yes": return true;
                case "off", "false", "no": return false;
                default: break;
            }
        }
        throw new IllegalArgumentException("expected on or off, not " + show(v));
    }

    private static long number(Node v) {
        if (v.value() instanceof Long l) {
            return l;
        }
        if (v.value() instanceof String s && !s.isBlank() && s.strip().chars().allMatch(Character::isDigit) && s.strip().length() < 12) {
            return Long.parseLong(s.strip());
        }
        if (v.value() instanceof String s && s.strip().matches("0[xX][0-9a-fA-F]{1,8}")) {
            return Long.parseLong(s.strip().substring(2), 16);
        }
        throw new IllegalArgumentException("expected a number, not " + show(v));
    }

    private static String text(Node v) {
        if (v.value() instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("expected text, not " + show(v));
    }

    private static PortState portState(Node v) {
        String s = text(v).toUpperCase(Locale.ROOT);
        for (PortState p : PortState.values()) {
            if (p.name().equals(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException("expected one of disabled, listening, learning, forwarding, blocking, not " + show(v));
    }

    private static FdbState fdbState(Node v) {
        switch (text(v)) {
            case "static": return FdbState.STATIC;
            case "permanent": return FdbState.PERMANENT;
            default: throw new IllegalArgumentException("expected static or permanent, not " + show(v));
        }
    }

    private static String show(Node v) {
        Object o = v.value();
        if (o == null) {
            return "nothing";
        }
        if (o instanceof Map) {
            return "a mapping";
        }
        if (o instanceof List) {
            return "a list";
        }
        return o instanceof String ? "\"" + o + "\"" : o.toString();
    }

    // ------------------------------------------------------------------ errors

    private Map<String, Node> object(Node n, String expected) {
        Map<String, Node> m = n.map();
        if (m == null) {
            throw error(n, "expected " + expected + ", not " + show(n));
        }
        return m;
    }

    private void known(Node n, Set<String> keys) {
        for (Map.Entry<String, Node> e : n.map().entrySet()) {
            if (!keys.contains(e.getKey())) {
                throw error(e.getValue(), "unknown key (known here: " + String.join(", ", keys.stream().sorted().toList()) + ")");
            }
        }
    }

    private StateFileException error(Node n, String message) {
        return new StateFileException(file, n.line(), n.key(), message);
    }

    /** Runs {@code f}; an IllegalArgumentException (a value out of range) gets {@code n}'s line and key. */
    private <T> T check(Node n, Supplier<T> f) {
        try {
            return f.get();
        } catch (StateFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw error(n, e.getMessage());
        }
    }
}
