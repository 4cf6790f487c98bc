package io.netlink4j.bridge;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.MessageVisitor;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;
import java.util.ArrayList;
import java.util.List;

/** The RTM_GETVLAN dump with counters behind {@link Vlans#stats()}. */
final class VlanStatsDump {
    private VlanStatsDump() {}

    /** {@code bridge -s -d vlan show}'s request; ifindex 0 = every device. */
    static void encode(MessageWriter w, int ifindex) {
        VlanDbCodec.encodeDump(w, ifindex, VlanDbCodec.BRIDGE_VLANDB_DUMPF_STATS);
    }

    static List<VlanStats> dump(RtnlChannel ch, int ifindex, String op) {
        MessageWriter w = ch.request(Rtnetlink.RTM_GETVLAN, NlMsg.NLM_F_DUMP);
        encode(w, ifindex);
        List<VlanStats> out = new ArrayList<>();
        AttributeIterator it = new AttributeIterator();
        AttributeIterator entry = new AttributeIterator();
        AttributeIterator stats = new AttributeIterator();
        Vlans.run(op, () -> ch.dump(op, new MessageVisitor() {
            @Override
            public void onMessage(NlMsg m) {
                if (m.type() == Rtnetlink.RTM_NEWVLAN) {
                    VlanStatsCodec.decode(m, it, entry, stats, out::add);
                }
            }

            @Override
            public void onDumpRestart() {
                out.clear();
            }
        }));
        return out;
    }
}
