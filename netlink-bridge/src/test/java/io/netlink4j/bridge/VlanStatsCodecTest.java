package io.netlink4j.bridge;

import static io.netlink4j.bridge.VlanTestSupport.newVlan;
import static io.netlink4j.core.testing.Messages.attr;
import static io.netlink4j.core.testing.Messages.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.NetlinkParseException;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.Messages;
import io.netlink4j.core.testing.ScriptedKernel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** VlanStatsCodec on hand-made RTM_NEWVLAN answers: counters, missing and unknown attributes, malformed input. No root. */
class VlanStatsCodecTest {
    final ScriptedKernel kernel = new ScriptedKernel();
    final BridgeNetlink nl = BridgeNetlink.over(() -> RtnlChannel.over(kernel, ChannelOptions.defaults()));

    @AfterEach
    void close() {
        nl.close();
    }

    private static byte[] u64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(v).array();
    }

    /** An ENTRY as {@link VlanTestSupport#vlanDbEntry} with {@code stats} appended inside it. */
    private static byte[] entry(int flags, int vid, byte[] stats) {
        byte[] e = VlanTestSupport.vlanDbEntry(flags, vid, vid, 3);
        byte[] body = concat(java.util.Arrays.copyOfRange(e, 4, e.length), stats);
        return attr(VlanDbCodec.BRIDGE_VLANDB_ENTRY | 0x8000, body);
    }

    private static byte[] stats(long rxBytes, long rxPackets, long txBytes, long txPackets, byte[]... extra) {
        return attr(VlanDbCodec.BRIDGE_VLANDB_ENTRY_STATS | 0x8000, concat(
                attr(VlanStatsCodec.BRIDGE_VLANDB_STATS_PAD, new byte[0]),
                attr(VlanStatsCodec.BRIDGE_VLANDB_STATS_RX_BYTES, u64(rxBytes)),
                attr(VlanStatsCodec.BRIDGE_VLANDB_STATS_RX_PACKETS, u64(rxPackets)),
                attr(VlanStatsCodec.BRIDGE_VLANDB_STATS_TX_BYTES, u64(txBytes)),
                attr(VlanStatsCodec.BRIDGE_VLANDB_STATS_TX_PACKETS, u64(txPackets)), concat(extra)));
    }

    private List<VlanStats> answer(byte[]... messages) {
        kernel.reply(k -> VlanTestSupport.withSeq(concat(concat(messages), Messages.done(0, 0)), k.lastSeq()));
        return nl.vlans().stats();
    }

    @Test
    void countersDecodePerEntryAndUnknownAttributesAreSkipped() {
        int pvidUntagged = BridgeAfSpecCodec.BRIDGE_VLAN_INFO_PVID | BridgeAfSpecCodec.BRIDGE_VLAN_INFO_UNTAGGED;
        List<VlanStats> s = answer(
                newVlan(0, 4, entry(pvidUntagged, 100, stats(230, 5, 46, 1, attr(77, u64(9)))),
                        entry(0, 200, new byte[0])), // no ENTRY_STATS: counters 0
                newVlan(0, 2, entry(0, 100, stats(0, 0, Long.MAX_VALUE, 3))));
        assertThat(s).containsExactly(
                new VlanStats(new VlanEntry(4, 100, 100, true, true, 3, -1), 230, 5, 46, 1),
                new VlanStats(new VlanEntry(4, 200, 200, false, false, 3, -1), 0, 0, 0, 0),
                new VlanStats(new VlanEntry(2, 100, 100, false, false, 3, -1), 0, 0, Long.MAX_VALUE, 3));
        assertThat(s.get(0).ifindex()).isEqualTo(4);
        assertThat(s.get(0).vid()).isEqualTo(100);
        // the request asked for counters of every device
        byte[] sent = kernel.sent().get(0);
        assertThat(ByteBuffer.wrap(sent).order(ByteOrder.nativeOrder()).getInt(16 + 8 + 4))
                .isEqualTo(VlanDbCodec.BRIDGE_VLANDB_DUMPF_STATS);
    }

    @Test
    void aShortCounterIsAParseError() {
        byte[] bad = attr(VlanDbCodec.BRIDGE_VLANDB_ENTRY_STATS | 0x8000,
                attr(VlanStatsCodec.BRIDGE_VLANDB_STATS_RX_PACKETS, new byte[4]));
        assertThatThrownBy(() -> answer(newVlan(0, 4, entry(0, 100, bad)))).isInstanceOf(NetlinkParseException.class)
                .hasMessageContaining("u64");
    }

    @Test
    void anEntryWithoutInfoIsAParseError() {
        byte[] noInfo = attr(VlanDbCodec.BRIDGE_VLANDB_ENTRY | 0x8000, stats(1, 1, 1, 1));
        assertThatThrownBy(() -> answer(newVlan(0, 4, noInfo))).isInstanceOf(NetlinkParseException.class)
                .hasMessageContaining("without BRIDGE_VLANDB_ENTRY_INFO");
    }

    @Test
    void oneDeviceIsLookedUpThenDumpedAlone() {
        kernel.reply(k -> VlanTestSupport.port(k.lastSeq(), 4, "v0"));
        kernel.reply(k -> VlanTestSupport.withSeq(concat(newVlan(0, 4, entry(0, 100, stats(1, 2, 3, 4))),
                Messages.done(0, 0)), k.lastSeq()));
        assertThat(nl.vlans().stats("v0")).containsExactly(new VlanStats(new VlanEntry(4, 100, 100, false, false, 3, -1), 1, 2, 3, 4));
        // br_vlan_msg.ifindex of the dump request = v0's
        assertThat(ByteBuffer.wrap(kernel.sent().get(1)).order(ByteOrder.nativeOrder()).getInt(16 + 4)).isEqualTo(4);
    }
}
