package io.netlink4j.bridge;

/**
 * Which entries a dump returns. The kernel filters by bridge and port (strict checking);
 * {@code portEntriesOnly} is applied here, on entries as they arrive.
 *
 * <p>{@link #bridge(String)} returns what {@code bridge fdb show br BRIDGE} shows: the bridge's
 * FDB <em>and</em> the devices' own ({@code self}) entries of the bridge and its ports, e.g.
 * {@code 33:33:00:00:00:01 dev br0 self permanent}. {@link #portsOf(String)} keeps only the
 * bridge's FDB entries on its ports.
 *
 * @param bridge          only entries of this bridge (NDA_MASTER) and of its devices, or null
 * @param port            only entries on this device (ndm_ifindex), or null
 * @param portEntriesOnly only entries of the bridge's FDB (NDA_MASTER = bridge) on a port of it:
 *                        no {@code self} entries, none on the bridge device itself
 */
public record FdbFilter(String bridge, String port, boolean portEntriesOnly) {
    public FdbFilter {
        if (portEntriesOnly && bridge == null) {
            throw new IllegalArgumentException("port entries only: name the bridge");
        }
    }

    /** By bridge and/or port (null for any), every entry. */
    public FdbFilter(String bridge, String port) {
        this(bridge, port, false);
    }

    /** Every entry of the namespace (bridge FDBs and devices' own). */
    public static FdbFilter all() {
        return new FdbFilter(null, null);
    }

    /**
     * {@code bridge fdb show br BRIDGE}: the bridge's FDB, plus the {@code self} entries of the
     * bridge device and of its ports (their own address lists).
     */
    public static FdbFilter bridge(String bridge) {
        return new FdbFilter(bridge, null);
    }

    /**
     * The bridge's FDB entries on its ports only ({@code bridge fdb show br BRIDGE} lines with
     * {@code master BRIDGE} and a port as {@code dev}): what the bridge forwards by, without
     * {@code self} entries and without the bridge device's own addresses.
     */
    public static FdbFilter portsOf(String bridge) {
        return new FdbFilter(bridge, null, true);
    }

    /** {@code bridge fdb show brport PORT}. */
    public static FdbFilter port(String port) {
        return new FdbFilter(null, port);
    }

    /** Adds a port to a bridge filter: {@code br BRIDGE brport PORT}. */
    public FdbFilter andPort(String p) {
        return new FdbFilter(bridge, p, portEntriesOnly);
    }
}
