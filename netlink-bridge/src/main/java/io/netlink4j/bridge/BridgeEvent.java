package io.netlink4j.bridge;

import java.util.Map;

/** What a {@link BridgeMonitor} reports. */
public sealed interface BridgeEvent permits BridgeEvent.FdbEvent, BridgeEvent.PortEvent, BridgeEvent.Overrun {

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

    /** Port event kinds. */
    enum PortKind { CHANGED, REMOVED }

    /**
     * A bridge port's settings were reported (AF_BRIDGE RTM_NEWLINK, e.g. after {@code bridge link
     * set}), or the port left its bridge (RTM_DELLINK).
     *
     * @param kind       changed or removed
     * @param ifindex    the port
     * @param name       its name
     * @param master     its bridge's ifindex (0 when unknown)
     * @param attributes the IFLA_BRPORT_* values reported, by name ("learning", "proxy_arp", "hairpin", "state" …)
     * @param changed    those that differ from the previous report for this port (all of them at the first)
     */
    record PortEvent(PortKind kind, int ifindex, String name, int master, Map<String, Long> attributes,
                     Map<String, Long> changed) implements BridgeEvent {}

    /**
     * The socket's receive buffer overflowed (ENOBUFS): events were lost. Re-read the state you
     * track (dump the FDB); the monitor goes on with the events that follow.
     *
     * @param count overruns since the monitor was opened
     */
    record Overrun(long count) implements BridgeEvent {}
}
