package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.AlreadyExistsException;
import io.netlink4j.core.InvalidArgumentException;
import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MDB operations against the real kernel in a throw-away namespace (IPv6 off before any link comes
 * up, so no MLD report adds groups of its own): br0 with ports v0 and v2. Every write is checked
 * with {@code bridge -j mdb show}.
 */
@KernelTest
class MdbKernelTest {
    TestNetns ns;
    BridgeNetlink nl;
    Mdb mdb;

    @BeforeEach
    void setUp() {
        ns = TestNetns.create();
        try {
            ns.ip("link add br0 type bridge mcast_snooping 1");
            ns.ip("link add v0 type veth peer name v1");
            ns.ip("link add v2 type veth peer name v3");
            ns.ip("link set v0 master br0");
            ns.ip("link set v2 master br0");
            for (String d : new String[] {"br0", "v0", "v1", "v2", "v3"}) {
                ns.ip("link set " + d + " up");
            }
            nl = BridgeNetlink.open(ns.name());
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
        mdb = nl.mdb();
    }

    @AfterEach
    void tearDown() throws Exception {
        ns.close(nl);
    }

    /** bridge -j [-d] mdb show: the "mdb" array of br0's object. */
    private List<Map<String, Object>> iproute(String flags) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : Json.list(ns.json("bridge -j " + flags + " mdb show"))) {
            for (Object e : Json.list(Json.map(o).get("mdb"))) {
                out.add(Json.map(e));
            }
        }
        return out;
    }

    /** "port grp [src S] state [vid V]" per entry, as iproute2 reports them. */
    private Set<String> iprouteLines() {
        return iproute("").stream().map(m -> m.get("port") + " " + m.get("grp")
                + (m.containsKey("src") ? " src " + m.get("src") : "") + " " + m.get("state")
                + (m.containsKey("vid") ? " vid " + m.get("vid") : "")).collect(Collectors.toSet());
    }

    private Set<String> ourLines() {
        return mdb.show("br0").entries().stream().map(e -> e.port() + " " + e.group()
                + (e.source() != null ? " src " + e.source() : "") + (e.permanent() ? " permanent" : " temp")
                + (e.vlan() != 0 ? " vid " + e.vlan() : "")).collect(Collectors.toSet());
    }

    @Test
    void addsEveryKindOfGroupAndReadsThemBackLikeIproute() {
        mdb.add(MdbSpec.of("br0", "v0", "239.1.1.1"));
        mdb.add(MdbSpec.of("br0", "v2", "239.1.1.1"));
        mdb.add(MdbSpec.of("br0", "v0", "239.1.1.2").temporary().vlan(10));
        mdb.add(MdbSpec.of("br0", "v0", "ff0e::1"));
        mdb.add(MdbSpec.of("br0", "v2", "01:00:5e:01:01:05"));
        mdb.add(MdbSpec.of("br0", "v0", "239.1.1.3").source("192.0.2.1"));
        mdb.add(MdbSpec.of("br0", "br0", "239.1.1.9").temporary());
        Set<String> expected = Set.of("v0 239.1.1.1 permanent", "v2 239.1.1.1 permanent", "v0 239.1.1.2 temp vid 10",
                "v0 ff0e::1 permanent", "v2 01:00:5e:01:01:05 permanent", "v0 239.1.1.3 src 192.0.2.1 permanent",
                "br0 239.1.1.9 temp");
        assertThat(iprouteLines()).isEqualTo(expected);
        assertThat(ourLines()).isEqualTo(expected);

        MdbTable t = mdb.show("br0");
        MdbEntry temp = t.entries().stream().filter(e -> e.group().equals("239.1.1.2")).findFirst().orElseThrow();
        assertThat(temp.timer()).isPositive();
        MdbEntry host = t.entries().stream().filter(e -> e.group().equals("239.1.1.9")).findFirst().orElseThrow();
        assertThat(host.isHostEntry()).isTrue();
        assertThat(host.bridge()).isEqualTo("br0");

        mdb.delete(MdbSpec.of("br0", "v0", "239.1.1.1"));
        mdb.delete(MdbSpec.of("br0", "v0", "ff0e::1"));
        mdb.delete(MdbSpec.of("br0", "v0", "239.1.1.3").source("192.0.2.1"));
        mdb.delete(MdbSpec.of("br0", "v0", "239.1.1.2").vlan(10));
        assertThat(iprouteLines()).isEqualTo(Set.of("v2 239.1.1.1 permanent", "v2 01:00:5e:01:01:05 permanent",
                "br0 239.1.1.9 temp"));
        assertThat(ourLines()).isEqualTo(iprouteLines());
    }

    @Test
    void duplicateAndMissingEntriesAreTypedErrors() {
        mdb.add(MdbSpec.of("br0", "v0", "239.1.1.1"));
        assertThatThrownBy(() -> mdb.add(MdbSpec.of("br0", "v0", "239.1.1.1")))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("239.1.1.1");
        assertThatThrownBy(() -> mdb.delete(MdbSpec.of("br0", "v0", "239.1.1.7")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("no such MDB entry");
        assertThat(iprouteLines()).containsExactly("v0 239.1.1.1 permanent");
    }

    @Test
    void snoopingOffIsRefusedWithTheKernelsReason() {
        ns.ip("link set br0 type bridge mcast_snooping 0");
        assertThatThrownBy(() -> mdb.add(MdbSpec.of("br0", "v0", "239.1.1.1")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("multicast processing is disabled");
        assertThat(iproute("")).isEmpty();
    }

    @Test
    void filterModeSourceListAndProtocolWithIgmpV3() {
        ns.ip("link set br0 type bridge mcast_igmp_version 3 mcast_mld_version 2");
        mdb.add(MdbSpec.of("br0", "v0", "239.1.1.4").filterMode(MdbFilterMode.INCLUDE)
                .sourceList(List.of("192.0.2.1", "192.0.2.2")).protocol(186));
        mdb.add(MdbSpec.of("br0", "v0", "ff0e::4").filterMode(MdbFilterMode.EXCLUDE).sourceList(List.of("2001:db8::1")));
        Map<String, Map<String, Object>> theirs = iproute("-d").stream()
                .collect(Collectors.toMap(m -> m.get("grp") + (m.containsKey("src") ? "/" + m.get("src") : ""), m -> m));
        assertThat(theirs.get("239.1.1.4")).containsEntry("filter_mode", "include").containsEntry("protocol", "bgp");
        assertThat(Json.list(theirs.get("239.1.1.4").get("source_list")).stream()
                .map(o -> Json.map(o).get("address")).collect(Collectors.toSet())).containsExactlyInAnyOrder("192.0.2.1", "192.0.2.2");
        assertThat(theirs.get("ff0e::4")).containsEntry("filter_mode", "exclude");

        MdbEntry ours = mdb.show("br0").entries().stream()
                .filter(e -> e.group().equals("239.1.1.4") && e.source() == null).findFirst().orElseThrow();
        assertThat(ours.filterMode()).isEqualTo(MdbFilterMode.INCLUDE);
        assertThat(ours.protocol()).isEqualTo(186);
        assertThat(ours.sources()).extracting(MdbSource::address).containsExactlyInAnyOrder("192.0.2.1", "192.0.2.2");
        // the (S, G) entries the kernel made for the INCLUDE sources show up on both sides
        assertThat(ourLines()).isEqualTo(iprouteLines());

        mdb.replace(MdbSpec.of("br0", "v0", "239.1.1.4").filterMode(MdbFilterMode.EXCLUDE));
        Map<String, Object> after = iproute("-d").stream()
                .filter(m -> m.get("grp").equals("239.1.1.4") && !m.containsKey("src")).findFirst().orElseThrow();
        assertThat(after).containsEntry("filter_mode", "exclude");
    }

    @Test
    void routerPortsAreInTheDump() {
        ns.ip("link set dev v2 type bridge_slave mcast_router 2");
        MdbTable t = mdb.show("br0");
        assertThat(t.routers()).extracting(MdbRouterPort::port, MdbRouterPort::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("v2", MdbRouterType.PERM));
        Map<String, Object> routers = Json.map(Json.map(Json.list(ns.json("bridge -j -d -s mdb show")).get(0)).get("router"));
        assertThat(Json.list(routers.get("br0"))).extracting(o -> Json.map(o).get("port"), o -> Json.map(o).get("type"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("v2", "permanent"));
    }

    @Test
    void getReturnsEveryPortOfAGroup() {
        mdb.add(MdbSpec.of("br0", "v0", "239.1.1.1"));
        mdb.add(MdbSpec.of("br0", "v2", "239.1.1.1").temporary());
        List<MdbEntry> got = mdb.get("br0", "239.1.1.1", 0, null);
        assertThat(got).extracting(MdbEntry::port).containsExactlyInAnyOrder("v0", "v2");
        assertThat(got).allSatisfy(e -> assertThat(e.bridge()).isEqualTo("br0"));
        assertThat(got.stream().filter(e -> !e.permanent()).findFirst().orElseThrow().timer()).isGreaterThan(Duration.ZERO);
        assertThat(mdb.get("br0", "239.1.1.8", 0, null)).isEmpty();
    }
}
