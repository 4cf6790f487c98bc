package io.netlink4j.bridge;

import io.netlink4j.bridge.MetalLbReport.Finding;
import io.netlink4j.bridge.MetalLbReport.Observation;
import io.netlink4j.bridge.MetalLbReport.Status;
import io.netlink4j.bridge.MetalLbReport.Verdict;
import io.netlink4j.core.IfInfoMsg;
import io.netlink4j.core.Link;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.Links;
import io.netlink4j.core.RtnlChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Explains whether MetalLB's L2-mode replies (ARP for IPv4 service IPs, NDP for IPv6) can get
 * through the Linux bridge that an uplink is a port of, and applies the usual fix:
 * {@code proxy_arp on hairpin on} on the uplink port.
 *
 * <p>Why the two settings: with {@code proxy_arp} on a port, an ARP request arriving on it for an
 * address the bridge has in its neighbour table (and whose MAC is in its FDB) is answered by the
 * bridge itself, back out of that port; {@code hairpin} lets the bridge send frames back out of the
 * port they came in on, which it otherwise never does. The rest of the report says what else
 * decides the outcome: that the port forwards at all, VLAN filtering, promiscuity, and STP (hairpin
 * without STP risks loops).
 *
 * <pre>{@code
 * try (BridgeNetlink nl = BridgeNetlink.open()) {
 *     MetalLbDoctor doctor = new MetalLbDoctor(nl);
 *     MetalLbReport r = doctor.examine("eth1");          // reads only
 *     if (r.verdict() == MetalLbReport.Verdict.NEEDS_FIX) {
 *         MetalLbFix f = doctor.fix("eth1");              // proxy_arp + hairpin in one request, re-checked
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #diagnose} is the verdict logic alone, over an {@link Observation}. Thread-safe
 * through the handle.
 */
public final class MetalLbDoctor {

    /** IFLA_BR_STP_STATE values. */
    static final int STP_OFF = 0;

    private static final List<String> CAVEATS = List.of(
            "loops: hairpin sends frames back out of the port they came in on; if the switch reflects"
                    + " them too, or there is a second path, broadcasts can circle - keep STP on or make"
                    + " sure the uplink is the only path",
            "CPU: with proxy_arp the bridge answers ARP requests arriving on the uplink in software,"
                    + " one neighbour-table lookup each - measurable on a busy segment",
            "proxy_arp answers for others: the bridge replies for every address in its neighbour table"
                    + " whose MAC it knows, not only MetalLB's service IPs, which can hide a moved host or"
                    + " an address conflict",
            "IPv6: proxy_arp covers ARP only; the bridge answers NDP only on ports with neigh_suppress on,"
                    + " which has side effects of its own");

    private static final List<String> ALTERNATIVES = List.of(
            "configure the physical switch instead (let it learn the service IPs' MAC on the node's"
                    + " port; no port security or MAC limit dropping it)",
            "MetalLB in BGP mode: service IPs are announced as routes, no ARP/NDP replies have to cross"
                    + " the bridge");

    private final BridgeNetlink nl;

    public MetalLbDoctor(BridgeNetlink nl) {
        this.nl = nl;
    }

    /**
     * Reads the uplink, its bridge and the port's settings (three RTM_GETLINK, no dump) and
     * diagnoses them. Changes nothing.
     *
     * @throws io.netlink4j.core.NoSuchDeviceException if there is no device {@code uplink}
     */
    public MetalLbReport examine(String uplink) {
        LinkCodec.validateName(uplink);
        return diagnose(nl.call(ch -> observe(ch, uplink)));
    }

    /**
     * Turns proxy_arp and hairpin on for the uplink port in one request when either is off, then
     * reads the port again. Sends nothing when both are on already.
     *
     * @throws NotABridgePortException if the uplink is not a bridge port (nothing is sent)
     */
    public MetalLbFix fix(String uplink) {
        MetalLbReport before = examine(uplink);
        if (!before.observation().isBridgePort()) {
            // found by the read: no errno
            Link up = before.observation().uplink();
            throw Devices.notAPort("fix port " + uplink + " for MetalLB", 0, null, null, uplink, up);
        }
        if (before.missing().isEmpty()) {
            return new MetalLbFix(before, before, false);
        }
        int index = before.observation().uplink().index();
        nl.call(ch -> {
            // both in one RTM_NEWLINK, by ifindex: the bytes of ip link set dev UPLINK type bridge_slave proxy_arp on hairpin on
            BridgePorts.set(ch, index, null, PortSettings.builder().proxyArp(true).hairpin(true).build());
            return null;
        });
        return new MetalLbFix(before, examine(uplink), true);
    }

    /** What {@link #diagnose} needs, read in one conversation. */
    static Observation observe(RtnlChannel ch, String uplink) {
        Link up = new Links(ch).get(uplink);
        if (!"bridge".equals(up.slaveKind()) || up.master() == 0) {
            return new Observation(up, null, null, null, null, null, null);
        }
        PortInfo port = BridgePorts.get(ch, up.index(), null);
        BridgeInfo br = Bridges.get(ch, up.master(), null);
        PortConfig ps = port.settings();
        return new Observation(port.link(), br.link(), br.settings().vlanFiltering(), br.settings().stpState(),
                ps.state().label(), ps.proxyArp(), ps.hairpin());
    }

    /** The verdict and findings for what was read. */
    public static MetalLbReport diagnose(Observation o) {
        List<Finding> f = new ArrayList<>();
        Link up = o.uplink();
        if (!o.isBridgePort()) {
            String master = up.master() != 0 ? " (its master, ifindex " + up.master() + ", is not a Linux bridge)" : "";
            f.add(new Finding("bridge_port", Status.PROBLEM, "no",
                    up.name() + " is not a port of a Linux bridge" + master + ": MetalLB's replies leave"
                            + " through it directly and this fix does not apply"));
            return new MetalLbReport(o, Verdict.NOT_A_BRIDGE_PORT, f, CAVEATS, ALTERNATIVES);
        }
        Link br = o.bridge();
        f.add(new Finding("bridge_port", Status.OK, br.name(), up.name() + " is a port of bridge " + br.name()));

        boolean blocked = false;
        boolean bothUp = up.isUp() && br.isUp();
        f.add(new Finding("link_up", bothUp ? Status.OK : Status.PROBLEM,
                up.name() + " " + (up.isUp() ? "up" : "down") + ", " + br.name() + " " + (br.isUp() ? "up" : "down"),
                bothUp ? "both are administratively up"
                        : "a device that is down passes nothing: ip link set dev "
                                + (up.isUp() ? br.name() : up.name()) + " up"));
        blocked |= !bothUp;

        String state = o.portState();
        boolean forwarding = state == null || "forwarding".equals(state);
        f.add(new Finding("state", forwarding ? (state == null ? Status.INFO : Status.OK) : Status.PROBLEM,
                state == null ? "unknown" : state,
                forwarding ? (state == null ? "the port's STP state could not be read"
                        : "the bridge forwards frames on " + up.name())
                        : "the bridge forwards nothing on " + up.name() + " in state " + state
                                + " (STP blocked it, or it is still starting); proxy_arp and hairpin cannot help"
                                + " until it is forwarding"));
        blocked |= !forwarding;

        if (Boolean.TRUE.equals(o.vlanFiltering())) {
            f.add(new Finding("vlan_filtering", Status.INFO, "on",
                    br.name() + " is VLAN-aware: the service VLAN must be allowed on " + up.name()
                            + " (nlbridge vlan show " + up.name() + "), and the bridge proxies ARP of a tagged"
                            + " VLAN only when it has a VLAN device for it (e.g. " + br.name() + ".100)"));
        } else if (Boolean.FALSE.equals(o.vlanFiltering())) {
            f.add(new Finding("vlan_filtering", Status.INFO, "off",
                    br.name() + " is not VLAN-aware: frames are bridged whatever their tag"));
        }

        boolean proxyArp = Boolean.TRUE.equals(o.proxyArp());
        f.add(new Finding("proxy_arp", proxyArp ? Status.OK : Status.PROBLEM, onOff(o.proxyArp()),
                proxyArp ? "the bridge answers ARP requests arriving on " + up.name()
                        + " for addresses in its neighbour table, back out of " + up.name()
                        : "ARP requests for the service IPs arriving on " + up.name()
                                + " are not answered by the bridge"));
        boolean hairpin = Boolean.TRUE.equals(o.hairpin());
        f.add(new Finding("hairpin", hairpin ? Status.OK : Status.PROBLEM, onOff(o.hairpin()),
                hairpin ? "frames may go back out of " + up.name() + ", the port they came in on"
                        : "the bridge never sends a frame back out of " + up.name()
                                + " when it came in on it, so replies for peers reached through the uplink are dropped"));

        // IFF_PROMISC shows only user-requested promiscuous mode; IFLA_PROMISCUITY counts every holder
        boolean userPromisc = (up.flags() & IfInfoMsg.IFF_PROMISC) != 0;
        f.add(new Finding("promiscuity", up.promiscuity() > 0 ? Status.OK : Status.WARN,
                Integer.toString(up.promiscuity()),
                up.promiscuity() > 0
                        ? up.name() + " is promiscuous (" + up.promiscuity() + " holder" + (up.promiscuity() == 1 ? "" : "s")
                                + (userPromisc ? ", PROMISC also set by a user" : "; the bridge holds each port")
                                + "): it receives frames for every MAC, the service IPs' included"
                        : up.name() + " is not promiscuous although it is a bridge port (the NIC may filter"
                                + " frames for other MACs); ip link set dev " + up.name() + " promisc on"));
        f.add(new Finding("bridge_promiscuity", Status.INFO, Integer.toString(br.promiscuity()),
                br.name() + (br.isPromiscuous() ? " is promiscuous" : " is not promiscuous")
                        + "; it does not need to be: the bridge device receives what is addressed to it"));

        Integer stp = o.stpState();
        if (stp != null) {
            boolean stpOn = stp != STP_OFF;
            // a warning even before the fix: the fix turns hairpin on
            f.add(new Finding("stp_state", stpOn ? Status.OK : Status.WARN, Integer.toString(stp),
                    stpOn ? "STP is on (" + (stp == 2 ? "user space" : "kernel") + "): a loop through the hairpin"
                            + " is cut by blocking a port"
                            : "STP is off: with hairpin on, nothing breaks a loop if the switch reflects frames or"
                                    + " there is a second path (nlbridge bridge set " + br.name() + " --stp on)"));
        }

        Verdict v = blocked ? Verdict.BLOCKED : (proxyArp && hairpin ? Verdict.OK : Verdict.NEEDS_FIX);
        return new MetalLbReport(o, v, f, CAVEATS, ALTERNATIVES);
    }

    private static String onOff(Boolean b) {
        return b == null ? "unknown" : b ? "on" : "off";
    }
}
