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

    /** Every key we print has the value ip -d -j link show prints for it. */
    static void assertSameAsIp(Map<String, Object> ours, Map<String, Object> ip) {
        for (Map.Entry<String, Object> e : ours.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> nested) {
                assertSameAsIp(Json.map(nested), Json.map(ip.get(e.getKey())));
            } else {
                assertThat(e.getValue()).as(e.getKey()).isEqualTo(ip.get(e.getKey()));
            }
        }
    }

    @Test
    void showJsonMatchesIpLinkShow() {
        ns.ip("link add v2 type veth peer name v3");
        ns.ip("link set v2 master br0");
        Cli.Result r = Cli.in(ns.name(), "--json", "port", "show");
        assertThat(r.status()).as(r.toString()).isZero();
        List<Object> ports = Json.list(r.json());
        assertThat(ports).extracting(p -> Json.at(p, "ifname")).containsExactlyInAnyOrder("v0", "v2");
        for (Object p : ports) {
            String dev = (String) Json.at(p, "ifname");
            Map<String, Object> ip = Json.map(Json.at(ns.json("ip -d -j link show dev " + dev), 0));
            assertSameAsIp(Json.map(p), ip);
            assertThat(Json.at(p, "master")).isEqualTo("br0");
            assertThat(Json.at(p, "linkinfo", "info_slave_kind")).isEqualTo("bridge");
        }
    }

    @Test
    void showOneDeviceAsText() {
        Cli.Result r = Cli.in(ns.name(), "port", "show", "v0");
        assertThat(r.status()).as(r.toString()).isZero();
        Map<String, Object> ip = Json.map(Json.at(ns.json("ip -j link show dev v0"), 0));
        assertThat(r.out()).startsWith(ip.get("ifindex") + ": v0@v1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0");
    }

    @Test
    void aDeviceThatIsNotAPortIsBadInput() {
        Cli.Result r = Cli.in(ns.name(), "port", "show", "v1");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().isEqualTo("nlbridge: port show: v1 is not a bridge port");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownDeviceIsAKernelError() {
        Cli.Result r = Cli.in(ns.name(), "port", "show", "nosuch0");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().contains("nosuch0").contains("ENODEV");
    }
}
