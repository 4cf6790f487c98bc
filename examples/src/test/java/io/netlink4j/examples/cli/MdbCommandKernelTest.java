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

/** nlbridge mdb against the kernel; its --json output compared with bridge -j mdb show's, key for key. */
@KernelTest
class MdbCommandKernelTest {
    TestNetns ns;

    @BeforeEach
    void setUp() {
        ns = TestNetns.create();
        try {
            ns.ip("link add br0 type bridge mcast_snooping 1 mcast_igmp_version 3");
            ns.ip("link add v0 type veth peer name v1");
            ns.ip("link add v2 type veth peer name v3");
            ns.ip("link set v0 master br0");
            ns.ip("link set v2 master br0");
            for (String d : new String[] {"br0", "v0", "v1", "v2", "v3"}) {
                ns.ip("link set " + d + " up");
            }
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    @AfterEach
    void tearDown() {
        ns.close();
    }

    private void ok(String... args) {
        Cli.ok(ns.name(), args);
    }

    /** Our --json mdb show with {@code flags} equals bridge -j {@code flags} mdb show. */
    private void assertSameAsBridge(String flags, String... ours) {
        Cli.Result r = Cli.in(ns.name(), ours);
        assertThat(r.status()).as(r.toString()).isZero();
        boolean byVid = ours.length > 2 && "--vid".equals(ours[ours.length - 2]);
        Object theirs = ns.json("bridge -j " + flags + " mdb show" + (byVid ? " vid " + ours[ours.length - 1] : ""));
        assertThat(r.json()).as(String.join(" ", ours)).isEqualTo(theirs);
    }

    @Test
    void addShowDelMatchBridgeMdbShow() {
        ok("mdb", "add", "br0", "v0", "239.1.1.1");
        ok("mdb", "add", "br0", "v2", "239.1.1.1", "--permanent");
        ok("mdb", "add", "br0", "v0", "ff0e::1", "--vlan", "10");
        ok("mdb", "add", "br0", "v2", "01:00:5e:01:01:05");
        ok("mdb", "add", "br0", "v0", "239.1.1.3", "--src", "192.0.2.1");
        ok("mdb", "add", "br0", "v0", "239.1.1.4", "--filter-mode", "include", "--source-list", "192.0.2.7,192.0.2.8",
                "--proto", "bgp");
        ns.ip("link set dev v2 type bridge_slave mcast_router 2");

        // only permanent entries: their timers read 0.00 on both sides, so even -s compares exactly
        assertSameAsBridge("", "--json", "mdb", "show");
        assertSameAsBridge("-d", "--json", "mdb", "show", "-d");
        assertSameAsBridge("-d -s", "--json", "mdb", "show", "-d", "-s");
        assertSameAsBridge("-s", "--json", "mdb", "show", "--br", "br0", "-s");
        assertSameAsBridge("-d", "--json", "mdb", "show", "-d", "--vid", "10"); // = bridge -j -d mdb show vid 10
        List<Object> mdb = Json.list(Json.map(Json.list(ns.json("bridge -j -d mdb show")).get(0)).get("mdb"));
        assertThat(mdb).hasSizeGreaterThanOrEqualTo(6);

        Cli.Result text = Cli.in(ns.name(), "mdb", "show", "-d");
        assertThat(text.out()).contains("dev br0 port v0 grp ff0e::1 permanent proto static vid 10\n",
                "dev br0 port v0 grp 239.1.1.3 src 192.0.2.1 permanent filter_mode include proto static\n",
                "router ports on br0: v2\n");

        ok("mdb", "del", "br0", "v0", "239.1.1.1");
        ok("mdb", "del", "br0", "v0", "ff0e::1", "--vlan", "10");
        assertThat(Json.list(Json.map(Json.list(ns.json("bridge -j mdb show")).get(0)).get("mdb")))
                .noneMatch(e -> "v0".equals(Json.map(e).get("port")) && List.of("239.1.1.1", "ff0e::1").contains(Json.map(e).get("grp")));
        assertSameAsBridge("", "--json", "mdb", "show");
    }

    @Test
    void temporaryEntriesMatchExceptForTheTicking() {
        ok("mdb", "add", "br0", "v0", "239.1.1.2", "--temp", "--vlan", "7");
        Cli.Result r = Cli.in(ns.name(), "--json", "mdb", "show", "-s");
        Map<String, Object> ours = Json.map(Json.list(Json.map(Json.list(r.json()).get(0)).get("mdb")).get(0));
        Map<String, Object> theirs = Json.map(Json.list(Json.map(Json.list(ns.json("bridge -j -s mdb show")).get(0)).get("mdb")).get(0));
        assertThat(ours.keySet()).containsExactlyElementsOf(theirs.keySet());
        ours.remove("timer");
        theirs.remove("timer");
        assertThat(ours).isEqualTo(theirs).containsEntry("state", "temp").containsEntry("vid", 7L);
    }

    @Test
    void badInputIsAUsageErrorAndKernelRefusalAFailure() {
        Cli.Result bad = Cli.in(ns.name(), "mdb", "add", "br0", "v0", "10.0.0.1");
        assertThat(bad.status()).as(bad.toString()).isEqualTo(2);
        assertThat(bad.err()).contains("not an IPv4 multicast address");
        Cli.Result missing = Cli.in(ns.name(), "mdb", "del", "br0", "v0", "239.1.1.9");
        assertThat(missing.status()).as(missing.toString()).isEqualTo(1);
        assertThat(missing.err()).contains("no such MDB entry");
    }
}
