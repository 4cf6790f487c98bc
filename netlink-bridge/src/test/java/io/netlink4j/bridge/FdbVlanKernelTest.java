package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.AlreadyExistsException;
import io.netlink4j.core.InvalidArgumentException;
import io.netlink4j.core.NotFoundException;
import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import io.netlink4j.jna.Errno;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * FDB entries with a VLAN on a VLAN-filtering bridge; needs CONFIG_BRIDGE_VLAN_FILTERING, so it
 * runs in the VM lane ({@code .ci/vm/run-vlan-tests.sh}). br0 (vlan_filtering 1) has port v0 in
 * VLANs 1 (default PVID), 100, 200, 300 and port v2 in VLANs 1 and 100, learning off on both so
 * that nothing the veths send adds entries. Every write is checked with {@code bridge -j fdb show}.
 */
@KernelTest
@Tag("vlan")
class FdbVlanKernelTest {
    /** How long to wait for a monitor event that must come (a bound against hanging, not a speed check). */
    private static final long WAIT_SECONDS = 60;
    private static final String MAC = "02:00:0a:00:00:01";

    TestNetns ns;
    BridgeNetlink nl;
    Fdb fdb;

    @BeforeEach
    void setUp() throws IOException {
        ns = TestNetns.create();
        // two batch runs instead of 16 commands: every process start is slow in the emulated VM
        batch("ip", "link add br0 type bridge vlan_filtering 1", "link add v0 type veth peer name v1",
                "link add v2 type veth peer name v3", "link set v0 master br0", "link set v2 master br0",
                "link set br0 up", "link set v0 up", "link set v1 up", "link set v2 up", "link set v3 up");
        batch("bridge", "link set dev v0 learning off", "link set dev v2 learning off", "vlan add dev v0 vid 100",
                "vlan add dev v0 vid 200", "vlan add dev v0 vid 300", "vlan add dev v2 vid 100");
        nl = BridgeNetlink.open(ns.name());
        fdb = nl.fdb();
    }

