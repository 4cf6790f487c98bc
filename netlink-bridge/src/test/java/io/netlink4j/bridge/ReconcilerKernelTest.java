package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.KernelTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reconciler against the real kernel: drift made from outside with iproute2 is repaired, a
 * burst is coalesced, a change that keeps failing is retried with back-off and reported.
 */
@KernelTest
class ReconcilerKernelTest {
    static final String M1 = "02:00:00:00:00:01";
    /** Generous bound for "eventually": a pass takes milliseconds; slow CI machines get room. */
    static final long PATIENCE_MS = 20_000;

    static final BridgeState WANT = BridgeState.builder()
            .bridge(DesiredBridge.of("br0", BridgeSettings.builder().ageingTimeCentis(20000).build())
                    .withPort(DesiredPort.builder("v0")
                            .settings(PortSettings.builder().proxyArp(true).hairpin(true).build())
                            .fdb(StaticFdbEntry.of(M1)).build()))
            .build();

    StateKernelSupport k;
    final List<ReconcilePass> passes = new CopyOnWriteArrayList<>();
    Reconciler r;

    @BeforeEach
    void setUp() {
        k = new StateKernelSupport();
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (r != null) {
                r.close();
            }
        } finally {
            k.close();
        }
    }

    private Reconciler start(BridgeState s, Duration resync) {
        // the counting handle is not opened by namespace name, so its monitors are made here
        r = Reconciler.builder(k.nl, s).monitors(() -> BridgeMonitor.open(k.ns.name())).listener(passes::add).resync(resync).settle(Duration.ofMillis(50))
                .retry(Duration.ofMillis(100), Duration.ofSeconds(2)).maxFailures(3).start();
        return r;
    }

    private static void eventually(String what, BooleanSupplier check) throws InterruptedException {
        long end = System.currentTimeMillis() + PATIENCE_MS;
        while (!check.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("not within " + PATIENCE_MS + " ms: " + what);
            }
            Thread.sleep(20);
        }
    }

    private boolean v0Fixed() {
        return Boolean.TRUE.equals(k.slaveData("v0").get("hairpin")) && Boolean.TRUE.equals(k.slaveData("v0").get("proxy_arp"));
    }

    private boolean entryOnV0() {
        return "v0 static".equals(k.userFdb("br0").get(M1));
    }

    private long passes(ReconcilePass.Trigger t) {
        return passes.stream().filter(p -> p.trigger() == t).count();
    }

    private void startAndWaitHealthy() throws InterruptedException {
        start(WANT, Duration.ofMinutes(10));
        eventually("initial apply", () -> r.healthy());
        eventually("initial pass reported", () -> !passes.isEmpty()); // the listener runs after the pass
        assertThat(passes.get(0).trigger()).isEqualTo(ReconcilePass.Trigger.INITIAL);
        assertThat(passes.get(0).applied()).isEqualTo(3);
        assertThat(v0Fixed()).isTrue();
        assertThat(entryOnV0()).isTrue();
    }

    @Test
    void aPortSettingTurnedOffIsTurnedOnAgain() throws Exception {
        startAndWaitHealthy();
        // bridge link set: the kernel reports it as a bridge port event (br_ifinfo_notify)
        k.ns.bridge("link set dev v0 hairpin off");
        eventually("hairpin repaired", this::v0Fixed);
        eventually("a drift pass with the repair reported", () -> passes.stream()
                .anyMatch(p -> p.applied() > 0 && p.trigger() == ReconcilePass.Trigger.DRIFT));
        ReconcilePass drift = passes.stream().filter(p -> p.applied() > 0 && p.trigger() == ReconcilePass.Trigger.DRIFT)
                .findFirst().orElseThrow();
        assertThat(drift.result().results()).extracting(x -> x.change().toString())
                .containsExactly("port v0: hairpin off -> on");
    }

    @Test
    void aDeletedFdbEntryIsAddedAgain() throws Exception {
        startAndWaitHealthy();
        k.ns.bridge("fdb del " + M1 + " dev v0 master");
        eventually("entry restored", this::entryOnV0);
    }

    @Test
    void aRecreatedAndReenslavedPortGetsItsSettingsBack() throws Exception {
        startAndWaitHealthy();
        k.ns.ip("link del v0");
        k.ns.ip("link add v0 type veth peer name v1");
        k.ns.ip("link set v0 master br0");
        eventually("settings of the new v0", this::v0Fixed);
        eventually("entry on the new v0", this::entryOnV0);
    }

    @Test
    void aRecreatedBridgeGetsItsPortsSettingsBack() throws Exception {
        startAndWaitHealthy();
        k.ns.ip("link del br0");
        k.ns.ip("link add br0 type bridge");
        k.ns.ip("link set v0 master br0");
        eventually("port settings on the new bridge", this::v0Fixed);
        eventually("entry on the new bridge", this::entryOnV0);
        eventually("bridge settings on the new bridge", () -> Long.valueOf(20000).equals(k.bridgeData("br0").get("ageing_time")));
    }

    @Test
    void aBurstOfDriftIsCoalesced() throws Exception {
        startAndWaitHealthy();
        Path batch = Files.createTempFile("drift", ".batch");
        try {
            StringBuilder sb = new StringBuilder();
            int flips = 1000;
            for (int i = 0; i < flips; i++) {
                sb.append("link set dev v0 hairpin ").append(i % 2 == 0 ? "off" : "on").append('\n');
            }
            sb.append("link set dev v0 hairpin off\n");
            Files.writeString(batch, sb.toString());
            k.ns.bridge("-batch " + batch);
            eventually("repaired after the burst", this::v0Fixed);
            eventually("the repair reported", () -> passes.stream()
                    .anyMatch(p -> p.applied() > 0 && p.trigger() == ReconcilePass.Trigger.DRIFT));
            // each flip is an event; passes run only when the burst pauses (or every maxDelay)
            long drift = passes(ReconcilePass.Trigger.DRIFT);
            assertThat(drift).isBetween(1L, (long) flips / 10);
        } finally {
            Files.deleteIfExists(batch);
        }
    }

    /** No FDB entry declared: the initial apply then changes only settings. */
    static final BridgeState NO_FDB = BridgeState.builder()
            .bridge(DesiredBridge.of("br0", BridgeSettings.builder().ageingTimeCentis(20000).build())
                    .withPort(DesiredPort.builder("v0")
                            .settings(PortSettings.builder().proxyArp(true).hairpin(true).build()).build()))
            .build();

    private boolean ageingFixed() {
        return Long.valueOf(20000).equals(k.bridgeData("br0").get("ageing_time"));
    }

    /** Waits until no pass has run for a second (20 settle periods); returns the passes so far. */
    private List<ReconcilePass> quiet() throws InterruptedException {
        long end = System.currentTimeMillis() + PATIENCE_MS;
        while (System.currentTimeMillis() < end) {
            int n = passes.size();
            Thread.sleep(1000);
            if (passes.size() == n) {
                return List.copyOf(passes);
            }
        }
        throw new AssertionError("passes never stopped: " + passes.size() + " so far, the last " + passes.get(passes.size() - 1));
    }

    @Test
    void ipLinkTypeBridgeSlaveAndBridgeOptionDriftIsRepairedFromEvents() throws Exception {
        // the kernel notifies RTM_NEWLINK changes of a device only while it is up (netdev_state_change):
        // on a down port or bridge this drift makes no notification at all, and only a periodic pass sees it
        k.ns.ip("link set br0 up");
        k.ns.ip("link set v1 up");
        k.ns.ip("link set v0 up");
        eventually("v0 forwarding", () -> "forwarding".equals(k.slaveData("v0").get("state")));
        start(NO_FDB, Duration.ofHours(1)); // no periodic pass within the test: only events can trigger one
        eventually("initial apply", () -> r.healthy());
        List<ReconcilePass> before = quiet();
        // the initial apply's own changes came back as events: at most one more pass, which did nothing
        assertThat(before.get(before.size() - 1).applied()).as("%s", before).isZero();
        // AF_UNSPEC (and AF_BRIDGE) link notifications for the port, AF_UNSPEC only for the bridge
        k.ns.ip("link set dev v0 type bridge_slave proxy_arp off");
        eventually("port setting repaired", this::v0Fixed);
        k.ns.ip("link set dev br0 type bridge ageing_time 1000");
        eventually("bridge setting repaired", this::ageingFixed);
        eventually("repairs reported", () -> passes.stream().mapToInt(ReconcilePass::applied).sum() == 4);
        List<ReconcilePass> after = quiet();
        assertThat(after.subList(before.size(), after.size())).extracting(ReconcilePass::trigger)
                .containsOnly(ReconcilePass.Trigger.DRIFT);
        assertThat(after.subList(before.size(), after.size())).flatExtracting(p -> p.result() == null ? List.of()
                : p.result().results().stream().map(x -> x.change().toString()).toList())
                .containsExactlyInAnyOrder("port v0: proxy_arp off -> on", "bridge br0: ageing_time 1000 -> 20000");
        // the repairs' own notifications caused at most one pass each, which found nothing to do; then none
        assertThat(after.get(after.size() - 1).applied()).isZero();
        assertThat(after.size() - before.size()).isBetween(2, 4);
    }

    @Test
    void thePeriodicPassRepairsWhatTheMonitorDoesNotReport() throws Exception {
        // a monitor of another, empty namespace: it reports nothing of k.ns, so only periodic passes repair
        try (io.netlink4j.core.testing.TestNetns elsewhere = io.netlink4j.core.testing.TestNetns.create()) {
            r = Reconciler.builder(k.nl, NO_FDB).monitors(() -> BridgeMonitor.open(elsewhere.name())).listener(passes::add)
                    .resync(Duration.ofMillis(300)).settle(Duration.ofMillis(50)).start();
            eventually("initial apply", () -> r.healthy());
            k.ns.ip("link set dev br0 type bridge ageing_time 1000");
            k.ns.ip("link set dev v0 type bridge_slave proxy_arp off");
            eventually("bridge setting repaired", this::ageingFixed);
            eventually("port setting repaired", this::v0Fixed);
            // the initial pass applied 2 changes (bridge, port), the repairs 2 more (reported after the ack)
            eventually("repairs reported", () -> passes.stream().mapToInt(ReconcilePass::applied).sum() == 4);
            assertThat(passes).extracting(ReconcilePass::trigger).first().isEqualTo(ReconcilePass.Trigger.INITIAL);
            assertThat(passes.subList(1, passes.size())).extracting(ReconcilePass::trigger)
                    .containsOnly(ReconcilePass.Trigger.RESYNC);
            r.close(); // before its monitor's namespace goes
        }
    }

    @Test
    void aChangeThatKeepsFailingIsRetriedWithBackOffAndReported() throws Exception {
        // a down port cannot be put in forwarding state (ENETDOWN): this change fails every time
        BridgeState failing = BridgeState.builder()
                .bridge(DesiredBridge.of("br0", BridgeSettings.builder().build())
                        .withPort(DesiredPort.builder("v0").settings(PortSettings.builder().state(PortState.FORWARDING).build()).build()))
                .build();
        start(failing, Duration.ofMinutes(10));
        eventually("reported after 3 failures", () -> passes.stream().anyMatch(p -> !p.persistent().isEmpty()));
        ReconcilePass p = passes.stream().filter(x -> !x.persistent().isEmpty()).findFirst().orElseThrow();
        assertThat(p.persistent()).containsExactly("port v0 port_settings (failed 3 times in a row)");
        assertThat(p.result().failures()).singleElement().satisfies(f ->
                assertThat(f.error()).isInstanceOf(io.netlink4j.core.NetlinkException.class));
        assertThat(passes.subList(0, 3)).extracting(ReconcilePass::trigger).containsExactly(
                ReconcilePass.Trigger.INITIAL, ReconcilePass.Trigger.RETRY, ReconcilePass.Trigger.RETRY);
        assertThat(r.healthy()).isFalse();
        // back-off: each retry waited at least as long as the one before (100, 200, 400 ms ...)
        eventually("four retries", () -> passes(ReconcilePass.Trigger.RETRY) >= 4);
        List<ReconcilePass> l = List.copyOf(passes);
        for (int i = 2; i < 5; i++) {
            long gap = l.get(i).triggeredAt() - l.get(i - 1).finishedAt();
            long before = l.get(i - 1).triggeredAt() - l.get(i - 2).finishedAt();
            assertThat(gap).as("retry %d waits longer than retry %d", i, i - 1).isGreaterThanOrEqualTo(before);
        }
    }
}
