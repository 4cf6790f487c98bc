package io.netlink4j.core;

import io.netlink4j.core.testing.Descriptors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * No leaks: descriptors stay flat over 100,000 channel open/close cycles and 10,000 failing
 * requests, every failure path closes what it opened, and entering a network namespace always
 * puts the thread back where it was — on success, on failure, and from a virtual thread.
 * Durations are printed (not asserted) for docs/reliability.md.
 */
@KernelTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResourceKernelTest {
    static final int OPEN_CLOSE_CYCLES = Integer.getInteger("netlink4j.leak.cycles", 100_000);
    static final int FAILING_REQUESTS = 10_000;

    TestNetns ns;

    @BeforeAll
    void createNamespace() {
        ns = TestNetns.create();
    }

    @AfterAll
    void deleteNamespace() {
        ns.close();
    }

    static long openFds() {
        return Descriptors.count();
    }

    static void assertNoGrowth(long before) {
        Descriptors.assertNoGrowth(before);
    }

    private static void report(String what, int n, long startNanos) {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        System.out.printf("[reliability] %s: %,d in %,d ms%n", what, n, ms);
    }

    @Test
    void openCloseCyclesLeakNoDescriptors() {
        for (int i = 0; i < 100; i++) { // warm-up: classes and JNA loaded, lazy JVM descriptors opened
            RtnlChannel.open().close();
        }
        long before = openFds();
        long t0 = System.nanoTime();
        for (int i = 0; i < OPEN_CLOSE_CYCLES; i++) {
            RtnlChannel ch = RtnlChannel.open();
            ch.close();
        }
        report("RtnlChannel open/close", OPEN_CLOSE_CYCLES, t0);
        assertNoGrowth(before);
    }

    @Test
    void failingRequestsLeakNoDescriptorsAndLeaveTheChannelUsable() {
        try (RtnlChannel ch = RtnlChannel.open(ns.name())) {
            Links links = new Links(ch);
            links.find("lo");
            long before = openFds();
            long t0 = System.nanoTime();
            for (int i = 0; i < FAILING_REQUESTS; i++) {
                int n = i;
                assertThatThrownBy(() -> links.get("nodev" + n)).isInstanceOf(NoSuchDeviceException.class);
            }
            report("failing get (ENODEV)", FAILING_REQUESTS, t0);
            assertNoGrowth(before);
            assertThat(ch.isOpen()).isTrue();
            assertThat(links.get("lo").index()).isEqualTo(1);
        }
    }

    @Test
    void kernelErrorsOnFreshChannelsCloseEverything() {
        try (RtnlChannel ch = RtnlChannel.open(ns.name())) { // warm-up
            assertThatThrownBy(() -> new Links(ch).delete("nodev")).isInstanceOf(NoSuchDeviceException.class);
        }
        long before = openFds();
        for (int i = 0; i < 1_000; i++) {
            try (RtnlChannel ch = RtnlChannel.open(ns.name())) {
                assertThatThrownBy(() -> new Links(ch).delete("nodev")).isInstanceOf(NoSuchDeviceException.class);
            }
        }
        assertNoGrowth(before);
    }

    @Test
    void openingIntoAMissingNamespaceClosesWhatItOpenedAndRestoresTheThread() {
        long inode = Netns.currentInode();
        assertThatThrownBy(() -> RtnlChannel.open("nl4j-missing-netns")).isInstanceOf(NotFoundException.class); // warm-up
        long before = openFds();
        for (int i = 0; i < 1_000; i++) {
            assertThatThrownBy(() -> RtnlChannel.open("nl4j-missing-netns"))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("nl4j-missing-netns");
        }
        assertNoGrowth(before);
        assertThat(Netns.currentInode()).isEqualTo(inode);
    }

    private long nsInode() {
        try {
            return (Long) Files.getAttribute(Path.of("/run/netns/" + ns.name()), "unix:ino");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void netnsSwitchAlwaysRestoresTheThread() {
        long home = Netns.currentInode();
        long target = nsInode();
        assertThat(target).isNotEqualTo(home);
        assertThatThrownBy(() -> Netns.callIn(ns.name(), () -> {
            throw new IllegalStateException("warm-up");
        })).hasMessage("warm-up");
        long before = openFds();
        assertThat(Netns.callIn(ns.name(), Netns::currentInode)).isEqualTo(target);
        assertThat(Netns.currentInode()).isEqualTo(home);
        for (int i = 0; i < 1_000; i++) {
            assertThatThrownBy(() -> Netns.callIn(ns.name(), () -> {
                throw new IllegalStateException("action failed");
            })).hasMessage("action failed");
        }
        assertThat(Netns.currentInode()).isEqualTo(home);
        assertNoGrowth(before);
    }

    @Test
    void netnsSwitchFromAVirtualThreadRestoresItsCarrier() throws Exception {
        Method ofVirtual;
        try {
            ofVirtual = Thread.class.getMethod("ofVirtual");
        } catch (NoSuchMethodException e) {
            Assumptions.abort("no virtual threads before Java 21 (running " + Runtime.version() + ")");
            return;
        }
        long home = Netns.currentInode();
        long target = nsInode();
        AtomicReference<Object> result = new AtomicReference<>();
        Runnable body = () -> {
            try {
                long seenInside = Netns.callIn(ns.name(), Netns::currentInode);
                boolean thrown = false;
                try {
                    Netns.callIn(ns.name(), () -> {
                        throw new IllegalStateException("boom");
                    });
                } catch (IllegalStateException expected) {
                    thrown = true;
                }
                try (RtnlChannel ch = RtnlChannel.open(ns.name())) {
                    // the channel lives in the target namespace: its loopback is there, and down
                    result.set(new long[] {seenInside, thrown ? 1 : 0, Netns.currentInode(),
                        new Links(ch).get("lo").isUp() ? 1 : 0});
                }
            } catch (Throwable e) {
                result.set(e);
            }
        };
        Object builder = ofVirtual.invoke(null);
        // through the public interface Thread.Builder: the implementation class is not exported
        Method start = Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class);
        Thread vt = (Thread) start.invoke(builder, body);
        vt.join();
        assertThat(result.get()).isInstanceOf(long[].class);
        long[] r = (long[]) result.get();
        assertThat(r[0]).isEqualTo(target);
        assertThat(r[1]).isEqualTo(1);
        assertThat(r[2]).isEqualTo(home);
        assertThat(r[3]).isEqualTo(1); // TestNetns sets lo up
        assertThat(Netns.currentInode()).isEqualTo(home);
    }
}
