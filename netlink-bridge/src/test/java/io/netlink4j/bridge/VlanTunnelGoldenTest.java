package io.netlink4j.bridge;

import static io.netlink4j.bridge.VlanTestSupport.port;
import static io.netlink4j.bridge.VlanTestSupport.withSeq;
import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.Golden;
import io.netlink4j.core.testing.Messages;
import io.netlink4j.core.testing.ScriptedKernel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * VLAN tunnel mapping against iproute2 6.1 on the VM lane's kernel (golden vlan_tunnel_*_vm:
 * {@code bridge vlan add|del ... tunnel_info}, {@code bridge vlan tunnelshow}, {@code ip link set
 * ... type bridge_slave vlan_tunnel on}): our requests byte for byte, our decoder on the kernel's answer.
 */
class VlanTunnelGoldenTest {
    final ScriptedKernel kernel = new ScriptedKernel();
    final BridgeNetlink nl = BridgeNetlink.over(() -> RtnlChannel.over(kernel, ChannelOptions.defaults()));

    @AfterEach
    void close() {
        nl.close();
    }

    private void assertSentLikeIproute2(int ours, String name, int theirs) {
        byte[] golden = Golden.load(name).sentMessage(theirs);
        assertThat(Golden.hex(Golden.withoutSeqAndPid(kernel.sent().get(ours))))
                .as("request %d against %s", ours, name)
                .isEqualTo(Golden.hex(Golden.withoutSeqAndPid(golden)));
    }

    /** vxlan0 is ifindex 3 in the captures. */
    private void lookupAnswersVxlan0() {
        kernel.reply(k -> port(k.lastSeq(), 3, "vxlan0"));
    }

    private void ack() {
        kernel.reply(k -> Messages.error(k.lastSeq(), 0, new byte[0]));
    }

    @Test
    void addOneIsIproute2sRequest() {
        lookupAnswersVxlan0();
        ack();
        nl.vlans().tunnels().add("vxlan0", VlanTunnel.of(100, 1100));
        assertSentLikeIproute2(1, "vlan_tunnel_add_vm", 1);
    }

    @Test
    void addAndDeleteRangeAreIproute2sRequests() {
        lookupAnswersVxlan0();
        ack();
        lookupAnswersVxlan0();
        ack();
        nl.vlans().tunnels().add("vxlan0", VlanTunnel.range(200, 205, 1200));
        nl.vlans().tunnels().delete("vxlan0", VlanTunnel.range(200, 205, 1200));
        assertSentLikeIproute2(1, "vlan_tunnel_add_range_vm", 1);
        assertSentLikeIproute2(3, "vlan_tunnel_del_range_vm", 1);
    }

    @Test
    void portVlanTunnelOnIsIproute2sRequest() {
        // the RTM_NEWLINK form (BridgePorts.set by ifindex sends the AF_BRIDGE form; this one is
        // its fallback and the form by name over a transport without ioctl)
        byte[] ours;
        try (RtnlChannel ch = RtnlChannel.over(kernel, ChannelOptions.defaults())) {
            io.netlink4j.core.MessageWriter w = ch.request(io.netlink4j.core.Rtnetlink.RTM_NEWLINK,
                    io.netlink4j.core.NlMsg.NLM_F_ACK);
            PortCodec.encodeSet(w, 3, null, PortSettings.builder().vlanTunnel(true).build());
            w.end();
            ours = new byte[w.length()];
            w.buffer().get(0, ours);
        }
        List<byte[]> theirs = Golden.load("vlan_tunnel_port_on_vm").allSent();
        assertThat(Golden.hex(Golden.withoutSeqAndPid(ours)))
                .isEqualTo(Golden.hex(Golden.withoutSeqAndPid(theirs.get(theirs.size() - 1))));
    }

    @Test
    void tunnelshowDumpIsIproute2sRequest() {
        kernel.reply(k -> Messages.done(k.lastSeq(), 0));
        assertThat(nl.vlans().tunnels().list()).isEmpty();
        assertSentLikeIproute2(0, "vlan_tunnelshow_vm", 1);
    }

    @Test
    void tunnelshowAnswerDecodes() {
        Golden g = Golden.load("vlan_tunnelshow_vm");
        List<Golden.Frame> answers = g.frames().stream().filter(f -> !f.send()).toList();
        for (Golden.Frame f : answers.subList(answers.size() - 2, answers.size())) {
            kernel.reply(k -> withSeq(f.bytes(), k.lastSeq()));
        }
        Map<String, List<VlanTunnel>> all = nl.vlans().tunnels().list();
        // the kernel joined 200..205 -> 1200..1205 into one RANGE_BEGIN/RANGE_END pair; br0 has no mapping
        assertThat(all).containsExactly(Map.entry("vxlan0",
                List.of(VlanTunnel.of(100, 1100), VlanTunnel.range(200, 205, 1200))));
        assertThat(all.get("vxlan0").get(1).lastTunnelId()).isEqualTo(1205);
    }
}
