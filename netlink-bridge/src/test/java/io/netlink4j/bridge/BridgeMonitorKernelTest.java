package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The monitor against the real kernel: changes made by iproute2 in the same namespace. */
@KernelTest
class BridgeMonitorKernelTest {
    /** How long to wait for an event that must come (a bound against hanging, not a speed check). */
    private static final long WAIT_SECONDS = 20;

    TestNetns ns;
    BridgeNetlink nl;
    BridgeMonitor mon;
    Thread runner;
    final BlockingQueue<BridgeEvent> events = new LinkedBlockingQueue<>();
    final AtomicReference<Throwable> failure = new AtomicReference<>();

    @BeforeEach
    void setUp() {
        ns = TestNetns.withBridgeAndPort();
        nl = BridgeNetlink.open(ns.name());
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        // the namespace goes whatever failed before (open() in setUp, close() of the monitor, ...)
        MonitorThread.closeAll(mon, runner, nl, ns, WAIT_SECONDS);
    }

    private void start(java.util.function.Consumer<BridgeEvent> listener) {
        runner = MonitorThread.start(mon, listener, failure);
    }

    private <T extends BridgeEvent> T await(Class<T> type, Predicate<T> match) throws InterruptedException {
        return MonitorThread.await(events, failure, WAIT_SECONDS, type, match);
    }

    private static Predicate<BridgeEvent.FdbEvent> fdb(String mac, BridgeEvent.FdbKind kind) {
        return e -> e.entry().mac().equals(mac) && e.kind() == kind;
    }

    @Test
    void seesEntriesAddedChangedAndRemovedByIproute2AndStopsPromptly() throws Exception {
        ns.ip("link add v2 type veth peer name v3");
        ns.ip("link set v2 master br0");
        ns.ip("link set v2 up");
        mon = nl.monitor();
        start(events::add);

        ns.bridge("fdb add 02:00:00:00:0a:01 dev v0 master static");
        BridgeEvent.FdbEvent added = await(BridgeEvent.FdbEvent.class, fdb("02:00:00:00:0a:01", BridgeEvent.FdbKind.ADDED));
        assertThat(added.entry().ifname()).isEqualTo("v0");
        assertThat(added.entry().state()).isEqualTo(FdbState.STATIC);

        ns.bridge("fdb replace 02:00:00:00:0a:01 dev v2 master static");
        BridgeEvent.FdbEvent moved = await(BridgeEvent.FdbEvent.class, fdb("02:00:00:00:0a:01", BridgeEvent.FdbKind.CHANGED));
        assertThat(moved.entry().ifname()).isEqualTo("v2");

        ns.bridge("fdb del 02:00:00:00:0a:01 dev v2 master");
        await(BridgeEvent.FdbEvent.class, fdb("02:00:00:00:0a:01", BridgeEvent.FdbKind.REMOVED));

        // a bridge port setting changes
        ns.bridge("link set dev v0 learning off");
        BridgeEvent.PortEvent port = await(BridgeEvent.PortEvent.class,
                p -> "v0".equals(p.name()) && Long.valueOf(0).equals(p.attributes().get("learning")));
        assertThat(port.kind()).isEqualTo(BridgeEvent.PortKind.CHANGED);

        // stop() from another thread wakes the blocked reader
        Thread stopper = new Thread(mon::stop);
        stopper.start();
        stopper.join();
        runner.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertThat(runner.isAlive()).as("run() returned after stop()").isFalse();
        assertThat(failure.get()).isNull();
    }

