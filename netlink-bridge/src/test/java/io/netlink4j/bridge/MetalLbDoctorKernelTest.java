package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.bridge.MetalLbReport.Status;
import io.netlink4j.bridge.MetalLbReport.Verdict;
import io.netlink4j.core.NoSuchDeviceException;
import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@KernelTest
class MetalLbDoctorKernelTest {
    TestNetns ns;
    BridgeNetlink nl;
    MetalLbDoctor doctor;

    @BeforeEach
    void setUp() {
        ns = TestNetns.withBridgeAndPort();
        nl = BridgeNetlink.open(ns.name());
        doctor = new MetalLbDoctor(nl);
    }

    @AfterEach
    void tearDown() throws Exception {
        ns.close(nl); // the netns goes also when closing the handle fails
    }

    Map<String, Object> ip(String dev) {
        return Json.map(Json.at(ns.json("ip -d -j link show dev " + dev), 0));
    }

    @Test
    void freshPortNeedsTheFixAndTheFactsMatchIproute2() {
        MetalLbReport r = doctor.examine("v0");
        Map<String, Object> v0 = ip("v0");
        Map<String, Object> br0 = ip("br0");
        assertThat(r.verdict()).isEqualTo(Verdict.NEEDS_FIX);
        assertThat(r.bridge()).isEqualTo("br0").isEqualTo(v0.get("master"));
        MetalLbReport.Observation o = r.observation();
        assertThat(o.proxyArp()).isEqualTo(Json.at(v0, "linkinfo", "info_slave_data", "proxy_arp")).isEqualTo(false);
        assertThat(o.hairpin()).isEqualTo(Json.at(v0, "linkinfo", "info_slave_data", "hairpin")).isEqualTo(false);
        assertThat(o.portState()).isEqualTo(Json.at(v0, "linkinfo", "info_slave_data", "state"));
        assertThat(o.uplink().promiscuity()).isEqualTo(((Number) v0.get("promiscuity")).intValue()).isEqualTo(1);
        assertThat(o.bridge().promiscuity()).isEqualTo(((Number) br0.get("promiscuity")).intValue());
        assertThat(o.stpState()).isEqualTo(((Number) Json.at(br0, "linkinfo", "info_data", "stp_state")).intValue());
        assertThat(o.vlanFiltering() ? 1L : 0L).isEqualTo(Json.at(br0, "linkinfo", "info_data", "vlan_filtering"));
        assertThat(r.fixCommand(null)).isEqualTo("ip link set dev v0 type bridge_slave proxy_arp on hairpin on");
        assertThat(r.finding("stp_state").status()).isEqualTo(Status.WARN);
    }

    @Test
    void fixTurnsBothOnInOneGoAndReChecks() {
        MetalLbFix f = doctor.fix("v0");
        assertThat(f.changed()).isTrue();
        assertThat(f.before().verdict()).isEqualTo(Verdict.NEEDS_FIX);
        assertThat(f.after().verdict()).isEqualTo(Verdict.OK);
        Map<String, Object> v0 = ip("v0");
        assertThat(Json.at(v0, "linkinfo", "info_slave_data", "proxy_arp")).isEqualTo(true);
        assertThat(Json.at(v0, "linkinfo", "info_slave_data", "hairpin")).isEqualTo(true);
        // untouched neighbours of the two settings
        assertThat(Json.at(v0, "linkinfo", "info_slave_data", "learning")).isEqualTo(true);
        assertThat(Json.at(v0, "linkinfo", "info_slave_data", "flood")).isEqualTo(true);

        MetalLbFix again = doctor.fix("v0");
        assertThat(again.changed()).isFalse();
        assertThat(again.after()).isSameAs(again.before());
    }

    @Test
    void halfFixedPortGetsOnlyTheMissingSettingInTheCommand() {
        ns.ip("link set dev v0 type bridge_slave hairpin on");
        MetalLbReport r = doctor.examine("v0");
        assertThat(r.missing()).containsExactly("proxy_arp");
        assertThat(doctor.fix("v0").after().verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void deviceThatIsNotAPortIsDiagnosedAndNotFixed() {
        MetalLbReport r = doctor.examine("v1");
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_A_BRIDGE_PORT);
        assertThatThrownBy(() -> doctor.fix("v1")).isInstanceOf(NotABridgePortException.class)
                .hasMessage("fix port v1 for MetalLB: v1 is not a bridge port");
        assertThat(Json.at(ip("v1"), "linkinfo", "info_slave_data")).isNull();
    }

    @Test
    void theBridgeItselfIsNotAPort() {
        assertThat(doctor.examine("br0").verdict()).isEqualTo(Verdict.NOT_A_BRIDGE_PORT);
    }

    @Test
    void unknownDeviceIsNoSuchDevice() {
        assertThatThrownBy(() -> doctor.examine("nosuch0")).isInstanceOf(NoSuchDeviceException.class)
                .hasMessageContaining("nosuch0");
    }

    @Test
    void downPortIsBlocked() {
        ns.ip("link set v0 down");
        MetalLbReport r = doctor.examine("v0");
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(r.observation().portState()).isEqualTo("disabled");
    }
}
