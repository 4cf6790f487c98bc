package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.ChannelBrokenException;
import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.Errno;
import io.netlink4j.core.IfInfoMsg;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NetlinkTimeoutException;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.Messages;
import io.netlink4j.core.testing.ScriptedKernel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link BridgePorts#setAll} when the run breaks, over scripted fake kernels: every update gets a
 * {@link BulkStatus}, the updates whose answer was lost are read back on a fresh channel, and
 * nothing more goes to the broken one.
 */
class PortBulkOutcomeTest {
    static final PortSettings ON = PortSettings.builder().proxyArp(true).hairpin(true).build();
    static final PortSettings OFF = PortSettings.builder().proxyArp(false).hairpin(false).build();
    /** ioctl answers of the run's kernel: v0, v2 and v4 are ports of br0 (ifindex 2). */
    static final Map<String, Integer> DEVICES = Map.of("v0", 4, "v2", 6, "v4", 8);

    /** The kernel's answer to RTM_GETLINK of a port: AF_UNSPEC with IFLA_INFO_SLAVE_DATA. */
    static byte[] port(int seq, int index, String name, int proxyArp, int hairpin) {
        MessageWriter w = MessageWriter.allocate(512);
        w.begin(Rtnetlink.RTM_NEWLINK, 0, seq, 0);
        IfInfoMsg.put(w, Rtnetlink.AF_UNSPEC, index, 0, 0);
        w.putString(LinkCodec.IFLA_IFNAME, name);
        w.putU32(LinkCodec.IFLA_MASTER, 2);
        int info = w.beginNest(LinkCodec.IFLA_LINKINFO, false);
        w.putString(LinkCodec.IFLA_INFO_KIND, "veth");
        w.putString(LinkCodec.IFLA_INFO_SLAVE_KIND, "bridge");
        int data = w.beginNest(LinkCodec.IFLA_INFO_SLAVE_DATA, false);
        w.putU8(PortCodec.IFLA_BRPORT_STATE, 3);
        w.putU8(PortCodec.IFLA_BRPORT_MODE, hairpin);
        w.putU8(PortCodec.IFLA_BRPORT_PROXYARP, proxyArp);
        w.endNest(data);
        w.endNest(info);
        w.end();
        byte[] out = new byte[w.length()];
        w.buffer().get(0, out);
        return out;
    }

    /** A fresh channel's kernel that answers each RTM_GETLINK with the next port: {index, proxy_arp, hairpin}. */
    static ScriptedKernel showing(int[]... ports) {
        ScriptedKernel k = new ScriptedKernel();
        for (int[] p : ports) {
            String name = DEVICES.entrySet().stream().filter(e -> e.getValue() == p[0]).findFirst().orElseThrow().getKey();
            k.reply(s -> port(s.lastSeq(), p[0], name, p[1], p[2]));
        }
        return k;
    }

    /** The request types of every message {@code k} was sent. */
    private static List<Integer> types(ScriptedKernel k) {
        return VlanTestSupport.sentTypes(k);
    }

    private static BridgeNetlink over(List<ScriptedKernel> kernels, List<RtnlChannel> opened) {
        List<ScriptedKernel> left = new ArrayList<>(kernels);
        return BridgeNetlink.over(() -> {
            RtnlChannel ch = RtnlChannel.over(left.remove(0), ChannelOptions.defaults());
            opened.add(ch);
            return ch;
        });
    }

