package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.NotFoundException;
import io.netlink4j.core.NotSupportedException;
import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The VNI filter of a real collect-metadata VXLAN device ({@code external vnifilter}, on v0 for
 * multicast groups), every change checked with {@code bridge -j vni show}.
 */
@KernelTest
class VniKernelTest {
    TestNetns ns;
    BridgeNetlink nl;
    Vnis vnis;

    @BeforeEach
    void setUp() {
        ns = TestNetns.create();
        try {
            ns.ip("link add v0 type veth peer name v1");
            ns.ip("link set v0 up");
            ns.ip("link set v1 up");
            ns.ip("addr add 192.0.2.10/24 dev v0");
            ns.ip("link add vxlan0 type vxlan dstport 4789 dev v0 external vnifilter");
            ns.ip("link set vxlan0 up");
            nl = BridgeNetlink.open(ns.name());
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
        vnis = nl.vnis();
    }

    @AfterEach
    void tearDown() throws Exception {
        ns.close(nl);
    }

    /** "vni[-vniEnd] [group|remote ADDR]" of DEV as iproute2 reports them. */
    private List<String> iproute(String dev) {
        List<Object> devs = Json.list(ns.json("bridge -j vni show dev " + dev));
        if (devs.isEmpty()) {
            return List.of();
        }
        return Json.list(Json.map(devs.get(0)).get("vnis")).stream().map(Json::map).map(VniKernelTest::line)
                .collect(Collectors.toList());
    }

    private static String line(Map<String, Object> m) {
        return m.get("vni") + (m.containsKey("vniEnd") ? "-" + m.get("vniEnd") : "")
                + (m.containsKey("group") ? " group " + m.get("group") : "")
                + (m.containsKey("remote") ? " remote " + m.get("remote") : "");
    }

    private List<String> ours(String dev) {
        return vnis.list(dev).stream().map(e -> e.toString().substring(("dev " + dev + " vni ").length()))
                .collect(Collectors.toList());
    }

    @Test
    void addShowAndDelete() {
        vnis.add("vxlan0", VniSpec.of(100), VniSpec.range(200, 205));
        vnis.add("vxlan0", VniSpec.of(300).remote("192.0.2.9"));
        vnis.add("vxlan0", VniSpec.of(400).group("239.1.1.1"));
        vnis.add("vxlan0", VniSpec.of(500).remote("2001:db8::9"));
        List<String> expected = List.of("100", "200-205", "300 remote 192.0.2.9", "400 group 239.1.1.1",
                "500 remote 2001:db8::9");
        assertThat(iproute("vxlan0")).isEqualTo(expected);
        assertThat(ours("vxlan0")).isEqualTo(expected);
        assertThat(vnis.list()).extracting(VniEntry::device).containsOnly("vxlan0");

        vnis.delete("vxlan0", VniSpec.of(100), VniSpec.of(202));   // one request, a hole in the range
        expected = List.of("200-201", "203-205", "300 remote 192.0.2.9", "400 group 239.1.1.1", "500 remote 2001:db8::9");
        assertThat(iproute("vxlan0")).isEqualTo(expected);
        assertThat(ours("vxlan0")).isEqualTo(expected);
    }

    @Test
    void statsComePerVni() {
        vnis.add("vxlan0", VniSpec.range(10, 12));
        List<VniEntry> withStats = vnis.list("vxlan0", true);
        assertThat(withStats).extracting(VniEntry::start).containsExactly(10, 11, 12);
        assertThat(withStats).allSatisfy(e -> assertThat(e.stats()).isNotNull());
        // iproute2 sees the same counters (nothing was sent through the device)
        Map<String, Object> first = Json.map(Json.list(Json.map(Json.list(ns.json("bridge -j -s vni show dev vxlan0")).get(0))
                .get("vnis")).get(0));
        assertThat(((Number) Json.map(first.get("stats")).get("tx_pkts")).longValue()).isEqualTo(withStats.get(0).stats().txPackets());
    }

    @Test
    void deletingAVniTheDeviceDoesNotFilterIsNotFound() {
        assertThatThrownBy(() -> vnis.delete("vxlan0", VniSpec.of(77)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("vni delete dev vxlan0 vni 77");
        assertThat(iproute("vxlan0")).isEmpty();
    }

    @Test
    void aVxlanDeviceWithoutVniFilteringSaysSo() {
        ns.ip("link add vx1 type vxlan dstport 4790 external");
        assertThatThrownBy(() -> vnis.add("vx1", VniSpec.of(10)))
                .isInstanceOf(NotSupportedException.class)
                .hasMessageContaining("vx1 has no VNI filtering");
        assertThatThrownBy(() -> vnis.add("v0", VniSpec.of(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("v0 is not a VXLAN device (kind veth)");
        assertThatThrownBy(() -> vnis.add("nosuch0", VniSpec.of(10)))
                .hasMessageContaining("nosuch0");
    }
}
