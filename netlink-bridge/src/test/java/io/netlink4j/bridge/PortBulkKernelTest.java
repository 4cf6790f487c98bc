package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.ChannelBrokenException;
import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.Errno;
import io.netlink4j.core.InvalidArgumentException;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.LossySocket;
import io.netlink4j.core.testing.TestNetns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link BridgePorts#setAll} against the real kernel; every result read back with {@code ip -d -j link show}. */
@KernelTest
class PortBulkKernelTest {
    static final PortSettings ON = PortSettings.builder().proxyArp(true).hairpin(true).build();
    static final PortSettings OFF = PortSettings.builder().proxyArp(false).hairpin(false).build();

    TestNetns ns;
    BridgeNetlink nl;

    @BeforeEach
    void setUp() {
        ns = TestNetns.withBridgeAndPort();
        ns.ip("link add v2 type veth peer name v3");
        ns.ip("link set v2 master br0");
        nl = BridgeNetlink.open(ns.name());
    }

    @AfterEach
    void tearDown() throws Exception {
        ns.close(nl);
    }

    private Map<String, Object> slave(String dev) {
        Object info = Json.map(Json.list(ns.json("ip -d -j link show dev " + dev)).get(0)).get("linkinfo");
        return Json.map(Json.map(info).get("info_slave_data"));
    }

