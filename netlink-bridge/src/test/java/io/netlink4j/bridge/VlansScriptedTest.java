package io.netlink4j.bridge;

import static io.netlink4j.bridge.VlanTestSupport.bridge;
import static io.netlink4j.bridge.VlanTestSupport.port;
import static io.netlink4j.bridge.VlanTestSupport.sentTypes;
import static io.netlink4j.bridge.VlanTestSupport.vlanDump;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.IfInfoMsg;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.NotSupportedException;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.Messages;
import io.netlink4j.core.testing.ScriptedKernel;
import io.netlink4j.jna.Errno;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Vlans} against a scripted fake kernel: what is sent, in which order, and how errors read. */
class VlansScriptedTest {
    final ScriptedKernel kernel = new ScriptedKernel();
    final BridgeNetlink nl = BridgeNetlink.over(() -> RtnlChannel.over(kernel, ChannelOptions.defaults()));

    static final VlanSet FRESH_PORT = VlanSet.builder().untagged(1).pvid(1).build();
    static final VlanSet WANT = VlanSet.builder().untagged(20).pvid(20).range(100, 110).build();

    @AfterEach
    void close() {
        nl.close();
    }

    private void portHas(VlanSet current) {
        kernel.reply(k -> port(k.lastSeq(), 4, "v0"));
        kernel.reply(k -> vlanDump(k.lastSeq(), 4, current));
    }

    private void ack() {
        kernel.reply(k -> Messages.error(k.lastSeq(), 0, new byte[0]));
    }

    @Test
    void syncOfAPortInSyncSendsNoChange() {
        portHas(WANT);
        VlanSyncResult r = nl.vlans().sync("v0", WANT);
        assertThat(sentTypes(kernel)).containsExactly(Rtnetlink.RTM_GETLINK, Rtnetlink.RTM_GETVLAN);
        assertThat(r.changed()).isFalse();
        assertThat(r.requests()).isZero();
        assertThat(r.before()).isEqualTo(WANT);
        assertThat(r.toString()).isEqualTo("v0: in sync [20 pvid untagged, 100-110]");
    }

    @Test
    void syncAddsTheNewPvidFirstThenDeletes() {
        portHas(FRESH_PORT);
        ack();
        ack();
        VlanSyncResult r = nl.vlans().sync("v0", WANT);
        assertThat(sentTypes(kernel)).containsExactly(Rtnetlink.RTM_GETLINK, Rtnetlink.RTM_GETVLAN,
                Rtnetlink.RTM_SETLINK, Rtnetlink.RTM_DELLINK);
        assertThat(r.written()).containsExactly(Vlan.of(20).asPvid().asUntagged(), Vlan.range(100, 110));
        assertThat(r.removed()).containsExactly(Vlan.of(1));
        assertThat(r.applied()).isTrue();
        assertThat(r.toString()).isEqualTo("v0: +[20 pvid untagged, 100-110] -[1] (2 requests)");
        // what went on the wire: the SETLINK's entries in order, the DELLINK's
        assertThat(vlanInfos(kernel.sent().get(2))).containsExactly(
                List.of(BridgeAfSpecCodec.BRIDGE_VLAN_INFO_PVID | BridgeAfSpecCodec.BRIDGE_VLAN_INFO_UNTAGGED, 20),
                List.of(BridgeAfSpecCodec.BRIDGE_VLAN_INFO_RANGE_BEGIN, 100),
                List.of(BridgeAfSpecCodec.BRIDGE_VLAN_INFO_RANGE_END, 110));
        assertThat(vlanInfos(kernel.sent().get(3))).containsExactly(List.of(0, 1));
    }

    @Test
    void dryRunReadsButSendsNoChange() {
        portHas(FRESH_PORT);
        VlanSyncResult r = nl.vlans().plan("v0", WANT);
        assertThat(sentTypes(kernel)).containsExactly(Rtnetlink.RTM_GETLINK, Rtnetlink.RTM_GETVLAN);
        assertThat(r.applied()).isFalse();
        assertThat(r.changed()).isTrue();
        assertThat(r.requests()).isEqualTo(2);
        assertThat(r.toString()).endsWith("(2 requests, dry run)");
    }

