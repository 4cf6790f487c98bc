package io.netlink4j.bridge;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.IfInfoMsg;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The monitor's view of bridges and bridge ports: the settings last known of each, fed with every
 * link notification, so that only real changes become events. A change made with {@code bridge
 * link set} arrives as AF_BRIDGE RTM_NEWLINK (IFLA_PROTINFO), one made with {@code ip link set …
 * type bridge_slave} as AF_BRIDGE and AF_UNSPEC RTM_NEWLINK (IFLA_INFO_SLAVE_DATA), a bridge
 * option only as AF_UNSPEC (IFLA_INFO_DATA); both port nests hold the same IFLA_BRPORT_* values.
 * Notifications are compared in place; maps are built only for an event. Not thread-safe.
 */
final class LinkTracker {
    /** Attribute types tracked are below this (IFLA_BRPORT_* and IFLA_BR_* both are). */
    private static final int SLOTS = 64;
    private static final String[] BRIDGE_NAMES = new String[SLOTS];
    private static final String[] PORT_NAMES = new String[SLOTS];

    static {
        for (int t = 1; t < SLOTS; t++) {
            int w = BridgeCodec.WIDTH[t];
            // writable numbers only: timers, ids and topology state change on their own
            if (w == 1 || w == 2 || w == 4 || w == 8 || w == BridgeCodec.BE16) {
                BRIDGE_NAMES[t] = BridgeCodec.name(t).substring("IFLA_BR_".length()).toLowerCase(Locale.ROOT);
            }
            PORT_NAMES[t] = PortAttributes.name(t);
        }
    }

    /** What is known of one device: values by attribute type, which types were seen, its bridge. */
    private static final class Known {
        final long[] values = new long[SLOTS];
        long seen;
        int master;
    }

    private final Map<Integer, Known> ports = new HashMap<>();
    private final Map<Integer, Known> bridges = new HashMap<>();
    private final Map<Integer, String> names;
    private final AttributeIterator top = new AttributeIterator();
    private final AttributeIterator info = new AttributeIterator();
    private final AttributeIterator nest = new AttributeIterator();
    private final IfInfoMsg ifi = new IfInfoMsg();

    // the message at hand, set by scan()
    private int nameOffset;
    private int master;
    private int protinfoOffset;
    private int protinfoLength;
    private boolean bridgeKind;
    private boolean bridgeSlave;
    private int dataOffset;
    private int dataLength;
    private int slaveDataOffset;
    private int slaveDataLength;

    /** @param names device names by ifindex, kept up to date from the notifications */
    LinkTracker(Map<Integer, String> names) {
        this.names = names;
    }

    void clear() {
        ports.clear();
        bridges.clear();
    }

    /**
     * Takes in one RTM_NEWLINK/RTM_DELLINK; returns the event it amounts to, or null (nothing
     * tracked changed, not a bridge or port). With {@code seed} the state is learnt, no event made.
     *
     * @throws io.netlink4j.core.NetlinkParseException when the message is malformed
     */
    BridgeEvent onLink(NlMsg m, boolean seed) {
        if (m.payloadLength() < IfInfoMsg.LENGTH) {
            return null;
        }
        ifi.wrap(m.buffer(), m.payloadOffset());
        int index = ifi.index();
        int family = ifi.family();
        scan(m);
        rememberName(m, index);
        boolean del = m.type() == Rtnetlink.RTM_DELLINK;
        if (family == Rtnetlink.AF_BRIDGE) {
            if (del) {
                return removedPort(index);
            }
            return protinfoLength >= 0 ? port(m, index, protinfoOffset, protinfoLength, seed) : null;
        }
        if (family != Rtnetlink.AF_UNSPEC) {
            return null;
        }
        if (del) {
            BridgeEvent e = removedPort(index);
            return e != null ? e : removedBridge(index);
        }
        BridgeEvent e = null;
        if (bridgeKind && dataLength >= 0) {
            e = bridge(m, index, seed);
        }
        if (bridgeSlave && slaveDataLength >= 0) {
            BridgeEvent p = port(m, index, slaveDataOffset, slaveDataLength, seed);
            return p != null ? p : e;
        }
        // a port no more (ip link set dev X nomaster): the AF_BRIDGE RTM_DELLINK may come first
        BridgeEvent gone = seed ? null : removedPort(index);
        return gone != null ? gone : e;
    }

    /** Finds the parts of the message the tracker reads, without decoding them. */
    private void scan(NlMsg m) {
        nameOffset = -1;
        master = 0;
        protinfoLength = -1;
        dataLength = -1;
        slaveDataLength = -1;
        bridgeKind = false;
        bridgeSlave = false;
        m.attributes(top, IfInfoMsg.LENGTH);
        while (top.next()) {
            switch (top.type()) {
                case LinkCodec.IFLA_IFNAME: nameOffset = top.attributeOffset(); break;
                case LinkCodec.IFLA_MASTER: master = top.u32(); break;
                case LinkCodec.IFLA_PROTINFO:
                    protinfoOffset = top.payloadOffset();
                    protinfoLength = top.payloadLength();
                    break;
                case LinkCodec.IFLA_LINKINFO:
                    top.nested(info);
                    while (info.next()) {
                        switch (info.type()) {
                            case LinkCodec.IFLA_INFO_KIND: bridgeKind = info.stringEquals("bridge"); break;
                            case LinkCodec.IFLA_INFO_SLAVE_KIND: bridgeSlave = info.stringEquals("bridge"); break;
                            case LinkCodec.IFLA_INFO_DATA:
                                dataOffset = info.payloadOffset();
                                dataLength = info.payloadLength();
                                break;
                            case LinkCodec.IFLA_INFO_SLAVE_DATA:
                                slaveDataOffset = info.payloadOffset();
                                slaveDataLength = info.payloadLength();
                                break;
                            default: break;
                        }
                    }
                    top.absorb(info);
                    break;
                default: break;
            }
        }
        top.check();
    }

