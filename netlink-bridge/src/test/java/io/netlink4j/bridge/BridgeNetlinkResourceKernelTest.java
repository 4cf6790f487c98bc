package io.netlink4j.bridge;

import io.netlink4j.core.testing.Descriptors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.AlreadyExistsException;
import io.netlink4j.core.Links;
import io.netlink4j.core.Netns;
import io.netlink4j.core.NoSuchDeviceException;
import io.netlink4j.core.NotFoundException;
import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import org.junit.jupiter.api.Test;

/** The handle's failure paths close what they opened: descriptors stay flat, the thread stays home. */
@KernelTest
class BridgeNetlinkResourceKernelTest {

    static long openFds() {
        return Descriptors.count();
    }

    @Test
    void openingIntoAMissingNamespaceLeaksNothing() {
        long home = Netns.currentInode();
        assertThatThrownBy(() -> BridgeNetlink.open("nl4j-missing-netns")).isInstanceOf(NotFoundException.class);
        long before = openFds();
        for (int i = 0; i < 1_000; i++) {
            assertThatThrownBy(() -> BridgeNetlink.open("nl4j-missing-netns"))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("nl4j-missing-netns");
        }
        Descriptors.assertNoGrowth(before);
        assertThat(Netns.currentInode()).isEqualTo(home);
    }

    @Test
    void failingCallsAndOpenCloseCyclesLeakNothing() {
        try (TestNetns ns = TestNetns.create()) {
            try (BridgeNetlink nl = BridgeNetlink.open(ns.name())) { // warm-up
                assertThatThrownBy(() -> nl.call(ch -> new Links(ch).get("nodev"))).isInstanceOf(NoSuchDeviceException.class);
            }
            long before = openFds();
            for (int i = 0; i < 1_000; i++) {
                try (BridgeNetlink nl = BridgeNetlink.open(ns.name())) {
                    assertThatThrownBy(() -> nl.call(ch -> new Links(ch).get("nodev"))).isInstanceOf(NoSuchDeviceException.class);
                    int lo = nl.call(ch -> new Links(ch).get("lo").index());
                    assertThat(lo).isEqualTo(1);
                }
            }
            Descriptors.assertNoGrowth(before);
        }
    }
    /** 10,000 failing bridge operations on one handle: non-port lookups, duplicate FDB adds, unknown ports. */
    @Test
    void tenThousandFailingBridgeOperationsLeakNothing() {
        try (TestNetns ns = TestNetns.withBridgeAndPort(); BridgeNetlink nl = BridgeNetlink.open(ns.name())) {
            FdbSpec entry = FdbSpec.of("02:00:00:00:aa:01", "v0");
            nl.fdb().add(entry);
            Runnable[] failing = {
                () -> assertThatThrownBy(() -> nl.ports().get("br0")).isInstanceOf(NotABridgePortException.class),
                () -> assertThatThrownBy(() -> nl.fdb().add(entry)).isInstanceOf(AlreadyExistsException.class),
                () -> assertThatThrownBy(() -> nl.ports().set("nodev", PortSettings.builder().cost(10).build()))
                        .isInstanceOf(NoSuchDeviceException.class),
                () -> assertThatThrownBy(() -> nl.fdb().delete(FdbSpec.of("02:00:00:00:aa:02", "v0")))
                        .isInstanceOf(NotFoundException.class),
            };
            for (Runnable r : failing) {
                r.run(); // warm-up: the pool's channel and the classes are there before counting
            }
            long before = openFds();
            for (int i = 0; i < 10_000; i++) {
                failing[i % failing.length].run();
            }
            Descriptors.assertNoGrowth(before);
            // the handle still works, and the failures changed nothing
            assertThat(nl.fdb().get("02:00:00:00:aa:01", "br0", 0)).isPresent();
            assertThat(Json.list(ns.json("bridge -j fdb show br br0"))
                    .stream().filter(f -> "static".equals(Json.map(f).get("state"))).count()).isEqualTo(1);
        }
    }

    /** A monitor owns a socket and an eventfd: 1,000 open/close cycles (with a stop from another thread half the time). */
    @Test
    void monitorOpenCloseCyclesLeakNothing() throws Exception {
        try (TestNetns ns = TestNetns.withBridgeAndPort(); BridgeNetlink nl = BridgeNetlink.open(ns.name())) {
            nl.monitor().close(); // warm-up
            long before = openFds();
            for (int i = 0; i < 1_000; i++) {
                BridgeMonitor m = nl.monitor();
                if (i % 2 == 0) {
                    Thread runner = new Thread(() -> {
                        try {
                            m.run(e -> { });
                        } catch (IllegalStateException closedBeforeItRan) {
                            // close() won the race: the monitor was closed before run() started
                        }
                    });
                    runner.start();
                    m.close(); // stops the run and waits for it
                    runner.join(10_000);
                    assertThat(runner.isAlive()).isFalse();
                } else {
                    m.close();
                }
                m.close(); // idempotent
            }
            Descriptors.assertNoGrowth(before);
        }
    }
}
