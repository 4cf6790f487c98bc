package io.netlink4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Ctrl-C while the demo's namespace exists removes it. The demo runs with --keep, so the
     * signal lands at a known point (all steps done, namespace still there) on a fast machine
     * too; without it the whole demo can end before the signal arrives.
     */
    @Test
    void ctrlCDuringTheDemoStillRemovesItsNamespace() throws Exception {
        Path jar = Path.of("target/nlbridge.jar").toAbsolutePath();
        // env resets SIGINT to its default: a child of a background job (CI, a script run with &)
        // starts with SIGINT ignored, and a JVM keeps an ignored SIGINT ignored, so the signal
        // would do nothing (seen here: the demo ran to its end and exited 0)
        Process demo = new ProcessBuilder("env", "--default-signal=INT", "java", "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(), "demo", "--keep")
                .redirectErrorStream(true).start();
        String name = "nlbridge-demo-" + demo.pid();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
            List<String> seen = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("== keeping network namespace")) {
                seen.add(line);
            }
            assertThat(line).as("the demo reached its end and kept the namespace; output: %s", seen).isNotNull();
            assertThat(netnsList()).as("the demo's namespace exists").contains(name);
            new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).start().waitFor();   // what Ctrl-C sends
            Thread drain = new Thread(() -> {
                try {
                    out.transferTo(java.io.Writer.nullWriter());
                } catch (java.io.IOException ignored) {
                    // the process is gone
                }
            });
            drain.start();
            assertThat(demo.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(demo.exitValue()).as("killed by SIGINT").isEqualTo(130);
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