    private void rememberName(NlMsg m, int index) {
        if (nameOffset < 0) {
            return;
        }
        top.wrap(m.buffer(), nameOffset, m.offset() + m.length() - nameOffset);
        if (top.next()) {
            String known = names.get(index);
            if (known == null || !top.stringEquals(known)) {
                names.put(index, top.string()); // new or renamed
            }
        }
    }

    private BridgeEvent port(NlMsg m, int index, int offset, int length, boolean seed) {
        Known k = ports.get(index);
        boolean added = k == null || (master != 0 && k.master != master);
        if (!added && !differs(m, offset, length, k, PORT_NAMES)) {
            return null;
        }
        if (k == null) {
            k = new Known();
            ports.put(index, k);
        } else if (added) {
            k.seen = 0; // another bridge: start afresh
        }
        if (master != 0) {
            k.master = master;
        }
        Map<String, Long> changed = merge(m, offset, length, k, PORT_NAMES, seed);
        if (seed) {
            return null;
        }
        return new BridgeEvent.PortEvent(added ? BridgeEvent.PortKind.ADDED : BridgeEvent.PortKind.CHANGED, index,
                names.get(index), k.master, all(k, PORT_NAMES), changed);
    }

    private BridgeEvent bridge(NlMsg m, int index, boolean seed) {
        Known k = bridges.get(index);
        boolean added = k == null;
        if (!added && !differs(m, dataOffset, dataLength, k, BRIDGE_NAMES)) {
            return null;
        }
        if (added) {
            k = new Known();
            bridges.put(index, k);
        }
        Map<String, Long> changed = merge(m, dataOffset, dataLength, k, BRIDGE_NAMES, seed);
        if (seed) {
            return null;
        }
        return new BridgeEvent.BridgeChanged(added ? BridgeEvent.PortKind.ADDED : BridgeEvent.PortKind.CHANGED, index,
                names.get(index), all(k, BRIDGE_NAMES), changed);
    }

    private BridgeEvent removedPort(int index) {
        Known k = ports.remove(index);
        if (k == null) {
            return null;
        }
        return new BridgeEvent.PortEvent(BridgeEvent.PortKind.REMOVED, index, names.get(index), k.master,
                all(k, PORT_NAMES), Map.of());
    }

    private BridgeEvent removedBridge(int index) {
        Known k = bridges.remove(index);
        if (k == null) {
            return null;
        }
        return new BridgeEvent.BridgeChanged(BridgeEvent.PortKind.REMOVED, index, names.get(index),
                all(k, BRIDGE_NAMES), Map.of());
    }

    /** True if a tracked attribute of the nest is new or has another value than known. */
    private boolean differs(NlMsg m, int offset, int length, Known k, String[] tracked) {
        nest.wrap(m.buffer(), offset, length);
        while (nest.next()) {
            int t = nest.type();
            if (t < SLOTS && tracked[t] != null) {
                long v = value(t, tracked);
                if ((k.seen & (1L << t)) == 0 || k.values[t] != v) {
                    return true;
                }
            }
        }
        nest.check();
        return false;
    }

    /** Stores the nest's tracked values in {@code k}; returns those that changed (null when seeding). */
    private Map<String, Long> merge(NlMsg m, int offset, int length, Known k, String[] tracked, boolean seed) {
        Map<String, Long> changed = seed ? null : new LinkedHashMap<>();
        nest.wrap(m.buffer(), offset, length);
        while (nest.next()) {
            int t = nest.type();
            if (t < SLOTS && tracked[t] != null) {
                long v = value(t, tracked);
                long bit = 1L << t;
                if (changed != null && ((k.seen & bit) == 0 || k.values[t] != v)) {
                    changed.put(tracked[t], v);
                }
                k.values[t] = v;
                k.seen |= bit;
            }
        }
        nest.check();
        return changed == null ? null : Collections.unmodifiableMap(changed);
    }

    private long value(int t, String[] tracked) {
        if (tracked == PORT_NAMES) {
            switch (t) {
                case PortCodec.IFLA_BRPORT_COST: return Integer.toUnsignedLong(nest.u32());
                case PortCodec.IFLA_BRPORT_PRIORITY: return nest.u16();
                default: return nest.u8();
            }
        }
        switch (BridgeCodec.WIDTH[t]) {
            case 1: return nest.u8();
            case 2: return nest.u16();
            case 4: return Integer.toUnsignedLong(nest.u32());
            case BridgeCodec.BE16: return nest.be16();
            default: return nest.u64();
        }
    }

    private static Map<String, Long> all(Known k, String[] tracked) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int t = 1; t < SLOTS; t++) {
            if ((k.seen & (1L << t)) != 0) {
                out.put(tracked[t], k.values[t]);
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
