package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code vlan set}, {@code vlan show -d} and {@code monitor vlan} against a kernel with bridge
 * VLAN filtering (the VM lane), read back and compared with iproute2 ({@code bridge -d [-j] vlan show}).
 */
@KernelTest
@Tag("vlan")
class VlanSetMonitorCommandVlanKernelTest {
    TestNetns ns;

    @BeforeEach
    void setUp() {
        ns = TestNetns.withBridgeAndPort();
        ns.ip("link set dev br0 type bridge vlan_filtering 1");
        ns.bridge("vlan add dev v0 vid 100 pvid untagged");
        ns.bridge("vlan add dev v0 vid 200-210");
        ns.bridge("vlan add dev br0 vid 10 self");
    }

    @AfterEach
    void tearDown() {
        ns.close();
    }

    private static List<String> stripped(String text) {
        return text.lines().map(String::stripTrailing).toList();
    }

    @Test
    void setThenShowDetailsEqualsIproute2() {
        Cli.Result blocked = Cli.in(ns.name(), "vlan", "set", "v0", "205", "--state", "blocking");
        assertThat(blocked.status()).as(blocked.toString()).isZero();
        Cli.Result both = Cli.in(ns.name(), "vlan", "set", "v0", "200-202", "--state", "learning", "--mcast-router", "2");
        assertThat(both.status()).as(both.toString()).isZero();

        Object theirs = ns.json("bridge -d -j vlan show");
        assertThat(Json.list(Json.at(theirs, 1, "vlans"))).as("iproute2 sees what we set").contains(
                Json.parse("{\"vlan\":205,\"state\":\"blocking\",\"mcast_router\":1}"),
                Json.parse("{\"vlan\":200,\"vlanEnd\":202,\"state\":\"learning\",\"mcast_router\":2}"));

        Cli.Result json = Cli.in(ns.name(), "--json", "vlan", "show", "-d");
        assertThat(json.status()).as(json.toString()).isZero();
        assertThat(json.json()).isEqualTo(theirs);
        Cli.Result text = Cli.in(ns.name(), "vlan", "show", "--details");
        assertThat(text.status()).as(text.toString()).isZero();
        assertThat(stripped(text.out())).isEqualTo(stripped(ns.read("bridge -d vlan show")));

        Cli.Result one = Cli.in(ns.name(), "--json", "vlan", "show", "-d", "v0");
        assertThat(one.status()).as(one.toString()).isZero();
        assertThat(one.json()).isEqualTo(ns.json("bridge -d -j vlan show dev v0"));

        // --vid: the entries that hold the VID, as bridge -d vlan show vid VID
        for (String vid : List.of("1", "201", "205", "300")) {
            Cli.Result f = Cli.in(ns.name(), "--json", "vlan", "show", "-d", "--vid", vid);
            assertThat(f.status()).as(f.toString()).isZero();
            assertThat(f.json()).as("vid " + vid).isEqualTo(ns.json("bridge -d -j vlan show vid " + vid));
            assertThat(stripped(Cli.in(ns.name(), "vlan", "show", "-d", "--vid", vid).out())).as("vid " + vid)
                    .isEqualTo(stripped(ns.read("bridge -d vlan show vid " + vid)));
        }
    }

    /** The VIDs of v0 as {@code bridge -d -j vlan show dev v0} lists them (adjacent equal VLANs come as a range). */
    private java.util.Set<Integer> iproute2Vids() {
        java.util.Set<Integer> vids = new java.util.HashSet<>();
        for (Object v : Json.list(Json.at(ns.json("bridge -d -j vlan show dev v0"), 0, "vlans"))) {
            long first = (Long) Json.at(v, "vlan");
            Object end = Json.map(v).get("vlanEnd");
            for (long vid = first; vid <= (end == null ? first : (Long) end); vid++) {
                vids.add((int) vid);
            }
        }
        return vids;
    }

    @Test
    void setOnAVlanThatIsNotThereIsTheKernelsError() {
        Cli.Result r = Cli.in(ns.name(), "vlan", "set", "v0", "999", "--state", "blocking");
        assertThat(r.status()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).as(r.toString()).contains("999").contains("doesn't exist");
        assertThat(ns.read("bridge -d -j vlan show dev v0")).doesNotContain("blocking");
    }

    /** {@link MonitorWhile#run}, with changes 200 ms apart: the VM lane is slow. */
    Cli.Result monitorWhile(int count, IntConsumer change, String... extra) throws Exception {
        return MonitorWhile.run(ns.name(), count, change, 200, 120, extra);
    }

    @Test
    void monitorVlanPrintsOnlyVlanEventsLikeBridgeMonitorVlan() throws Exception {
        // each VLAN added also adds a local FDB entry (an fdb event): "vlan" leaves those out
        Cli.Result r = monitorWhile(2, i -> ns.bridge("vlan add dev v0 vid " + (1000 + i)), "vlan");
        assertThat(r.status()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).as(r.toString()).hasSize(4);
        for (int i = 0; i < 4; i += 2) {
            assertThat(lines.get(i)).matches("v0 {16}10\\d\\d");
            assertThat(lines.get(i + 1)).isEqualTo(" ".repeat(20) + "state forwarding mcast_router 1");
            int vid = Integer.parseInt(lines.get(i).substring(18));
            assertThat(iproute2Vids()).contains(vid);
        }
    }

    @Test
    void monitorVlanJsonReportsAddSetAndDelete() throws Exception {
        // per step a VLAN is added, set to blocking and deleted: three events. Six events hold at
        // least one whole step even if the monitor subscribed in the middle of the first.
        Cli.Result r = monitorWhile(6, i -> {
            int vid = 2000 + i;
            ns.bridge("vlan add dev v0 vid " + vid);
            ns.bridge("vlan set dev v0 vid " + vid + " state blocking");
            ns.bridge("vlan del dev v0 vid " + vid);
        }, "--json", "vlan");
        assertThat(r.status()).as(r.toString()).isZero();
        List<Object> events = r.out().lines().map(Json::parse).toList();
        assertThat(events).as(r.toString()).hasSize(6);
        List<String> seen = events.stream().map(e -> {
            assertThat(Json.at(e, "event")).isEqualTo("vlan");
            assertThat(Json.at(e, "ifname")).isEqualTo("v0");
            assertThat(Json.list(Json.at(e, "vlans"))).hasSize(1);
            Object v = Json.at(e, "vlans", 0);
            if ("deleted".equals(Json.at(e, "kind"))) {
                assertThat(Json.map(v)).doesNotContainKeys("state", "mcast_router");
            }
            return Json.at(e, "kind") + " " + Json.at(v, "vlan") + " " + Json.at(v, "state");
        }).toList();
        // some VID's whole life, in order
        boolean whole = false;
        for (int i = 0; i + 2 < seen.size(); i++) {
            String vid = seen.get(i).split(" ")[1];
            whole |= seen.subList(i, i + 3).equals(List.of("new " + vid + " forwarding", "new " + vid + " blocking",
                    "deleted " + vid + " null"));
        }
        assertThat(whole).as("add, set and delete of one VID in order: " + seen).isTrue();
        assertThat(iproute2Vids()).as("every VLAN added was deleted").allMatch(vid -> vid < 2000);
    }
}
