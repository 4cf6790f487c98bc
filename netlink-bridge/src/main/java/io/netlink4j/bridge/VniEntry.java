package io.netlink4j.bridge;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * One entry of a VXLAN device's VNI filter, as {@code bridge vni show} lists it: a VNI or a range,
 * with the multicast group or unicast remote the kernel keeps for it.
 *
 * @param ifindex the VXLAN device
 * @param device  its name, or null when it was not known
 * @param start   first VNI
 * @param end     last VNI (= start for one VNI)
 * @param address group or remote, or null (none: no VXLAN_VNIFILTER_ENTRY_GROUP, or all zeros)
 * @param stats   the entry's counters when asked for ({@code bridge -s vni show}), else null
 */
public record VniEntry(int ifindex, String device, int start, int end, InetAddress address, Stats stats) {

    /** VNIFILTER_ENTRY_STATS_*: what the device counted for this entry. */
    public record Stats(long rxBytes, long rxPackets, long rxDrops, long rxErrors,
                        long txBytes, long txPackets, long txDrops, long txErrors) {}

    /** Whether the address is a multicast group ({@code group}) rather than a unicast remote ({@code remote}). */
    public boolean isGroup() {
        return address != null && address.isMulticastAddress();
    }

    /** The address as iproute2 prints it ("2001:db8::9"), or null. */
    public String addressText() {
        return address == null ? null : text(address);
    }

    static String text(InetAddress a) {
        return a instanceof Inet6Address ? MdbAddress.text(a.getAddress(), MdbAddress.ETH_P_IPV6) : a.getHostAddress();
    }

    /** "dev vxlan0 vni 200-205", "dev vxlan0 vni 400 group 239.1.1.1". */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("dev ").append(device != null ? device : "if" + ifindex).append(" vni ")
                .append(start);
        if (end != start) {
            sb.append('-').append(end);
        }
        if (address != null) {
            sb.append(isGroup() ? " group " : " remote ").append(addressText());
        }
        return sb.toString();
    }
}
