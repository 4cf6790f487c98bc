package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nlbridge diff / apply with a state file, checked with ip -d -j link show and bridge -j fdb show. */
@KernelTest
class StateCommandsKernelTest {
    TestNetns ns;
    @TempDir
    Path dir;

    static final String STATE = """
            bridges:
              br0:
                ports:
                  v0: {proxy-arp: on, hairpin: on}
                fdb:
                  - {mac: "02:00:00:00:00:01", port: v0}
            """;

    @BeforeEach
    void setUp() {
        ns = TestNetns.withBridgeAndPort();
    }

    @AfterEach
    void tearDown() {
        ns.close();
    }

    Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    Object slave(String dev, String key) {
        return Json.at(ns.json("ip -d -j link show dev " + dev), 0, "linkinfo", "info_slave_data", key);
    }

    boolean hasEntry(String mac, String dev) {
        for (Object o : Json.list(ns.json("bridge -j fdb show br br0"))) {
            Map<String, Object> m = Json.map(o);
            if (mac.equals(m.get("mac")) && dev.equals(m.get("ifname")) && "static".equals(m.get("state"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void diffApplyDiff() throws IOException {
        Path f = file("s.yaml", STATE);
        Cli.Result d = Cli.in(ns.name(), "diff", "-f", f.toString());
        assertThat(d.status()).as(d.toString()).isEqualTo(StateCommands.DIFFERS);
        assertThat(d.out().lines()).containsExactly("port v0: proxy_arp off -> on, hairpin off -> on",
                "fdb br0 02:00:00:00:00:01: absent -> v0 static");

        Cli.Result dry = Cli.in(ns.name(), "apply", "--dry-run", "-f", f.toString());
        assertThat(dry.status()).isZero();
        assertThat(dry.out()).isEqualTo(d.out());
        assertThat(slave("v0", "hairpin")).isEqualTo(false);

        Cli.Result a = Cli.in(ns.name(), "apply", "-f", f.toString());
        assertThat(a.status()).as(a.toString()).isZero();
        assertThat(a.out()).isEqualTo(d.out());
        assertThat(slave("v0", "hairpin")).isEqualTo(true);
        assertThat(slave("v0", "proxy_arp")).isEqualTo(true);
        assertThat(hasEntry("02:00:00:00:00:01", "v0")).isTrue();

        Cli.Result again = Cli.in(ns.name(), "diff", "-f", f.toString());
        assertThat(again.status()).as(again.toString()).isZero();
        assertThat(again.out()).isEmpty();
        Cli.Result json = Cli.in(ns.name(), "--json", "apply", "-f", f.toString());
        assertThat(Json.at(json.json(), "changes")).isEqualTo(List.of());
    }

    @Test
    void aNonExistentPortIsOneErrorWithItsLineAndNothingIsApplied() throws IOException {
        // v0 is fine, eth9 does not exist: nothing is applied, not even v0's setting
        Path f = file("s.yaml", """
                bridges:
                  br0:
                    ports:
                      v0: {hairpin: on}
                      eth9: {hairpin: on}
                """);
        Cli.Result a = Cli.in(ns.name(), "apply", "-f", f.toString());
        assertThat(a.status()).isEqualTo(2);
        assertThat(a.errLines()).containsExactly("nlbridge: apply: " + f + ":5: bridges.br0.ports.eth9: port eth9 of br0:"
                + " no such device; nothing was applied");
        assertThat(slave("v0", "hairpin")).isEqualTo(false);
    }

    @Test
    void aBadFileIsRefusedBeforeTheKernelIsAsked() throws IOException {
        Path f = file("s.json", "{\"bridges\": {\"br0\": {\"ports\": {\"v0\": {\"hairpin\": \"on\", \"cost\": 0}}}}}");
        Cli.Result a = Cli.in(ns.name(), "apply", "-f", f.toString());
        assertThat(a.status()).isEqualTo(2);
        assertThat(a.errLines()).containsExactly("nlbridge: apply: " + f + ":1: bridges.br0.ports.v0.cost: port cost must be 1..65535: 0");
        assertThat(slave("v0", "hairpin")).isEqualTo(false);
    }
}
