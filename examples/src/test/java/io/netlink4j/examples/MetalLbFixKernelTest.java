package io.netlink4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@KernelTest
class MetalLbFixKernelTest {

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = MetalLbFix.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void fixesThePortAndSaysSoTwice() {
        try (TestNetns ns = TestNetns.withBridgeAndPort()) {
            Run r = run("v0", ns.name());
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(r.out()).contains("v0: NEEDS_FIX", "v0: proxy_arp on, hairpin on", "caveat: loops");
            Object d = Json.at(ns.json("ip -d -j link show dev v0"), 0, "linkinfo", "info_slave_data");
            assertThat(Json.at(d, "proxy_arp")).isEqualTo(true);
            assertThat(Json.at(d, "hairpin")).isEqualTo(true);

            Run again = run("v0", ns.name());
            assertThat(again.status()).isZero();
            assertThat(again.out()).contains("v0: OK", "proxy_arp and hairpin are on already");
        }
    }

    @Test
    void refusesANonPortAndAnUnknownDevice() {
        try (TestNetns ns = TestNetns.withBridgeAndPort()) {
            Run notPort = run("v1", ns.name());
            assertThat(notPort.status()).isEqualTo(2);
            assertThat(notPort.err()).contains("v1 is not a bridge port");
            Run unknown = run("nosuch0", ns.name());
            assertThat(unknown.status()).isEqualTo(1);
            assertThat(unknown.err()).contains("nosuch0", "ENODEV");
        }
        assertThat(run().status()).isEqualTo(2);
    }
}
