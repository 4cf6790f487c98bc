package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@KernelTest
class MonitorCommandKernelTest {
    TestNetns ns;

    @BeforeEach
    void setUp() {
        ns = TestNetns.withBridgeAndPort();
    }

    @AfterEach
    void tearDown() {
        ns.close();
    }

    /** The MACs this test adds: 02:00:00:00:01:01, :02, ... */
    static final String MINE = "02:00:00:00:01:";

    /**
     * Runs the monitor while another thread keeps adding static entries until it has printed
     * {@code count} events. The namespace is quiet, but an event the test did not cause (a port
     * state change from set-up arriving late) still counts towards N: the tests check the events
     * for their own MACs and only the number of the others.
     */
    Cli.Result monitorWhileAdding(int count, String... extra) throws Exception {
        return monitorWhile(count, i -> ns.bridge(String.format("fdb add 02:00:00:00:01:%02x dev v0 master static", i)), extra);
    }

    /** Runs the monitor while calling {@code change} with 1, 2, ... until it has printed {@code count} events. */
    Cli.Result monitorWhile(int count, java.util.function.IntConsumer change, String... extra) throws Exception {
        return MonitorWhile.run(ns.name(), count, change, 50, 60, extra);
    }

    Set<String> bridgeMacs() {
        return Json.list(ns.json("bridge -j fdb show br br0")).stream().map(e -> (String) Json.at(e, "mac"))
                .collect(Collectors.toSet());
    }

    @Test
    void printsFdbEventsAsTheyHappen() throws Exception {
        Cli.Result r = monitorWhileAdding(3);
        assertThat(r).isNotNull();
        assertThat(r.status()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        List<String> mine = lines.stream().filter(l -> l.startsWith("fdb ") && l.split(" ")[2].startsWith(MINE)).toList();
        assertThat(mine).as(r.toString()).isNotEmpty();
        Set<String> macs = bridgeMacs();
        for (String l : mine) {
            // an entry added while the monitor loads the FDB it starts from reads as "changed"
            assertThat(l).matches("fdb (added|changed) 02:00:00:00:01:[0-9a-f]{2} dev v0 master br0 static");
            assertThat(macs).contains(l.split(" ")[2]);
        }
    }

    @Test
    void jsonEventsOnePerLine() throws Exception {
        Cli.Result r = monitorWhileAdding(2, "--json");
        assertThat(r.status()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        List<Object> mine = lines.stream().map(Json::parse).filter(j -> "fdb".equals(Json.at(j, "event"))
                && String.valueOf(Json.at(j, "entry", "mac")).startsWith(MINE)).toList();
        assertThat(mine).as(r.toString()).isNotEmpty();
        Set<String> macs = bridgeMacs();
        for (Object j : mine) {
            assertThat(Json.at(j, "event")).isEqualTo("fdb");
            assertThat(Json.at(j, "kind")).isIn("added", "changed");
            assertThat(Json.at(j, "entry", "ifname")).isEqualTo("v0");
            assertThat(Json.at(j, "entry", "master")).isEqualTo("br0");
            assertThat(Json.at(j, "entry", "state")).isEqualTo("static");
            assertThat(macs).contains((String) Json.at(j, "entry", "mac"));
        }
    }

    @Test
    void countMustBePositive() {
        Cli.Result r = Cli.in(ns.name(), "monitor", "--count", "0");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().isEqualTo("nlbridge: monitor: --count must be at least 1: 0");
    }

    /**
     * Runs the monitor while another thread keeps changing br0's ageing time (1000, 1001, ...) and
     * adding MDB entries (239.1.1.1, .2, ...) until it has printed {@code count} events.
     */
    Cli.Result monitorWhileChangingBridgeAndMdb(int count, String... extra) throws Exception {
        return monitorWhile(count, i -> {
            ns.ip("link set dev br0 type bridge ageing_time " + (999 + i));
            ns.bridge("mdb add dev br0 port v0 grp 239.1.1." + i + " permanent");
        }, extra);
    }

    @Test
    void printsBridgeSettingAndMdbEvents() throws Exception {
        Cli.Result r = monitorWhileChangingBridgeAndMdb(6);
        assertThat(r.status()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(6);
        List<String> bridge = lines.stream().filter(l -> l.startsWith("bridge ")).toList();
        // only the groups this test adds (br0's own joins are not its business)
        List<String> mdb = lines.stream().filter(l -> l.startsWith("mdb ") && l.contains(" grp 239.1.1.")).toList();
        assertThat(bridge).as(r.toString()).isNotEmpty().allSatisfy(l -> assertThat(l).matches("bridge changed br0 ageing_time 1[0-9]{3}"));
        assertThat(mdb).as(r.toString()).isNotEmpty().allSatisfy(l -> assertThat(l).matches("mdb added dev br0 port v0 grp 239\\.1\\.1\\.[0-9]+ permanent"));
        // the independent reader has every group the monitor reported
        String shown = ns.bridge("-j mdb show dev br0");
        for (String l : mdb) {
            assertThat(shown).contains("\"" + l.split(" ")[6] + "\"");
        }
    }

    @Test
    void bridgeSettingAndMdbEventsAsJson() throws Exception {
        Cli.Result r = monitorWhileChangingBridgeAndMdb(6, "--json");
        assertThat(r.status()).as(r.toString()).isZero();
        List<Object> events = r.out().lines().map(Json::parse).toList();
        assertThat(events).hasSize(6);
        List<Object> bridge = events.stream().filter(j -> "bridge".equals(Json.at(j, "event"))).toList();
        List<Object> mdb = events.stream().filter(j -> "mdb".equals(Json.at(j, "event"))
                && String.valueOf(Json.at(j, "entry", "grp")).startsWith("239.1.1.")).toList();
        assertThat(bridge).as(r.toString()).isNotEmpty().allSatisfy(j -> {
            assertThat(Json.at(j, "kind")).isEqualTo("changed");
            assertThat(Json.at(j, "ifname")).isEqualTo("br0");
            assertThat(Json.map(Json.at(j, "changed"))).containsOnlyKeys("ageing_time");
        });
        assertThat(mdb).as(r.toString()).isNotEmpty().allSatisfy(j -> {
            assertThat(Json.at(j, "kind")).isEqualTo("added");
            assertThat(Json.at(j, "entry", "dev")).isEqualTo("br0");
            assertThat(Json.at(j, "entry", "port")).isEqualTo("v0");
            assertThat(Json.at(j, "entry", "state")).isEqualTo("permanent");
        });
    }

    @Test
    void printsVniFilterEvents() throws Exception {
        ns.ip("link add vxlan0 type vxlan dstport 4789 external vnifilter");
        // VNIs apart: the kernel joins neighbours into one range
        // with the object named only VNI events are printed, though FDB entries are added as well
        Cli.Result r = monitorWhile(2, i -> {
            ns.bridge(String.format("fdb add 02:00:00:00:01:%02x dev v0 master static", i));
            ns.bridge("vni add dev vxlan0 vni " + (1000 + 10 * i));
        }, "vni");
        assertThat(r.status()).as(r.toString()).isZero();
        List<String> mine = r.out().lines().toList();
        assertThat(mine).as(r.toString()).hasSize(2);
        String shown = ns.bridge("-j vni show dev vxlan0");
        for (String l : mine) {
            assertThat(l).matches("vni added dev vxlan0 vni 1[0-9]{3}");
            assertThat(shown).contains("\"vni\":" + l.substring(l.lastIndexOf(' ') + 1));
        }
    }
}