    @Test
    void aBrokenRunGivesEveryUpdateAStatusAndReadsTheLostOnesBackOnAFreshChannel() {
        // ordinals = the pipelined updates (names resolve by ioctl): #1 refused, #2..#5 lose their ACKs
        ScriptedKernel run = new ScriptedKernel().devices(DEVICES)
                .autoAck(i -> i == 1 ? Errno.EBUSY : i >= 2 ? ScriptedKernel.NO_ACK : 0);
        ScriptedKernel fresh = showing(new int[] {4, 0, 0}, new int[] {6, 0, 0}); // #2 (v0 off), #3 (v2 on): both shown off
        fresh.reply(k -> Messages.error(k.lastSeq(), Errno.ENODEV, new byte[0])); // #5: v4 is gone
        List<RtnlChannel> opened = new ArrayList<>();
        List<PortUpdate> updates = List.of(
                PortUpdate.of("v0", ON),                                        // #0 acknowledged
                PortUpdate.of("v2", PortSettings.builder().cost(5).state(PortState.FORWARDING).build()), // #1 EBUSY
                PortUpdate.of("v0", OFF),                                       // #2 lost, shown: APPLIED
                PortUpdate.of("v2", ON),                                        // #3 lost, differs: NOT_APPLIED
                PortUpdate.of("v0", PortSettings.builder().flush().build()),    // #4 lost, an action: UNKNOWN
                PortUpdate.of("v4", ON),                                        // #5 lost, unreadable: UNKNOWN
                PortUpdate.of("v0", ON),                                        // #6 never sent
                PortUpdate.of("v2", OFF));                                      // #7 never sent
        try (BridgeNetlink nl = over(List.of(run, fresh), opened)) {
            PortBulkResult r = nl.ports().setAll(updates, BulkOptions.defaults().continueOnError().withWindow(4));

            assertThat(r.interruption()).isInstanceOf(NetlinkTimeoutException.class);
            assertThat(r.interruption().getMessage()).contains("port bulk");
            assertThat(Arrays.asList(status(r))).containsExactly(BulkStatus.APPLIED, BulkStatus.FAILED,
                    BulkStatus.APPLIED, BulkStatus.NOT_APPLIED, BulkStatus.UNKNOWN, BulkStatus.UNKNOWN,
                    BulkStatus.NOT_SENT, BulkStatus.NOT_SENT);
            assertThat(r.count(BulkStatus.APPLIED)).isEqualTo(2);
            assertThat(r.count(BulkStatus.FAILED)).isEqualTo(1);
            assertThat(r.count(BulkStatus.NOT_APPLIED)).isEqualTo(1);
            assertThat(r.count(BulkStatus.UNKNOWN)).isEqualTo(2);
            assertThat(r.count(BulkStatus.NOT_SENT)).isEqualTo(2);
            assertThat(r.readBack().stream().boxed().toList()).containsExactly(2, 3);
            assertThat(r.applied(2)).isTrue();
            assertThat(r.failed()).containsExactly(1);
            assertThat(r.error(1).errno()).isEqualTo(Errno.EBUSY);
            assertThat(r.error(1).getMessage()).contains("set port v2 (#1)").contains("may already be in effect");
            assertThat(r.ok()).isFalse();

            // the broken channel is closed; six updates went to it (one datagram of 4, one of 2), nothing more
            assertThat(run.isClosed()).isTrue();
            assertThat(opened).hasSize(2);
            assertThat(types(run)).hasSize(6).containsOnly(Rtnetlink.RTM_SETLINK);
            // the read-back: one RTM_GETLINK per decidable port, none for the flush; the EBUSY needs no request
            assertThat(types(fresh)).containsExactly(Rtnetlink.RTM_GETLINK, Rtnetlink.RTM_GETLINK,
                    Rtnetlink.RTM_GETLINK);
            assertThat(fresh.remainingSteps()).isZero();

            // orThrow: the refusal first, with the break attached; the counts are in the message
            assertThatThrownBy(r::orThrow).isSameAs(r.error(1));
            assertThat(r.error(1).getSuppressed()).singleElement().isInstanceOf(ChannelBrokenException.class)
                    .satisfies(s -> assertThat(s.getMessage())
                            .contains("2 of 8 applied, 1 failed, 1 not applied, 2 unknown, 2 not sent")
                            .contains("no answer from the kernel"));
            assertThat(r.toString()).contains("2 of 8 applied").contains("interrupted");
        }
    }

