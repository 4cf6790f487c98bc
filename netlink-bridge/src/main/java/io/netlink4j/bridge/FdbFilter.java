package io.netlink4j.bridge;

/**
 * Which entries a dump returns; the kernel filters (strict checking), nothing is filtered here.
 *
 * @param bridge only entries of this bridge (NDA_MASTER), or null
 * @param port   only entries on this device (ndm_ifindex), or null
 */
public record FdbFilter(String bridge, String port) {
    /** Every entry of the namespace (bridge FDBs and devices' own). */
    public static FdbFilter all() {
        return new FdbFilter(null, null);
    }

    /** {@code bridge fdb show br BRIDGE}: the bridge's entries and its ports' own. */
    public static FdbFilter bridge(String bridge) {
        return new FdbFilter(bridge, null);
    }

    /** {@code bridge fdb show brport PORT}. */
    public static FdbFilter port(String port) {
        return new FdbFilter(null, port);
    }

    /** Adds a port to a bridge filter: {@code br BRIDGE brport PORT}. */
    public FdbFilter andPort(String p) {
        return new FdbFilter(bridge, p);
    }
}
