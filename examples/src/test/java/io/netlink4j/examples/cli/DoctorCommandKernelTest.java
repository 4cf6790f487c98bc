package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@KernelTest
class DoctorCommandKernelTest {
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

    @Test
    void portWithoutTheFixGetsTheVerdictAndTheExactCommand() {
        Cli.Result r = Cli.in(ns.name(), "doctor", "v0");
        assertThat(r.status()).as(r.toString()).isEqualTo(Failure.NEEDS_FIX);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("MetalLB L2 doctor: v0 (port of br0)",
                "[problem] proxy_arp", "[problem] hairpin", "[warn]",
                "verdict: NEEDS_FIX",
                "fix:     ip -n " + ns.name() + " link set dev v0 type bridge_slave proxy_arp on hairpin on",
                "caveats:", "loops", "CPU", "proxy_arp answers for others", "alternatives:", "BGP");
        // reads only
        assertThat(Json.at(ip("v0"), "linkinfo", "info_slave_data", "proxy_arp")).isEqualTo(false);
    }

    @Test
    void jsonReportsWhatIpReports() {
        Cli.Result r = Cli.in(ns.name(), "--json", "doctor", "v0");
        assertThat(r.status()).as(r.toString()).isEqualTo(Failure.NEEDS_FIX);
        Object j = r.json();
        Map<String, Object> v0 = ip("v0");
        Map<String, Object> br0 = ip("br0");
        assertThat(Json.at(j, "ifname")).isEqualTo("v0");
        assertThat(Json.at(j, "master")).isEqualTo(v0.get("master"));
        assertThat(Json.at(j, "verdict")).isEqualTo("needs_fix");
        assertThat(Json.at(j, "observed", "proxy_arp")).isEqualTo(Json.at(v0, "linkinfo", "info_slave_data", "proxy_arp"));
        assertThat(Json.at(j, "observed", "hairpin")).isEqualTo(Json.at(v0, "linkinfo", "info_slave_data", "hairpin"));
        assertThat(Json.at(j, "observed", "state")).isEqualTo(Json.at(v0, "linkinfo", "info_slave_data", "state"));
        assertThat(Json.at(j, "observed", "promiscuity")).isEqualTo(v0.get("promiscuity"));
        assertThat(Json.at(j, "observed", "flags")).isEqualTo(v0.get("flags"));
        assertThat(Json.at(j, "observed", "vlan_filtering")).isEqualTo(Json.at(br0, "linkinfo", "info_data", "vlan_filtering"));
        assertThat(Json.at(j, "observed", "stp_state")).isEqualTo(Json.at(br0, "linkinfo", "info_data", "stp_state"));
        assertThat(Json.at(j, "observed", "bridge_promiscuity")).isEqualTo(br0.get("promiscuity"));
        assertThat(Json.at(j, "missing")).isEqualTo(java.util.List.of("proxy_arp", "hairpin"));
        assertThat((String) Json.at(j, "fix")).endsWith("link set dev v0 type bridge_slave proxy_arp on hairpin on");
        assertThat(Json.list(Json.at(j, "checks"))).extracting(c -> Json.at(c, "check"))
                .contains("bridge_port", "link_up", "state", "vlan_filtering", "proxy_arp", "hairpin",
                        "promiscuity", "bridge_promiscuity", "stp_state");
        assertThat(Json.list(Json.at(j, "caveats"))).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void fixAppliesBothAndPrintsBeforeAndAfter() {
        Cli.Result r = Cli.in(ns.name(), "doctor", "v0", "--fix");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("verdict: NEEDS_FIX", "--fix: applied to v0 in one request:",
                "proxy_arp    off -> on", "hairpin      off -> on", "after:", "verdict: OK");
        assertThat(Json.at(ip("v0"), "linkinfo", "info_slave_data", "proxy_arp")).isEqualTo(true);
        assertThat(Json.at(ip("v0"), "linkinfo", "info_slave_data", "hairpin")).isEqualTo(true);

        Cli.Result again = Cli.in(ns.name(), "--json", "doctor", "v0", "--fix");
        assertThat(again.status()).isZero();
        assertThat(Json.at(again.json(), "changed")).isEqualTo(false);
        assertThat(Json.at(again.json(), "after", "verdict")).isEqualTo("ok");
        assertThat(Json.at(again.json(), "after", "fix")).isNull();
    }

    @Test
    void portWithTheFixIsOk() {
        ns.ip("link set dev v0 type bridge_slave proxy_arp on hairpin on");
        Cli.Result r = Cli.in(ns.name(), "--json", "doctor", "v0");
        assertThat(r.status()).isZero();
        assertThat(Json.at(r.json(), "verdict")).isEqualTo("ok");
        assertThat(Json.at(r.json(), "missing")).isEqualTo(java.util.List.of());
    }

    @Test
    void nonPortIsDiagnosedAndCannotBeFixed() {
        Cli.Result r = Cli.in(ns.name(), "doctor", "v1");
        assertThat(r.status()).isEqualTo(Failure.NOT_A_BRIDGE_PORT);
        assertThat(r.out()).contains("verdict: NOT_A_BRIDGE_PORT");
        Cli.Result fix = Cli.in(ns.name(), "doctor", "v1", "--fix");
        assertThat(fix.status()).isEqualTo(Failure.NOT_A_BRIDGE_PORT);
        assertThat(fix.errLines()).singleElement().asString()
                .isEqualTo("nlbridge: fix port v1 for MetalLB: v1 is not a bridge port");
    }

    @Test
    void unknownDeviceIsNoSuchDevice() {
        Cli.Result r = Cli.in(ns.name(), "doctor", "nosuch0");
        assertThat(r.status()).isEqualTo(Failure.NO_SUCH_DEVICE);
        assertThat(r.errLines()).singleElement().asString().contains("nosuch0", "ENODEV");
    }
}
