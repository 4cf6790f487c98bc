package io.netlink4j.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kit's own scoping: a command meant for the test namespace must never run on the host. */
class TestNetnsTest {
    @Test
    void iproute2CommandsGetTheNamespaceOthersRunInsideIt() throws Exception {
        var ctor = TestNetns.class.getDeclaredConstructor(String.class);
        ctor.setAccessible(true);
        TestNetns ns = ctor.newInstance("nl4jt-x");
        assertThat(ns.scoped("ip link show dev br0")).containsExactly("ip", "-n", "nl4jt-x", "link", "show", "dev", "br0");
        assertThat(ns.scoped("bridge -j fdb show")).containsExactly("bridge", "-n", "nl4jt-x", "-j", "fdb", "show");
        assertThat(ns.scoped("ip -n other link")).containsExactly("ip", "-n", "other", "link");
        assertThat(ns.scoped("cat /proc/net/dev")).containsExactly("ip", "netns", "exec", "nl4jt-x", "cat", "/proc/net/dev");
    }

    @Test
    @KernelTest
    void aDeviceMadeInTheNamespaceIsSeenOnlyThere() {
        try (TestNetns ns = TestNetns.create()) {
            ns.ip("link add nl4jtdummy type bridge");
            assertThat(ns.tryExec("ip link show dev nl4jtdummy").status()).isZero();
            assertThat(TestNetns.runResult(java.util.List.of("ip", "link", "show", "dev", "nl4jtdummy")).status()).isNotZero();
        }
    }

    @Test
    @KernelTest
    void theNamespaceIsQuietIpv6IsOffOnEveryDeviceAndNoneHasAnIpv6Address() {
        try (TestNetns ns = TestNetns.withBridgeAndPort()) {
            ns.ip("link add v2 type veth peer name v3"); // made after set-up: "default" applies
            for (String dev : new String[] {"all", "default", "lo", "br0", "v0", "v1", "v2", "v3"}) {
                assertThat(ns.exec("cat /proc/sys/net/ipv6/conf/" + dev + "/disable_ipv6").trim()).as(dev).isEqualTo("1");
            }
            assertThat(Json.list(ns.json("ip -6 -j addr show"))).allSatisfy(
                    l -> assertThat(Json.list(Json.at(l, "addr_info"))).as(String.valueOf(Json.at(l, "ifname"))).isEmpty());
        }
    }

    @Test
    void aDumpIsReadAgainWhileIproute2SaysItWasInterruptedAndNotForever() {
        String intr = "Dump was interrupted and may be inconsistent.\n";
        Iterator<TestNetns.Result> runs = List.of(new TestNetns.Result(0, "a\na\n", intr),
                new TestNetns.Result(0, "b\n", intr), new TestNetns.Result(0, "c\n", "")).iterator();
        assertThat(TestNetns.readUninterrupted("dump", runs::next)).isEqualTo("c\n");
        assertThat(runs.hasNext()).isFalse();

        int[] calls = {0};
        assertThatThrownBy(() -> TestNetns.readUninterrupted("dump", () -> {
            calls[0]++;
            return new TestNetns.Result(0, "x\n", intr);
        })).hasMessageContaining("dump: dump interrupted 10 times in a row");
        assertThat(calls[0]).isEqualTo(10);
        assertThatThrownBy(() -> TestNetns.readUninterrupted("dump", () -> new TestNetns.Result(1, "", "Cannot find device")))
                .hasMessage("dump exited 1: Cannot find device");
    }
}
