package io.netlink4j.bridge;

import static io.netlink4j.core.testing.Messages.attr;
import static io.netlink4j.core.testing.Messages.concat;
import static io.netlink4j.core.testing.Messages.cstring;
import static io.netlink4j.core.testing.Messages.error;
import static io.netlink4j.core.testing.Messages.message;
import static io.netlink4j.core.testing.Messages.u32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.Link;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.Golden;
import io.netlink4j.core.testing.ScriptedKernel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Port settings: encoder against iproute2's bytes, decoder against the kernel's, validation. No root. */
class PortCodecTest {
    final ScriptedKernel kernel = new ScriptedKernel();
    final RtnlChannel ch = RtnlChannel.over(kernel, ChannelOptions.defaults());

    private void ack() {
        kernel.reply(k -> error(k.lastSeq(), 0, new byte[0]));
    }

    /** The last request iproute2 sent in a capture (the real one, after the probe and lookups). */
    private static byte[] iproute2Request(String golden) {
        java.util.List<byte[]> sent = Golden.load(golden).allSent();
        return Golden.withoutSeqAndPid(sent.get(sent.size() - 1));
    }

    private byte[] ourRequest() {
        assertThat(kernel.sent()).hasSize(1);
        return Golden.withoutSeqAndPid(kernel.sent().get(0));
    }

    @Test
    void proxyArpAndHairpinIsIproute2sRequestByteForByte() {
        byte[] ours = newlinkForm(4, PortSettings.builder().proxyArp(true).hairpin(true).build());
        assertThat(Golden.hex(ours)).isEqualTo(Golden.hex(iproute2Request("port_set_proxyarp_hairpin")));
    }

    /** The RTM_NEWLINK form ({@code ip link set … type bridge_slave}): the fallback after a textless refusal. */
    private byte[] newlinkForm(int index, PortSettings s) {
        MessageWriter w = ch.request(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_ACK);
        PortCodec.encodeSet(w, index, null, s);
        w.end();
        return Golden.withoutSeqAndPid(Arrays.copyOf(bytes(w), w.length()));
    }

    @Test
    void byIfindexTheUpdateIsBridgeLinkSetByteForByte() {
        ack();
        BridgePorts.set(ch, 4, null, PortSettings.builder().hairpin(true).build());
        assertThat(Golden.hex(ourRequest())).isEqualTo(Golden.hex(iproute2Request("bridge_link_set_hairpin")));
    }

    @Test
    void manySettingsInCommandLineOrderAreIproute2sRequestByteForByte() {
        ack();
        PortSettings s = PortSettings.builder().learning(false).unicastFlood(false).mcastFlood(false)
                .broadcastFlood(false).neighSuppress(true).isolated(true).bpduGuard(true).rootBlock(true)
                .cost(100).priority(32).state(PortState.FORWARDING).build();
        assertThat(Golden.hex(newlinkForm(4, s))).isEqualTo(Golden.hex(iproute2Request("port_set_many")));
    }

    @Test
    void byNameTheRequestCarriesIflaIfnameInsteadOfTheIndex() {
        ack();
        BridgePorts.set(ch, 0, "v0", PortSettings.builder().proxyArp(true).hairpin(true).build());
        // iproute2's request with ifi_index 0 and IFLA_IFNAME "v0" inserted after the ifinfomsg
        byte[] golden = iproute2Request("port_set_proxyarp_hairpin");
        byte[] name = attr(LinkCodec.IFLA_IFNAME, cstring("v0"));
        byte[] expected = concat(Arrays.copyOf(golden, 32), name, Arrays.copyOfRange(golden, 32, golden.length));
        ByteBuffer b = ByteBuffer.wrap(expected).order(ByteOrder.nativeOrder());
        b.putInt(0, expected.length);
        b.putInt(20, 0);
        assertThat(Golden.hex(ourRequest())).isEqualTo(Golden.hex(expected));
    }

    @Test
    void protinfoFormIsBridgeLinkSetByteForByte() {
        MessageWriter w = ch.request(Rtnetlink.RTM_SETLINK, NlMsg.NLM_F_ACK);
        PortCodec.encodeProtinfoSet(w, 4, PortSettings.builder().hairpin(true).build());
        w.end();
        byte[] ours = Golden.withoutSeqAndPid(Arrays.copyOf(bytes(w), w.length()));
        assertThat(Golden.hex(ours)).isEqualTo(Golden.hex(iproute2Request("bridge_link_set_hairpin")));
    }

    private static byte[] bytes(MessageWriter w) {
        byte[] b = new byte[w.length()];
        w.buffer().get(0, b);
        return b;
    }

