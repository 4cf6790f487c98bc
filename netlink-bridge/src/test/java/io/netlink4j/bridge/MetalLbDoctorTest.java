package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.bridge.MetalLbReport.Observation;
import io.netlink4j.bridge.MetalLbReport.Status;
import io.netlink4j.bridge.MetalLbReport.Verdict;
import io.netlink4j.core.IfInfoMsg;
import io.netlink4j.core.Link;
import io.netlink4j.core.Rtnetlink;
import org.junit.jupiter.api.Test;

/** The verdict logic over hand-made observations (the kernel side is in MetalLbDoctorKernelTest). */
class MetalLbDoctorTest {
    static final int UP = IfInfoMsg.IFF_UP | IfInfoMsg.IFF_BROADCAST | IfInfoMsg.IFF_MULTICAST
            | IfInfoMsg.IFF_RUNNING | IfInfoMsg.IFF_LOWER_UP;

    static Link bridge(int flags, int promiscuity) {
        return new Link(2, "br0", "bridge", null, flags, "UP", 1500, "02:00:00:00:00:aa", 0, promiscuity, 0, -1,
                Rtnetlink.AF_UNSPEC);
    }

    static Link port(int flags, int promiscuity) {
        return new Link(4, "eth0", "veth", "bridge", flags, "UP", 1500, "02:00:00:00:00:01", 2, promiscuity, 5, -1,
                Rtnetlink.AF_UNSPEC);
    }

    static Observation obs(Boolean proxyArp, Boolean hairpin, String state, int stp) {
        return new Observation(port(UP, 1), bridge(UP, 0), true, stp, state, proxyArp, hairpin);
    }

    @Test
    void portWithoutProxyArpAndHairpinNeedsBothAndGetsTheExactCommand() {
        MetalLbReport r = MetalLbDoctor.diagnose(obs(false, false, "forwarding", 0));
        assertThat(r.verdict()).isEqualTo(Verdict.NEEDS_FIX);
        assertThat(r.missing()).containsExactly("proxy_arp", "hairpin");
        assertThat(r.fixCommand(null)).isEqualTo("ip link set dev eth0 type bridge_slave proxy_arp on hairpin on");
        assertThat(r.fixCommand("ns1")).isEqualTo("ip -n ns1 link set dev eth0 type bridge_slave proxy_arp on hairpin on");
        assertThat(r.finding("proxy_arp").status()).isEqualTo(Status.PROBLEM);
        assertThat(r.finding("hairpin").status()).isEqualTo(Status.PROBLEM);
        assertThat(r.finding("vlan_filtering").value()).isEqualTo("on");
        assertThat(r.uplink()).isEqualTo("eth0");
        assertThat(r.bridge()).isEqualTo("br0");
        assertThat(r.caveats()).anyMatch(c -> c.startsWith("loops")).anyMatch(c -> c.startsWith("CPU"))
                .anyMatch(c -> c.startsWith("proxy_arp answers for others"));
        assertThat(r.alternatives()).anyMatch(a -> a.contains("physical switch")).anyMatch(a -> a.contains("BGP"));
    }

    @Test
    void onlyTheMissingSettingIsInTheFix() {
        MetalLbReport r = MetalLbDoctor.diagnose(obs(true, false, "forwarding", 1));
        assertThat(r.verdict()).isEqualTo(Verdict.NEEDS_FIX);
        assertThat(r.missing()).containsExactly("hairpin");
        assertThat(r.fixCommand(null)).isEqualTo("ip link set dev eth0 type bridge_slave hairpin on");
    }

    @Test
    void bothOnAndForwardingIsOk() {
        MetalLbReport r = MetalLbDoctor.diagnose(obs(true, true, "forwarding", 1));
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.fixCommand(null)).isNull();
        assertThat(r.finding("stp_state").status()).isEqualTo(Status.OK);
        assertThat(r.findings()).noneMatch(f -> f.status() == Status.PROBLEM);
    }

    @Test
    void hairpinWithoutStpIsAWarningNotAProblem() {
        MetalLbReport r = MetalLbDoctor.diagnose(obs(true, true, "forwarding", 0));
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.finding("stp_state").status()).isEqualTo(Status.WARN);
        assertThat(r.finding("stp_state").detail()).contains("loop");
    }

    @Test
    void blockingPortIsBlockedWhateverTheFlags() {
        MetalLbReport r = MetalLbDoctor.diagnose(obs(true, true, "blocking", 1));
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(r.finding("state").status()).isEqualTo(Status.PROBLEM);
        assertThat(r.fixCommand(null)).isNull();
    }

    @Test
    void downPortIsBlockedAndStillGetsTheFlagFix() {
        Observation o = new Observation(port(IfInfoMsg.IFF_BROADCAST, 1), bridge(UP, 0), false, 0, "disabled",
                false, false);
        MetalLbReport r = MetalLbDoctor.diagnose(o);
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(r.finding("link_up").status()).isEqualTo(Status.PROBLEM);
        assertThat(r.finding("link_up").detail()).contains("ip link set dev eth0 up");
        assertThat(r.finding("vlan_filtering").value()).isEqualTo("off");
        assertThat(r.fixCommand(null)).endsWith("proxy_arp on hairpin on");
    }

    @Test
    void notABridgePortStopsAtTheFirstCheck() {
        Link eth = new Link(3, "eth1", null, null, UP, "UP", 1500, "02:00:00:00:00:03", 0, 0, 0, -1, 0);
        MetalLbReport r = MetalLbDoctor.diagnose(new Observation(eth, null, null, null, null, null, null));
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_A_BRIDGE_PORT);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("bridge_port");
            assertThat(f.detail()).contains("eth1 is not a port of a Linux bridge");
        });
        assertThat(r.missing()).isEmpty();
        assertThat(r.fixCommand(null)).isNull();
        assertThat(r.bridge()).isNull();
    }

    @Test
    void promiscuityCountsHoldersNotTheUserFlag() {
        // held by the bridge (promiscuity 1) without IFF_PROMISC: that is promiscuous
        MetalLbReport held = MetalLbDoctor.diagnose(obs(true, true, "forwarding", 1));
        assertThat(held.finding("promiscuity").status()).isEqualTo(Status.OK);
        assertThat(held.finding("promiscuity").detail()).contains("the bridge holds each port");
        Observation userToo = new Observation(port(UP | IfInfoMsg.IFF_PROMISC, 2), bridge(UP, 0), true, 1,
                "forwarding", true, true);
        assertThat(MetalLbDoctor.diagnose(userToo).finding("promiscuity").detail()).contains("PROMISC also set by a user");
        Observation none = new Observation(port(UP, 0), bridge(UP, 0), true, 1, "forwarding", true, true);
        assertThat(MetalLbDoctor.diagnose(none).finding("promiscuity").status()).isEqualTo(Status.WARN);
    }
}