    @Test
    void thousandUpdatesArePipelinedAndAllApplied() {
        List<PortUpdate> updates = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            // v0 ends on, v2 ends off
            updates.add(PortUpdate.of(i % 2 == 0 ? "v0" : "v2", (i / 2) % 2 == 1 ? (i % 2 == 0 ? ON : OFF) : (i % 2 == 0 ? OFF : ON)));
        }
        PortBulkResult r = nl.ports().setAll(updates);
        assertThat(r.ok()).as("%s", r).isTrue();
        assertThat(r.appliedCount()).isEqualTo(1000);
        assertThat(r.failed()).isEmpty();
        assertThat(r.datagrams()).isLessThan(100); // many per datagram, not one each
        assertThat(slave("v0")).containsEntry("proxy_arp", true).containsEntry("hairpin", true);
        assertThat(slave("v2")).containsEntry("proxy_arp", false).containsEntry("hairpin", false);
    }

    @Test
    void aMissingDeviceStopsTheRunBeforeAnythingIsSent() {
        List<PortUpdate> updates = List.of(PortUpdate.of("v0", ON), PortUpdate.of("nosuch0", ON), PortUpdate.of("v2", ON));
        assertThatThrownBy(() -> nl.ports().setAll(updates)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 of 3 port updates are invalid, nothing was sent")
                .hasMessageContaining("#1 (nosuch0): no device \"nosuch0\"");
        assertThat(slave("v0")).containsEntry("proxy_arp", false);
        assertThat(slave("v2")).containsEntry("proxy_arp", false);
    }

    @Test
    void refusalsAreReportedPerUpdateAndTheRestApplied() {
        int v2 = ((Number) Json.map(Json.list(ns.json("ip -j link show dev v2")).get(0)).get("ifindex")).intValue();
        List<PortUpdate> updates = List.of(
                PortUpdate.of("v0", ON),
                PortUpdate.of("v1", ON),                                        // not a bridge port
                PortUpdate.of("v0", PortSettings.builder().mab(true).build()), // MAB needs locked: the kernel's text
                PortUpdate.of(v2, ON),
                PortUpdate.of("v2", PortSettings.builder().build()));            // empty: nothing sent
        PortBulkResult r = nl.ports().setAll(updates, BulkOptions.defaults().continueOnError());
        assertThat(r.ok()).isFalse();
        assertThat(r.failed()).containsExactly(1, 2);
        assertThat(r.applied(0)).isTrue();
        assertThat(r.applied(3)).isTrue();
        assertThat(r.applied(4)).isTrue();
        assertThat(r.error(1)).isInstanceOf(NotABridgePortException.class).hasMessageContaining("v1 is not a bridge port");
        assertThat(r.error(2)).isInstanceOf(InvalidArgumentException.class);
        assertThat(r.error(2).kernelMessage()).contains("MAB");
        assertThat(slave("v0")).containsEntry("proxy_arp", true).doesNotContainEntry("mab", true);
        assertThat(slave("v2")).containsEntry("proxy_arp", true).containsEntry("hairpin", true);
        assertThatThrownBy(r::orThrow).isSameAs(r.error(1));
    }

    @Test
    void stopAtFirstErrorLeavesTheRestUnsent() {
        List<PortUpdate> updates = new ArrayList<>();
        updates.add(PortUpdate.of("v1", ON)); // refused
        for (int i = 0; i < 500; i++) {
            updates.add(PortUpdate.of("v2", i % 2 == 0 ? ON : OFF));
        }
        PortBulkResult r = nl.ports().setAll(updates, BulkOptions.defaults().withWindow(4));
        assertThat(r.failed()).containsExactly(0);
        // at most the window was in flight when the refusal came back
        assertThat(r.appliedCount()).isLessThanOrEqualTo(4);
        assertThat(r.toString()).contains("not sent");
    }

    private int ifindex(String dev) {
        return ((Number) Json.map(Json.list(ns.json("ip -j link show dev " + dev)).get(0)).get("ifindex")).intValue();
    }

    @Test
    void aRunThatBreaksAfterThreeAnswersReportsWhatTheKernelDid() {
        // the run's socket delivers three answers, then fails with ENOBUFS (as after an overrun);
        // the kernel has processed every update sent, whatever became of its answer
        LossySocket[] lossy = new LossySocket[1];
        List<RtnlChannel> opened = new ArrayList<>();
        int v3 = ifindex("v3");
        List<PortUpdate> updates = List.of(
                PortUpdate.of("v0", ON),                                                  // #0 acknowledged
                PortUpdate.of("v2", ON),                                                  // #1 acknowledged
                PortUpdate.of("v1", ON),                                                  // #2 refused: no port
                PortUpdate.of("v0", OFF),                                                 // #3 lost, in effect
                PortUpdate.of("v2", PortSettings.builder().isolated(true).backupPort(v3).build()), // #4 lost, refused half-way
                PortUpdate.of("v0", PortSettings.builder().flush().build()),              // #5 lost, an action
                PortUpdate.of("v2", PortSettings.builder().learning(false).build()),      // #6 lost, overwritten by #7
                PortUpdate.of("v2", PortSettings.builder().learning(true).build()),       // #7 lost, in effect
                PortUpdate.of("v0", ON),                                                  // #8 never sent
                PortUpdate.of("v2", OFF));                                                // #9 never sent
        try (BridgeNetlink lossyNl = BridgeNetlink.over(() -> {
            RtnlChannel ch = opened.isEmpty()
                    ? LossySocket.channel(ns.name(), ChannelOptions.defaults(), 3, Errno.ENOBUFS)
                    : RtnlChannel.open(ns.name());
            opened.add(ch);
            return ch;
        })) {
            PortBulkResult r = lossyNl.ports().setAll(updates, BulkOptions.defaults().continueOnError().withWindow(8));

            assertThat(r.interruption()).as("%s", r).isInstanceOf(ChannelBrokenException.class);
            assertThat(r.interruption().errno()).isEqualTo(Errno.ENOBUFS);
            assertThat(opened.get(0).isOpen()).isFalse();
            assertThat(opened).hasSize(2); // the read-back and the explanation: one fresh channel
            List<BulkStatus> status = new ArrayList<>();
            for (int i = 0; i < r.total(); i++) {
                status.add(r.status(i));
            }
            assertThat(status).as("%s", r).containsExactly(BulkStatus.APPLIED, BulkStatus.APPLIED, BulkStatus.FAILED,
                    BulkStatus.APPLIED, BulkStatus.NOT_APPLIED, BulkStatus.UNKNOWN, BulkStatus.UNKNOWN,
                    BulkStatus.APPLIED, BulkStatus.NOT_SENT, BulkStatus.NOT_SENT);
            assertThat(r.readBack().stream().boxed().toList()).containsExactly(3, 4, 7);
            assertThat(r.error(2)).isInstanceOf(NotABridgePortException.class).hasMessageContaining("v1 is not a bridge port");
            assertThatThrownBy(r::orThrow).isSameAs(r.error(2));
            assertThat(r.error(2).getSuppressed()[0].getMessage())
                    .contains("4 of 10 applied, 1 failed, 1 not applied, 2 unknown, 2 not sent");
        }
        // what ip shows: v0 ends as #3 left it (#8 never went out); v2 as #1 and #7 left it, with
        // #4 half-applied (isolated on, no backup port: not in effect as asked), #9 never sent
        assertThat(slave("v0")).containsEntry("proxy_arp", false).containsEntry("hairpin", false);
        assertThat(slave("v2")).containsEntry("proxy_arp", true).containsEntry("hairpin", true)
                .containsEntry("learning", true).containsEntry("isolated", true).doesNotContainKey("backup_port");
    }
}
