package io.netlink4j.bridge;

import java.util.List;
import java.util.Map;

/** What a {@link BridgeMonitor} reports. */
public sealed interface BridgeEvent permits BridgeEvent.FdbEvent, BridgeEvent.PortEvent, BridgeEvent.BridgeChanged,
        BridgeEvent.MdbEvent, BridgeEvent.MdbRouterEvent, BridgeEvent.VniEvent, BridgeEvent.VlanEvent,
        BridgeEvent.VlanGlobalEvent, BridgeEvent.Overrun {

    /** FDB event kinds. */
    enum FdbKind {
        /** An entry the monitor had not seen (neither in its initial dump nor since). */
        ADDED,
        /** An entry it had seen was updated (state, port, flags, ageing). */
        CHANGED,
        /** The entry was removed (RTM_DELNEIGH). */
        REMOVED
    }

    /** An FDB entry was added, changed or removed. */
    record FdbEvent(FdbKind kind, FdbEntry entry) implements BridgeEvent {}

    /** Port and bridge event kinds. */
    enum PortKind {
        /** A port (or bridge) the monitor had not seen: enslaved, re-enslaved to another bridge, or created. */
        ADDED,
        /** A setting the monitor tracks changed. */
        CHANGED,
        /** The port left its bridge or was deleted (the bridge was deleted). */
        REMOVED
    }

    /**
     * A bridge port's settings changed, reported by either notification the kernel sends: AF_BRIDGE
     * RTM_NEWLINK with IFLA_PROTINFO (e.g. after {@code bridge link set}) or AF_UNSPEC RTM_NEWLINK
     * with IFLA_LINKINFO › IFLA_INFO_SLAVE_DATA (e.g. after {@code ip link set … type
     * bridge_slave}); or the port was enslaved ({@code ADDED}) or left its bridge ({@code REMOVED}).
     * Notifications that change nothing the monitor tracks (the kernel sends several per change)
     * cause no event.
     *
     * @param kind       added, changed or removed
     * @param ifindex    the port
     * @param name       its name
     * @param master     its bridge's ifindex (0 when unknown)
     * @param attributes the IFLA_BRPORT_* values last known, by name ("learning", "proxy_arp", "hairpin", "state" …)
     * @param changed    those that differ from the last known state (all of them when added, none when removed)
     */
    record PortEvent(PortKind kind, int ifindex, String name, int master, Map<String, Long> attributes,
                     Map<String, Long> changed) implements BridgeEvent {}

    /**
     * A bridge's own settings (IFLA_LINKINFO › IFLA_INFO_DATA, IFLA_BR_*) changed, e.g. after
     * {@code ip link set br0 type bridge stp_state 1}; or a bridge appeared ({@code ADDED}) or was
     * deleted ({@code REMOVED}). Read-only state (timers, root and topology) is not tracked.
     *
     * @param kind       added, changed or removed
     * @param ifindex    the bridge
     * @param name       its name
     * @param attributes the settings last known, by the names of {@code ip -d -j link show}
     *                   ("stp_state", "ageing_time", "mcast_snooping" …); numbers as on the wire
     * @param changed    those that differ from the last known state (all of them when added)
     */
    record BridgeChanged(PortKind kind, int ifindex, String name, Map<String, Long> attributes,
                         Map<String, Long> changed) implements BridgeEvent {}

    /** MDB event kinds. */
    enum MdbKind { ADDED, REMOVED }

    /**
     * A multicast group membership was added or replaced (RTM_NEWMDB) or removed (RTM_DELMDB).
     *
     * @param kind  added or removed
     * @param entry the entry as the notification describes it (no timer for removals)
     */
    record MdbEvent(MdbKind kind, MdbEntry entry) implements BridgeEvent {}

    /**
     * A port became a multicast router port of its bridge (RTM_NEWMDB with MDBA_ROUTER, e.g. after
     * {@code bridge link set dev v0 mcast_router 2}) or stopped being one (RTM_DELMDB).
     *
     * @param kind ADDED (now a router port) or REMOVED
     * @param port the bridge and the port
     */
    record MdbRouterEvent(MdbKind kind, MdbRouterPort port) implements BridgeEvent {}

    /** VNI filter event kinds. */
    enum VniKind { ADDED, REMOVED }

    /**
     * VNIs were added to (RTM_NEWTUNNEL) or removed from (RTM_DELTUNNEL) the VNI filter of a VXLAN
     * device ({@code bridge vni add|delete}).
     *
     * @param kind    ADDED or REMOVED
     * @param entries the VNIs (or ranges) of the notification, all of one device
     */
    record VniEvent(VniKind kind, List<VniEntry> entries) implements BridgeEvent {
        public VniEvent {
            entries = List.copyOf(entries);
        }
    }

    /** VLAN event kinds, as the kernel's message types say them. */
    enum VlanKind {
        /**
         * RTM_NEWVLAN: the VLANs exist now with the flags and options reported: added, or their
         * flags (PVID, untagged) or per-VLAN options (state, mcast_router) changed. The kernel does
         * not say which.
         */
        NEW,
        /** RTM_DELVLAN: the VLANs were removed from the device (no flags or options reported). */
        DELETED
    }

    /**
     * VLANs of a bridge port, or of the bridge itself, were added, changed or deleted (RTM_NEWVLAN /
     * RTM_DELVLAN on RTNLGRP_BRVLAN, e.g. after {@code bridge vlan add|del|set}, enslaving a port
     * (its default PVID) or releasing it (each VLAN deleted)). Sent by kernels with
     * CONFIG_BRIDGE_VLAN_FILTERING whether or not the bridge has vlan_filtering on.
     *
     * @param kind    NEW or DELETED
     * @param ifindex the port, or the bridge for its own VLANs
     * @param entries the VLANs or ranges of the notification (usually one), all of {@code ifindex};
     *                in DELETED events state and mcastRouter are -1 (not reported)
     */
    record VlanEvent(VlanKind kind, int ifindex, List<VlanEntry> entries) implements BridgeEvent {
        public VlanEvent {
            entries = List.copyOf(entries);
        }
    }

    /**
     * Global per-VLAN options of a bridge changed ({@code bridge vlan global set}): RTM_NEWVLAN with
     * BRIDGE_VLANDB_GLOBAL_OPTIONS on RTNLGRP_BRVLAN, carrying all the options of the VLANs.
     *
     * @param ifindex the bridge
     * @param entries the VLANs or ranges with their options now
     */
    record VlanGlobalEvent(int ifindex, List<VlanGlobalEntry> entries) implements BridgeEvent {
        public VlanGlobalEvent {
            entries = List.copyOf(entries);
        }
    }

    /**
     * The socket's receive buffer overflowed (ENOBUFS): events were lost. Re-read the state you
     * track (dump the FDB); the monitor goes on with the events that follow.
     *
     * @param count overruns since the monitor was opened
     */
    record Overrun(long count) implements BridgeEvent {}
}
