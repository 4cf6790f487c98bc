package io.netlink4j.bridge;

import static io.netlink4j.core.testing.Messages.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.Link;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.Golden;
import io.netlink4j.core.testing.ScriptedKernel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bridge settings: encoder against iproute2's bytes, decoder against the kernel's. No root. */
class BridgeCodecTest {
    final ScriptedKernel kernel = new ScriptedKernel();
    final RtnlChannel ch = RtnlChannel.over(kernel, ChannelOptions.defaults());

    private static byte[] iproute2Request(String golden) {
        List<byte[]> sent = Golden.load(golden).allSent();
        return Golden.withoutSeqAndPid(sent.get(sent.size() - 1));
    }

    /** The options of bridge_add_options, in its command-line order. */
    static BridgeSettings addOptions() {
        return BridgeSettings.builder().stpState(1).forwardDelay(Duration.ofSeconds(4)).helloTimeCentis(200)
                .maxAge(Duration.ofSeconds(20)).ageingTimeCentis(30000).priority(4096).mcastSnooping(false)
                .vlanProtocol(VlanProtocol.IEEE_802_1Q).vlanDefaultPvid(1).build();
    }

    @Test
    void settingsReadAsTheirUapiNamesInTheOrderSetWithTheGroupAddressAsAMac() {
        BridgeSettings s = BridgeSettings.builder().groupAddress("01:80:c2:00:00:0e").stpState(1).fdbFlush().build();
        assertThat(s.toString()).isEqualTo("BridgeSettings{group_addr=01:80:c2:00:00:0e, stp_state=1, fdb_flush}");
        assertThat(s.groupAddress()).isEqualTo("01:80:c2:00:00:0e");
    }

    @Test
    void createWithOptionsIsIproute2sRequestByteForByte() {
        kernel.reply(k -> error(k.lastSeq(), 0, new byte[0]));
        Bridges.create(ch, "br1", addOptions());
        assertThat(Golden.hex(Golden.withoutSeqAndPid(kernel.sent().get(0))))
                .isEqualTo(Golden.hex(iproute2Request("bridge_add_options")));
    }

    @Test
    void createWithoutOptionsIsIproute2sRequestByteForByte() {
        kernel.reply(k -> error(k.lastSeq(), 0, new byte[0]));
        Bridges.create(ch, "br0", BridgeSettings.builder().build());
        assertThat(Golden.hex(Golden.withoutSeqAndPid(kernel.sent().get(0))))
                .isEqualTo(Golden.hex(iproute2Request("link_add_bridge")));
    }

    @Test
    void setStpIsIproute2sRequestByteForByte() {
        kernel.reply(k -> error(k.lastSeq(), 0, new byte[0]));
        Bridges.set(ch, 2, null, BridgeSettings.builder().stpState(0).build());
        assertThat(Golden.hex(Golden.withoutSeqAndPid(kernel.sent().get(0))))
                .isEqualTo(Golden.hex(iproute2Request("bridge_set_stp")));
    }

    @Test
    void vlanFilteringRefusalBecomesVlanFilteringUnsupported() {
        // the kernel's answer in bridge_vlan_filtering_on: EOPNOTSUPP, no text
        kernel.reply(k -> error(k.lastSeq(), io.netlink4j.jna.Errno.EOPNOTSUPP, new byte[0]));
        assertThatThrownBy(() -> Bridges.create(ch, "br1", BridgeSettings.builder().vlanFiltering(false).build()))
                .isInstanceOf(VlanFilteringUnsupportedException.class)
                .hasMessageContaining("CONFIG_BRIDGE_VLAN_FILTERING");
        // and the request was the one iproute2 sends for the same options
        kernel.reply(k -> error(k.lastSeq(), io.netlink4j.jna.Errno.EOPNOTSUPP, new byte[0]));
        BridgeSettings all = addOptions().toBuilder().build();
        BridgeSettings s = BridgeSettings.builder().stpState(1).forwardDelayCentis(400).helloTimeCentis(200)
                .maxAgeCentis(2000).ageingTimeCentis(30000).priority(4096).mcastSnooping(false).vlanFiltering(false)
                .vlanProtocol(VlanProtocol.IEEE_802_1Q).vlanDefaultPvid(1).build();
        assertThat(all.vlanFiltering()).isNull();
        assertThatThrownBy(() -> Bridges.create(ch, "br1", s)).isInstanceOf(VlanFilteringUnsupportedException.class);
        assertThat(Golden.hex(Golden.withoutSeqAndPid(kernel.sent().get(1))))
                .isEqualTo(Golden.hex(iproute2Request("bridge_add_options_vlan_filtering_error")));
    }

    @Test
    void decodesTheKernelsAnswerToIpDetailShowOfABridge() {
        Golden g = Golden.load("link_show_bridge_detail");
        NlMsg m = new NlMsg().wrap(g.received(2).buffer(), 0);
        BridgeInfo.Builder bb = new BridgeInfo.Builder();
        Link link = LinkCodec.decode(m, new LinkCodec.Hook() {
            @Override
            public void infoData(String kind, io.netlink4j.core.AttributeIterator it) {
                BridgeCodec.decode(it, bb);
            }
        });
        BridgeInfo b = bb.build(link);
        assertThat(bb.seen()).isTrue();
        assertThat(b.name()).isEqualTo("br0");
        BridgeSettings s = b.settings();
        // kernel defaults, in centiseconds: 15 s, 2 s, 20 s, 300 s
        assertThat(s.forwardDelayCentis()).isEqualTo(1500L);
        assertThat(s.helloTimeCentis()).isEqualTo(200L);
        assertThat(s.maxAgeCentis()).isEqualTo(2000L);
        assertThat(s.ageingTimeCentis()).isEqualTo(30000L);
        assertThat(s.stpState()).isZero();
        assertThat(s.priority()).isEqualTo(0x8000);
        assertThat(s.vlanFiltering()).isFalse();
        assertThat(s.groupAddress()).isEqualTo("01:80:c2:00:00:00");
        assertThat(s.mcastSnooping()).isTrue();
        assertThat(s.mcastHashMax()).isEqualTo(4096L);
        assertThat(s.mcastQueryIntervalCentis()).isEqualTo(12500L);
        assertThat(s.mcastIgmpVersion()).isEqualTo(2);
        assertThat(s.mcastMldVersion()).isEqualTo(1);
        assertThat(s.nfCallIptables()).isFalse();
        assertThat(s.vlanProtocol()).isNull(); // not reported without VLAN filtering support
        assertThat(b.bridgeId()).isEqualTo(b.rootId()).startsWith("8000.");
        assertThat(b.rootPort()).isZero();
    }

    @Test
    void outOfRangeBridgeValuesAreRefused() {
        assertThatThrownBy(() -> BridgeSettings.builder().helloTimeCentis(50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BridgeSettings.builder().maxAgeCentis(5000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BridgeSettings.builder().priority(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BridgeSettings.builder().groupFwdMask(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BridgeSettings.builder().vlanDefaultPvid(4095)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BridgeSettings.builder().mcastHashMax(1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VlanProtocol.of(0x9100)).isInstanceOf(IllegalArgumentException.class);
        assertThat(kernel.sent()).isEmpty();
    }
}