    @Test
    void anOverrunIsReportedAndTheMonitorGoesOn() throws Exception {
        mon = BridgeMonitor.open(ns.name(), 4096); // tiny buffer: a burst cannot fit
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean hold = new java.util.concurrent.atomic.AtomicBoolean();
        start(e -> {
            events.add(e);
            if (hold.get()) {
                try {
                    release.await(WAIT_SECONDS, TimeUnit.SECONDS); // hold the reader while the burst arrives
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        ns.bridge("fdb add 02:00:00:00:0b:00 dev v0 master static");
        await(BridgeEvent.FdbEvent.class, fdb("02:00:00:00:0b:00", BridgeEvent.FdbKind.ADDED));
        hold.set(true); // the burst's first event blocks the reader; the rest must overflow the socket
        List<FdbSpec> burst = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            burst.add(FdbSpec.of(FdbCodec.formatMac(0x020000110000L + i), "v0"));
        }
        nl.fdb().addAll(burst).orThrow();
        release.countDown();
        BridgeEvent.Overrun o = await(BridgeEvent.Overrun.class, x -> true);
        assertThat(o.count()).isGreaterThanOrEqualTo(1);
        assertThat(mon.overruns()).isGreaterThanOrEqualTo(1);

        // still alive: later events arrive, and entries loaded in the resync read as changed, not added
        ns.bridge("fdb add 02:00:00:00:0b:ff dev v0 master static");
        await(BridgeEvent.FdbEvent.class, fdb("02:00:00:00:0b:ff", BridgeEvent.FdbKind.ADDED));
        ns.bridge("fdb replace " + FdbCodec.formatMac(0x020000110000L + 2000) + " dev v0 master dynamic");
        await(BridgeEvent.FdbEvent.class, fdb(FdbCodec.formatMac(0x020000110000L + 2000), BridgeEvent.FdbKind.CHANGED));
        mon.stop();
        runner.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertThat(runner.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
    }

    private int markers;

    /**
     * Adds an FDB entry and returns every event delivered before its own: notifications arrive in
     * order, so all those caused by earlier commands are among them.
     */
    private List<BridgeEvent> eventsUntilMarker() throws InterruptedException {
        String mac = String.format("02:00:00:00:0c:%02x", ++markers);
        ns.bridge("fdb add " + mac + " dev v0 master static");
        List<BridgeEvent> before = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            BridgeEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e instanceof BridgeEvent.FdbEvent f && f.entry().mac().equals(mac)) {
                return before;
            }
            if (e != null) {
                before.add(e);
            }
        }
        throw new AssertionError("marker " + mac + " not seen; saw " + before);
    }

    private int ifindex(String dev) {
        Object l = io.netlink4j.core.testing.Json.list(ns.json("ip -j link show dev " + dev)).get(0);
        return ((Number) io.netlink4j.core.testing.Json.at(l, "ifindex")).intValue();
    }

    private static List<BridgeEvent> about(List<BridgeEvent> l, String device) {
        return l.stream().filter(e -> e instanceof BridgeEvent.PortEvent p && device.equals(p.name())
                || e instanceof BridgeEvent.BridgeChanged b && device.equals(b.name())).toList();
    }

    @Test
    void portSettingsChangedWithIpLinkTypeBridgeSlaveAreReportedOnce() throws Exception {
        mon = nl.monitor();
        start(events::add);
        eventsUntilMarker(); // the monitor is live
        // the kernel sends AF_BRIDGE (IFLA_PROTINFO) and AF_UNSPEC (IFLA_INFO_SLAVE_DATA) RTM_NEWLINK
        ns.ip("link set dev v0 type bridge_slave hairpin on");
        List<BridgeEvent> seen = about(eventsUntilMarker(), "v0");
        assertThat(seen).singleElement().isInstanceOfSatisfying(BridgeEvent.PortEvent.class, p -> {
            assertThat(p.kind()).isEqualTo(BridgeEvent.PortKind.CHANGED);
            assertThat(p.changed()).containsExactly(java.util.Map.entry("hairpin", 1L));
            assertThat(p.attributes()).containsEntry("hairpin", 1L).containsEntry("learning", 1L);
            assertThat(p.master()).isEqualTo(ifindex("br0"));
        });
        // the same setting again: notifications, but nothing changed
        ns.ip("link set dev v0 type bridge_slave hairpin on");
        assertThat(about(eventsUntilMarker(), "v0")).isEmpty();
        // bridge link set: AF_BRIDGE only
        ns.bridge("link set dev v0 learning off");
        assertThat(about(eventsUntilMarker(), "v0")).singleElement().satisfies(e ->
                assertThat(((BridgeEvent.PortEvent) e).changed()).containsExactly(java.util.Map.entry("learning", 0L)));
        // the independent reader agrees with what the events said
        Object info = io.netlink4j.core.testing.Json.at(io.netlink4j.core.testing.Json.list(ns.json("ip -d -j link show dev v0")).get(0),
                "linkinfo", "info_slave_data");
        assertThat(io.netlink4j.core.testing.Json.at(info, "hairpin")).isEqualTo(true);
        assertThat(io.netlink4j.core.testing.Json.at(info, "learning")).isEqualTo(false);
    }

    @Test
    void bridgeSettingsChangesAreReportedOnce() throws Exception {
        mon = nl.monitor();
        start(events::add);
        eventsUntilMarker();
        ns.ip("link set dev br0 type bridge ageing_time 1000");
        assertThat(about(eventsUntilMarker(), "br0")).singleElement().isInstanceOfSatisfying(BridgeEvent.BridgeChanged.class, b -> {
            assertThat(b.kind()).isEqualTo(BridgeEvent.PortKind.CHANGED);
            assertThat(b.changed()).containsExactly(java.util.Map.entry("ageing_time", 1000L));
            assertThat(b.attributes()).containsEntry("ageing_time", 1000L).containsEntry("stp_state", 0L);
        });
        ns.ip("link set dev br0 type bridge ageing_time 1000");
        assertThat(about(eventsUntilMarker(), "br0")).isEmpty();
        ns.ip("link set dev br0 type bridge stp_state 1");
        // STP may move v0 through its states as well (port events); br0 changes once
        assertThat(about(eventsUntilMarker(), "br0")).singleElement().satisfies(e ->
                assertThat(((BridgeEvent.BridgeChanged) e).changed()).containsExactly(java.util.Map.entry("stp_state", 1L)));
    }

    @Test
    void portsEnslavedReenslavedAndDeletedAreReported() throws Exception {
        ns.ip("link add br1 type bridge");
        mon = nl.monitor();
        start(events::add);
        eventsUntilMarker();
        ns.ip("link add v2 type veth peer name v3");
        ns.ip("link set v2 master br0");
        List<BridgeEvent> enslaved = about(eventsUntilMarker(), "v2");
        assertThat(enslaved).singleElement().isInstanceOfSatisfying(BridgeEvent.PortEvent.class, p -> {
            assertThat(p.kind()).isEqualTo(BridgeEvent.PortKind.ADDED);
            assertThat(p.master()).isEqualTo(ifindex("br0"));
            assertThat(p.changed()).containsKeys("state", "learning", "hairpin");
        });
        ns.ip("link set v2 master br1");
        List<BridgeEvent> moved = about(eventsUntilMarker(), "v2");
        assertThat(moved).extracting(e -> ((BridgeEvent.PortEvent) e).kind())
                .containsExactly(BridgeEvent.PortKind.REMOVED, BridgeEvent.PortKind.ADDED);
        assertThat(((BridgeEvent.PortEvent) moved.get(1)).master()).isEqualTo(ifindex("br1"));
        ns.ip("link del v2");
        assertThat(about(eventsUntilMarker(), "v2")).singleElement().satisfies(e ->
                assertThat(((BridgeEvent.PortEvent) e).kind()).isEqualTo(BridgeEvent.PortKind.REMOVED));
        ns.ip("link del br1");
        assertThat(about(eventsUntilMarker(), "br1")).singleElement().satisfies(e ->
                assertThat(((BridgeEvent.BridgeChanged) e).kind()).isEqualTo(BridgeEvent.PortKind.REMOVED));
    }

    @Test
    void mdbEntriesAddedAndRemovedByIproute2AreReported() throws Exception {
        mon = nl.monitor();
        start(events::add);
        eventsUntilMarker();
        ns.bridge("mdb add dev br0 port v0 grp 239.1.1.1 permanent");
        BridgeEvent.MdbEvent added = await(BridgeEvent.MdbEvent.class, e -> "239.1.1.1".equals(e.entry().group()));
        assertThat(added.kind()).isEqualTo(BridgeEvent.MdbKind.ADDED);
        assertThat(added.entry().port()).isEqualTo("v0");
        assertThat(added.entry().bridge()).isEqualTo("br0");
        assertThat(added.entry().permanent()).isTrue();
        assertThat(ns.bridge("-j mdb show dev br0")).contains("239.1.1.1");
        ns.bridge("mdb del dev br0 port v0 grp 239.1.1.1");
        BridgeEvent.MdbEvent removed = await(BridgeEvent.MdbEvent.class, e -> "239.1.1.1".equals(e.entry().group()));
        assertThat(removed.kind()).isEqualTo(BridgeEvent.MdbKind.REMOVED);
        assertThat(removed.entry().port()).isEqualTo("v0");
        assertThat(ns.bridge("-j mdb show dev br0")).doesNotContain("239.1.1.1");
    }

    @Test
    void multicastRouterPortsAreReported() throws Exception {
        mon = nl.monitor();
        start(events::add);
        eventsUntilMarker();
        ns.bridge("link set dev v0 mcast_router 2");
        BridgeEvent.MdbRouterEvent added = await(BridgeEvent.MdbRouterEvent.class, e -> "v0".equals(e.port().port()));
        assertThat(added.kind()).isEqualTo(BridgeEvent.MdbKind.ADDED);
        assertThat(added.port().bridge()).isEqualTo("br0");
        assertThat(ns.bridge("-j -d mdb show dev br0")).contains("\"port\":\"v0\"");
        ns.bridge("link set dev v0 mcast_router 0");
        BridgeEvent.MdbRouterEvent removed = await(BridgeEvent.MdbRouterEvent.class, e -> "v0".equals(e.port().port()));
        assertThat(removed.kind()).isEqualTo(BridgeEvent.MdbKind.REMOVED);
        assertThat(ns.bridge("-j -d mdb show dev br0")).doesNotContain("\"port\":\"v0\"");
    }

    @Test
    void vniFilterChangesAreReported() throws Exception {
        ns.ip("link add vxlan0 type vxlan dstport 4789 external vnifilter");
        mon = nl.monitor();
        start(events::add);
        eventsUntilMarker();
        ns.bridge("vni add dev vxlan0 vni 100");
        BridgeEvent.VniEvent added = await(BridgeEvent.VniEvent.class, e -> e.kind() == BridgeEvent.VniKind.ADDED);
        assertThat(added.entries()).extracting(VniEntry::toString).containsExactly("dev vxlan0 vni 100");
        assertThat(ns.bridge("-j vni show dev vxlan0")).contains("\"vni\":100");
        ns.bridge("vni delete dev vxlan0 vni 100");
        BridgeEvent.VniEvent removed = await(BridgeEvent.VniEvent.class, e -> e.kind() == BridgeEvent.VniKind.REMOVED);
        assertThat(removed.entries()).extracting(VniEntry::toString).containsExactly("dev vxlan0 vni 100");
    }
}
