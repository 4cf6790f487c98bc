package io.netlink4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar talks to the kernel (JNA's native part loads from the shaded jar). */
@KernelTest
class NlbridgeJarKernelIT {

    static String netnsList() throws Exception {
        Process p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    @Test
    void ctrlCDuringTheDemoStillRemovesItsNamespace() throws Exception {
        Path jar = Path.of("target/nlbridge.jar").toAbsolutePath();
        Process demo = new ProcessBuilder("java", "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(), "demo")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String name = "nlbridge-demo-" + demo.pid();
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;   // a guard against a hang, not a speed check
            while (!netnsList().contains(name) && demo.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(netnsList()).as("the demo made its namespace").contains(name);
            new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).start().waitFor();   // what Ctrl-C sends
            assertThat(demo.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(demo.exitValue()).as("killed by SIGINT, not finished").isEqualTo(130);
            assertThat(netnsList()).doesNotContain(name);
        } finally {
            demo.destroyForcibly();
            new ProcessBuilder("ip", "netns", "del", name).start().waitFor();
        }
    }

    @Test
    void launcherCreatesABridgeInANamespace() throws Exception {
        try (TestNetns ns = TestNetns.create()) {
            NlbridgeLauncherIT.Run r = NlbridgeLauncherIT.launch("--netns", ns.name(), "bridge", "add", "br9");
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(Json.at(ns.json("ip -d -j link show dev br9"), 0, "linkinfo", "info_kind")).isEqualTo("bridge");
        }
    }
}
