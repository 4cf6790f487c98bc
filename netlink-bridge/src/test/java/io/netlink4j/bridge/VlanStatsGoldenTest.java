package io.netlink4j.bridge;

import static io.netlink4j.bridge.VlanTestSupport.withSeq;
import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.Golden;
import io.netlink4j.core.testing.Messages;
import io.netlink4j.core.testing.ScriptedKernel;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Per-VLAN counters against iproute2 6.1 on the VM lane's kernel: {@code bridge -s -d vlan show}
 * (RTM_GETVLAN with BRIDGE_VLANDB_DUMPF_STATS, golden vlan_show_stats_vm) is our request byte for
 * byte, and its answer decodes to the counters the capture's traffic made (5 frames of 60 bytes
 * from v1 into v0, PVID 100). {@code bridge -s vlan show} (without -d) reads RTM_GETSTATS instead
 * (golden vlan_show_stats_getstats_vm, a separate run of the same setup): its bridge_vlan_xstats
 * carry the same numbers.
 */
class VlanStatsGoldenTest {
    final ScriptedKernel kernel = new ScriptedKernel();
    final BridgeNetlink nl = BridgeNetlink.over(() -> RtnlChannel.over(kernel, ChannelOptions.defaults()));

    @AfterEach
    void close() {
        nl.close();
    }

    @Test
    void dumpRequestIsIproute2s() {
        kernel.reply(k -> Messages.done(k.lastSeq(), 0));
        assertThat(nl.vlans().stats()).isEmpty();
        byte[] golden = Golden.load("vlan_show_stats_vm").sentMessage(1);
        assertThat(Golden.hex(Golden.withoutSeqAndPid(kernel.sent().get(0))))
                .isEqualTo(Golden.hex(Golden.withoutSeqAndPid(golden)));
    }

    private List<VlanStats> replay(String name) {
        Golden g = Golden.load(name);
        List<Golden.Frame> answers = g.frames().stream().filter(f -> !f.send()).toList();
        for (Golden.Frame f : answers.subList(answers.size() - 2, answers.size())) {
            kernel.reply(k -> withSeq(f.bytes(), k.lastSeq()));
        }
        return nl.vlans().stats();
    }

    @Test
    void answerDecodesToTheCapturedTraffic() {
        List<VlanStats> stats = replay("vlan_show_stats_vm");
        assertThat(stats).extracting(s -> s.ifindex() + "/" + s.vid())
                .containsExactly("2/1", "2/100", "4/1", "4/100", "4/200");
        VlanStats v0pvid = stats.get(3);
        assertThat(v0pvid.entry()).isEqualTo(new VlanEntry(4, 100, 100, true, true, 3, 1));
        // 5 frames of 60 bytes: the kernel counts skb->len after the 14-byte Ethernet header
        assertThat(v0pvid).isEqualTo(new VlanStats(v0pvid.entry(), 5 * 46, 5, 0, 0));
        // the same frames go up to br0 (it has VID 100 self): counted as br0's tx in VLAN 100
        assertThat(stats.get(1)).isEqualTo(new VlanStats(new VlanEntry(2, 100, 100, false, false, 3, 1), 0, 0, 5 * 46, 5));
        assertThat(stats.get(4)).isEqualTo(new VlanStats(new VlanEntry(4, 200, 200, false, false, 3, 1), 0, 0, 0, 0));
    }

    /** {ifindex/vid: [rx_bytes, rx_packets, tx_bytes, tx_packets]} from an RTM_GETSTATS answer (struct bridge_vlan_xstats). */
    private static Map<String, List<Long>> getStatsCounters(String name) {
        Map<String, List<Long>> out = new HashMap<>();
        NlMsg m = new NlMsg();
        AttributeIterator top = new AttributeIterator();
        AttributeIterator xstats = new AttributeIterator();
        AttributeIterator bridge = new AttributeIterator();
        for (Golden.Frame f : Golden.load(name).frames()) {
            if (f.send()) {
                continue;
            }
            ByteBuffer b = f.buffer();
            for (int pos = 0; pos + 16 <= f.bytes().length; pos += NlMsg.align(m.length())) {
                m.wrap(b, pos);
                if (m.type() != 92) { // RTM_NEWSTATS
                    continue;
                }
                int ifindex = b.getInt(m.payloadOffset() + 4); // struct if_stats_msg {u8 family, pad1; u16 pad2; u32 ifindex; u32 filter_mask}
                m.attributes(top, 12);
                while (top.next()) {
                    if (top.type() != 2 && top.type() != 3) { // IFLA_STATS_LINK_XSTATS, _SLAVE
                        continue;
                    }
                    top.nested(xstats);
                    while (xstats.next()) {
                        if (xstats.type() != 1) { // LINK_XSTATS_TYPE_BRIDGE
                            continue;
                        }
                        xstats.nested(bridge);
                        while (bridge.next()) {
                            if (bridge.type() != 1) { // BRIDGE_XSTATS_VLAN
                                continue;
                            }
                            int at = bridge.payloadOffset();
                            int vid = b.getShort(at + 32) & 0xffff;
                            int flags = b.getShort(at + 34) & 0xffff;
                            if ((flags & 1) != 0 && (flags & (1 << 5)) == 0) {
                                continue; // MASTER without BRENTRY: a port-only VLAN, skipped as iproute2 does
                            }
                            out.put(ifindex + "/" + vid, List.of(b.getLong(at), b.getLong(at + 8), b.getLong(at + 16),
                                    b.getLong(at + 24)));
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void rtmGetstatsReadingOfTheSameSetupHasTheSameTrafficCounters() {
        Map<String, List<Long>> getstats = getStatsCounters("vlan_show_stats_getstats_vm");
        List<VlanStats> ours = replay("vlan_show_stats_vm");
        assertThat(getstats).containsOnlyKeys("2/1", "2/100", "4/1", "4/100", "4/200");
        for (String key : List.of("2/100", "4/100", "4/200")) { // the VLANs only the test traffic used
            VlanStats s = ours.stream().filter(x -> (x.ifindex() + "/" + x.vid()).equals(key)).findFirst().orElseThrow();
            assertThat(getstats.get(key)).as(key).containsExactly(s.rxBytes(), s.rxPackets(), s.txBytes(), s.txPackets());
        }
    }
}