    @Test
    void emptySettingsSendNothing() {
        BridgePorts.set(ch, 4, null, PortSettings.builder().build());
        assertThat(kernel.sent()).isEmpty();
    }

    @Test
    void decodesTheKernelsAnswerToIpDetailShow() {
        Golden g = Golden.load("link_show_detail_dev");
        ByteBuffer b = g.received(2).buffer();
        NlMsg m = new NlMsg().wrap(b, 0);
        assertThat(m.type()).isEqualTo(Rtnetlink.RTM_NEWLINK);
        PortInfo.Builder pb = new PortInfo.Builder();
        Link link = LinkCodec.decode(m, new LinkCodec.Hook() {
            @Override
            public void slaveData(String kind, io.netlink4j.core.AttributeIterator it) {
                assertThat(kind).isEqualTo("bridge");
                PortCodec.decode(it, pb);
            }
        });
        assertThat(pb.seen()).isTrue();
        PortInfo p = pb.build(link);
        // setup "std": v0 (ifindex 4) is the only port of br0 (ifindex 2), up, STP off
        assertThat(p.name()).isEqualTo("v0");
        assertThat(p.index()).isEqualTo(4);
        assertThat(p.bridgeIndex()).isEqualTo(2);
        assertThat(p.state()).isEqualTo(PortState.FORWARDING);
        PortConfig s = p.settings();
        assertThat(s.priority()).isEqualTo(32);
        assertThat(s.cost()).isEqualTo(2L);
        assertThat(s.hairpin()).isFalse();
        assertThat(s.proxyArp()).isFalse();
        assertThat(s.bpduGuard()).isFalse();
        assertThat(s.rootBlock()).isFalse();
        assertThat(s.learning()).isTrue();
        assertThat(s.unicastFlood()).isTrue();
        assertThat(s.mcastFlood()).isTrue();
        assertThat(s.broadcastFlood()).isTrue();
        assertThat(s.multicastRouter()).contains(MulticastRouter.TEMP_QUERY);
        assertThat(s.groupFwdMask()).isZero();
        assertThat(s.locked()).contains(false);
        assertThat(s.mab()).contains(false);
        assertThat(s.neighVlanSuppress()).contains(false);
        assertThat(s.mcastEhtHostsLimit()).hasValue(512L);
        assertThat(s.mcastMaxGroups()).hasValue(0L);
        assertThat(s.backupPort()).isZero();                // only reported when set
        assertThat(s.reported(PortCodec.IFLA_BRPORT_BACKUP_PORT)).isFalse();
        assertThat(s.learningSync()).isEmpty();            // no longer reported by 6.x kernels
        assertThat(p.portId()).isEqualTo(0x8001);
        assertThat(p.portNo()).isEqualTo(1);
        assertThat(p.designatedPort()).isEqualTo(0x8001);
        assertThat(p.designatedCost()).isZero();
        assertThat(p.rootId()).matches("8000\\.([0-9a-f]{2}:){5}[0-9a-f]{2}").isEqualTo(p.bridgeId());
        assertThat(p.mcastGroups()).isEqualTo(1);
        assertThat(p.mrpRingOpen()).isFalse();
        assertThat(p.configPending()).isFalse();
    }

    @Test
    void unknownAttributeTypesFromNewerKernelsAreSkipped() {
        byte[] slave = concat(attr(60, u32(7)), attr(PortCodec.IFLA_BRPORT_MODE, new byte[] {1}), attr(200, new byte[9]),
                attr(PortCodec.IFLA_BRPORT_COST, u32(77)));
        byte[] linkinfo = concat(attr(LinkCodec.IFLA_INFO_SLAVE_KIND, cstring("bridge")), attr(LinkCodec.IFLA_INFO_SLAVE_DATA, slave));
        byte[] ifi = new byte[16];
        ifi[4] = 9;
        byte[] msg = message(Rtnetlink.RTM_NEWLINK, 0, 1, 0, concat(ifi, attr(LinkCodec.IFLA_IFNAME, cstring("p9")),
                attr(LinkCodec.IFLA_MASTER, u32(2)), attr(LinkCodec.IFLA_LINKINFO, linkinfo), attr(999, new byte[3])));
        ByteBuffer b = ByteBuffer.allocateDirect(msg.length).order(ByteOrder.nativeOrder());
        b.put(0, msg);
        PortInfo.Builder pb = new PortInfo.Builder();
        Link link = LinkCodec.decode(new NlMsg().wrap(b, 0), new LinkCodec.Hook() {
            @Override
            public void slaveData(String kind, io.netlink4j.core.AttributeIterator it) {
                PortCodec.decode(it, pb);
            }
        });
        PortInfo p = pb.build(link);
        assertThat(p.settings().hairpin()).isTrue();
        assertThat(p.settings().cost()).isEqualTo(77L);
        assertThat(p.settings().toSettings().values().size()).isEqualTo(2);
    }

