package io.netlink4j.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

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
}
