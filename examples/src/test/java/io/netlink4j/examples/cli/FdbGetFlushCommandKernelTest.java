package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** nlbridge fdb get, fdb flush and the entry flags of fdb add, checked against bridge -j fdb get|show. */
@KernelTest
class FdbGetFlushCommandKernelTest extends WithBridgeAndPort {

    private void ok(String... args) {
        Cli.ok(ns.name(), args);
    }

    private List<String> ourMacsOnV0() {
        return Json.list(ns.json("bridge -j fdb show dev v0")).stream().map(Json::map)
                .map(m -> (String) m.get("mac")).filter(m -> m.startsWith("02:00:00:00:00:"))
                .sorted().collect(Collectors.toList());
    }

    @Test
    void getMatchesBridgeFdbGet() {
        ok("fdb", "add", "02:00:00:00:00:01", "v0");
        for (String where : new String[] {"br br0", "brport v0"}) {
            String[] w = where.split(" ");
            Cli.Result r = Cli.in(ns.name(), "--json", "fdb", "get", "02:00:00:00:00:01", "--" + w[0], w[1]);
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(r.json()).isEqualTo(ns.json("bridge -j fdb get 02:00:00:00:00:01 " + where));
            Cli.Result text = Cli.in(ns.name(), "fdb", "get", "02:00:00:00:00:01", "--" + w[0], w[1]);
            assertThat(text.out()).isEqualTo(ns.bridge("fdb get 02:00:00:00:00:01 " + where));
        }
        Cli.Result missing = Cli.in(ns.name(), "fdb", "get", "02:00:00:00:00:09", "--br", "br0");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("no such FDB entry");
        assertThat(Cli.in(ns.name(), "fdb", "get", "02:00:00:00:00:01").status()).isEqualTo(2); // --br or --brport
    }

    @Test
    void flushRemovesStaticEntriesAndKeepsPermanentOnes() {
        ok("fdb", "add", "02:00:00:00:00:01", "v0");
        ok("fdb", "add", "02:00:00:00:00:02", "v0");
        ok("fdb", "add", "02:00:00:00:00:03", "v0", "--permanent");
        assertThat(ourMacsOnV0()).containsExactly("02:00:00:00:00:01", "02:00:00:00:00:02", "02:00:00:00:00:03");
        ok("fdb", "flush", "v0", "--dynamic");   // no dynamic entries of ours: nothing of ours goes
        assertThat(ourMacsOnV0()).containsExactly("02:00:00:00:00:01", "02:00:00:00:00:02", "02:00:00:00:00:03");
        ok("fdb", "flush", "v0");
        assertThat(ourMacsOnV0()).containsExactly("02:00:00:00:00:03");
        ok("fdb", "flush", "br0", "--with-permanent");
        assertThat(ourMacsOnV0()).isEmpty();

        ok("fdb", "add", "02:00:00:00:00:04", "v0");
        ok("fdb", "add", "02:00:00:00:00:06", "v0", "--sticky");
        ok("fdb", "add", "02:00:00:00:00:07", "v0", "--extern-learn");
        ok("fdb", "flush", "v0", "--sticky", "on");
        assertThat(ourMacsOnV0()).containsExactly("02:00:00:00:00:04", "02:00:00:00:00:07");
        ok("fdb", "flush", "v0", "--static", "--extern-learn", "off");
        assertThat(ourMacsOnV0()).containsExactly("02:00:00:00:00:07");
    }

    @Test
    void entryFlags() {
        ok("fdb", "add", "02:00:00:00:00:06", "v0", "--sticky");
        ok("fdb", "add", "02:00:00:00:00:07", "v0", "--extern-learn");
        Map<String, Object> flags = Json.list(ns.json("bridge -j fdb show dev v0")).stream().map(Json::map)
                .filter(m -> ((String) m.get("mac")).startsWith("02:00:00:00:00:"))
                .collect(Collectors.toMap(m -> (String) m.get("mac"), m -> m.get("flags")));
        assertThat(Json.list(flags.get("02:00:00:00:00:06"))).contains("sticky");
        assertThat(Json.list(flags.get("02:00:00:00:00:07"))).contains("extern_learn");
    }

