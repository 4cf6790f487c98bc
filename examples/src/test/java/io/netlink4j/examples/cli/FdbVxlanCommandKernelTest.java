package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** nlbridge fdb append/del of VXLAN remotes on a real VXLAN device; --json show against bridge -j fdb show dev vxlan0. */
@KernelTest
class FdbVxlanCommandKernelTest {
    static final String ZERO = "00:00:00:00:00:00";
    TestNetns ns;

    @BeforeEach
    void setUp() {
        ns = TestNetns.create();
        try {
            ns.ip("link add br0 type bridge");
            ns.ip("link add v0 type veth peer name v1");
            ns.ip("link add vxlan0 type vxlan id 42 dstport 4789 nolearning");
            ns.ip("link set vxlan0 master br0");
            for (String d : new String[] {"br0", "v0", "v1", "vxlan0"}) {
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

    /** The entries with a dst, as parsed JSON objects, keyed by "mac dst". */
    private static Map<String, Object> remotes(Object json) {
        return Json.list(json).stream().map(Json::map).filter(m -> m.containsKey("dst"))
                .collect(Collectors.toMap(m -> m.get("mac") + " " + m.get("dst"), m -> m));
    }

    @Test
    void appendRemotesThenDeleteOneMatchesBridgeFdbShow() {
        ok("fdb", "append", ZERO, "vxlan0", "--self", "--permanent", "--dst", "192.0.2.1");
        ok("fdb", "append", ZERO, "vxlan0", "--self", "--permanent", "--dst", "192.0.2.2", "--vni", "100",
                "--port", "4790", "--via", "v1");
        ok("fdb", "append", ZERO, "vxlan0", "--self", "--permanent", "--dst", "192.0.2.3", "--vni", "101");
        Cli.Result r = Cli.in(ns.name(), "--json", "fdb", "show", "--dev", "vxlan0");
        assertThat(r.status()).as(r.toString()).isZero();
        Object theirs = ns.json("bridge -j fdb show dev vxlan0");
        assertThat(r.json()).isEqualTo(theirs);
        assertThat(remotes(theirs)).containsOnlyKeys(ZERO + " 192.0.2.1", ZERO + " 192.0.2.2", ZERO + " 192.0.2.3");
        assertThat(Json.map(remotes(theirs).get(ZERO + " 192.0.2.2"))).containsEntry("port", 4790L)
                .containsEntry("vni", 100L).containsEntry("viaIf", "v1");

        Cli.Result text = Cli.in(ns.name(), "fdb", "show", "--dev", "vxlan0");
        assertThat(text.out()).contains(ZERO + " dst 192.0.2.2 port 4790 vni 100 via v1 self permanent\n");

        ok("fdb", "del", ZERO, "vxlan0", "--self", "--dst", "192.0.2.2", "--vni", "100", "--port", "4790", "--via", "v1");
        assertThat(remotes(ns.json("bridge -j fdb show dev vxlan0"))).containsOnlyKeys(ZERO + " 192.0.2.1", ZERO + " 192.0.2.3");
    }

    @Test
    void aHostNameIsNoAddress() {
        Cli.Result r = Cli.in(ns.name(), "fdb", "append", ZERO, "vxlan0", "--self", "--dst", "example.org");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("is not an IPv4 or IPv6 address");
        assertThat(remotes(ns.json("bridge -j fdb show dev vxlan0"))).isEmpty();
        assertThat(List.of(r.out())).containsExactly("");
    }
}
