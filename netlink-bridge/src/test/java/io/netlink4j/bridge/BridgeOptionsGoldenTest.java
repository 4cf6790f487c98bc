package io.netlink4j.bridge;

import static io.netlink4j.bridge.FdbScripted.goldenAnswer;
import static io.netlink4j.bridge.FdbScripted.goldenRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.InvalidArgumentException;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.Golden;
import io.netlink4j.core.testing.ScriptedKernel;
import org.junit.jupiter.api.Test;

/**
 * {@code ip link set dev br0 type bridge ...} for the multicast, netfilter, group-forwarding, VLAN
 * statistics and bool (IFLA_BR_MULTI_BOOLOPT) options: our request byte for byte against
 * iproute2 6.1's, with the kernel's answer replayed.
 */
class BridgeOptionsGoldenTest {
    final ScriptedKernel kernel = new ScriptedKernel();
    final RtnlChannel ch = RtnlChannel.over(kernel, ChannelOptions.defaults());

    private void replay(String name, BridgeSettings s) {
        Golden g = Golden.load(name);
        kernel.reply(k -> FdbScripted.withSeq(goldenAnswer(g), k.lastSeq()));
        try {
            Bridges.set(ch, 2, null, s);
        } finally {
            assertThat(Golden.hex(Golden.withoutSeqAndPid(kernel.sent().get(0)))).as(g.command())
                    .isEqualTo(Golden.hex(goldenRequest(g)));
        }
    }

    @Test
    void multicastOptions() {
        replay("bridge_set_mcast_options", BridgeSettings.builder().mcastRouter(2).mcastQueryUseIfaddr(true)
                .mcastQuerier(true).mcastHashMax(1024).mcastLastMemberCount(3).mcastStartupQueryCount(3)
                .mcastLastMemberIntervalCentis(200).mcastMembershipIntervalCentis(30000)
                .mcastQuerierIntervalCentis(26000).mcastQueryIntervalCentis(13000)
                .mcastQueryResponseIntervalCentis(1100).mcastStartupQueryIntervalCentis(3200)
                .mcastStatsEnabled(true).mcastIgmpVersion(3).mcastMldVersion(2).build());
    }

    @Test
    void groupForwardingNetfilterAndAgeing() {
        replay("bridge_set_misc_options", BridgeSettings.builder().groupFwdMask(8).groupAddress("01:80:c2:00:00:08")
                .nfCallIptables(true).nfCallIp6tables(true).nfCallArptables(true).ageingTimeCentis(20000).build());
    }

    @Test
    void vlanStatistics() {
        replay("bridge_set_vlan_stats", BridgeSettings.builder().vlanStatsEnabled(true).vlanStatsPerPort(true).build());
    }

    @Test
    void noLinklocalLearnIsOneBoolOption() {
        BridgeSettings s = BridgeSettings.builder().noLinklocalLearn(true).build();
        assertThat(s.noLinklocalLearn()).isTrue();
        assertThat(s.mstEnable()).isNull();
        replay("bridge_set_no_linklocal_learn", s);
    }

    @Test
    void mcastVlanSnoopingRefusalCarriesTheKernelsReason() {
        assertThatThrownBy(() -> replay("bridge_set_mcast_vlan_snooping_error",
                BridgeSettings.builder().mcastVlanSnooping(true).build()))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("Cannot enable multicast vlan snooping with vlan filtering disabled");
    }

    @Test
    void boolOptionsShareOneAttributeWhoseMaskNamesWhatWasSet() {
        BridgeSettings s = BridgeSettings.builder().noLinklocalLearn(true).mstEnable(false).build();
        assertThat(s.noLinklocalLearn()).isTrue();
        assertThat(s.mstEnable()).isFalse();
        assertThat(s.mcastVlanSnooping()).isNull();
        io.netlink4j.core.MessageWriter w = io.netlink4j.core.MessageWriter.allocate(64);
        BridgeCodec.encodeAttributes(w, s);
        // one IFLA_BR_MULTI_BOOLOPT: len 12, type 46, optval 1 (bit 0), optmask 5 (bits 0 and 2)
        java.nio.ByteBuffer b = w.buffer();
        assertThat(w.length()).isEqualTo(12);
        assertThat(b.getShort(0)).isEqualTo((short) 12);
        assertThat(b.getShort(2)).isEqualTo((short) BridgeCodec.IFLA_BR_MULTI_BOOLOPT);
        assertThat(b.getInt(4)).isEqualTo(1);
        assertThat(b.getInt(8)).isEqualTo(5);
    }

    @Test
    void reportedBoolOptionsAreReadButNotResentByToBuilder() {
        BridgeSettings.Builder reported = BridgeSettings.builder().noLinklocalLearn(true).mstEnable(false)
                .mcastVlanSnooping(false);
        BridgeSettings copy = reported.build().toBuilder().build();
        assertThat(copy.noLinklocalLearn()).isNull(); // the mask is cleared: nothing of it would be sent
        assertThat(copy.toBuilder().mstEnable(true).build().mstEnable()).isTrue();
        assertThat(copy.toBuilder().mstEnable(true).build().noLinklocalLearn()).isNull();
    }

    @Test
    void groupAddressFollowsTheKernelsRule() {
        for (String bad : new String[] {"01:80:c2:00:00:01", "01:80:c2:00:00:02", "01:80:c2:00:00:03", "02:00:00:00:00:01"}) {
            assertThatThrownBy(() -> BridgeSettings.builder().groupAddress(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("01:80:c2:00:00:0X");
        }
        assertThat(BridgeSettings.builder().groupAddress("01:80:c2:00:00:0e").build().groupAddress()).isEqualTo("01:80:c2:00:00:0e");
    }
}