    @Test
    void outOfRangeValuesAreRefusedBeforeAnythingIsBuilt() {
        assertThatThrownBy(() -> PortSettings.builder().cost(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port cost must be 1..65535: 0");
        assertThatThrownBy(() -> PortSettings.builder().cost(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PortSettings.builder().priority(64)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port priority must be 0..63: 64");
        assertThatThrownBy(() -> PortSettings.builder().priority(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PortState.of(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port state must be 0..4");
        assertThatThrownBy(() -> PortSettings.builder().state(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MulticastRouter.of(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PortSettings.builder().groupFwdMask(0x2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pause");
        assertThatThrownBy(() -> PortSettings.builder().mcastEhtHostsLimit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(kernel.sent()).isEmpty();
    }

    @Test
    void settingAValueTwiceKeepsItsFirstPositionAndTheLastValue() {
        PortSettings s = PortSettings.builder().hairpin(true).cost(5).hairpin(false).build();
        assertThat(s.values().size()).isEqualTo(2);
        assertThat(s.values().typeAt(0)).isEqualTo(PortCodec.IFLA_BRPORT_MODE);
        assertThat(s.hairpin()).isFalse();
        assertThat(s.toString()).isEqualTo("PortSettings{mode=0, cost=5}");
    }

    @Test
    void attributesOfAFailedPortUpdateAreNamed() {
        PortCodec.init();
        MessageWriter w = ch.request(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_ACK);
        PortCodec.encodeSet(w, 4, null, PortSettings.builder().hairpin(true).cost(9).build());
        w.end();
        // the COST attribute sits after the MODE attribute (8 bytes) in the slave data nest at 16+16+4+16+4
        int costOffset = 16 + 16 + 4 + 16 + 4 + 8;
        assertThat(w.buffer().getShort(costOffset + 2)).isEqualTo((short) PortCodec.IFLA_BRPORT_COST);
        assertThat(io.netlink4j.core.AttributeNamer.REGISTRY.get(Rtnetlink.RTM_NEWLINK)
                .name(new int[] {LinkCodec.IFLA_LINKINFO, LinkCodec.IFLA_INFO_SLAVE_DATA, PortCodec.IFLA_BRPORT_COST}))
                .isEqualTo("IFLA_BRPORT_COST");
        assertThat(io.netlink4j.core.AttributeNamer.REGISTRY.get(Rtnetlink.RTM_SETLINK)
                .name(new int[] {LinkCodec.IFLA_PROTINFO, PortCodec.IFLA_BRPORT_PROXYARP}))
                .isEqualTo("IFLA_BRPORT_PROXYARP");
    }

    /** A kernel RTM_NEWLINK answer for a link of {@code kind} with no master. */
    private static byte[] linkReply(int seq, int index, String name, String kind) {
        byte[] ifi = new byte[16];
        ifi[4] = (byte) index;
        return message(Rtnetlink.RTM_NEWLINK, 0, seq, 0, concat(ifi, attr(LinkCodec.IFLA_IFNAME, cstring(name)),
                attr(LinkCodec.IFLA_LINKINFO, attr(LinkCodec.IFLA_INFO_KIND, cstring(kind)))));
    }

    @Test
    void eopnotsuppWithoutTextIsExplainedByALookup() {
        kernel.reply(k -> error(k.lastSeq(), io.netlink4j.jna.Errno.EOPNOTSUPP, new byte[0]))
              .reply(k -> linkReply(k.lastSeq(), 2, "br0", "bridge"))
              .reply(k -> error(k.lastSeq(), io.netlink4j.jna.Errno.EOPNOTSUPP, new byte[0]))
              .reply(k -> linkReply(k.lastSeq(), 3, "v1", "veth"));
        PortSettings s = PortSettings.builder().hairpin(true).build();
        assertThatThrownBy(() -> BridgePorts.set(ch, 0, "br0", s)).isInstanceOf(NotABridgePortException.class)
                .hasMessage("set port br0: Operation not supported (EOPNOTSUPP): br0 is a bridge, not a bridge port");
        assertThatThrownBy(() -> BridgePorts.set(ch, 0, "v1", s)).isInstanceOf(NotABridgePortException.class)
                .hasMessage("set port v1: Operation not supported (EOPNOTSUPP): v1 is not a bridge port")
                .satisfies(e -> assertThat(((NotABridgePortException) e).device()).isEqualTo("v1"));
        // each failure cost the update and one lookup
        assertThat(kernel.sent()).hasSize(4);
        assertThat(kernel.remainingSteps()).isZero();
    }
}
