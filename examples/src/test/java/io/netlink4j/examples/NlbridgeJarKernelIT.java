package io.netlink4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import org.junit.jupiter.api.Test;

/** The packaged jar talks to the kernel (JNA's native part loads from the shaded jar). */
@KernelTest
class NlbridgeJarKernelIT {

    @Test
    void launcherCreatesABridgeInANamespace() throws Exception {
        try (TestNetns ns = TestNetns.create()) {
            NlbridgeLauncherIT.Run r = NlbridgeLauncherIT.launch("--netns", ns.name(), "bridge", "add", "br9");
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(Json.at(ns.json("ip -d -j link show dev br9"), 0, "linkinfo", "info_kind")).isEqualTo("bridge");
        }
    }
}
