package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.Link;
import io.netlink4j.core.Links;
import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * VXLAN remotes in the FDB of a real VXLAN device (vxlan0: id 42, port 4789, nolearning, a port
 * of br0), checked with {@code bridge -j fdb show dev vxlan0}: several remotes appended to the
 * all-zeros (flood) entry, a unicast entry replaced, one remote deleted, a dump filtered by device.
 */
@KernelTest
class VxlanFdbKernelTest {
    static final String ZERO = "00:00:00:00:00:00";
    TestNetns ns;
    BridgeNetlink nl;
    Fdb fdb;

    @BeforeEach
    void setUp() {
        ns = TestNetns.create();
        try {
            ns.ip("link add br0 type bridge");
            ns.ip("link add v0 type veth peer name v1");
            ns.ip("link set v0 master br0");
            ns.ip("link add vxlan0 type vxlan id 42 dstport 4789 nolearning");
            ns.ip("link set vxlan0 master br0");
            for (String d : new String[] {"br0", "v0", "v1", "vxlan0"}) {
                ns.ip("link set " + d + " up");
            }
            nl = BridgeNetlink.open(ns.name());
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
        fdb = nl.fdb();
    }

    @AfterEach
    void tearDown() throws Exception {
        ns.close(nl);
    }

    private static FdbSpec remote(String mac, String dev, String dst) {
        try {
            return FdbSpec.of(mac, dev).self().permanent().dst(InetAddress.getByName(dst));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "mac dst [port P] [vni V] [via D] [src_vni S]" of every self entry with a dst, as iproute2 reports them. */
    private Set<String> iprouteRemotes(String dev) {
        return Json.list(ns.json("bridge -j fdb show dev " + dev)).stream().map(Json::map)
                .filter(m -> m.containsKey("dst"))
                .map(m -> m.get("mac") + " " + m.get("dst") + (m.containsKey("port") ? " port " + m.get("port") : "")
                        + (m.containsKey("vni") ? " vni " + m.get("vni") : "")
                        + (m.containsKey("viaIf") ? " via " + m.get("viaIf") : "")
                        + (m.containsKey("src_vni") ? " src_vni " + m.get("src_vni") : ""))
                .collect(Collectors.toSet());
    }

    /** The same from our dump filtered by device (the kernel's default port/VNI left out, as iproute2 does). */
    private Set<String> ourRemotes(String dev, int defaultPort, int defaultVni) {
        Map<Integer, String> names = nl.call(ch -> new Links(ch).list()).stream()
                .collect(Collectors.toMap(Link::index, Link::name));
        return fdb.list(FdbFilter.port(dev)).stream().filter(e -> e.dst() != null)
                .map(e -> e.mac() + " " + e.dst().getHostAddress()
                        + (e.dstPort() != 0 && e.dstPort() != defaultPort ? " port " + e.dstPort() : "")
                        + (e.vni() >= 0 && e.vni() != defaultVni ? " vni " + e.vni() : "")
                        + (e.via() != 0 ? " via " + names.get(e.via()) : "")
                        + (e.srcVni() >= 0 ? " src_vni " + e.srcVni() : ""))
                .collect(Collectors.toSet());
    }

    @Test
    void appendReplaceDeleteAndDumpRemotes() {
        fdb.append(remote(ZERO, "vxlan0", "192.0.2.1"));
        fdb.append(remote(ZERO, "vxlan0", "192.0.2.2").vni(100).dstPort(4790).via("v1"));
        fdb.append(remote(ZERO, "vxlan0", "192.0.2.3").vni(101));
        fdb.add(remote("02:00:00:00:00:09", "vxlan0", "192.0.2.9"));
        assertThat(iprouteRemotes("vxlan0")).isEqualTo(Set.of(ZERO + " 192.0.2.1", ZERO + " 192.0.2.2 port 4790 vni 100 via v1",
                ZERO + " 192.0.2.3 vni 101", "02:00:00:00:00:09 192.0.2.9"));

        fdb.replace(remote("02:00:00:00:00:09", "vxlan0", "192.0.2.8"));
        fdb.delete(remote(ZERO, "vxlan0", "192.0.2.2").vni(100).dstPort(4790).via("v1"));
        Set<String> expected = Set.of(ZERO + " 192.0.2.1", ZERO + " 192.0.2.3 vni 101", "02:00:00:00:00:09 192.0.2.8");
        assertThat(iprouteRemotes("vxlan0")).isEqualTo(expected);
        assertThat(ourRemotes("vxlan0", 4789, 42)).isEqualTo(expected);

        // the dump by device holds only vxlan0's entries, self ones and the bridge's for the port
        List<FdbEntry> all = fdb.list(FdbFilter.port("vxlan0"));
        assertThat(all).isNotEmpty().allSatisfy(e -> assertThat(e.ifname()).isEqualTo("vxlan0"));
        assertThat(all.stream().filter(e -> e.dst() != null)).allSatisfy(e -> {
            assertThat(e.has(FdbFlag.SELF)).isTrue();
            assertThat(e.state()).isEqualTo(FdbState.PERMANENT);
        });
    }

    @Test
    void sourceVniOnACollectMetadataDevice() {
        ns.ip("link add vxlan1 type vxlan external dstport 4790 nolearning");
        ns.ip("link set vxlan1 up");
        fdb.append(remote(ZERO, "vxlan1", "192.0.2.4").vni(100).srcVni(200));
        fdb.append(remote(ZERO, "vxlan1", "192.0.2.5").vni(100).srcVni(200));
        Set<String> expected = Set.of(ZERO + " 192.0.2.4 vni 100 src_vni 200", ZERO + " 192.0.2.5 vni 100 src_vni 200");
        assertThat(iprouteRemotes("vxlan1")).isEqualTo(expected);
        assertThat(ourRemotes("vxlan1", 4790, -1)).isEqualTo(expected);
        Map<String, Object> one = Json.list(ns.json("bridge -j fdb show dev vxlan1")).stream().map(Json::map)
                .filter(m -> "192.0.2.4".equals(m.get("dst"))).findFirst().orElseThrow();
        assertThat(one).containsEntry("state", "permanent");
    }
}
