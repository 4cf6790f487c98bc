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

@KernelTest
class FdbCommandKernelTest {
    TestNetns ns;

    @BeforeEach
    void setUp() {
        ns = TestNetns.withBridgeAndPort();
        ns.ip("link add v2 type veth peer name v3");
        ns.ip("link set v2 master br0");
        ns.ip("link set v2 up");
        ns.ip("link set v3 up");
    }

    @AfterEach
    void tearDown() {
        ns.close();
    }

    List<Object> bridgeFdb(String filter) {
        return Json.list(ns.json("bridge -j fdb show " + filter));
    }

    Map<String, Object> entry(String mac, String filter) {
        return bridgeFdb(filter).stream().map(Json::map).filter(e -> mac.equals(e.get("mac"))).findFirst().orElse(null);
    }

    /**
     * Our --json fdb show equals bridge -j fdb show on the same filter, both sides without dynamic
     * entries the test did not add (a learned one may appear between the two reads).
     */
    void assertShowEqualsBridge(String[] ours, String theirs) {
        Cli.Result r = Cli.in(ns.name(), ours);
        assertThat(r.status()).as(r.toString()).isZero();
        List<Object> b = owned(bridgeFdb(theirs));
        assertThat(owned(Json.list(r.json()))).isEqualTo(b);
        assertThat(b).isNotEmpty();
    }

    /** The entries this test owns: static and permanent ones (never learned), and dynamic ones with its MACs. */
    static List<Object> owned(List<Object> fdb) {
        return fdb.stream().filter(e -> !"".equals(Json.at(e, "state"))
                || String.valueOf(Json.at(e, "mac")).startsWith("02:00:00:00:00:")).toList();
    }

    @Test
    void addShowAndDeleteMatchBridgeFdb() {
        assertThat(Cli.in(ns.name(), "fdb", "add", "02:00:00:00:00:01", "v0").status()).isZero();
        assertThat(Cli.in(ns.name(), "fdb", "add", "02:00:00:00:00:02", "v0", "--permanent").status()).isZero();
        assertThat(Cli.in(ns.name(), "fdb", "add", "02:00:00:00:00:03", "v2", "--dynamic").status()).isZero();
        assertThat(entry("02:00:00:00:00:01", "br br0")).containsEntry("ifname", "v0").containsEntry("master", "br0")
                .containsEntry("state", "static");
        assertThat(entry("02:00:00:00:00:02", "br br0")).containsEntry("state", "permanent");
        assertThat(entry("02:00:00:00:00:03", "br br0")).containsEntry("ifname", "v2").containsEntry("state", "");

        assertShowEqualsBridge(new String[] {"--json", "fdb", "show", "--br", "br0"}, "br br0");
        assertShowEqualsBridge(new String[] {"--json", "fdb", "show", "--dev", "v0"}, "dev v0");
        assertShowEqualsBridge(new String[] {"--json", "fdb", "show"}, "");

        Cli.Result text = Cli.in(ns.name(), "fdb", "show", "--br", "br0");
        assertThat(text.out()).contains("02:00:00:00:00:01 dev v0 master br0 static\n",
                "02:00:00:00:00:02 dev v0 master br0 permanent\n", "02:00:00:00:00:03 dev v2 master br0\n");

        Cli.Result del = Cli.in(ns.name(), "fdb", "del", "02:00:00:00:00:01", "v0");
        assertThat(del.status()).as(del.toString()).isZero();
        assertThat(entry("02:00:00:00:00:01", "br br0")).isNull();
    }

    @Test
    void replaceMovesAnEntryAndAppendAddsOne() {
        assertThat(Cli.in(ns.name(), "fdb", "append", "02:00:00:00:00:05", "v0").status()).isZero();
        assertThat(entry("02:00:00:00:00:05", "br br0")).containsEntry("ifname", "v0");
        Cli.Result r = Cli.in(ns.name(), "fdb", "replace", "02:00:00:00:00:05", "v2");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(entry("02:00:00:00:00:05", "br br0")).containsEntry("ifname", "v2").containsEntry("state", "static");
    }

    @Test
    void selfEntryGoesToTheDevicesOwnFdb() {
        // a device's own FDB (its unicast address list) takes permanent entries only
        Cli.Result r = Cli.in(ns.name(), "fdb", "add", "02:00:00:00:00:06", "v1", "--self", "--permanent");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(entry("02:00:00:00:00:06", "dev v1")).isNotNull()
                .satisfies(e -> assertThat(Json.list(e.get("flags"))).contains("self"));
    }

    @Test
    void addingTwiceIsAKernelErrorOnOneLine() {
        assertThat(Cli.in(ns.name(), "fdb", "add", "02:00:00:00:00:01", "v0").status()).isZero();
        Cli.Result r = Cli.in(ns.name(), "fdb", "add", "02:00:00:00:00:01", "v0");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().startsWith("nlbridge: ").contains("EEXIST");
    }

    @Test
    void deletingWhatIsNotThereIsAKernelError() {
        Cli.Result r = Cli.in(ns.name(), "fdb", "del", "02:00:00:00:00:0f", "v0");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().contains("ENOENT")
                .startsWith("nlbridge: fdb delete 02:00:00:00:00:0f dev v0 master: "); // a delete has no state
    }

    @Test
    void badMacIsAUsageErrorAndNothingIsSent() {
        Cli.Result r = Cli.in(ns.name(), "fdb", "add", "02:00:00:00:00", "v0");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("nlbridge: fdb add: Invalid value for positional parameter at index 0 (MAC): invalid MAC address \"02:00:00:00:00\"");
    }

    @Test
    void vlan4096IsAUsageError() {
        Cli.Result r = Cli.in(ns.name(), "fdb", "add", "02:00:00:00:00:01", "v0", "--vlan", "4096");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString()
                .isEqualTo("nlbridge: fdb add: Invalid value for option '--vlan': VLAN 4096 is out of range: VLAN IDs are 1-4094");
        assertThat(entry("02:00:00:00:00:01", "br br0")).isNull();
    }

    @Test
    void unknownAndNonPortDevicesAreRefusedBeforeAnythingIsSent() {
        Cli.Result unknown = Cli.in(ns.name(), "fdb", "add", "02:00:00:00:00:01", "nosuch0");
        assertThat(unknown.status()).isEqualTo(Failure.NO_SUCH_DEVICE);
        assertThat(unknown.errLines()).singleElement().asString()
                .isEqualTo("nlbridge: fdb add 02:00:00:00:00:01 dev nosuch0 master static: device \"nosuch0\" does not exist (ENODEV)");
        Cli.Result notPort = Cli.in(ns.name(), "fdb", "add", "02:00:00:00:00:01", "v1");
        assertThat(notPort.status()).isEqualTo(Failure.NOT_A_BRIDGE_PORT);
        assertThat(notPort.errLines()).singleElement().asString().contains("v1 is not a bridge port");
        assertThat(entry("02:00:00:00:00:01", "")).isNull();
    }

    @Test
    void bothStatesAtOnceIsAUsageError() {
        Cli.Result r = Cli.in(ns.name(), "fdb", "add", "02:00:00:00:00:01", "v0", "--static", "--dynamic");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("mutually exclusive");
    }
}
