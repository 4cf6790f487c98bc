package io.netlink4j.bridge;

import io.netlink4j.core.Link;
import java.util.List;

/**
 * What {@link MetalLbDoctor} found out about an uplink: the facts it read, one finding per check,
 * the verdict, the exact fix, and the caveats and alternatives that go with it.
 *
 * @param observation  the facts as read from the kernel
 * @param verdict      the conclusion
 * @param findings     one per check, in the order a person reads them
 * @param caveats      what the fix costs or risks (always given with the verdict)
 * @param alternatives other ways to the same end
 */
public record MetalLbReport(Observation observation, Verdict verdict, List<Finding> findings,
                            List<String> caveats, List<String> alternatives) {

    public MetalLbReport {
        findings = List.copyOf(findings);
        caveats = List.copyOf(caveats);
        alternatives = List.copyOf(alternatives);
    }

    /** The conclusion, most serious first. */
    public enum Verdict {
        /** The uplink is not a port of a Linux bridge: the problem (and its fix) does not apply. */
        NOT_A_BRIDGE_PORT,
        /** The bridge does not forward on the uplink at all (down, or STP state not forwarding). */
        BLOCKED,
        /** proxy_arp and/or hairpin are off on the uplink: replies for service IPs do not get through. */
        NEEDS_FIX,
        /** proxy_arp and hairpin are on and the port forwards. */
        OK
    }

    /** How one check came out. */
    public enum Status {
        OK, INFO, WARN, PROBLEM
    }

    /**
     * One check.
     *
     * @param check  a short key, named like iproute2's field where there is one ("proxy_arp", "hairpin")
     * @param status how it came out
     * @param value  what was read, as iproute2 would print it ("on", "forwarding", "1")
     * @param detail one or two sentences: what it means for MetalLB's replies
     */
    public record Finding(String check, Status status, String value, String detail) {}

    /**
     * The facts the diagnosis rests on.
     *
     * @param uplink        the uplink device
     * @param bridge        the bridge it is a port of, or null
     * @param vlanFiltering IFLA_BR_VLAN_FILTERING of the bridge, or null when there is no bridge
     * @param stpState      IFLA_BR_STP_STATE (0 off, 1 kernel STP, 2 user-space STP), or null
     * @param portState     the STP state of the port as iproute2 names it ("forwarding" …), or null
     * @param proxyArp      IFLA_BRPORT_PROXYARP, or null
     * @param hairpin       IFLA_BRPORT_MODE (hairpin), or null
     */
    public record Observation(Link uplink, Link bridge, Boolean vlanFiltering, Integer stpState,
                              String portState, Boolean proxyArp, Boolean hairpin) {

        /** The uplink is a port of {@link #bridge()}. */
        public boolean isBridgePort() {
            return bridge != null;
        }
    }

    /** The uplink's name. */
    public String uplink() {
        return observation.uplink().name();
    }

    /** The bridge's name, or null when the uplink is not a bridge port. */
    public String bridge() {
        return observation.bridge() == null ? null : observation.bridge().name();
    }

    /** The finding of {@code check}, or null. */
    public Finding finding(String check) {
        for (Finding f : findings) {
            if (f.check().equals(check)) {
                return f;
            }
        }
        return null;
    }

    /** The settings the fix turns on: "proxy_arp", "hairpin", both, or none. */
    public List<String> missing() {
        if (!observation.isBridgePort()) {
            return List.of();
        }
        java.util.ArrayList<String> m = new java.util.ArrayList<>(2);
        if (!Boolean.TRUE.equals(observation.proxyArp())) {
            m.add("proxy_arp");
        }
        if (!Boolean.TRUE.equals(observation.hairpin())) {
            m.add("hairpin");
        }
        return m;
    }

    /**
     * The exact iproute2 command that applies the fix, e.g.
     * {@code ip link set dev eth0 type bridge_slave proxy_arp on hairpin on}; with {@code netns}
     * (may be null) as {@code ip -n NETNS …}. Null when there is nothing to fix.
     */
    public String fixCommand(String netns) {
        List<String> m = missing();
        if (m.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("ip ");
        if (netns != null) {
            sb.append("-n ").append(netns).append(' ');
        }
        sb.append("link set dev ").append(uplink()).append(" type bridge_slave");
        for (String s : m) {
            sb.append(' ').append(s).append(" on");
        }
        return sb.toString();
    }
}