    private static BulkStatus[] status(PortBulkResult r) {
        BulkStatus[] out = new BulkStatus[r.total()];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.status(i);
        }
        return out;
    }

    @Test
    void anInterruptedRunWithoutRefusalsThrowsTheCountsFromOrThrow() {
        // window 2: #0, #1 acknowledged, #2 and #3 lose their ACKs, #4 and #5 never go out
        ScriptedKernel run = new ScriptedKernel().devices(DEVICES)
                .autoAck(i -> i == 2 || i == 3 ? ScriptedKernel.NO_ACK : 0);
        ScriptedKernel fresh = showing(new int[] {6, 1, 1}, new int[] {4, 1, 1}); // #2 (v2 on), #3 (v0 off): both shown on
        List<RtnlChannel> opened = new ArrayList<>();
        List<PortUpdate> updates = List.of(PortUpdate.of("v0", ON), PortUpdate.of("v2", OFF), PortUpdate.of("v2", ON),
                PortUpdate.of("v0", OFF), PortUpdate.of("v0", ON), PortUpdate.of("v2", ON));
        try (BridgeNetlink nl = over(List.of(run, fresh), opened)) {
            PortBulkResult r = nl.ports().setAll(updates, BulkOptions.defaults().withWindow(2));
            assertThat(Arrays.asList(status(r))).containsExactly(BulkStatus.APPLIED, BulkStatus.APPLIED,
                    BulkStatus.APPLIED, BulkStatus.NOT_APPLIED, BulkStatus.NOT_SENT, BulkStatus.NOT_SENT);
            assertThat(r.failed()).isEmpty();
            assertThatThrownBy(r::orThrow).isInstanceOf(ChannelBrokenException.class)
                    .hasMessageContaining("port bulk: interrupted: 3 of 6 applied, 0 failed, 1 not applied, 2 not sent")
                    .hasCause(r.interruption());
            assertThat(run.isClosed()).isTrue();
            assertThat(fresh.remainingSteps()).isZero();
        }
    }

    @Test
    void anUpdateALaterLostOneOverwroteIsUnknownAndAFailedReadBackLeavesTheRestUnknown() {
        // #0 and #1 both set v0's proxy_arp and both lose their ACKs: the kernel shows #1's value,
        // which says nothing about #0. #2's read-back gets no answer: it stays unknown.
        ScriptedKernel run = new ScriptedKernel().devices(DEVICES).autoAck(i -> ScriptedKernel.NO_ACK);
        ScriptedKernel fresh = new ScriptedKernel().autoAck(i -> ScriptedKernel.NO_ACK);
        fresh.reply(k -> port(k.lastSeq(), 4, "v0", 1, 1)); // #1 (v0 on): shown on
        List<RtnlChannel> opened = new ArrayList<>();
        List<PortUpdate> updates = List.of(PortUpdate.of("v0", OFF), PortUpdate.of("v0", ON), PortUpdate.of("v2", ON));
        try (BridgeNetlink nl = over(List.of(run, fresh), opened)) {
            PortBulkResult r = nl.ports().setAll(updates);
            assertThat(Arrays.asList(status(r))).containsExactly(BulkStatus.UNKNOWN, BulkStatus.APPLIED,
                    BulkStatus.UNKNOWN);
            assertThat(r.readBack().stream().boxed().toList()).containsExactly(1);
            assertThat(types(fresh)).containsExactly(Rtnetlink.RTM_GETLINK, Rtnetlink.RTM_GETLINK);
            assertThat(fresh.isClosed()).isTrue(); // the read-back's own timeout closed it
        }
    }

    @Test
    void aFailedSendWithRequestsInFlightBreaksTheRunToo() {
        // window 4, refilled at 2 in flight: #0..#3 go out, #0 and #1 are acknowledged, and the
        // second datagram's send fails (ENOBUFS) while #2 and #3 await their ACKs
        ScriptedKernel[] self = new ScriptedKernel[1];
        ScriptedKernel run = new ScriptedKernel().devices(DEVICES).autoAck(i -> {
            if (i == 1) {
                self[0].failSend(Errno.ENOBUFS);
            }
            return i >= 2 ? ScriptedKernel.NO_ACK : 0;
        });
        self[0] = run;
        ScriptedKernel fresh = showing(new int[] {4, 0, 0}, new int[] {6, 0, 0}); // #2 (v0 off), #3 (v2 on): both shown off
        List<RtnlChannel> opened = new ArrayList<>();
        List<PortUpdate> updates = List.of(PortUpdate.of("v0", ON), PortUpdate.of("v2", OFF), PortUpdate.of("v0", OFF),
                PortUpdate.of("v2", ON), PortUpdate.of("v0", ON), PortUpdate.of("v2", ON));
        try (BridgeNetlink nl = over(List.of(run, fresh), opened)) {
            PortBulkResult r = nl.ports().setAll(updates, BulkOptions.defaults().withWindow(4));
            assertThat(r.interruption()).isNotNull().isNotInstanceOf(NetlinkTimeoutException.class);
            assertThat(r.interruption().errno()).isEqualTo(Errno.ENOBUFS);
            assertThat(Arrays.asList(status(r))).containsExactly(BulkStatus.APPLIED, BulkStatus.APPLIED,
                    BulkStatus.APPLIED, BulkStatus.NOT_APPLIED, BulkStatus.NOT_SENT, BulkStatus.NOT_SENT);
            assertThat(run.isClosed()).isTrue();
            assertThat(types(run)).hasSize(4);
            assertThat(fresh.remainingSteps()).isZero();
        }
    }

    @Test
    void aRunThatIsNotInterruptedTakesNoFurtherChannel() {
        ScriptedKernel run = new ScriptedKernel().devices(DEVICES).autoAck(i -> 0);
        List<RtnlChannel> opened = new ArrayList<>();
        List<PortUpdate> updates = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            updates.add(PortUpdate.of(i % 2 == 0 ? "v0" : "v2", i % 4 < 2 ? ON : OFF));
        }
        try (BridgeNetlink nl = over(List.of(run), opened)) {
            PortBulkResult r = nl.ports().setAll(updates);
            assertThat(r.ok()).isTrue();
            assertThat(r.interruption()).isNull();
            assertThat(r.count(BulkStatus.APPLIED)).isEqualTo(100);
            assertThat(r.readBack().isEmpty()).isTrue();
            assertThat(r.orThrow()).isSameAs(r);
            assertThat(opened).hasSize(1);
            assertThat(run.isClosed()).isFalse();
            assertThat(types(run)).hasSize(100).containsOnly(Rtnetlink.RTM_SETLINK);
        }
    }
}
