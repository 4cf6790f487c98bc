package io.netlink4j.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netlink4j.bridge.MetalLbReport;
import io.netlink4j.bridge.MetalLbReport.Finding;
import io.netlink4j.bridge.MetalLbReport.Observation;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/** A {@link MetalLbReport} for people (a checklist, the verdict, the fix, caveats) and for scripts (JSON). */
public final class DoctorFormat {
    private DoctorFormat() {}

    /** The whole report as text; {@code netns} (may be null) goes into the fix command. */
    public static void text(PrintWriter out, MetalLbReport r, String netns) {
        header(out, r);
        checklist(out, r);
        out.println();
        verdict(out, r, netns);
        caveats(out, r);
    }

    private static void header(PrintWriter out, MetalLbReport r) {
        out.println("MetalLB L2 doctor: " + r.uplink() + (r.bridge() != null ? " (port of " + r.bridge() + ")" : ""));
    }

    private static void verdict(PrintWriter out, MetalLbReport r, String netns) {
        out.println("verdict: " + r.verdict() + " - " + verdictText(r));
        String fix = r.fixCommand(netns);
        if (fix != null) {
            out.println("fix:     " + fix);
            out.println("         (the same: nlbridge" + (netns != null ? " --netns " + netns : "") + " doctor "
                    + r.uplink() + " --fix)");
        }
    }

    private static void caveats(PrintWriter out, MetalLbReport r) {
        out.println("caveats:");
        r.caveats().forEach(c -> out.println("  - " + c));
        out.println("alternatives:");
        r.alternatives().forEach(a -> out.println("  - " + a));
    }

    /** One line per check: status, key, value, what it means. */
    public static void checklist(PrintWriter out, MetalLbReport r) {
        int keyWidth = 0;
        int valueWidth = 0;
        for (Finding f : r.findings()) {
            keyWidth = Math.max(keyWidth, f.check().length());
            valueWidth = Math.max(valueWidth, f.value().length());
        }
        for (Finding f : r.findings()) {
            out.printf("  %-9s %-" + keyWidth + "s  %-" + valueWidth + "s  %s%n",
                    "[" + f.status().name().toLowerCase(Locale.ROOT) + "]", f.check(), f.value(), f.detail());
        }
    }

    /** The verdict as a sentence. */
    public static String verdictText(MetalLbReport r) {
        switch (r.verdict()) {
            case NOT_A_BRIDGE_PORT:
                return r.uplink() + " is not a bridge port; nothing to fix here";
            case BLOCKED:
                return "the bridge does not forward on " + r.uplink() + " at all; fix that first (see the"
                        + " [problem] lines)" + (r.missing().isEmpty() ? "" : ", then turn on " + String.join(" and ", r.missing()));
            case NEEDS_FIX:
                return "MetalLB's L2 replies for service IPs do not get through " + r.bridge() + " until "
                        + r.uplink() + " has " + String.join(" and ", r.missing()) + " on";
            case OK:
            default:
                return r.uplink() + " has proxy_arp and hairpin on and forwards: MetalLB's L2 replies can get"
                        + " through " + r.bridge();
        }
    }

    /** Before and after of a --fix: both checklists, what changed, the new verdict, then the caveats. */
    public static void fixText(PrintWriter out, MetalLbReport before, MetalLbReport after, boolean changed, String netns) {
        header(out, before);
        out.println("before:");
        checklist(out, before);
        out.println("verdict: " + before.verdict() + " - " + verdictText(before));
        out.println();
        if (!changed) {
            out.println("--fix: nothing to change on " + before.uplink());
        } else {
            out.println("--fix: applied to " + before.uplink() + " in one request:");
            for (Finding b : before.findings()) {
                Finding a = after.finding(b.check());
                if (a != null && !a.value().equals(b.value())) {
                    out.printf("  %-12s %s -> %s%n", b.check(), b.value(), a.value());
                }
            }
            out.println();
            out.println("after:");
            checklist(out, after);
        }
        verdict(out, after, netns);
        caveats(out, after);
    }

    /** The report as one JSON object; keys of observed values as iproute2 names them. */
    public static void json(JsonGenerator g, MetalLbReport r, String netns) throws IOException {
        Observation o = r.observation();
        g.writeStartObject();
        g.writeStringField("ifname", r.uplink());
        JsonOut.opt(g, "master", r.bridge());
        g.writeStringField("verdict", r.verdict().name().toLowerCase(Locale.ROOT));
        g.writeObjectFieldStart("observed");
        JsonOut.opt(g, "state", o.portState());
        JsonOut.opt(g, "proxy_arp", o.proxyArp());
        JsonOut.opt(g, "hairpin", o.hairpin());
        g.writeNumberField("promiscuity", o.uplink().promiscuity());
        JsonOut.strings(g, "flags", IpNames.linkFlags(o.uplink().flags()));
        if (o.bridge() != null) {
            JsonOut.opt(g, "vlan_filtering", o.vlanFiltering() == null ? null : o.vlanFiltering() ? 1 : 0);
            JsonOut.opt(g, "stp_state", o.stpState());
            g.writeNumberField("bridge_promiscuity", o.bridge().promiscuity());
            JsonOut.strings(g, "bridge_flags", IpNames.linkFlags(o.bridge().flags()));
        }
        g.writeEndObject();
        g.writeArrayFieldStart("checks");
        for (Finding f : r.findings()) {
            g.writeStartObject();
            g.writeStringField("check", f.check());
            g.writeStringField("status", f.status().name().toLowerCase(Locale.ROOT));
            g.writeStringField("value", f.value());
            g.writeStringField("detail", f.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
        JsonOut.strings(g, "missing", r.missing());
        JsonOut.opt(g, "fix", r.fixCommand(netns));
        JsonOut.strings(g, "caveats", r.caveats());
        JsonOut.strings(g, "alternatives", r.alternatives());
        g.writeEndObject();
    }

    /** {@code {"changed": .., "before": {..}, "after": {..}}}. */
    public static void fixJson(JsonGenerator g, MetalLbReport before, MetalLbReport after, boolean changed,
                               String netns) throws IOException {
        g.writeStartObject();
        g.writeBooleanField("changed", changed);
        g.writeFieldName("before");
        json(g, before, netns);
        g.writeFieldName("after");
        json(g, after, netns);
        g.writeEndObject();
    }
}
