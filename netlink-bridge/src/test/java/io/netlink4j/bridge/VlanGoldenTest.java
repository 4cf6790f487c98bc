package io.netlink4j.bridge;

import static io.netlink4j.bridge.VlanTestSupport.bridge;
import static io.netlink4j.bridge.VlanTestSupport.port;
import static io.netlink4j.bridge.VlanTestSupport.withSeq;
import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.Link;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.Golden;
import io.netlink4j.core.testing.Messages;
import io.netlink4j.core.testing.ScriptedKernel;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Our requests byte for byte against what iproute2 6.1 sent (golden captures; *_vm ones from the
 * VLAN-capable VM kernel), and our decoders on what the kernels answered.
 */
class VlanGoldenTest {
    final ScriptedKernel kernel = new ScriptedKernel();
    final BridgeNetlink nl = BridgeNetlink.over(() -> RtnlChannel.over(kernel, ChannelOptions.defaults()));

    @AfterEach
    void close() {
        nl.close();
    }

    /** The request we sent after the device lookup, against iproute2's request #{@code index} of {@code name}. */
    private void assertSentLikeIproute2(int ours, String name, int theirs) {
        byte[] golden = Golden.load(name).sentMessage(theirs);
        byte[] sent = kernel.sent().get(ours);
        assertThat(Golden.hex(Golden.withoutSeqAndPid(sent))).isEqualTo(Golden.hex(Golden.withoutSeqAndPid(golden)));
    }

    private void lookupAnswersPort() {
        kernel.reply(k -> port(k.lastSeq(), 4, "v0"));
    }

    private void ack() {
        kernel.reply(k -> Messages.error(k.lastSeq(), 0, new byte[0]));
    }

    @Test
    void addPvidUntaggedIsIproute2sRequest() {
        lookupAnswersPort();
        ack();
        nl.vlans().add("v0", Vlan.of(100).asPvid().asUntagged());
        assertSentLikeIproute2(1, "vlan_add_pvid_untagged", 1);
        assertSentLikeIproute2(1, "vlan_add_pvid_untagged_vm", 1);
    }

    @Test
    void addRangeIsIproute2sRequest() {
        lookupAnswersPort();
        ack();
        nl.vlans().add("v0", Vlan.range(200, 210));
        assertSentLikeIproute2(1, "vlan_add_range", 1);
    }

    @Test
    void deleteIsIproute2sRequest() {
        lookupAnswersPort();
        ack();
        lookupAnswersPort();
        ack();
        nl.vlans().delete("v0", Vlan.of(100));
        nl.vlans().delete("v0", Vlan.range(200, 210));
        assertSentLikeIproute2(1, "vlan_del", 1);
        assertSentLikeIproute2(3, "vlan_del_range_vm", 1);
    }

    @Test
    void bridgeSelfVlanCarriesBridgeFlagsSelf() {
        kernel.reply(k -> bridge(k.lastSeq(), 2, "br0", true));
        ack();
        nl.vlans().add("br0", Vlan.of(10));
        assertSentLikeIproute2(1, "vlan_add_self_vm", 1);
    }

    @Test
    void perVlanOptionsAreIproute2sRtmNewvlan() {
        lookupAnswersPort();
        ack();
        lookupAnswersPort();
        ack();
        nl.vlans().setState("v0", Vlan.of(300), PortState.BLOCKING);
        nl.vlans().setMulticastRouter("v0", Vlan.range(200, 210), MulticastRouter.PERM);
        assertSentLikeIproute2(1, "vlan_set_state_vm", 1);
        assertSentLikeIproute2(3, "vlan_set_mcast_router_vm", 1);
    }

    @Test
    void stateAndMulticastRouterTogetherAreIproute2sOneRequest() {
        lookupAnswersPort();
        ack();
        nl.vlans().setOptions("v0", Vlan.range(200, 202), PortState.LEARNING, MulticastRouter.DISABLED);
        assertThat(kernel.sent()).hasSize(2); // the lookup and one RTM_NEWVLAN
        assertSentLikeIproute2(1, "vlan_set_state_mcast_router_vm", 1);
    }

    @Test
    void bridgeSettingsAreIproute2sRequest() {
        kernel.reply(k -> bridge(k.lastSeq(), 2, "br0", true));
        ack();
        kernel.reply(k -> bridge(k.lastSeq(), 2, "br0", true));
        ack();
        nl.vlans().setFiltering("br0", true);
        nl.vlans().configure("br0", BridgeVlanOptions.builder().filtering(true).protocol(VlanProtocol.IEEE_802_1AD)
                .defaultPvid(10).statsEnabled(true).build());
        assertSentLikeIproute2(1, "bridge_vlan_filtering_on", 2);
        assertSentLikeIproute2(3, "bridge_vlan_settings_vm", 2);
    }

    @Test
    void dumpRequestsAreIproute2s() {
        kernel.reply(k -> Messages.done(k.lastSeq(), 0));
        kernel.reply(k -> Messages.done(k.lastSeq(), 0));
        kernel.reply(k -> Messages.done(k.lastSeq(), 0));
        nl.vlans().list(false);
        nl.vlans().list(true);
        nl.vlans().entries();
        assertSentLikeIproute2(0, "vlan_show", 1);
        assertSentLikeIproute2(1, "vlan_show_compressed_vm", 1);
        assertSentLikeIproute2(2, "vlan_show_json_detail", 1);
        assertSentLikeIproute2(2, "vlan_show_detail_vm", 1);
    }

    // ---------------------------------------------------------------- decoders

