package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.Links;
import io.netlink4j.core.Netns;
import io.netlink4j.core.NoSuchDeviceException;
import io.netlink4j.core.NotFoundException;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The handle's failure paths close what they opened: descriptors stay flat, the thread stays home. */
@KernelTest
class BridgeNetlinkResourceKernelTest {

    static long openFds() {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        assertThat(openFds()).isLessThanOrEqualTo(before);
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
            assertThat(openFds()).isLessThanOrEqualTo(before);
        }
    }
}
