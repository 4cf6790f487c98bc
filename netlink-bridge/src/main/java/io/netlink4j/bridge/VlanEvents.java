package io.netlink4j.bridge;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import java.util.ArrayList;
import java.util.List;

/**
 * RTNLGRP_BRVLAN notifications (RTM_NEWVLAN / RTM_DELVLAN, br_vlan_notify and the global-options
 * notification) as monitor events, decoded with the RTM_GETVLAN dump's decoders: the kernel builds
 * both with the same fill functions.
 */
final class VlanEvents {
    private VlanEvents() {}

    /**
     * The event of one notification: per-port (or bridge "self") entries, else global options;
     * null when it holds neither (an attribute kind we do not know).
     *
     * @throws io.netlink4j.core.NetlinkParseException if malformed
     */
    static BridgeEvent decode(NlMsg m) {
        AttributeIterator it = new AttributeIterator();
        AttributeIterator nest = new AttributeIterator();
        List<VlanEntry> entries = new ArrayList<>(1);
        VlanDbCodec.decode(m, it, nest, entries::add);
        int ifindex = m.buffer().getInt(m.payloadOffset() + VlanDbCodec.IFINDEX_OFFSET);
        if (!entries.isEmpty()) {
            BridgeEvent.VlanKind kind = m.type() == Rtnetlink.RTM_DELVLAN ? BridgeEvent.VlanKind.DELETED
                    : BridgeEvent.VlanKind.NEW;
            return new BridgeEvent.VlanEvent(kind, ifindex, entries);
        }
        if (m.type() != Rtnetlink.RTM_NEWVLAN) {
            return null;
        }
        List<VlanGlobalEntry> globals = new ArrayList<>(1);
        VlanGlobalCodec.decode(m, it, nest, globals::add);
        return globals.isEmpty() ? null : new BridgeEvent.VlanGlobalEvent(ifindex, globals);
    }
}