    @Test
    void eopnotsuppBecomesVlanFilteringUnsupported() {
        kernel.reply(k -> port(k.lastSeq(), 4, "v0"));
        kernel.reply(k -> Messages.error(k.lastSeq(), Errno.EOPNOTSUPP, new byte[0]));
        assertThatThrownBy(() -> nl.vlans().add("v0", Vlan.of(100).asPvid().asUntagged()))
                .isInstanceOf(VlanFilteringUnsupportedException.class)
                .isInstanceOf(NotSupportedException.class)
                .hasMessage("add vlan [100 pvid untagged] on v0: Operation not supported (EOPNOTSUPP): "
                        + "this kernel lacks bridge VLAN filtering (CONFIG_BRIDGE_VLAN_FILTERING is not set)");
    }

    @Test
    void eopnotsuppOfTheVlanDumpToo() {
        kernel.reply(k -> port(k.lastSeq(), 4, "v0"));
        kernel.reply(k -> Messages.error(k.lastSeq(), Errno.EOPNOTSUPP, new byte[0]));
        assertThatThrownBy(() -> nl.vlans().sync("v0", WANT)).isInstanceOf(VlanFilteringUnsupportedException.class)
                .hasMessageContaining("show vlan dev v0");
        assertThat(sentTypes(kernel)).containsExactly(Rtnetlink.RTM_GETLINK, Rtnetlink.RTM_GETVLAN);
    }

    @Test
    void bridgeSettingsOnAKernelWithoutVlanSupportAreRefusedAfterTheLookup() {
        kernel.reply(k -> bridge(k.lastSeq(), 2, "br0", false));
        assertThatThrownBy(() -> nl.vlans().setDefaultPvid("br0", 10))
                .isInstanceOf(VlanFilteringUnsupportedException.class)
                .hasMessageContaining("vlan_default_pvid 10");
        assertThat(sentTypes(kernel)).containsExactly(Rtnetlink.RTM_GETLINK);
    }

    @Test
    void aDeviceThatIsNoBridgeMemberIsRefused() {
        kernel.reply(k -> Messages.message(Rtnetlink.RTM_NEWLINK, 0, k.lastSeq(), 1, Messages.concat(
                VlanTestSupport.ifinfomsg(0, 9), Messages.attr(LinkCodec.IFLA_IFNAME, Messages.cstring("eth9")))));
        assertThatThrownBy(() -> nl.vlans().add("eth9", Vlan.of(5))).isInstanceOf(NotABridgePortException.class)
                .hasMessage("add vlan [5] on eth9: eth9 is neither a bridge nor a bridge port");
        assertThat(sentTypes(kernel)).containsExactly(Rtnetlink.RTM_GETLINK);
    }

    @Test
    void getAndEntriesReadTheVlanDb() {
        portHas(WANT);
        assertThat(nl.vlans().get("v0")).isEqualTo(WANT);
        portHas(WANT);
        assertThat(nl.vlans().entries("v0")).containsExactly(
                new VlanEntry(4, 20, 20, true, true, 3, -1), new VlanEntry(4, 100, 110, false, false, 3, -1));
        // the dump asked for v0 only
        ByteBuffer req = ByteBuffer.wrap(kernel.sent().get(1)).order(ByteOrder.nativeOrder());
        assertThat(req.getInt(NlMsg.NLMSG_HDRLEN + VlanDbCodec.IFINDEX_OFFSET)).isEqualTo(4);
    }

    /** The (flags, vid) pairs of the IFLA_BRIDGE_VLAN_INFO attributes of a sent AF_BRIDGE link request. */
    private static List<List<Integer>> vlanInfos(byte[] datagram) {
        ByteBuffer b = ByteBuffer.allocateDirect(datagram.length).order(ByteOrder.nativeOrder()).put(0, datagram);
        NlMsg m = new NlMsg().wrap(b, 0);
        AttributeIterator it = m.attributes(new AttributeIterator(), IfInfoMsg.LENGTH);
        List<List<Integer>> out = new ArrayList<>();
        while (it.next()) {
            if (it.type() == LinkCodec.IFLA_AF_SPEC) {
                AttributeIterator spec = it.nested(new AttributeIterator());
                while (spec.next()) {
                    if (spec.type() == BridgeAfSpecCodec.IFLA_BRIDGE_VLAN_INFO) {
                        out.add(List.of(BridgeAfSpecCodec.infoFlags(b, spec.payloadOffset()),
                                BridgeAfSpecCodec.infoVid(b, spec.payloadOffset())));
                    }
                }
            }
        }
        it.check();
        return out;
    }
}