    /** {@code ip|bridge -n NS -batch FILE} with {@code lines}; throws on the first failing line. */
    private void batch(String tool, String... lines) throws IOException {
        Path f = Files.createTempFile("fdbvlan-", ".batch");
        try {
            Files.write(f, List.of(lines));
            ns.exec(tool + " -batch " + f);
        } finally {
            Files.delete(f);
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        ns.close(nl); // the netns goes also when closing the handle fails
    }

    /** {@code bridge -j fdb show FILTER} as "mac dev vlan state" lines (vlan 0 = none; iproute2's "" state = dynamic). */
    private Set<String> shown(String filter, String port) {
        Set<String> out = new java.util.HashSet<>();
        for (Object o : Json.list(ns.json("bridge -j fdb show " + filter))) {
            Map<String, Object> m = Json.map(o);
            // with a brport filter iproute2 leaves "ifname" out
            Object dev = m.getOrDefault("ifname", port);
            Object vlan = m.getOrDefault("vlan", 0L);
            Object state = "".equals(m.get("state")) ? "dynamic" : m.get("state");
            out.add(m.get("mac") + " " + dev + " " + vlan + " " + state);
        }
        return out;
    }

    /** Our own view of the same entries, in the same form. */
    private static Set<String> ours(List<FdbEntry> entries) {
        return entries.stream()
                .map(e -> e.mac() + " " + e.ifname() + " " + e.vlan() + " " + e.state().name().toLowerCase())
                .collect(Collectors.toSet());
    }

    /** The bridge (master) entries of {@code mac} as iproute2 sees them: "dev vlan state". */
    private Set<String> entriesOf(String mac) {
        return shown("br br0", null).stream().filter(s -> s.startsWith(mac + " "))
                .map(s -> s.substring(mac.length() + 1)).collect(Collectors.toSet());
    }

    private static String mac(int i) {
        return FdbCodec.formatMac(0x02000b000000L + i);
    }

    @Test
    void addGetReplaceDeleteWithVlan() {
        fdb.add(FdbSpec.of(MAC, "v0").vlan(100));
        fdb.add(FdbSpec.of(MAC, "v0").vlan(200)); // same MAC, another VLAN: a distinct entry
        assertThat(entriesOf(MAC)).containsExactlyInAnyOrder("v0 100 static", "v0 200 static");

        FdbEntry e100 = fdb.get(MAC, "br0", 100).orElseThrow();
        assertThat(e100.vlan()).isEqualTo(100);
        assertThat(e100.ifname()).isEqualTo("v0");
        assertThat(e100.state()).isEqualTo(FdbState.STATIC);
        assertThat(fdb.getOnPort(MAC, "v0", 200).orElseThrow().vlan()).isEqualTo(200);
        assertThat(fdb.get(MAC, "br0", 300)).as("VLAN 300 of v0 has no entry for it").isEmpty();
        assertThat(fdb.get(MAC, "br0", 0)).as("no entry without a VLAN").isEmpty();

        assertThatThrownBy(() -> fdb.add(FdbSpec.of(MAC, "v0").vlan(100)))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining(MAC + " vlan 100 on v0");

        // replace moves the VLAN 100 entry to v2; the VLAN 200 one stays on v0
        fdb.replace(FdbSpec.of(MAC, "v2").vlan(100));
        assertThat(entriesOf(MAC)).containsExactlyInAnyOrder("v2 100 static", "v0 200 static");
        assertThat(fdb.get(MAC, "br0", 100).orElseThrow().ifname()).isEqualTo("v2");
        assertThat(fdb.get(MAC, "br0", 200).orElseThrow().ifname()).isEqualTo("v0");

        // delete with a VLAN takes only that VLAN's entry
        fdb.delete(FdbSpec.of(MAC, "v2").vlan(100));
        assertThat(entriesOf(MAC)).containsExactly("v0 200 static");
        assertThatThrownBy(() -> fdb.delete(FdbSpec.of(MAC, "v2").vlan(100))).isInstanceOf(NotFoundException.class);
        fdb.delete(FdbSpec.of(MAC, "v0").vlan(200));
        assertThat(entriesOf(MAC)).isEmpty();
    }

    @Test
    void dumpByPortAndByBridgeReportsTheVlan() {
        fdb.addAll(List.of(FdbSpec.of(mac(1), "v0").vlan(100), FdbSpec.of(mac(1), "v0").vlan(300),
                FdbSpec.of(mac(2), "v0").vlan(200).dynamic(), FdbSpec.of(mac(3), "v2").vlan(100),
                // no VLAN on a VLAN-filtering port: the kernel adds it without one and in every VLAN of the port
                FdbSpec.of(mac(4), "v2"))).orThrow();
        assertThat(entriesOf(mac(4))).containsExactlyInAnyOrder("v2 0 static", "v2 1 static", "v2 100 static");

        assertThat(ours(fdb.list(FdbFilter.port("v0")))).isEqualTo(shown("brport v0", "v0"))
                .contains(mac(1) + " v0 100 static", mac(1) + " v0 300 static", mac(2) + " v0 200 dynamic");
        assertThat(ours(fdb.list(FdbFilter.bridge("br0").andPort("v2")))).isEqualTo(shown("br br0 brport v2", "v2"))
                .contains(mac(3) + " v2 100 static");
        assertThat(ours(fdb.list(FdbFilter.bridge("br0")))).isEqualTo(shown("br br0", null));

        // the streaming dump reads the VLAN from the flyweight
        Map<Integer, Integer> perVlan = new TreeMap<>();
        fdb.dump(FdbFilter.bridge("br0"), v -> {
            if (v.state() == FdbState.STATIC && v.macString().startsWith("02:00:0b")) {
                perVlan.merge(v.vlan(), 1, Integer::sum);
            }
        });
        assertThat(perVlan).isEqualTo(Map.of(0, 1, 1, 1, 100, 3, 300, 1));

        // and a delete without a VLAN takes the entry out of every VLAN of the port
        fdb.delete(FdbSpec.of(mac(4), "v2"));
        assertThat(entriesOf(mac(4))).isEmpty();
        assertThat(entriesOf(mac(3))).containsExactly("v2 100 static");
    }

    /** Static entries per VLAN of {@code port} whose MAC starts with 02:00:0b, as iproute2 counts them. */
    private Map<Long, Integer> countPerVlan(String port) {
        Map<Long, Integer> n = new TreeMap<>();
        for (Object o : Json.list(ns.json("bridge -j fdb show br br0 brport " + port))) {
            Map<String, Object> m = Json.map(o);
            if ("static".equals(m.get("state")) && ((String) m.get("mac")).startsWith("02:00:0b")) {
                n.merge((Long) m.getOrDefault("vlan", 0L), 1, Integer::sum);
            }
        }
        return n;
    }

    @Test
    void bulkAddOverThreeVlansThenFlushOneVlanOfTheBridge() {
        // 700 MACs, each in VLANs 100, 200 and 300: 2100 distinct (MAC, VLAN) entries
        List<FdbSpec> specs = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            for (int vlan : new int[] {100, 200, 300}) {
                specs.add(FdbSpec.of(mac(i), "v0").vlan(vlan));
            }
        }
        BulkResult r = fdb.addAll(specs);
        System.out.printf("FDB bulk add over 3 VLANs: %d entries in %.1f ms (%d datagrams)%n",
                specs.size(), r.nanos() / 1e6, r.datagrams());
        assertThat(r.ok()).as(r.toString()).isTrue();
        assertThat(r.appliedCount()).isEqualTo(2100);
        assertThat(countPerVlan("v0")).isEqualTo(Map.of(100L, 700, 200L, 700, 300L, 700));

        // a flush of the whole bridge limited to VLAN 300 (through br0 itself: "self")
        FlushResult f = fdb.flush(FdbFlush.bridge("br0").vlan(300));
        assertThat(f.kernelBulk()).isTrue();
        assertThat(countPerVlan("v0")).isEqualTo(Map.of(100L, 700, 200L, 700));
    }