    /** Decodes every AF_BRIDGE RTM_NEWLINK of a captured link-dump answer. */
    private static Map<String, VlanSet> decodeLinkDump(String name) {
        Golden g = Golden.load(name);
        Map<String, VlanSet> out = new LinkedHashMap<>();
        Vlans.AfSpecReader reader = new Vlans.AfSpecReader();
        for (Golden.Frame f : g.frames()) {
            if (f.send()) {
                continue;
            }
            ByteBuffer b = f.buffer();
            NlMsg m = new NlMsg();
            for (int pos = 0; pos + 16 <= f.bytes().length; pos += NlMsg.align(m.length())) {
                m.wrap(b, pos);
                if (m.type() == Rtnetlink.RTM_NEWLINK && b.get(m.payloadOffset()) == Rtnetlink.AF_BRIDGE) {
                    reader.reset();
                    Link l = LinkCodec.decode(m, reader);
                    out.put(l.name(), reader.result());
                }
            }
        }
        return out;
    }

    static final VlanSet CAPTURED_V0 = VlanSet.builder().untagged(1).untagged(100).pvid(100).range(200, 210).untagged(300).build();
    static final VlanSet CAPTURED_BR0 = VlanSet.builder().untagged(1).pvid(1).vids(10).build();

    @Test
    void linkDumpAnswersDecodeInBothForms() {
        Map<String, VlanSet> plain = decodeLinkDump("vlan_show_vm");
        Map<String, VlanSet> compressed = decodeLinkDump("vlan_show_compressed_vm");
        assertThat(plain).containsOnlyKeys("br0", "v0");
        assertThat(plain.get("v0")).isEqualTo(CAPTURED_V0);
        assertThat(plain.get("br0")).isEqualTo(CAPTURED_BR0);
        assertThat(compressed).isEqualTo(plain);
        assertThat(plain.get("v0").toString()).isEqualTo("[1 untagged, 100 pvid untagged, 200-210, 300 untagged]");
    }

    @Test
    void linkDumpOfAKernelWithoutVlanFilteringHasNoVlans() {
        Map<String, VlanSet> host = decodeLinkDump("vlan_show");
        assertThat(host).containsOnlyKeys("br0", "v0");
        assertThat(host.values()).allMatch(VlanSet::isEmpty);
    }

    @Test
    void vlanDbAnswerDecodesWithOptions() {
        Golden g = Golden.load("vlan_show_detail_vm");
        Golden.Frame answer = g.received(g.frames().stream().filter(f -> !f.send()).toList().size() - 2);
        List<VlanEntry> entries = new ArrayList<>();
        ByteBuffer b = answer.buffer();
        NlMsg m = new NlMsg();
        io.netlink4j.core.AttributeIterator it = new io.netlink4j.core.AttributeIterator();
        io.netlink4j.core.AttributeIterator child = new io.netlink4j.core.AttributeIterator();
        for (int pos = 0; pos + 16 <= answer.bytes().length; pos += NlMsg.align(m.length())) {
            m.wrap(b, pos);
            assertThat(m.type()).isEqualTo(Rtnetlink.RTM_NEWVLAN);
            VlanDbCodec.decode(m, it, child, entries::add);
        }
        assertThat(entries).containsExactly(
                new VlanEntry(2, 1, 1, true, true, 3, 1),
                new VlanEntry(2, 10, 10, false, false, 3, 1),
                new VlanEntry(4, 1, 1, false, true, 3, 1),
                new VlanEntry(4, 100, 100, true, true, 3, 1),
                new VlanEntry(4, 200, 204, false, false, 3, 1),
                new VlanEntry(4, 205, 205, false, false, 3, 2),
                new VlanEntry(4, 206, 210, false, false, 3, 1),
                new VlanEntry(4, 300, 300, false, true, 4, 1));
        assertThat(Vlans.toSet(entries.stream().filter(e -> e.ifindex() == 4).toList())).isEqualTo(CAPTURED_V0);
    }

    @Test
    void bridgeSettingsDecodeFromTheVmAnswer() {
        Golden g = Golden.load("bridge_show_vlan_settings_vm");
        BridgeVlanSettings s = decodeBridge(g);
        assertThat(s).isEqualTo(new BridgeVlanSettings(true, VlanProtocol.IEEE_802_1AD, 10, true, true));
        BridgeVlanSettings host = decodeBridge(Golden.load("link_show_bridge_detail"));
        assertThat(host.supported()).isFalse();
        assertThat(host.filtering()).isFalse();
        assertThat(host.protocol()).isNull();
    }

    private static BridgeVlanSettings decodeBridge(Golden g) {
        BridgeVlanOptionsCodec.Reader r = new BridgeVlanOptionsCodec.Reader();
        NlMsg m = new NlMsg();
        for (Golden.Frame f : g.frames()) {
            if (f.send()) {
                continue;
            }
            m.wrap(f.buffer(), 0);
            if (m.type() == Rtnetlink.RTM_NEWLINK) {
                Link l = LinkCodec.decode(m, r);
                if ("br0".equals(l.name())) {
                    return r.result();
                }
            }
        }
        throw new AssertionError("no br0 answer in " + g.command());
    }

    @Test
    void capturedAnswersReplayThroughTheApi() {
        // the whole conversation: our list() against the VM kernel's recorded answer
        Golden g = Golden.load("vlan_show_compressed_vm");
        List<Golden.Frame> answers = g.frames().stream().filter(f -> !f.send()).toList();
        for (Golden.Frame f : answers.subList(answers.size() - 2, answers.size())) {
            kernel.reply(k -> withSeq(f.bytes(), k.lastSeq()));
        }
        assertThat(nl.vlans().list()).containsEntry("v0", CAPTURED_V0).containsEntry("br0", CAPTURED_BR0);
    }
}
