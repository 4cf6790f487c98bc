package io.netlink4j.bridge;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.Link;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.MessageVisitor;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Global per-VLAN options of a VLAN-filtering bridge ({@code bridge vlan global set|show}): the
 * options a VLAN has bridge-wide rather than per port. Get it from {@link Vlans#global()}.
 *
 * <pre>{@code
 * VlanGlobals g = nl.vlans().global();
 * g.set("br0", Vlan.of(100), VlanGlobalOptions.builder().mcastSnooping(true).mcastQuerier(true).build());
 * List<VlanGlobalEntry> all = g.get("br0");
 * }</pre>
 *
 * <p>The VLAN must exist on the bridge (on one of its ports or on the bridge itself); the kernel
 * refuses others. Thread-safe: every call is one conversation on a channel of the handle.
 */
public final class VlanGlobals {
    private final BridgeNetlink nl;

    VlanGlobals(BridgeNetlink nl) {
        this.nl = nl;
    }

    /**
     * {@code bridge vlan global set dev BRIDGE vid VIDS ...}: sets what {@code options} holds for
     * the VIDs of {@code vids} (its flags do not count), in one RTM_NEWVLAN.
     *
     * @throws IllegalArgumentException {@code vids} or {@code options} null, or nothing set (nothing is sent)
     * @throws NotABridgeException       {@code bridge} is not a bridge
     * @throws VlanFilteringUnsupportedException the kernel has no VLAN filtering
     */
    public void set(String bridge, Vlan vids, VlanGlobalOptions options) {
        LinkCodec.validateName(bridge);
        if (vids == null) {
            throw new IllegalArgumentException("no VLANs given");
        }
        if (options == null || options.isEmpty()) {
            throw new IllegalArgumentException("no global VLAN option given");
        }
        String op = "vlan global set dev " + bridge + " vid " + vidText(vids) + options;
        nl.call(ch -> {
            Link br = Devices.bridge(ch, op, bridge, null);
            MessageWriter w = ch.request(Rtnetlink.RTM_NEWVLAN, NlMsg.NLM_F_ACK);
            VlanGlobalCodec.encodeSet(w, br.index(), vids, options);
            Vlans.execute(ch, op);
            return null;
        });
    }

    /** The global VLAN options of one bridge ({@code bridge vlan global show dev BRIDGE}). */
    public List<VlanGlobalEntry> get(String bridge) {
        LinkCodec.validateName(bridge);
        String op = "vlan global show dev " + bridge;
        return nl.call(ch -> dump(ch, Devices.bridge(ch, op, bridge, null).index(), op));
    }

    /** Every bridge's global VLAN options ({@code bridge vlan global show}); entries carry the bridge's ifindex. */
    public List<VlanGlobalEntry> list() {
        return nl.call(ch -> dump(ch, 0, "vlan global show"));
    }

    private static List<VlanGlobalEntry> dump(RtnlChannel ch, int ifindex, String op) {
        MessageWriter w = ch.request(Rtnetlink.RTM_GETVLAN, NlMsg.NLM_F_DUMP);
        VlanGlobalCodec.encodeDump(w, ifindex);
        List<VlanGlobalEntry> out = new ArrayList<>();
        AttributeIterator it = new AttributeIterator();
        AttributeIterator nest = new AttributeIterator();
        Vlans.run(op, () -> ch.dump(op, new MessageVisitor() {
            @Override
            public void onMessage(NlMsg m) {
                if (m.type() == Rtnetlink.RTM_NEWVLAN) {
                    VlanGlobalCodec.decode(m, it, nest, out::add);
                }
            }

            @Override
            public void onDumpRestart() {
                out.clear();
            }
        }));
        return out;
    }

    static String vidText(Vlan vids) {
        return vids.isRange() ? vids.first() + "-" + vids.last() : String.valueOf(vids.first());
    }
}
