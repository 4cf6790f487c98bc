package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeEvent;
import io.netlink4j.bridge.BridgeMonitor;
import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.core.Link;
import io.netlink4j.core.Links;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nlbridge monitor [--count N] [OBJECT...]}: FDB, bridge, bridge-port, MDB, VLAN and VNI events as
 * they happen, one per line (VLAN events take two lines, as in iproute2; with --json one JSON object
 * per line), until Ctrl-C or N events.
 */
@Command(name = "monitor", description = {
    "Print FDB, bridge, bridge port, MDB, VLAN and VNI filter events as they happen.",
    "One line per event (like bridge monitor [OBJECT...]; VLAN events as bridge monitor vlan",
    "prints them, two lines per VLAN entry) until Ctrl-C or --count events;",
    "with --json one JSON object per line."})
public final class MonitorCommand extends NlCommand {
    @Option(names = "--count", paramLabel = "N", description = "Stop after N events.")
    Integer count;

    @picocli.CommandLine.Parameters(paramLabel = "OBJECT", arity = "0..*",
            description = "Only these objects: link (bridges and ports), fdb (or neigh), mdb, vlan, vni, all (the default).")
    java.util.List<String> objects;

    /** Whether {@code event} is of an object asked for (overruns always are). */
    boolean wanted(BridgeEvent event) {
        if (objects == null || objects.isEmpty() || objects.contains("all") || event instanceof BridgeEvent.Overrun) {
            return true;
        }
        String object = event instanceof BridgeEvent.FdbEvent ? "fdb"
                : event instanceof BridgeEvent.PortEvent || event instanceof BridgeEvent.BridgeChanged ? "link"
                : event instanceof BridgeEvent.MdbEvent || event instanceof BridgeEvent.MdbRouterEvent ? "mdb"
                : event instanceof BridgeEvent.VniEvent ? "vni"
                : event instanceof BridgeEvent.VlanEvent || event instanceof BridgeEvent.VlanGlobalEvent ? "vlan" : "";
        return objects.contains(object) || ("fdb".equals(object) && objects.contains("neigh"));
    }

    private final Map<Integer, String> names = new ConcurrentHashMap<>();

    @Override
    protected void check() {
        if (count != null && count < 1) {
            throw new IllegalArgumentException("--count must be at least 1: " + count);
        }
        for (String o : objects == null ? java.util.List.<String>of() : objects) {
            if (!java.util.Set.of("link", "fdb", "neigh", "mdb", "vlan", "vni", "all").contains(o)) {
                throw new IllegalArgumentException("unknown object \"" + o + "\": expected link, fdb, neigh, mdb, vlan, vni or all");
            }
        }
    }

    @Override
    protected int run(BridgeNetlink nl) {
        nl.call(ch -> new Links(ch).list()).forEach(l -> names.put(l.index(), l.name()));
        try (BridgeMonitor mon = nl.monitor()) {
            int[] seen = {0};
            mon.run(event -> {
                if (!wanted(event)) {
                    return;
                }
                print(nl, event);
                if (count != null && ++seen[0] >= count) {
                    mon.stop();
                }
            });
        }
        return 0;
    }

    private String name(BridgeNetlink nl, int index) {
        String n = names.get(index);
        if (n == null && index > 0) {
            // a device made after we started: one lookup, remembered
            try {
                Link l = nl.call(ch -> new Links(ch).get(index));
                n = l.name();
                names.put(index, n);
            } catch (RuntimeException e) {
                n = "if" + index;
            }
        }
        return n;
    }

    private void print(BridgeNetlink nl, BridgeEvent event) {
        if (json()) {
            JsonOut.write(out(), g -> EventFormat.json(g, event, i -> name(nl, i)));
        } else {
            out().println(EventFormat.text(event, i -> name(nl, i)));
            out().flush();
        }
    }
}
