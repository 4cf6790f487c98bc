package io.netlink4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.bridge.BridgeMonitor;
import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.BulkOptions;
import io.netlink4j.bridge.FdbChange;
import io.netlink4j.bridge.FdbSpec;
import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@KernelTest
class FdbMonitorKernelTest {

    /** Waits (up to 30 s, as a guard against a hang, not a speed check) for {@code condition}. */
    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** The bridge FDB as iproute2 sees it, keyed like the example's copy. */
    static Map<String, String> bridgeFdb(TestNetns ns) {
        return Json.list(ns.json("bridge -j fdb show br br0")).stream()
                .filter(e -> "br0".equals(Json.at(e, "master")))
                .collect(Collectors.toMap(e -> Json.at(e, "mac") + " " + (Json.at(e, "vlan") == null ? 0 : Json.at(e, "vlan")),
                        e -> (String) Json.at(e, "ifname")));
    }

    @Test
    void followsEventsAndResynchronisesAfterAnOverrun() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        try (TestNetns ns = TestNetns.withBridgeAndPort();
             BridgeNetlink nl = BridgeNetlink.open(ns.name());
             BridgeMonitor mon = BridgeMonitor.open(ns.name(), 4096)) {   // a tiny buffer: overruns are easy
            FdbMonitor m = new FdbMonitor(nl, "br0", out);
            Thread t = new Thread(() -> m.run(mon, Long.MAX_VALUE));
            t.start();
            await(() -> m.resyncs() >= 1);

            // one change: followed from its event
            ns.bridge("fdb add 02:00:00:00:00:01 dev v0 master static");
            await(() -> m.copy().containsKey("02:00:00:00:00:01 0"));
            assertThat(m.copy()).containsEntry("02:00:00:00:00:01 0", "v0");

            // thousands at once: more notifications than the buffer holds -> overrun -> resync from a dump
            List<FdbChange> many = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                many.add(FdbChange.add(FdbSpec.of(String.format("02:00:00:01:%02x:%02x", i >> 8, i & 0xff), "v0")));
            }
            assertThat(nl.fdb().apply(many, BulkOptions.defaults().withWindow(256)).ok()).isTrue();
            await(() -> m.copy().size() >= 3001 && m.copy().equals(bridgeFdb(ns)));
            mon.stop();
            t.join();

            assertThat(mon.overruns()).as("overruns").isPositive();
            assertThat(m.resyncs()).isGreaterThanOrEqualTo(2);
            assertThat(buf.toString(StandardCharsets.UTF_8)).contains("overrun #1: events lost, resynchronising");
            assertThat(m.copy()).isEqualTo(bridgeFdb(ns));
        }
    }
}
