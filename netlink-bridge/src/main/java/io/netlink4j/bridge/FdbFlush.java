package io.netlink4j.bridge;

/**
 * What {@link Fdb#flush} removes from a bridge FDB. By default: static and dynamic entries, not
 * the permanent (local) ones — those are the bridge's and ports' own addresses.
 *
 * <pre>{@code
 * fdb.flush(FdbFlush.port("v0").dynamicOnly());          // learned entries behind v0
 * fdb.flush(FdbFlush.bridge("br0").vlan(100));
 * }</pre>
 *
 * @param bridge           the bridge (may be null when {@code port} is given: its master)
 * @param port             only entries behind this port, or null
 * @param vlan             only entries of this VLAN, 0 = any
 * @param onlyDynamic      only dynamic (learned / ageing) entries
 * @param withPermanent    also permanent (local) entries
 * @param kernelBulk       use the kernel's bulk delete when it has one (default); false = dump and delete
 */
public record FdbFlush(String bridge, String port, int vlan, boolean onlyDynamic, boolean withPermanent,
                       boolean kernelBulk) {

    public static FdbFlush bridge(String bridge) {
        return new FdbFlush(bridge, null, 0, false, false, true);
    }

    /** The entries behind port {@code port} of its bridge. */
    public static FdbFlush port(String port) {
        return new FdbFlush(null, port, 0, false, false, true);
    }

    public FdbFlush vlan(int v) {
        return new FdbFlush(bridge, port, v, onlyDynamic, withPermanent, kernelBulk);
    }

    /** Only dynamic (learned, ageing) entries. */
    public FdbFlush dynamicOnly() {
        return new FdbFlush(bridge, port, vlan, true, withPermanent, kernelBulk);
    }

    /** Also the permanent (local) entries. */
    public FdbFlush includePermanent() {
        return new FdbFlush(bridge, port, vlan, onlyDynamic, true, kernelBulk);
    }

    /** Dump and delete entry by entry even where the kernel has a bulk delete (counts what it removed). */
    public FdbFlush withoutKernelBulk() {
        return new FdbFlush(bridge, port, vlan, onlyDynamic, withPermanent, false);
    }
}
