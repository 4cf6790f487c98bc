package io.netlink4j.bridge;

import static io.netlink4j.bridge.VlanTestSupport.port;
import static io.netlink4j.bridge.VlanTestSupport.u16;
import static io.netlink4j.core.testing.Messages.attr;
import static io.netlink4j.core.testing.Messages.concat;
import static io.netlink4j.core.testing.Messages.u32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.Errno;
import io.netlink4j.core.InvalidArgumentException;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.NetlinkParseException;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.Messages;
import io.netlink4j.core.testing.ScriptedKernel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** VlanTunnel validation, VlanTunnelCodec encode/decode round trips and malformed input. No root. */
class VlanTunnelCodecTest {
    final ScriptedKernel kernel = new ScriptedKernel();
    final BridgeNetlink nl = BridgeNetlink.over(() -> RtnlChannel.over(kernel, ChannelOptions.defaults()));

    @AfterEach
    void close() {
        nl.close();
    }

    @Test
    void mappingsAreCheckedWhenMade() {
        assertThat(VlanTunnel.range(200, 205, 1200).lastTunnelId()).isEqualTo(1205);
        assertThat(VlanTunnel.range(200, 205, 1200).tunnelIdOf(203)).isEqualTo(1203);
        assertThat(VlanTunnel.range(200, 205, 1200).tunnelIdOf(206)).isEqualTo(-1);
        assertThat(VlanTunnel.of(100, 1100)).hasToString("100->1100");
        assertThat(VlanTunnel.range(200, 205, 1200)).hasToString("200-205->1200-1205");
        assertThat(VlanTunnel.of(4094, VlanTunnel.MAX_TUNNEL_ID).lastTunnelId()).isEqualTo((1 << 24) - 1);
        assertThatThrownBy(() -> VlanTunnel.of(0, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("VLAN id 0");
        assertThatThrownBy(() -> VlanTunnel.of(4095, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VlanTunnel.range(205, 200, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inverted");
        assertThatThrownBy(() -> VlanTunnel.of(1, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tunnel id -1");
        assertThatThrownBy(() -> VlanTunnel.of(1, 1 << 24)).isInstanceOf(IllegalArgumentException.class);
        // the range's last id would pass 2^24-1
        assertThatThrownBy(() -> VlanTunnel.range(1, 3, VlanTunnel.MAX_TUNNEL_ID - 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16777214-16777216");
    }

    @Test
    void badArgumentsSendNothing() {
        assertThatThrownBy(() -> nl.vlans().tunnels().add("vxlan0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no VLAN tunnel mappings");
        assertThatThrownBy(() -> nl.vlans().tunnels().delete("vxlan0", (VlanTunnel) null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nl.vlans().tunnels().add("bad name!", VlanTunnel.of(1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(kernel.sent()).isEmpty();
    }

    @Test
    void theBridgeItselfIsRefusedAfterTheLookupOnly() {
        kernel.reply(k -> VlanTestSupport.bridge(k.lastSeq(), 2, "br0", true));
        assertThatThrownBy(() -> nl.vlans().tunnels().add("br0", VlanTunnel.of(100, 1100)))
                .isInstanceOf(NotABridgePortException.class).hasMessageContaining("br0 is the bridge");
        assertThat(kernel.sent()).hasSize(1); // the lookup
    }

    @Test
    void kernelEinvalNamesTheConditions() {
        kernel.reply(k -> port(k.lastSeq(), 3, "vxlan0"));
        kernel.reply(k -> Messages.error(k.lastSeq(), Errno.EINVAL, new byte[0]));
        assertThatThrownBy(() -> nl.vlans().tunnels().add("vxlan0", VlanTunnel.of(100, 1100)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("vlan_tunnel on")
                .hasMessageContaining("add vlan tunnel [100->1100] on vxlan0");
    }

    /** Our request's IFLA_AF_SPEC read back by our decoder. */
    private List<VlanTunnel> sentAndDecoded(int index) {
        NlMsg m = new NlMsg();
        m.wrap(ByteBuffer.wrap(kernel.sent().get(index)).order(ByteOrder.nativeOrder()), 0);
        assertThat(m.type()).isEqualTo(Rtnetlink.RTM_SETLINK);
        AttributeIterator it = new AttributeIterator();
        m.attributes(it, 16); // after the ifinfomsg
        List<VlanTunnel> out = new ArrayList<>();
        while (it.next()) {
            if (it.type() == LinkCodec.IFLA_AF_SPEC) {
                AttributeIterator spec = it.nested(new AttributeIterator());
                VlanTunnelCodec.decode(spec, new AttributeIterator(), out::add);
                spec.check();
            }
        }
        return out;
    }

    @Test
    void randomMappingsSurviveEncodeAndDecode() {
        Random rnd = new Random(14);
        for (int round = 0; round < 200; round++) {
            List<VlanTunnel> in = new ArrayList<>();
            for (int i = 1 + rnd.nextInt(8); i > 0; i--) {
                int first = 1 + rnd.nextInt(4094);
                int last = rnd.nextBoolean() ? first : first + rnd.nextInt(4095 - first);
                in.add(VlanTunnel.range(first, last, rnd.nextInt(VlanTunnel.MAX_TUNNEL_ID - 4094)));
            }
            kernel.reply(k -> port(k.lastSeq(), 3, "vxlan0"));
            kernel.reply(k -> Messages.error(k.lastSeq(), 0, new byte[0]));
            nl.vlans().tunnels().add("vxlan0", in.toArray(new VlanTunnel[0]));
            assertThat(sentAndDecoded(kernel.sent().size() - 1)).as("round %d", round).isEqualTo(in);
        }
    }

    // ------------------------------------------------------------------ decoder on hand-made input

    private static byte[] info(int id, int vid, int flags, byte[]... extra) {
        return attr(VlanTunnelCodec.IFLA_BRIDGE_VLAN_TUNNEL_INFO, concat(attr(VlanTunnelCodec.IFLA_BRIDGE_VLAN_TUNNEL_ID, u32(id)),
                attr(VlanTunnelCodec.IFLA_BRIDGE_VLAN_TUNNEL_VID, u16(vid)),
                attr(VlanTunnelCodec.IFLA_BRIDGE_VLAN_TUNNEL_FLAGS, u16(flags)), concat(extra)));
    }

    private static List<VlanTunnel> decode(byte[] afSpec) {
        List<VlanTunnel> out = new ArrayList<>();
        AttributeIterator it = new AttributeIterator().wrap(ByteBuffer.wrap(afSpec).order(ByteOrder.nativeOrder()), 0, afSpec.length);
        VlanTunnelCodec.decode(it, new AttributeIterator(), out::add);
        it.check();
        return out;
    }

    @Test
    void vlanInfoAndUnknownAttributesAreSkippedNestedFlagAccepted() {
        byte[] vlanInfo = attr(BridgeAfSpecCodec.IFLA_BRIDGE_VLAN_INFO, new byte[] {0, 0, 100, 0});
        byte[] nested = info(1100, 100, 0, attr(99, new byte[3]));
        nested[3] |= (byte) 0x80; // NLA_F_NESTED, as a newer kernel may send
        assertThat(decode(concat(vlanInfo, nested, attr(42, u32(7)),
                info(1200, 200, BridgeAfSpecCodec.BRIDGE_VLAN_INFO_RANGE_BEGIN),
                info(1205, 205, BridgeAfSpecCodec.BRIDGE_VLAN_INFO_RANGE_END))))
                .containsExactly(VlanTunnel.of(100, 1100), VlanTunnel.range(200, 205, 1200));
    }

    @Test
    void anEntryWithoutVidIsSkippedAsIproute2Does() {
        byte[] noVid = attr(VlanTunnelCodec.IFLA_BRIDGE_VLAN_TUNNEL_INFO, attr(VlanTunnelCodec.IFLA_BRIDGE_VLAN_TUNNEL_ID, u32(5)));
        assertThat(decode(concat(noVid, info(7, 7, 0)))).containsExactly(VlanTunnel.of(7, 7));
    }

    @Test
    void malformedEntriesAreParseErrors() {
        int begin = BridgeAfSpecCodec.BRIDGE_VLAN_INFO_RANGE_BEGIN;
        int end = BridgeAfSpecCodec.BRIDGE_VLAN_INFO_RANGE_END;
        assertThatThrownBy(() -> decode(info(1, 205, end))).isInstanceOf(NetlinkParseException.class)
                .hasMessageContaining("RANGE_END 205->1");
        assertThatThrownBy(() -> decode(concat(info(1200, 200, begin), info(1210, 205, end))))
                .isInstanceOf(NetlinkParseException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> decode(concat(info(1200, 200, begin), info(1195, 195, end))))
                .isInstanceOf(NetlinkParseException.class);
        assertThatThrownBy(() -> decode(info(1, 0, 0))).isInstanceOf(NetlinkParseException.class).hasMessageContaining("VID 0");
        assertThatThrownBy(() -> decode(info(1 << 24, 10, 0))).isInstanceOf(NetlinkParseException.class)
                .hasMessageContaining("tunnel id 16777216");
        byte[] shortVid = attr(VlanTunnelCodec.IFLA_BRIDGE_VLAN_TUNNEL_INFO, attr(VlanTunnelCodec.IFLA_BRIDGE_VLAN_TUNNEL_VID, new byte[1]));
        assertThatThrownBy(() -> decode(shortVid)).isInstanceOf(NetlinkParseException.class);
    }

    @Test
    void listKeepsOnlyPortsWithMappings() {
        byte[] afSpec = attr(LinkCodec.IFLA_AF_SPEC, info(1100, 100, 0));
        byte[] vx = Messages.message(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_MULTI, 0, VlanTestSupport.PID,
                concat(VlanTestSupport.ifinfomsg(Rtnetlink.AF_BRIDGE, 3), attr(LinkCodec.IFLA_IFNAME, Messages.cstring("vxlan0")), afSpec));
        byte[] br = Messages.message(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_MULTI, 0, VlanTestSupport.PID,
                concat(VlanTestSupport.ifinfomsg(Rtnetlink.AF_BRIDGE, 2), attr(LinkCodec.IFLA_IFNAME, Messages.cstring("br0"))));
        kernel.reply(k -> VlanTestSupport.withSeq(concat(br, vx, Messages.done(0, 0)), k.lastSeq()));
        assertThat(nl.vlans().tunnels().list()).containsOnlyKeys("vxlan0").containsEntry("vxlan0", List.of(VlanTunnel.of(100, 1100)));
        // get(dev): the lookup, then the same dump filtered to that port
        kernel.reply(k -> port(k.lastSeq(), 3, "vxlan0"));
        kernel.reply(k -> VlanTestSupport.withSeq(concat(br, vx, Messages.done(0, 0)), k.lastSeq()));
        assertThat(nl.vlans().tunnels().get("vxlan0")).containsExactly(VlanTunnel.of(100, 1100));
    }
}
