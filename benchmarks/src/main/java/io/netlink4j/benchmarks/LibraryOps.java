package io.netlink4j.benchmarks;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.BridgePorts;
import io.netlink4j.bridge.BulkOptions;
import io.netlink4j.bridge.BulkResult;
import io.netlink4j.bridge.FdbFilter;
import io.netlink4j.bridge.FdbSpec;
import io.netlink4j.bridge.PortSettings;
import io.netlink4j.core.Links;
import io.netlink4j.core.NdMsg;
import java.util.ArrayList;
import java.util.List;

/** The library operations the end-to-end benchmark times, each through the public API. */
final class LibraryOps {
    static final PortSettings ON = PortSettings.builder().proxyArp(true).hairpin(true).build();
    static final PortSettings OFF = PortSettings.builder().proxyArp(false).hairpin(false).build();

    private final BridgeNetlink nl;

    LibraryOps(BridgeNetlink nl) {
        this.nl = nl;
    }

    /** Static entries 0..n-1 on {@code dev}: MAC 02:30 + i as 4 bytes, as the runner's bridge -batch file. */
    static List<FdbSpec> entries(String dev, int n) {
        List<FdbSpec> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(FdbSpec.of(mac(i), dev));
        }
        return out;
    }

    /** The same entries as {@link #entries(String, int)}, the port given by ifindex. */
    static List<FdbSpec> entries(int ifindex, int n) {
        List<FdbSpec> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(FdbSpec.of(mac(i), ifindex));
        }
        return out;
    }

    /** 02:30:i as 4 bytes, as the peers number their entries. */
    private static String mac(int i) {
        return String.format("02:30:%02x:%02x:%02x:%02x", i >>> 24, (i >>> 16) & 0xff, (i >>> 8) & 0xff, i & 0xff);
    }

    int ifindex(String dev) {
        return nl.call(ch -> new Links(ch).get(dev).index());
    }

    /** One bulk call: pipelined, window 64, stop at the first error. Returns how many were applied. */
    int addBulk(List<FdbSpec> entries) {
        BulkResult r = nl.fdb().addAll(entries, BulkOptions.defaults());
        if (!r.ok()) {
            System.err.println(r);
        }
        return r.appliedCount();
    }

    /** One {@code fdb().add} per entry: a request and its ACK at a time. */
    int addOneByOne(List<FdbSpec> entries) {
        int ok = 0;
        for (FdbSpec e : entries) {
            nl.fdb().add(e);
            ok++;
        }
        return ok;
    }

    /** Streams br0's FDB through the flyweight visitor; counts the static entries on port {@code ifindex}. */
    int dumpCountStatic(int ifindex) {
        int[] count = new int[1];
        nl.fdb().dump(FdbFilter.bridge("br0"), e -> {
            if (e.ifindex() == ifindex && (e.nudState() & NdMsg.NUD_NOARP) != 0 && (e.nudState() & NdMsg.NUD_PERMANENT) == 0) {
                count[0]++;
            }
        });
        return count[0];
    }

    /** One proxy_arp + hairpin update of port {@code dev}. */
    void port(String dev, boolean on) {
        nl.ports().set(dev, on ? ON : OFF);
    }

    /** One proxy_arp + hairpin update of the port with {@code ifindex}. */
    void port(int ifindex, boolean on) {
        nl.ports().set(ifindex, on ? ON : OFF);
    }

    /** {@code n} updates of {@code dev} (off, on, … ending on) in one ports().setAll; returns how many were applied. */
    int portBulk(String dev, int n) {
        List<io.netlink4j.bridge.PortUpdate> updates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            updates.add(io.netlink4j.bridge.PortUpdate.of(dev, i % 2 == 1 ? ON : OFF));
        }
        io.netlink4j.bridge.PortBulkResult r = nl.ports().setAll(updates);
        if (!r.ok()) {
            System.err.println(r);
        }
        return r.appliedCount();
    }

    /** The same update through the conversation form, counting the netlink requests it sent. */
    long portCounted(String dev, boolean on) {
        return nl.call(ch -> {
            long before = ch.messagesSent();
            BridgePorts.set(ch, 0, dev, on ? ON : OFF);
            return ch.messagesSent() - before;
        });
    }

    void createScratch(String bridge, String port, String peer) {
        nl.call(ch -> {
            Links l = new Links(ch);
            l.createBridge(bridge);
            l.createVeth(port, peer);
            l.setMaster(port, bridge);
            l.setUp(bridge, true);
            l.setUp(port, true);
            l.setUp(peer, true);
            return null;
        });
    }

    void deleteLink(String name) {
        nl.call(ch -> {
            new Links(ch).delete(name);
            return null;
        });
    }
}
