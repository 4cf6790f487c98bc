package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@KernelTest
class PortCommandKernelTest {
    TestNetns ns;

    @BeforeEach
    void setUp() {
        ns = TestNetns.withBridgeAndPort();
    }

    @AfterEach
    void tearDown() {
        ns.close();
    }

    Map<String, Object> ip(String dev) {
        return Json.map(Json.at(ns.json("ip -d -j link show dev " + dev), 0));
    }

    Object slave(String dev, String key) {
        return Json.at(ip(dev), "linkinfo", "info_slave_data", key);
    }

    /** Every key we print has the value ip -d -j link show prints for it; returns how many were compared. */
    static int assertSameAsIp(Map<String, Object> ours, Map<String, Object> ip) {
        int n = 0;
        for (Map.Entry<String, Object> e : ours.entrySet()) {
            assertThat(ip).as("ip prints " + e.getKey()).containsKey(e.getKey());
            if (e.getValue() instanceof Map<?, ?> nested) {
                n += assertSameAsIp(Json.map(nested), Json.map(ip.get(e.getKey())));
            } else {
                assertThat(e.getValue()).as(e.getKey()).isEqualTo(ip.get(e.getKey()));
                n++;
            }
        }
        return n;
    }

    @Test
    void showJsonMatchesIpLinkShowKeyForKey() {
        ns.ip("link add v2 type veth peer name v3");
        ns.ip("link set v2 master br0");
        ns.ip("link set dev v2 type bridge_slave proxy_arp on cost 7");
        Cli.Result r = Cli.in(ns.name(), "--json", "port", "show");
        assertThat(r.status()).as(r.toString()).isZero();
        List<Object> ports = Json.list(r.json());
        assertThat(ports).extracting(p -> Json.at(p, "ifname")).containsExactlyInAnyOrder("v0", "v2");
        for (Object p : ports) {
            String dev = (String) Json.at(p, "ifname");
            assertThat(assertSameAsIp(Json.map(p), ip(dev))).isGreaterThan(30);
        }
        Object v2 = ports.stream().filter(p -> "v2".equals(Json.at(p, "ifname"))).findFirst().orElseThrow();
        assertThat(Json.at(v2, "linkinfo", "info_slave_data", "proxy_arp")).isEqualTo(true);
        assertThat(Json.at(v2, "linkinfo", "info_slave_data", "cost")).isEqualTo(7L);
        assertThat(Json.at(v2, "flags")).asList().contains("M-DOWN");
    }

    @Test
    void showOneDeviceAsText() {
        Cli.Result r = Cli.in(ns.name(), "port", "show", "v0");
        assertThat(r.status()).as(r.toString()).isZero();
        Map<String, Object> ip = ip("v0");
        assertThat(r.out().lines().toList()).hasSize(2);
        assertThat(r.out()).startsWith(ip.get("ifindex") + ": v0@v1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0"
                + " state forwarding priority 32 cost 2")
                .contains(" proxy_arp off hairpin off learning on flood on ", " promiscuity 1");
    }

    @Test
    void setChangesManySettingsInOneRequestAndLeavesTheRest() {
        Cli.Result r = Cli.in(ns.name(), "port", "set", "v0", "--proxy-arp", "on", "--hairpin", "on",
                "--learning", "off", "--flood", "off", "--mcast-flood", "off", "--bcast-flood", "off",
                "--isolated", "on", "--neigh-suppress", "on", "--guard", "on", "--root-block", "on",
                "--cost", "100", "--priority", "7");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        Map<String, Object> d = Json.map(Json.at(ip("v0"), "linkinfo", "info_slave_data"));
        assertThat(d).containsEntry("proxy_arp", true).containsEntry("hairpin", true)
                .containsEntry("learning", false).containsEntry("flood", false)
                .containsEntry("mcast_flood", false).containsEntry("bcast_flood", false)
                .containsEntry("isolated", true).containsEntry("neigh_suppress", true)
                .containsEntry("guard", true).containsEntry("root_block", true)
                .containsEntry("cost", 100L).containsEntry("priority", 7L)
                .containsEntry("fastleave", false).containsEntry("mcast_to_unicast", false);
    }

    @Test
    void setStateIsAcceptedAndEndsAsWithIproute2() {
        // with STP off the kernel re-selects the state right away (forwarding): compare with iproute2
        // doing the same to a twin port rather than assume the outcome
        ns.ip("link add v2 type veth peer name v3");
        ns.ip("link set v2 master br0");
        ns.ip("link set v2 up");
        ns.ip("link set v3 up");
        ns.ip("link set dev v2 type bridge_slave state 4");
        Cli.Result r = Cli.in(ns.name(), "port", "set", "v0", "--state", "blocking");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(slave("v0", "state")).isEqualTo(slave("v2", "state"));
    }

    @Test
    void badValuesAreUsageErrorsAndNothingChanges() {
        Cli.Result cost = Cli.in(ns.name(), "port", "set", "v0", "--hairpin", "on", "--cost", "0");
        assertThat(cost.status()).isEqualTo(2);
        assertThat(cost.errLines()).singleElement().asString().isEqualTo("nlbridge: port set: port cost must be 1..65535: 0");
        Cli.Result state = Cli.in(ns.name(), "port", "set", "v0", "--state", "dancing");
        assertThat(state.status()).isEqualTo(2);
        assertThat(state.errLines()).singleElement().asString()
                .startsWith("nlbridge: port set: Invalid value for option '--state': expected one of");
        Cli.Result none = Cli.in(ns.name(), "port", "set", "v0");
        assertThat(none.status()).isEqualTo(2);
        assertThat(slave("v0", "hairpin")).isEqualTo(false);
        assertThat(slave("v0", "cost")).isEqualTo(2L);
    }

    @Test
    void aDeviceThatIsNotAPortIsOneLineAndItsStatus() {
        Cli.Result show = Cli.in(ns.name(), "port", "show", "v1");
        assertThat(show.status()).isEqualTo(Failure.NOT_A_BRIDGE_PORT);
        assertThat(show.errLines()).singleElement().asString().startsWith("nlbridge: show port v1: ")
                .endsWith("v1 is not a bridge port");
        assertThat(show.out()).isEmpty();
        Cli.Result set = Cli.in(ns.name(), "port", "set", "v1", "--hairpin", "on");
        assertThat(set.status()).isEqualTo(Failure.NOT_A_BRIDGE_PORT);
        assertThat(set.errLines()).singleElement().asString().startsWith("nlbridge: set port v1: ")
                .endsWith("v1 is not a bridge port");
    }

    @Test
    void anUnknownDeviceIsNoSuchDevice() {
        Cli.Result r = Cli.in(ns.name(), "port", "show", "nosuch0");
        assertThat(r.status()).isEqualTo(Failure.NO_SUCH_DEVICE);
        assertThat(r.errLines()).singleElement().asString().contains("nosuch0").contains("ENODEV");
        Cli.Result set = Cli.in(ns.name(), "port", "set", "nosuch0", "--hairpin", "on");
        assertThat(set.status()).isEqualTo(Failure.NO_SUCH_DEVICE);
        assertThat(set.errLines()).singleElement().asString().contains("nosuch0").contains("ENODEV");
    }
}