    @Test
    void flushByVlanTakesOnlyThatVlansEntries() {
        fdb.addAll(List.of(
                FdbSpec.of(mac(1), "v0").vlan(100), FdbSpec.of(mac(2), "v0").vlan(100).dynamic(),
                FdbSpec.of(mac(3), "v0").vlan(200), FdbSpec.of(mac(4), "v0").vlan(200).dynamic(),
                FdbSpec.of(mac(5), "v2").vlan(100), FdbSpec.of(mac(6), "v2").vlan(100).dynamic())).orThrow();
        Set<String> permanent = shown("br br0", null).stream().filter(s -> s.endsWith(" permanent"))
                .collect(Collectors.toSet());
        assertThat(permanent).as("the ports' own addresses, per VLAN").anyMatch(s -> s.contains(" v0 100 "));

        // port v0, VLAN 100: its static and dynamic entries go; VLAN 200, v2's VLAN 100 and the permanent ones stay
        FlushResult f = fdb.flush(FdbFlush.port("v0").vlan(100));
        assertThat(f.kernelBulk()).isTrue();
        Set<String> after = shown("br br0", null);
        assertThat(after).doesNotContain(mac(1) + " v0 100 static", mac(2) + " v0 100 dynamic")
                .contains(mac(3) + " v0 200 static", mac(4) + " v0 200 dynamic", mac(5) + " v2 100 static",
                        mac(6) + " v2 100 dynamic")
                .containsAll(permanent);

        // only the dynamic entries of VLAN 200
        fdb.flush(FdbFlush.port("v0").vlan(200).dynamicOnly());
        after = shown("br br0", null);
        assertThat(after).doesNotContain(mac(4) + " v0 200 dynamic").contains(mac(3) + " v0 200 static",
                mac(6) + " v2 100 dynamic").containsAll(permanent);

        // the dump-and-delete fallback, bridge-wide in VLAN 100, counts what it removed
        fdb.addAll(List.of(FdbSpec.of(mac(1), "v0").vlan(100), FdbSpec.of(mac(2), "v0").vlan(100).dynamic()))
                .orThrow();
        FlushResult byDump = fdb.flush(FdbFlush.bridge("br0").vlan(100).withoutKernelBulk());
        assertThat(byDump.kernelBulk()).isFalse();
        assertThat(byDump.removed()).isEqualTo(4); // mac 1, 2 on v0 and 5, 6 on v2
        after = shown("br br0", null);
        assertThat(after.stream().filter(s -> s.startsWith("02:00:0b"))).containsExactly(mac(3) + " v0 200 static");
        assertThat(after).containsAll(permanent);
    }

