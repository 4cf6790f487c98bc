package io.netlink4j.examples;

import io.netlink4j.bridge.BridgeEvent;
import io.netlink4j.bridge.BridgeMonitor;
import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.FdbEntry;
import io.netlink4j.bridge.FdbFilter;
import io.netlink4j.core.NetlinkException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a live copy of a bridge's FDB from events — and resynchronises from a dump when events
 * were lost (the socket's receive buffer overflowed: {@link BridgeEvent.Overrun}).
 *
 * <pre>
 * java -cp examples/target/nlbridge.jar io.netlink4j.examples.FdbMonitor BRIDGE [NETNS]     (Ctrl-C to stop)
 * </pre>
 */
public final class FdbMonitor {
    /** The copy: "mac vlan" -&gt; port name. */
    private final Map<String, String> fdb = new ConcurrentHashMap<>();
    private final BridgeNetlink nl;
    private final String bridge;
    private final PrintStream out;
    private volatile long resyncs;

    FdbMonitor(BridgeNetlink nl, String bridge, PrintStream out) {
        this.nl = nl;
        this.bridge = bridge;
        this.out = out;
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: FdbMonitor BRIDGE [NETNS]");
            System.exit(2);
        }
        try (BridgeNetlink nl = BridgeNetlink.open(args.length == 2 ? args[1] : null);
             BridgeMonitor mon = nl.monitor()) {                  // subscribed from here on
            new FdbMonitor(nl, args[0], System.out).run(mon, Long.MAX_VALUE);
        } catch (NetlinkException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** Loads the copy, then follows events until {@code maxEvents} were handled (or the monitor is stopped). */
    void run(BridgeMonitor mon, long maxEvents) {
        // Subscribe first (the caller opened the monitor), dump second: a change made in between
        // arrives as an event too, so nothing falls in the gap.
        resync();
        long[] n = {0};
        mon.run(event -> {
            if (event instanceof BridgeEvent.FdbEvent f) {
                apply(f);
            } else if (event instanceof BridgeEvent.Overrun o) {
                // events were lost: the copy may be wrong in any way, so rebuild it from a dump
                out.println("overrun #" + o.count() + ": events lost, resynchronising");
                resync();
            }
            if (++n[0] >= maxEvents) {
                mon.stop();
            }
        });
    }

    private void apply(BridgeEvent.FdbEvent f) {
        FdbEntry e = f.entry();
        if (!e.isBridgeEntry() || e.master() != bridgeIndex()) {
            return;                                             // another bridge, or a device's own FDB
        }
        String key = e.mac() + " " + e.vlan();
        if (f.kind() == BridgeEvent.FdbKind.REMOVED) {
            fdb.remove(key);
        } else {
            fdb.put(key, e.ifname() != null ? e.ifname() : "if" + e.ifindex());
        }
        out.println(f.kind().name().toLowerCase(Locale.ROOT) + " " + key + " -> " + fdb.getOrDefault(key, "(gone)")
                + "   [" + fdb.size() + " entries]");
    }

    private int bridgeIndex = -1;

    private int bridgeIndex() {
        if (bridgeIndex < 0) {
            bridgeIndex = nl.bridges().get(bridge).index();
        }
        return bridgeIndex;
    }

    /** Rebuilds the copy from one dump of the bridge's entries. */
    void resync() {
        Map<String, String> fresh = new ConcurrentHashMap<>();
        for (FdbEntry e : nl.fdb().list(FdbFilter.bridge(bridge))) {
            if (e.isBridgeEntry()) {
                fresh.put(e.mac() + " " + e.vlan(), e.ifname() != null ? e.ifname() : "if" + e.ifindex());
            }
        }
        fdb.clear();
        fdb.putAll(fresh);
        resyncs++;
        out.println("loaded " + fdb.size() + " entries of " + bridge);
    }

    Map<String, String> copy() {
        return Map.copyOf(fdb);
    }

    long resyncs() {
        return resyncs;
    }
}
