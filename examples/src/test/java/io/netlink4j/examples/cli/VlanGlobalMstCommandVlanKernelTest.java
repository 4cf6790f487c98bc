package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** vlan global and mst commands against a VLAN-filtering kernel (the VM lane), checked with iproute2. */
@KernelTest
@Tag("vlan")
class VlanGlobalMstCommandVlanKernelTest {
    TestNetns ns;

    @BeforeEach
    void setUp() {
        ns = TestNetns.withBridgeAndPort();
        ns.ip("link set dev br0 type bridge vlan_filtering 1");
    }

    @AfterEach
    void tearDown() {
        ns.close();
    }

    @Test
    void globalSetThenShowMatchesIproute2() {
        ns.bridge("vlan add dev v0 vid 100");
        Cli.Result set = Cli.in(ns.name(), "vlan", "global", "set", "br0", "100", "--mcast-querier", "1",
                "--mcast-igmp-version", "3", "--mcast-query-interval", "12000");
        assertThat(set.status()).as(set.toString()).isZero();
        Cli.Result show = Cli.in(ns.name(), "--json", "vlan", "global", "show", "br0");
        assertThat(show.status()).as(show.toString()).isZero();
        Map<String, Object> ours = entry(show.json(), 100);
        Map<String, Object> theirs = entry(ns.json("bridge -j vlan global show"), 100);
        assertThat(theirs).containsEntry("mcast_querier", 1L).containsEntry("mcast_igmp_version", 3L)
                .containsEntry("mcast_query_interval", 12000L);
        // every key iproute2 6.1 prints, with the same value (we may print msti, which 6.1 does not)
        assertThat(ours).containsAllEntriesOf(theirs);
    }

    @Test
    void mstSetShowsInTheVlansState() {
        ns.bridge("vlan del dev v0 vid 1"); // mst_enable changes only while no port has VLANs
        assertThat(Cli.in(ns.name(), "bridge", "set", "br0", "--mst-enable", "on").status()).isZero();
        ns.bridge("vlan add dev v0 vid 100");
        assertThat(Cli.in(ns.name(), "vlan", "global", "set", "br0", "100", "--msti", "7").status()).isZero();
        Cli.Result set = Cli.in(ns.name(), "mst", "set", "v0", "7", "blocking");
        assertThat(set.status()).as(set.toString()).isZero();
        Object vlans = Json.list(ns.json("bridge -d -j vlan show")).stream().filter(d -> "v0".equals(Json.at(d, "ifname")))
                .map(d -> Json.at(d, "vlans")).findFirst().orElseThrow();
        assertThat(Json.list(vlans)).anySatisfy(v -> assertThat(Json.map(v)).containsEntry("vlan", 100L)
                .containsEntry("state", "blocking"));
        Cli.Result show = Cli.in(ns.name(), "--json", "mst", "show", "v0");
        assertThat(show.status()).as(show.toString()).isZero();
        assertThat(Json.list(Json.at(show.json(), 0, "mst")))
                .contains(Json.parse("{\"msti\":7,\"state\":\"blocking\"}"));
    }

    private static Map<String, Object> entry(Object json, int vid) {
        for (Object dev : Json.list(json)) {
            if (!"br0".equals(Json.at(dev, "ifname"))) {
                continue;
            }
            List<Object> vlans = Json.list(Json.at(dev, "vlans"));
            for (Object v : vlans) {
                if (Long.valueOf(vid).equals(Json.at(v, "vlan"))) {
                    return Json.map(v);
                }
            }
        }
        throw new AssertionError("no VLAN " + vid + " of br0 in " + json);
    }
}
