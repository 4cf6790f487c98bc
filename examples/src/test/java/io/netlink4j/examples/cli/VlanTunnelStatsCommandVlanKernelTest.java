package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code port set --vlan-tunnel}, {@code vlan tunnel add|del}, {@code vlan tunnelshow} and
 * {@code vlan show --stats} against a VLAN-filtering kernel (the VM lane), each output compared
 * with what iproute2 prints for the same namespace.
 */
@KernelTest
@Tag("vlan")
class VlanTunnelStatsCommandVlanKernelTest {
    TestNetns ns;

    @BeforeEach
    void setUp() {
        ns = TestNetns.create();
        ns.ip("link add br0 type bridge vlan_filtering 1 vlan_stats_enabled 1 vlan_stats_per_port 1");
        ns.ip("link add vxlan0 type vxlan dstport 4789 external");
        ns.ip("link add v0 type veth peer name v1");
        ns.ip("link set vxlan0 master br0");
        ns.ip("link set v0 master br0");
        for (String dev : List.of("br0", "vxlan0", "v0", "v1")) {
            ns.ip("link set " + dev + " up");
        }
    }

    @AfterEach
    void tearDown() {
        ns.close();
    }

    private Cli.Result ok(String... args) {
        return Cli.ok(ns.name(), args);
    }

    @Test
    void tunnelsAddShowDeleteAsIproute2ShowsThem() {
        ok("port", "set", "vxlan0", "--vlan-tunnel", "on");
        assertThat(Json.at(Json.list(ns.json("ip -d -j link show dev vxlan0")).get(0),
                "linkinfo", "info_slave_data", "vlan_tunnel")).isEqualTo(true);
        ns.bridge("vlan add dev vxlan0 vid 100");
        ns.bridge("vlan add dev vxlan0 vid 200-205");
        ok("vlan", "tunnel", "add", "vxlan0", "100", "1100");
        ok("vlan", "tunnel", "add", "vxlan0", "200-205", "1200-1205");
        assertThat(ns.json("bridge -j vlan tunnelshow")).isEqualTo(Json.parse("[{\"ifname\":\"vxlan0\",\"tunnels\":["
                + "{\"vlan\":100,\"tunid\":1100},{\"vlan\":200,\"vlanEnd\":205,\"tunid\":1200,\"tunidEnd\":1205}]}]"));
        assertThat(ok("--json", "vlan", "tunnelshow").json()).isEqualTo(ns.json("bridge -j vlan tunnelshow"));
        assertThat(ok("--json", "vlan", "tunnelshow", "vxlan0").json()).isEqualTo(ns.json("bridge -j vlan tunnelshow"));
        assertThat(ok("vlan", "tunnelshow").out()).isEqualTo(ns.read("bridge vlan tunnelshow"));

        // a VID range with one tunnel id: consecutive ids from there (one of the range here)
        ok("vlan", "tunnel", "del", "vxlan0", "202-203", "1202");
        assertThat(ok("vlan", "tunnelshow").out()).isEqualTo(ns.read("bridge vlan tunnelshow"))
                .isEqualTo("port              vlan-id    tunnel-id\n"
                        + "vxlan0            100        1100\n"
                        + "                  200-201    1200-1201\n"
                        + "                  204-205    1204-1205\n");
        assertThat(ok("--json", "vlan", "tunnelshow").json()).isEqualTo(ns.json("bridge -j vlan tunnelshow"));

        // a VID filter shows the whole mapping that holds the VID, as iproute2 does
        for (String v : List.of("100", "200", "204", "205", "202", "300")) {
            assertThat(ok("vlan", "tunnelshow", "--vid", v).out()).as("vid " + v)
                    .isEqualTo(ns.read("bridge vlan tunnelshow vid " + v));
            assertThat(ok("--json", "vlan", "tunnelshow", "vxlan0", "--vid", v).json()).as("vid " + v)
                    .isEqualTo(ns.json("bridge -j vlan tunnelshow dev vxlan0 vid " + v));
        }
        assertThat(ok("vlan", "tunnelshow", "--vid", "204").out())
                .isEqualTo("port              vlan-id    tunnel-id\n"
                        + "vxlan0            204-205    1204-1205\n");
    }

