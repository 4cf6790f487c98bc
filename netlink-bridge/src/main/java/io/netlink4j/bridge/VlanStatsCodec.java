package io.netlink4j.bridge;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.NetlinkParseException;
import io.netlink4j.core.NlMsg;
import java.util.function.Consumer;

/**
 * Per-VLAN counters in the RTM_GETVLAN dump (linux/if_bridge.h): asked for with
 * BRIDGE_VLANDB_DUMP_FLAGS = BRIDGE_VLANDB_DUMPF_STATS, each BRIDGE_VLANDB_ENTRY then carries
 * BRIDGE_VLANDB_ENTRY_STATS (nested) › STATS_RX_BYTES, RX_PACKETS, TX_BYTES, TX_PACKETS (u64, with
 * STATS_PAD for alignment), and the kernel reports every VID on its own.
 */
final class VlanStatsCodec {
    private VlanStatsCodec() {}

    static final int BRIDGE_VLANDB_STATS_RX_BYTES = 1;
    static final int BRIDGE_VLANDB_STATS_RX_PACKETS = 2;
    static final int BRIDGE_VLANDB_STATS_TX_BYTES = 3;
    static final int BRIDGE_VLANDB_STATS_TX_PACKETS = 4;
    static final int BRIDGE_VLANDB_STATS_PAD = 5;

    /** Decodes one RTM_NEWVLAN message into counters handed to {@code sink}; entries without ENTRY_STATS count zero. */
    static void decode(NlMsg m, AttributeIterator it, AttributeIterator entry, AttributeIterator stats,
                       Consumer<VlanStats> sink) {
        VlanDbCodec.decode(m, it, entry, e -> { });
        // the entries are valid (decode threw otherwise): read them again with their counters
        m.attributes(it, VlanDbCodec.BR_VLAN_MSG_LENGTH);
        int ifindex = m.buffer().getInt(m.payloadOffset() + VlanDbCodec.IFINDEX_OFFSET);
        while (it.next()) {
            if (it.type() != VlanDbCodec.BRIDGE_VLANDB_ENTRY) {
                continue;
            }
            VlanEntry e = VlanDbCodec.decodeEntry(ifindex, it.nested(entry));
            long[] c = new long[BRIDGE_VLANDB_STATS_TX_PACKETS + 1];
            AttributeIterator ea = it.nested(entry);
            while (ea.next()) {
                if (ea.type() != VlanDbCodec.BRIDGE_VLANDB_ENTRY_STATS) {
                    continue;
                }
                AttributeIterator s = ea.nested(stats);
                while (s.next()) {
                    int t = s.type();
                    if (t >= BRIDGE_VLANDB_STATS_RX_BYTES && t <= BRIDGE_VLANDB_STATS_TX_PACKETS) {
                        c[t] = s.u64();
                    }
                }
                ea.absorb(s);
            }
            it.absorb(ea);
            if (it.error() != null) {
                throw new NetlinkParseException(it.error());
            }
            if (e != null) {
                sink.accept(new VlanStats(e, c[BRIDGE_VLANDB_STATS_RX_BYTES], c[BRIDGE_VLANDB_STATS_RX_PACKETS],
                        c[BRIDGE_VLANDB_STATS_TX_BYTES], c[BRIDGE_VLANDB_STATS_TX_PACKETS]));
            }
        }
    }
}
