package io.netlink4j.bridge;

import io.netlink4j.core.IfInfoMsg;
import io.netlink4j.core.Link;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.MessageVisitor;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the kernel has, read once for a plan: one link dump (every link with its bridge or port
 * settings), and only when the desired state needs them one FDB dump and one VLAN dump. No
 * request per object.
 */
final class StateSnapshot {
    /** A bridge FDB entry's place: its MAC and VLAN within one bridge. */
    record FdbKey(int bridge, long mac, int vlan) {}

    /** Where an entry is and how: the port, its state, and whether another agent owns it. */
    record FdbPlace(int ifindex, FdbState state, boolean externallyLearned) {}

    final Map<String, Link> links = new HashMap<>();
    final Map<Integer, Link> byIndex = new HashMap<>();
    /** Settings of bridges and ports as reported (only what the kernel sent), by ifindex. */
    final Map<Integer, AttrValues> settings = new HashMap<>();
    /** Null when not read. */
    Map<FdbKey, FdbPlace> fdb;
    /** VLANs by ifindex; null when not read. */
    Map<Integer, VlanSet> vlans;

    private StateSnapshot() {}

    /** Reads what {@code desired} needs. */
    static StateSnapshot read(BridgeNetlink nl, BridgeState desired) {
        StateSnapshot s = new StateSnapshot();
        nl.call(ch -> {
            s.readLinks(ch);
            return null;
        });
        if (desired.managesFdb()) {
            s.readFdb(nl);
        }
        if (desired.managesVlans()) {
            s.readVlans(nl);
        }
        return s;
    }

    /** One RTM_GETLINK dump; IFLA_INFO_DATA of bridges and IFLA_INFO_SLAVE_DATA of ports are decoded. */
    private void readLinks(RtnlChannel ch) {
        MessageWriter w = ch.request(Rtnetlink.RTM_GETLINK, NlMsg.NLM_F_DUMP);
        IfInfoMsg.put(w, Rtnetlink.AF_UNSPEC, 0, 0, 0);
        w.putU32(LinkCodec.IFLA_EXT_MASK, Rtnetlink.RTEXT_FILTER_VF | Rtnetlink.RTEXT_FILTER_SKIP_STATS);
        ch.dump("read links", new MessageVisitor() {
            @Override
            public void onMessage(NlMsg m) {
                if (m.type() != Rtnetlink.RTM_NEWLINK) {
                    return;
                }
                BridgeLinkHook hook = new BridgeLinkHook();
                BridgeInfo.Builder bridge = hook.bridge;
                PortInfo.Builder port = hook.port;
                Link l = LinkCodec.decode(m, hook);
                links.put(l.name(), l);
                byIndex.put(l.index(), l);
                // a link is a bridge or a port, not both; the bridge's view wins if a kernel sent both
                AttrValues v = bridge.seen ? bridge.settings : port.seen ? port.settings : null;
                if (v != null) {
                    settings.put(l.index(), v);
                }
            }

            @Override
            public void onDumpRestart() {
                links.clear();
                byIndex.clear();
                settings.clear();
            }
        });
    }

    /** One FDB dump of the namespace; bridge entries only. */
    private void readFdb(BridgeNetlink nl) {
        Map<FdbKey, FdbPlace> out = new HashMap<>();
        nl.fdb().dump(FdbFilter.all(), new FdbVisitor() {
            @Override
            public void onEntry(FdbView e) {
                if (e.master() == 0) {
                    return; // a device's own entry (self), not one of a bridge
                }
                out.put(new FdbKey(e.master(), e.macLong(), e.vlan()),
                        new FdbPlace(e.ifindex(), e.state(), e.has(FdbFlag.EXTERN_LEARN)));
            }

            @Override
            public void onRestart() {
                out.clear();
            }
        });
        fdb = out;
    }

    /** One RTM_GETVLAN dump of every device. */
    private void readVlans(BridgeNetlink nl) {
        Map<Integer, List<VlanEntry>> by = new HashMap<>();
        for (VlanEntry e : nl.vlans().entries()) {
            by.computeIfAbsent(e.ifindex(), k -> new ArrayList<>()).add(e);
        }
        Map<Integer, VlanSet> out = new HashMap<>();
        by.forEach((k, v) -> out.put(k, Vlans.toSet(v)));
        vlans = out;
    }

    Link link(String name) {
        return links.get(name);
    }

    String name(int ifindex) {
        Link l = byIndex.get(ifindex);
        return l != null ? l.name() : "if" + ifindex;
    }
}