    @Test
    void badTunnelArgumentsAreUsageErrorsAndChangeNothing() {
        ok("port", "set", "vxlan0", "--vlan-tunnel", "on");
        ns.bridge("vlan add dev vxlan0 vid 200-205");
        String before = ns.read("bridge -j vlan tunnelshow");
        for (String[] bad : List.of(new String[] {"200-205", "1200-1203"}, new String[] {"0", "1"},
                new String[] {"4095", "1"}, new String[] {"200", "16777216"}, new String[] {"200-205", "16777213"},
                new String[] {"200", "-5"})) {
            Cli.Result r = Cli.in(ns.name(), "vlan", "tunnel", "add", "vxlan0", bad[0], bad[1]);
            assertThat(r.status()).as(r.toString()).isEqualTo(2);
        }
        assertThat(ns.read("bridge -j vlan tunnelshow")).isEqualTo(before);
        // refused by the kernel: VLAN 300 is not on the port
        Cli.Result r = Cli.in(ns.name(), "vlan", "tunnel", "add", "vxlan0", "300", "1300");
        assertThat(r.status()).as(r.toString()).isNotZero().isNotEqualTo(2);
        assertThat(r.err()).contains("vlan_tunnel on");
    }

    @Test
    void statsHaveIproute2sKeysAndLieBetweenItsReads() {
        ns.bridge("vlan add dev v0 vid 100");
        ns.bridge("vlan add dev br0 vid 100 self"); // a tagged VLAN of the bridge itself: iproute2 prints "flags": []
        Object before = ns.json("bridge -s -j vlan show");
        Object ours = ok("--json", "vlan", "show", "--stats").json();
        Object after = ns.json("bridge -s -j vlan show");
        List<Object> devs = Json.list(ours);
        assertThat(devs).hasSameSizeAs(Json.list(after));
        for (int d = 0; d < devs.size(); d++) {
            assertThat(Json.at(devs.get(d), "ifname")).isEqualTo(Json.at(Json.list(after).get(d), "ifname"));
            List<Object> vlans = Json.list(Json.at(devs.get(d), "vlans"));
            assertThat(vlans).hasSameSizeAs(Json.list(Json.at(Json.list(after).get(d), "vlans")));
            for (int v = 0; v < vlans.size(); v++) {
                Map<String, Object> o = Json.map(vlans.get(v));
                Map<String, Object> b = Json.map(Json.at(Json.list(before).get(d), "vlans", v));
                Map<String, Object> a = Json.map(Json.at(Json.list(after).get(d), "vlans", v));
                assertThat(o.keySet()).as("%s", o).containsExactlyElementsOf(a.keySet());
                assertThat(o.get("vid")).isEqualTo(a.get("vid"));
                assertThat(o.get("flags")).isEqualTo(a.get("flags"));
                for (String k : List.of("rx_bytes", "rx_packets", "tx_bytes", "tx_packets")) {
                    assertThat((Long) o.get(k)).as("%s %s", o, k).isBetween((Long) b.get(k), (Long) a.get(k));
                }
            }
        }
        assertThat(ours.toString()).contains("vxlan0", "v0", "br0");
        String text = ok("vlan", "show", "--stats", "v0").out();
        assertThat(text).startsWith("port              vlan-id\nv0                1 PVID Egress Untagged\n"
                + "                    RX: ").contains("\n                  100\n                    RX: ");
        // --vid: that VLAN's line of each device that has it, as bridge -s vlan show vid VID
        for (String vid : List.of("1", "100", "300")) {
            assertThat(devicesAndVids(ok("--json", "vlan", "show", "--stats", "--vid", vid).json())).as("vid " + vid)
                    .isEqualTo(devicesAndVids(ns.json("bridge -s -j vlan show vid " + vid)));
        }
    }

    /** "ifname:vid" of each counter line of a {@code bridge -s -j vlan show} document, in order. */
    private static List<String> devicesAndVids(Object doc) {
        List<String> out = new java.util.ArrayList<>();
        for (Object d : Json.list(doc)) {
            for (Object v : Json.list(Json.at(d, "vlans"))) {
                out.add(Json.at(d, "ifname") + ":" + Json.at(v, "vid"));
            }
        }
        return out;
    }
}
