package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.Link;
import io.netlink4j.core.Links;
import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Per-VLAN counters against a kernel with VLAN filtering (the VM lane): frames of known number
 * are sent into a port (AF_PACKET on its veth peer), then our RTM_GETVLAN counters are read
 * between two reads of {@code bridge -s -j vlan show} (RTM_GETSTATS, an independent path to the
 * same counters) and must lie between them.
 */
@KernelTest
@Tag("vlan")
class VlanStatsKernelTest {
    /** Sends COUNT broadcast frames of ethertype 0x88b5 (local experimental) out of IFNAME, tagged with VID unless 0. */
    private static final String SENDER = String.join("\n",
            "import socket, sys",
            "ifname, vid, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])",
            "s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)",
            "s.bind((ifname, 0))",
            "tag = b'\\x81\\x00' + vid.to_bytes(2, 'big') if vid else b''",
            "frame = b'\\xff' * 6 + bytes.fromhex('02000000aa01') + tag + b'\\x88\\xb5' + bytes(46)",
            "for _ in range(count):",
            "    s.send(frame)",
            "");

    /** Frames per send: few enough to be quick under emulation, enough to tell from stray traffic. */
    static final int TAGGED = 40;
    static final int UNTAGGED = 30;
    /** An Ethernet payload is at least 46 bytes; the bridge counts frames without their header and tag. */
    static final int MIN_PAYLOAD = 46;

    TestNetns ns;
    BridgeNetlink nl;
    Path sender;

    @BeforeEach
    void setUp() throws IOException {
        ns = TestNetns.create();
        nl = BridgeNetlink.open(ns.name());
        // vlan_stats_per_port can change only while no port has VLANs: set it with the bridge
        ns.ip("link add br0 type bridge vlan_filtering 1 vlan_stats_enabled 1 vlan_stats_per_port 1");
        ns.ip("link add v0 type veth peer name v1");
        ns.ip("link add v2 type veth peer name v3");
        ns.ip("link set v0 master br0");
        ns.ip("link set v2 master br0");
        for (String dev : List.of("br0", "v0", "v1", "v2", "v3")) {
            ns.ip("link set " + dev + " up");
        }
        nl.vlans().add("v0", Vlan.of(100));
        nl.vlans().add("v2", Vlan.of(100));
        awaitForwarding("v0", "v2");
        sender = Files.createTempFile("nl4j-vlanstats", ".py");
        Files.writeString(sender, SENDER);
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (sender != null) {
                Files.deleteIfExists(sender);
            }
        } finally {
            ns.close(nl);
        }
    }

    /** Waits (bounded, against a hang) until the ports forward: frames sent before would be dropped uncounted. */
    private void awaitForwarding(String... ports) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (String p : ports) {
            while (!"forwarding".equals(Json.at(Json.list(ns.json("ip -d -j link show dev " + p)).get(0),
                    "linkinfo", "info_slave_data", "state"))) {
                assertThat(System.nanoTime()).as("%s forwarding within 20 s", p).isLessThan(deadline);
                Thread.onSpinWait();
            }
        }
    }

    private void send(String ifname, int vid, int count) {
        assertThat(ns.exec("python3 " + sender + " " + ifname + " " + vid + " " + count)).isEmpty();
    }

    /** (device name, VID) -> {rx_bytes, rx_packets, tx_bytes, tx_packets} from {@code bridge -s -j vlan show}. */
    private Map<String, long[]> iproute2() {
        Map<String, long[]> out = new HashMap<>();
        for (Object dev : Json.list(ns.json("bridge -s -j vlan show"))) {
            for (Object v : Json.list(Json.at(dev, "vlans"))) {
                Map<String, Object> m = Json.map(v);
                out.put(Json.at(dev, "ifname") + "/" + m.get("vid"), new long[] {(Long) m.get("rx_bytes"),
                        (Long) m.get("rx_packets"), (Long) m.get("tx_bytes"), (Long) m.get("tx_packets")});
            }
        }
        return out;
    }

    /** Ours, keyed as {@link #iproute2()}. */
    private Map<String, long[]> ours() {
        Map<Integer, String> names = new HashMap<>();
        nl.call(ch -> {
            for (Link l : new Links(ch).list()) {
                names.put(l.index(), l.name());
            }
            return null;
        });
        Map<String, long[]> out = new HashMap<>();
        for (VlanStats s : nl.vlans().stats()) {
            assertThat(s.entry().first()).as("one VID per entry with counters").isEqualTo(s.entry().last());
            out.put(names.get(s.ifindex()) + "/" + s.vid(), new long[] {s.rxBytes(), s.rxPackets(), s.txBytes(), s.txPackets()});
        }
        return out;
    }

    @Test
    void countersLieBetweenTwoIproute2ReadsAndGrowByTheFramesSent() {
        Map<String, long[]> start = ours();
        assertThat(start).containsKeys("br0/1", "v0/1", "v0/100", "v2/1", "v2/100");

        send("v1", 100, TAGGED);   // into v0, VLAN 100: flooded out of v2 (the only other member)
        send("v1", 0, UNTAGGED);   // into v0, untagged: its PVID 1, flooded out of v2 and up to br0

        Map<String, long[]> before = iproute2();
        Map<String, long[]> now = ours();
        Map<String, long[]> after = iproute2();
        // the same entries by both paths, each of our counters between iproute2's two reads
        assertThat(now.keySet()).isEqualTo(before.keySet()).isEqualTo(after.keySet());
        now.forEach((key, c) -> {
            for (int i = 0; i < 4; i++) {
                assertThat(c[i]).as("%s counter %d", key, i).isBetween(before.get(key)[i], after.get(key)[i]);
            }
        });

        assertGrewBy(start, now, "v0/100", 0, TAGGED);      // rx on v0 in VLAN 100
        assertGrewBy(start, now, "v2/100", 2, TAGGED);      // tx on v2 in VLAN 100
        assertGrewBy(start, now, "v0/1", 0, UNTAGGED);      // rx on v0 in its PVID
        assertGrewBy(start, now, "v2/1", 2, UNTAGGED);      // tx on v2 in VLAN 1
        // per port: v2 received nothing, and VLAN 100 went nowhere near br0 (it is not a member)
        assertThat(now.get("v2/100")[1]).isZero();
        assertThat(now).doesNotContainKey("br0/100");
    }

    /** Packets (at {@code at + 1}) grew by at least {@code frames}, bytes (at {@code at}) by at least their payloads. */
    private static void assertGrewBy(Map<String, long[]> start, Map<String, long[]> now, String key, int at, int frames) {
        assertThat(now.get(key)[at + 1] - start.get(key)[at + 1]).as("%s packets", key).isGreaterThanOrEqualTo(frames);
        assertThat(now.get(key)[at] - start.get(key)[at]).as("%s bytes", key)
                .isGreaterThanOrEqualTo((long) frames * MIN_PAYLOAD);
    }

    @Test
    void oneDevicesCountersAreOnlyItsOwn() {
        send("v1", 100, TAGGED);
        List<VlanStats> v0 = nl.vlans().stats("v0");
        assertThat(v0).extracting(VlanStats::vid).containsExactly(1, 100);
        int index = nl.call(ch -> new Links(ch).get("v0")).index();
        assertThat(v0).allMatch(s -> s.ifindex() == index);
        long rx100 = v0.get(1).rxPackets();
        assertThat(rx100).isGreaterThanOrEqualTo(TAGGED);
        assertThat(iproute2().get("v0/100")[1]).isGreaterThanOrEqualTo(rx100);
    }
}