    @Test
    void aVlanNotConfiguredOnThePortIsTheKernelsEinvalWithOurHint() {
        // v2 is in VLANs 1 and 100 only; the kernel says EINVAL and gives no ext-ACK text (it logs to dmesg)
        assertThatThrownBy(() -> fdb.add(FdbSpec.of(MAC, "v2").vlan(200)))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.EINVAL);
                    assertThat(e.kernelMessage()).as("ext-ACK text").isNullOrEmpty();
                })
                .hasMessageContaining("VLAN 200 is not configured on v2")
                .hasMessageContaining("bridge vlan add dev v2 vid 200");
        assertThat(entriesOf(MAC)).isEmpty();

        // with VLAN filtering off the port's VLANs still decide (the hint says so): 100 is taken, 200 is not
        ns.ip("link set br0 type bridge vlan_filtering 0");
        fdb.add(FdbSpec.of(MAC, "v2").vlan(100));
        assertThat(entriesOf(MAC)).containsExactly("v2 100 static");
        assertThatThrownBy(() -> fdb.add(FdbSpec.of(MAC, "v2").vlan(200)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("VLAN 200 is not configured on v2");
        fdb.delete(FdbSpec.of(MAC, "v2").vlan(100));
        ns.ip("link set br0 type bridge vlan_filtering 1");

        // moving an entry to a port without its VLAN, and deleting in a VLAN the port lacks: the same
        fdb.add(FdbSpec.of(MAC, "v0").vlan(300));
        assertThatThrownBy(() -> fdb.replace(FdbSpec.of(MAC, "v2").vlan(300)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("VLAN 300 is not configured on v2");
        assertThatThrownBy(() -> fdb.delete(FdbSpec.of(MAC, "v2").vlan(300)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("VLAN 300 is not configured on v2");
        assertThat(entriesOf(MAC)).containsExactly("v0 300 static");

        // in a bulk run the bad entry fails alone, with the same hint
        List<FdbChange> changes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            changes.add(FdbChange.add(FdbSpec.of(mac(i), "v2").vlan(i == 5 ? 200 : 100)));
        }
        BulkResult r = fdb.apply(changes, BulkOptions.defaults().continueOnError());
        assertThat(r.failures()).extracting(BulkResult.Failure::index).containsExactly(5);
        assertThat(r.failures().get(0).error()).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining(mac(5)).hasMessageContaining("VLAN 200 is not configured on v2");
        assertThat(countPerVlan("v2")).isEqualTo(Map.of(100L, 9));
    }

    @Test
    void monitorEventsCarryTheVlan() throws Exception {
        BlockingQueue<BridgeEvent> events = new LinkedBlockingQueue<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (BridgeMonitor mon = nl.monitor()) {
            Thread runner = new Thread(() -> {
                try {
                    mon.run(events::add);
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "fdb-vlan-monitor-test");
            runner.start();
            try {
                fdb.add(FdbSpec.of(MAC, "v0").vlan(100));
                BridgeEvent.FdbEvent a = await(events, failure, e -> e.entry().vlan() == 100);
                assertThat(a.kind()).isEqualTo(BridgeEvent.FdbKind.ADDED);
                assertThat(a.entry().ifname()).isEqualTo("v0");

                // the same MAC in another VLAN is another entry: added, not changed
                fdb.add(FdbSpec.of(MAC, "v0").vlan(200));
                BridgeEvent.FdbEvent b = await(events, failure, e -> e.entry().vlan() == 200);
                assertThat(b.kind()).isEqualTo(BridgeEvent.FdbKind.ADDED);

                fdb.replace(FdbSpec.of(MAC, "v2").vlan(100));
                BridgeEvent.FdbEvent c = await(events, failure, e -> e.entry().vlan() == 100);
                assertThat(c.kind()).isEqualTo(BridgeEvent.FdbKind.CHANGED);
                assertThat(c.entry().ifname()).isEqualTo("v2");

                fdb.delete(FdbSpec.of(MAC, "v2").vlan(100));
                BridgeEvent.FdbEvent d = await(events, failure, e -> e.entry().vlan() == 100);
                assertThat(d.kind()).isEqualTo(BridgeEvent.FdbKind.REMOVED);

                // VLAN 100 is gone from the monitor's set, VLAN 200 is not: re-adding 100 reads as added again
                fdb.add(FdbSpec.of(MAC, "v0").vlan(100));
                assertThat(await(events, failure, e -> e.entry().vlan() == 100).kind()).isEqualTo(BridgeEvent.FdbKind.ADDED);
                fdb.replace(FdbSpec.of(MAC, "v0").vlan(200).dynamic());
                assertThat(await(events, failure, e -> e.entry().vlan() == 200).kind()).isEqualTo(BridgeEvent.FdbKind.CHANGED);
            } finally {
                mon.stop();
                runner.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            }
            assertThat(runner.isAlive()).isFalse();
            assertThat(failure.get()).isNull();
        }
    }

    /** The next FDB event for {@link #MAC} matching {@code match}; other events are skipped. */
    private static BridgeEvent.FdbEvent await(BlockingQueue<BridgeEvent> events, AtomicReference<Throwable> failure,
                                              Predicate<BridgeEvent.FdbEvent> match) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        List<BridgeEvent> skipped = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            BridgeEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e instanceof BridgeEvent.FdbEvent f && f.entry().mac().equals(MAC) && match.test(f)) {
                return f;
            }
            if (e != null) {
                skipped.add(e);
            }
        }
        throw new AssertionError("no matching FDB event for " + MAC + "; saw " + skipped
                + (failure.get() != null ? "; monitor failed: " + failure.get() : ""));
    }
}
