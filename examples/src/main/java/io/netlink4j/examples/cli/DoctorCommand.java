package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.MetalLbDoctor;
import io.netlink4j.bridge.MetalLbFix;
import io.netlink4j.bridge.MetalLbReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nlbridge doctor UPLINK [--fix]}: can MetalLB's L2 replies get through the bridge of UPLINK? */
@Command(name = "doctor", description = {
    "Can MetalLB L2 replies get through the bridge of UPLINK? Verdict and exact fix.",
    "Explains whether ARP/NDP replies for service IPs can traverse the bridge that UPLINK is a",
    "port of: bridge port?, VLAN filtering, proxy_arp and hairpin, promiscuity, STP; then the",
    "verdict, the exact fix, caveats and alternatives. Reads only, unless --fix.",
    "Exit status: the verdict (after --fix: the verdict after the fix), see below."})
public final class DoctorCommand extends NlCommand {
    @Parameters(index = "0", paramLabel = "UPLINK", converter = Converters.Dev.class,
            description = "The node's uplink device (a port of the bridge).")
    String uplink;

    @Option(names = "--fix", description = "Turn proxy_arp and hairpin on (one request), check again, print before/after.")
    boolean fix;

    @Override
    protected int run(BridgeNetlink nl) {
        MetalLbDoctor doctor = new MetalLbDoctor(nl);
        String netns = app().netns();
        if (!fix) {
            MetalLbReport r = doctor.examine(uplink);
            if (json()) {
                JsonOut.write(out(), g -> DoctorFormat.json(g, r, netns));
            } else {
                DoctorFormat.text(out(), r, netns);
            }
            return status(r.verdict());
        }
        MetalLbFix f = doctor.fix(uplink);
        if (json()) {
            JsonOut.write(out(), g -> DoctorFormat.fixJson(g, f.before(), f.after(), f.changed(), netns));
        } else {
            DoctorFormat.fixText(out(), f.before(), f.after(), f.changed(), netns);
        }
        return status(f.after().verdict());
    }

    /** The exit status of a verdict: one per verdict, from the table all commands share (Failure). */
    static int status(MetalLbReport.Verdict v) {
        switch (v) {
            case OK: return Failure.OK;
            case NEEDS_FIX: return Failure.NEEDS_FIX;
            case BLOCKED: return Failure.BLOCKED;
            case NOT_A_BRIDGE_PORT: return Failure.NOT_A_BRIDGE_PORT;
            default: throw new IllegalStateException("verdict " + v);
        }
    }
}
