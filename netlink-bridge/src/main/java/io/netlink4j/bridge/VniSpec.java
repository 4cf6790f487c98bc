package io.netlink4j.bridge;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A VNI, or a range of VNIs, to add to or delete from the VNI filter of a VXLAN device, as
 * {@code bridge vni add dev DEV vni VNI[-VNI] [group|remote IP]} spells it. Immutable; nothing is
 * checked here: {@link Vnis} checks the range (1..16777215, start &lt;= end) and that a group is a
 * multicast and a remote a unicast address before anything is sent.
 *
 * <pre>{@code
 * VniSpec.of(100)
 * VniSpec.range(200, 205)
 * VniSpec.of(300).remote("192.0.2.9")       // unicast remote for this VNI
 * VniSpec.of(400).group("239.1.1.1")        // multicast group (the device needs a lower device)
 * }</pre>
 *
 * @param start   the first VNI
 * @param end     the last VNI (= start for one VNI)
 * @param address the group or remote, or null (both go in VXLAN_VNIFILTER_ENTRY_GROUP/GROUP6)
 * @param group   true for {@code group} (must be multicast), false for {@code remote} (unicast)
 */
public record VniSpec(int start, int end, InetAddress address, boolean group) {

    /** VNIs are 24 bits; 0 means "none" to the kernel. */
    public static final int MAX_VNI = 0xffffff;

    /** One VNI. */
    public static VniSpec of(int vni) {
        return new VniSpec(vni, vni, null, false);
    }

    /** VNIs {@code start..end} in one entry. */
    public static VniSpec range(int start, int end) {
        return new VniSpec(start, end, null, false);
    }

    /**
     * "100" or "200-205", as iproute2 takes it.
     *
     * @throws IllegalArgumentException if {@code text} is not one VNI or one range of numbers
     */
    public static VniSpec parse(String text) {
        if (text == null || !text.matches("\\d{1,8}(-\\d{1,8})?")) {
            throw new IllegalArgumentException("invalid VNI \"" + text + "\": expected N or N-M (1-" + MAX_VNI + ")");
        }
        int dash = text.indexOf('-');
        return dash < 0 ? of(Integer.parseInt(text))
                : range(Integer.parseInt(text.substring(0, dash)), Integer.parseInt(text.substring(dash + 1)));
    }

    /** {@code group IP}: the multicast group to join for these VNIs. */
    public VniSpec group(InetAddress a) {
        return new VniSpec(start, end, a, true);
    }

    /** {@code group IP} from a literal (never a host name). */
    public VniSpec group(String ip) {
        return group(literal(ip));
    }

    /** {@code remote IP}: the unicast remote for these VNIs. */
    public VniSpec remote(InetAddress a) {
        return new VniSpec(start, end, a, false);
    }

    /** {@code remote IP} from a literal (never a host name). */
    public VniSpec remote(String ip) {
        return remote(literal(ip));
    }

    /** Whether this names more than one VNI. */
    public boolean isRange() {
        return end != start;
    }

    /** Why this spec cannot be sent, or null. */
    String problem() {
        if (start < 1 || start > MAX_VNI || end < 1 || end > MAX_VNI) {
            return "VNI " + this.vnis() + " is out of range: VNIs are 1-" + MAX_VNI;
        }
        if (end < start) {
            return "VNI range " + vnis() + " ends before it starts";
        }
        if (address != null) {
            boolean mc = address.isMulticastAddress();
            if (group && !mc) {
                return "group " + address.getHostAddress() + " is not a multicast address (use remote for a unicast one)";
            }
            if (!group && (mc || address.isAnyLocalAddress())) {
                return "remote " + address.getHostAddress() + " must be a unicast address (use group for a multicast one)";
            }
        }
        return null;
    }

    /** "100" or "200-205". */
    String vnis() {
        return start == end ? Integer.toString(start) : start + "-" + end;
    }

    /** "vni 300 remote 192.0.2.9", as the command line has it. */
    @Override
    public String toString() {
        String s = "vni " + vnis();
        if (address == null) {
            return s;
        }
        return s + (group ? " group " : " remote ") + VniEntry.text(address);
    }

    private static InetAddress literal(String ip) {
        if (ip != null && (ip.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (ip.indexOf(':') >= 0 && ip.matches("[0-9A-Fa-f:.]+")))) {
            try {
                InetAddress a = InetAddress.getByName(ip);
                if (a instanceof Inet4Address || ip.indexOf(':') >= 0) {
                    return a;
                }
            } catch (UnknownHostException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("\"" + ip + "\" is not an IPv4 or IPv6 address");
    }
}
