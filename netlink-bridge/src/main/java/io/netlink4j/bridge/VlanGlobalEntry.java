package io.netlink4j.bridge;

/**
 * One BRIDGE_VLANDB_GLOBAL_OPTIONS entry of a bridge ({@code bridge vlan global show}): the VIDs
 * {@code first}..{@code last} (adjacent VIDs with equal options come as one entry) and their options.
 *
 * @param ifindex the bridge
 * @param first   first VID
 * @param last    last VID ({@code == first} for a single VLAN)
 * @param options the options the kernel reported
 */
public record VlanGlobalEntry(int ifindex, int first, int last, VlanGlobalOptions options) {
    /** True when {@code vid} is in this entry. */
    public boolean contains(int vid) {
        return vid >= first && vid <= last;
    }
}
