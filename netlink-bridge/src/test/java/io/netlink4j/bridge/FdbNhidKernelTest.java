package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * FDB entries of a real VXLAN device whose destination is an FDB nexthop group ({@code ip nexthop
 * ... fdb}), and the sticky / extern_learn flags on a bridge port, checked with
 * {@code bridge -j fdb show}.
 */
@KernelTest
class FdbNhidKernelTest {
    TestNetns ns;
    BridgeNetlink nl;

    @BeforeEach
    void setUp() {
        ns = TestNetns.create();
        try {
            ns.ip("link add br0 type bridge");
            ns.ip("link add v0 type veth peer name v1");
            ns.ip("link set v0 master br0");
            ns.ip("addr add 192.0.2.10/24 dev v1");
            ns.ip("link add vxlan0 type vxlan id 42 dstport 4789 nolearning");
            ns.ip("link set vxlan0 master br0");
            for (String d : new String[] {"br0", "v0", "v1", "vxlan0"}) {
                ns.ip("link set " + d + " up");
            }
            ns.ip("nexthop add id 1 via 192.0.2.1 fdb");
            ns.ip("nexthop add id 2 via 192.0.2.2 fdb");
            ns.ip("nexthop add id 10 group 1/2 fdb");
            ns.ip("nexthop add id 11 group 1 fdb");
            nl = BridgeNetlink.open(ns.name());
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        ns.close(nl);
    }

    /** mac -> nhid of vxlan0's self entries with a nexthop group, as iproute2 reports them. */
    private Map<String, Integer> iprouteNhids() {
        return Json.list(ns.json("bridge -j fdb show dev vxlan0")).stream().map(Json::map)
                .filter(m -> m.containsKey("nhid"))
                .collect(Collectors.toMap(m -> (String) m.get("mac"), m -> ((Number) m.get("nhid")).intValue()));
    }

    @Test
    void entriesPointAtANexthopGroup() {
        Fdb fdb = nl.fdb();
        fdb.add(FdbSpec.of("02:00:00:00:00:01", "vxlan0").self().permanent().nhId(10));
        fdb.add(FdbSpec.of("02:00:00:00:00:02", "vxlan0").self().permanent().nhId(11));
        assertThat(iprouteNhids()).isEqualTo(Map.of("02:00:00:00:00:01", 10, "02:00:00:00:00:02", 11));
        assertThat(fdb.list(FdbFilter.port("vxlan0")).stream().filter(e -> e.nhId() != 0)
                .collect(Collectors.toMap(FdbEntry::mac, FdbEntry::nhId)))
                .isEqualTo(Map.of("02:00:00:00:00:01", 10, "02:00:00:00:00:02", 11));

        fdb.replace(FdbSpec.of("02:00:00:00:00:02", "vxlan0").self().permanent().nhId(10));
        fdb.delete(FdbSpec.of("02:00:00:00:00:01", "vxlan0").self());
        assertThat(iprouteNhids()).isEqualTo(Map.of("02:00:00:00:00:02", 10));
    }

    @Test
    void stickyAndExternLearnFlags() {
        nl.fdb().add(FdbSpec.of("02:00:00:00:00:06", "v0").sticky());
        nl.fdb().add(FdbSpec.of("02:00:00:00:00:07", "v0").externLearn());
        Map<String, Object> flags = Json.list(ns.json("bridge -j fdb show dev v0")).stream().map(Json::map)
                .filter(m -> ((String) m.get("mac")).startsWith("02:00:00:00:00:0"))
                .collect(Collectors.toMap(m -> (String) m.get("mac"), m -> m.get("flags")));
        assertThat(Json.list(flags.get("02:00:00:00:00:06"))).contains("sticky");
        assertThat(Json.list(flags.get("02:00:00:00:00:07"))).contains("extern_learn");
        assertThat(nl.fdb().get("02:00:00:00:00:06", "br0", 0)).hasValueSatisfying(e -> assertThat(e.has(FdbFlag.STICKY)).isTrue());
        assertThat(nl.fdb().get("02:00:00:00:00:07", "br0", 0)).hasValueSatisfying(e -> assertThat(e.has(FdbFlag.EXTERN_LEARN)).isTrue());
    }

    @Test
    void routerFlagOnAVxlanRemote() throws Exception {
        nl.fdb().add(FdbSpec.of("02:00:00:00:00:08", "vxlan0").self().permanent().router()
                .dst(java.net.InetAddress.getByName("192.0.2.8")));
        Map<String, Object> e = Json.list(ns.json("bridge -j fdb show dev vxlan0")).stream().map(Json::map)
                .filter(m -> "02:00:00:00:00:08".equals(m.get("mac"))).findFirst().orElseThrow();
        assertThat(Json.list(e.get("flags"))).contains("router");
        assertThat(e).containsEntry("dst", "192.0.2.8");
    }

    @Test
    void getFromTheVxlanDevicesOwnFdb() throws Exception {
        nl.fdb().add(FdbSpec.of("02:00:00:00:00:09", "vxlan0").self().permanent()
                .dst(java.net.InetAddress.getByName("192.0.2.9")));
        assertThat(ns.bridge("fdb get 02:00:00:00:00:09 dev vxlan0 self vni 42")).contains("dst 192.0.2.9");
        assertThat(nl.fdb().getSelf("02:00:00:00:00:09", "vxlan0", 42))
                .hasValueSatisfying(e -> assertThat(e.dst().getHostAddress()).isEqualTo("192.0.2.9"));
        assertThat(nl.fdb().getSelf("02:00:00:00:00:09", "vxlan0", -1)).isPresent();
        assertThat(nl.fdb().getSelf("02:00:00:00:00:0a", "vxlan0", -1)).isEmpty();
    }
}
