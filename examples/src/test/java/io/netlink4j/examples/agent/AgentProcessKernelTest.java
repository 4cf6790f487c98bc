package io.netlink4j.examples.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nlbridge agent} as a process of its own, as a DaemonSet runs it: /healthz and /metrics,
 * one log line per repair, reload on file change and on SIGHUP, and SIGTERM ending it with exit 0.
 */
@KernelTest
class AgentProcessKernelTest {
    static final long PATIENCE_MS = 30_000;
    TestNetns ns;
    Process agent;
    final List<String> lines = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        ns = TestNetns.withBridgeAndPort();
    }

    @AfterEach
    void tearDown() {
        try {
            if (agent != null && agent.isAlive()) {
                agent.destroyForcibly();
            }
        } finally {
            ns.close();
        }
    }

    private static void eventually(String what, BooleanSupplier check) throws InterruptedException {
        long end = System.currentTimeMillis() + PATIENCE_MS;
        while (!check.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("not within " + PATIENCE_MS + " ms: " + what);
            }
            Thread.sleep(25);
        }
    }

    private Object slave(String key) {
        return Json.at(ns.json("ip -d -j link show dev v0"), 0, "linkinfo", "info_slave_data", key);
    }

    private HttpResponse<String> get(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean logged(String part) {
        return lines.stream().anyMatch(l -> l.contains(part));
    }

    @Test
    void repairsServesReloadsAndStopsOnSigterm() throws Exception {
        Path file = dir.resolve("state.yaml");
        Files.writeString(file, "bridges:\n  br0:\n    ports:\n      v0: {hairpin: on}\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        agent = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.netlink4j.examples.Nlbridge",
                "--netns", ns.name(), "agent", "-f", file.toString(), "--listen", "127.0.0.1:0", "--resync", "60s")
                .redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    lines.add(l);
                }
            } catch (Exception e) {
                lines.add("reader: " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();

        eventually("serving line", () -> logged("serving http://"));
        Matcher m = Pattern.compile("127\\.0\\.0\\.1:(\\d+)/metrics").matcher(
                lines.stream().filter(l -> l.contains("serving")).findFirst().orElseThrow());
        assertThat(m.find()).isTrue();
        int port = Integer.parseInt(m.group(1));
        eventually("healthy", () -> get(port, "/healthz").statusCode() == 200);
        assertThat(slave("hairpin")).isEqualTo(true);
        assertThat(logged("applied (initial")).isTrue();

        // drift from outside: one log line for its repair, counted in /metrics
        ns.bridge("link set dev v0 hairpin off");
        eventually("repair logged", () -> logged("repaired (drift"));
        assertThat(lines.stream().filter(l -> l.contains("repaired (drift")).findFirst().orElseThrow())
                .endsWith(": port v0: hairpin off -> on");
        assertThat(slave("hairpin")).isEqualTo(true);
        String metrics = get(port, "/metrics").body();
        assertThat(metrics).contains("nlbridge_agent_drifts_repaired_total 1.0")
                .contains("nlbridge_agent_repair_latency_seconds_count 1")
                .contains("nlbridge_agent_passes_total{trigger=\"initial\"} 1.0")
                .containsPattern("nlbridge_agent_last_success_timestamp_seconds \\d");
        assertThat(get(port, "/nope").statusCode()).isEqualTo(404);

        // the file changes: reloaded, the new setting applied
        Files.writeString(file, "bridges:\n  br0:\n    ports:\n      v0: {hairpin: on, proxy-arp: on}\n");
        eventually("proxy_arp applied after the file changed", () -> Boolean.TRUE.equals(slave("proxy_arp")));
        assertThat(logged("(file changed)")).isTrue();

        // a bad file is refused and the previous state kept; SIGHUP re-reads it (refused again)
        Files.writeString(file, "bridges:\n  br0:\n    ports:\n      v0: {hairpn: on}\n");
        eventually("bad file refused", () -> logged("refused (file changed), keeping the previous state: "
                + file + ":4: bridges.br0.ports.v0.hairpn: unknown key"));
        ns.bridge("link set dev v0 hairpin off");
        eventually("the previous state still held", () -> Boolean.TRUE.equals(slave("hairpin")));
        assertThat(slave("proxy_arp")).isEqualTo(true);
        new ProcessBuilder("kill", "-HUP", Long.toString(agent.pid())).start().waitFor();
        eventually("SIGHUP reload logged", () -> logged("refused (SIGHUP)"));

        long t0 = System.nanoTime();
        agent.destroy(); // SIGTERM
        boolean ended = agent.waitFor(2, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ended).as("stopped within 2 s of SIGTERM (took %d ms); log:%n%s", ms, String.join("\n", lines)).isTrue();
        assertThat(agent.exitValue()).isZero();
        System.out.println("agent stop after SIGTERM: " + ms + " ms");
    }
}