    @Test
    void nhidOnAVxlanDevice() {
        ns.ip("addr add 192.0.2.10/24 dev v1");
        ns.ip("link add vxlan0 type vxlan id 42 dstport 4789 nolearning");
        ns.ip("link set vxlan0 up");
        ns.ip("nexthop add id 1 via 192.0.2.1 fdb");
        ns.ip("nexthop add id 10 group 1 fdb");
        ok("fdb", "add", "02:00:00:00:00:0a", "vxlan0", "--self", "--permanent", "--nhid", "10");
        Map<String, Object> e = Json.list(ns.json("bridge -j fdb show dev vxlan0")).stream().map(Json::map)
                .filter(m -> "02:00:00:00:00:0a".equals(m.get("mac"))).findFirst().orElseThrow();
        assertThat(((Number) e.get("nhid")).intValue()).isEqualTo(10);
        ns.bridge("fdb add 02:00:00:00:00:0c dev vxlan0 dst 192.0.2.12 self permanent");
        Cli.Result got = Cli.in(ns.name(), "--json", "fdb", "get", "02:00:00:00:00:0c", "--dev", "vxlan0", "--self",
                "--vni", "42");
        assertThat(got.status()).as(got.toString()).isZero();
        assertThat(got.json()).isEqualTo(ns.json("bridge -j fdb get 02:00:00:00:00:0c dev vxlan0 self vni 42"));
        Cli.Result ours = Cli.in(ns.name(), "--json", "fdb", "show", "--dev", "vxlan0");
        assertThat(ours.json()).isEqualTo(ns.json("bridge -j fdb show dev vxlan0"));
        // -p: indented as iproute2 indents it, byte for byte (objects in an array, string arrays)
        assertThat(Cli.in(ns.name(), "--json", "-p", "fdb", "show", "--dev", "vxlan0").out())
                .isEqualTo(ns.bridge("-j -p fdb show dev vxlan0"));
        assertThat(Cli.in(ns.name(), "fdb", "add", "02:00:00:00:00:0b", "vxlan0", "--self", "--nhid", "10",
                "--dst", "192.0.2.1").status()).isEqualTo(2);
    }

    @Test
    void showFiltersMatchBridgeFdbShow() {
        ok("fdb", "add", "02:00:00:00:00:01", "v0");
        ok("fdb", "add", "02:00:00:00:00:02", "v0", "--permanent");
        ok("fdb", "add", "02:00:00:00:00:03", "v0", "--dynamic");
        for (String[] c : new String[][] {{"state static", "--state", "static"}, {"state permanent", "--state", "permanent"},
                {"state dynamic", "--state", "dynamic"}, {"dynamic", "--dynamic"},
                {"state static state permanent", "--state", "static", "--state", "permanent"}, {"vlan 1", "--vlan", "1"}}) {
            String[] ours = new String[c.length + 5];
            ours[0] = "--json";
            ours[1] = "fdb";
            ours[2] = "show";
            ours[3] = "--br";
            ours[4] = "br0";
            System.arraycopy(c, 1, ours, 5, c.length - 1);
            Cli.Result r = Cli.in(ns.name(), java.util.Arrays.copyOf(ours, c.length + 4));
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(r.json()).as(c[0]).isEqualTo(ns.json("bridge -j fdb show br br0 " + c[0]));
        }
        assertThat(Cli.in(ns.name(), "fdb", "show", "--state", "bogus").status()).isEqualTo(2);
    }

    @Test
    void showStatsHasBridgesTimers() {
        ok("fdb", "add", "02:00:00:00:00:01", "v0");
        Cli.Result r = Cli.in(ns.name(), "--json", "fdb", "show", "--br", "br0", "-s");
        assertThat(r.status()).as(r.toString()).isZero();
        List<Map<String, Object>> ours = Json.list(r.json()).stream().map(Json::map).toList();
        List<Map<String, Object>> theirs = Json.list(ns.json("bridge -j -s fdb show br br0")).stream().map(Json::map).toList();
        // the same entries and keys; the timers may have ticked a second between the two reads
        assertThat(ours).hasSameSizeAs(theirs);
        for (int i = 0; i < ours.size(); i++) {
            assertThat(ours.get(i).keySet()).as(ours.get(i).toString()).containsExactlyElementsOf(theirs.get(i).keySet());
            for (String k : List.of("used", "updated")) {
                if (theirs.get(i).containsKey(k)) {
                    long d = ((Number) ours.get(i).get(k)).longValue() - ((Number) theirs.get(i).get(k)).longValue();
                    assertThat(Math.abs(d)).as(k + " of " + ours.get(i)).isLessThanOrEqualTo(2);
                }
            }
        }
        assertThat(ours.stream().filter(m -> "02:00:00:00:00:01".equals(m.get("mac"))).findFirst().orElseThrow())
                .containsKeys("used", "updated");
        assertThat(Cli.in(ns.name(), "fdb", "show", "--br", "br0", "-s").out()).containsPattern(
                "02:00:00:00:00:01 dev v0 used \\d+/\\d+ master br0 static");
    }
}
