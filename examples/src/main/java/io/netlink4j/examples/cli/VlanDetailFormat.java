package io.netlink4j.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netlink4j.bridge.BridgeEvent;
import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.PortState;
import io.netlink4j.bridge.VlanEntry;
import io.netlink4j.bridge.VlanGlobalEntry;
import io.netlink4j.core.Links;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Per-VLAN entries with their options as {@code bridge -d [-j] vlan show} prints them (iproute2
 * 6.1, the RTM_GETVLAN layout): a line with the VIDs and flags, then one with the options; and
 * the VLAN events of the monitor as {@code bridge monitor vlan} prints them. Trailing blanks of
 * iproute2's lines are left out.
 */
final class VlanDetailFormat {
    private VlanDetailFormat() {}

    /** Column of the VIDs: iproute2's "%-16s  " (IFNAMSIZ). */
    private static final String PORT_COLUMN = "%-16s  ";
    /** Indent of the options line: "%-16s    ". */
    private static final String OPTIONS_INDENT = " ".repeat(20);

    static String vids(VlanEntry e) {
        return e.first() == e.last() ? Integer.toString(e.first()) : e.first() + "-" + e.last();
    }

    /** "100 PVID Egress Untagged". */
    static String vidsAndFlags(VlanEntry e) {
        StringBuilder sb = new StringBuilder(vids(e));
        VlanFormat.flags(e.vlan()).forEach(f -> sb.append(' ').append(f));
        return sb.toString();
    }

    /** iproute2's word for a per-VLAN STP state ("(7)" outside 0..4, as print_stp_state). */
    static String state(int state) {
        return state >= 0 && state <= PortState.BR_STATE_BLOCKING ? PortState.of(state).label() : "(" + state + ")";
    }

    /**
     * "state forwarding mcast_router 1". An option the kernel did not report is left out, except
     * that a missing state reads "state disabled" where {@code zeroState}: iproute2 6.1 prints the
     * zero of an absent state so (it does in its monitor, for deletions).
     */
    static String options(VlanEntry e, boolean zeroState) {
        StringBuilder sb = new StringBuilder();
        if (e.state() >= 0 || zeroState) {
            sb.append("state ").append(state(Math.max(e.state(), 0)));
        }
        if (e.mcastRouter() >= 0) {
            sb.append(sb.length() > 0 ? " " : "").append("mcast_router ").append(e.mcastRouter());
        }
        return sb.toString();
    }

    /**
     * {@code bridge -d [-j] vlan show [dev DEV]}: the RTM_GETVLAN entries of every device (or of
     * {@code dev}), grouped by device in the kernel's order; devices without VLANs are not listed.
     * With {@code vid} (may be null), only the entries that hold it.
     */
    static int show(BridgeNetlink nl, String dev, Integer vid, PrintWriter out, boolean json) {
        List<VlanEntry> entries = dev == null ? nl.vlans().entries() : nl.vlans().entries(dev);
        if (vid != null) {
            entries = entries.stream().filter(e -> e.covers(vid)).toList();
        }
        Map<Integer, String> names = new java.util.HashMap<>();
        nl.call(ch -> new Links(ch).list()).forEach(l -> names.put(l.index(), l.name()));
        Map<String, List<VlanEntry>> byDevice = new java.util.LinkedHashMap<>();
        for (VlanEntry e : entries) {
            String name = names.getOrDefault(e.ifindex(), "if" + e.ifindex());
            byDevice.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(e);
        }
        if (json) {
            JsonOut.write(out, g -> json(g, byDevice));
        } else {
            text(out, byDevice);
        }
        return 0;
    }

    /** {@code bridge -d vlan show}: header, then per device its entries, each on two lines. */
    static void text(PrintWriter out, Map<String, List<VlanEntry>> byDevice) {
        VlanFormat.header(out);
        byDevice.forEach((dev, entries) -> block(out, "", dev, entries, false));
    }

    private static void block(PrintWriter out, String prefix, String dev, List<VlanEntry> entries, boolean zeroState) {
        boolean first = true;
        for (VlanEntry e : entries) {
            out.printf("%s" + PORT_COLUMN + "%s%n", first ? prefix : "", first ? dev : "", vidsAndFlags(e));
            out.println((OPTIONS_INDENT + options(e, zeroState)).stripTrailing());
            first = false;
        }
    }

    /** One entry as {@code bridge -d -j vlan show} writes it: flags only when there are some, vlanEnd for a range. */
    static void json(JsonGenerator g, VlanEntry e) throws IOException {
        g.writeStartObject();
        g.writeNumberField("vlan", e.first());
        if (e.last() != e.first()) {
            g.writeNumberField("vlanEnd", e.last());
        }
        List<String> flags = VlanFormat.flags(e.vlan());
        if (!flags.isEmpty()) {
            JsonOut.strings(g, "flags", flags);
        }
        if (e.state() >= 0) {
            if (e.state() <= PortState.BR_STATE_BLOCKING) {
                g.writeStringField("state", state(e.state()));
            } else {
                g.writeNumberField("state", e.state());
            }
        }
        if (e.mcastRouter() >= 0) {
            g.writeNumberField("mcast_router", e.mcastRouter());
        }
        g.writeEndObject();
    }

    /** {@code [{"ifname": "v0", "vlans": [...]}, ...]}. */
    static void json(JsonGenerator g, Map<String, List<VlanEntry>> byDevice) throws IOException {
        JsonOut.perDevice(g, byDevice, "vlans", VlanDetailFormat::json);
    }

    /**
     * A monitor event as {@code bridge monitor vlan} prints it: "Deleted " before a deletion, the
     * device, the VIDs and flags; the options on the next line.
     */
    static String text(BridgeEvent.VlanEvent v, IntFunction<String> names) {
        java.io.StringWriter s = new java.io.StringWriter();
        try (PrintWriter out = new PrintWriter(s)) {
            block(out, v.kind() == BridgeEvent.VlanKind.DELETED ? "Deleted " : "", names.apply(v.ifindex()),
                    v.entries(), true);
        }
        return s.toString().stripTrailing();
    }

    /** A global-options event as {@code bridge monitor vlan} prints it: the bridge and VIDs, then the options. */
    static String text(BridgeEvent.VlanGlobalEvent v, IntFunction<String> names) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (VlanGlobalEntry e : v.entries()) {
            sb.append(sb.length() > 0 ? "\n" : "").append(String.format(PORT_COLUMN, first ? names.apply(v.ifindex()) : ""))
                    .append(e.first() == e.last() ? Integer.toString(e.first()) : e.first() + "-" + e.last())
                    .append('\n').append((OPTIONS_INDENT + VlanGlobalFormat.optionsLine(e)).stripTrailing());
            first = false;
        }
        return sb.toString();
    }

    /** {@code {"event": "vlan", "kind": "new"|"deleted", "ifname": "v0", "vlans": [...]}}: the entries as in {@link #json(JsonGenerator, VlanEntry)}. */
    static void json(JsonGenerator g, BridgeEvent.VlanEvent v, IntFunction<String> names) throws IOException {
        g.writeStringField("event", "vlan");
        g.writeStringField("kind", v.kind() == BridgeEvent.VlanKind.DELETED ? "deleted" : "new");
        g.writeStringField("ifname", names.apply(v.ifindex()));
        g.writeArrayFieldStart("vlans");
        for (VlanEntry e : v.entries()) {
            json(g, e);
        }
        g.writeEndArray();
    }

    /** {@code {"event": "vlan_global", "ifname": "br0", "vlans": [...]}}: entries as {@code bridge -j vlan global show}. */
    static void json(JsonGenerator g, BridgeEvent.VlanGlobalEvent v, IntFunction<String> names) throws IOException {
        g.writeStringField("event", "vlan_global");
        g.writeStringField("ifname", names.apply(v.ifindex()));
        g.writeArrayFieldStart("vlans");
        for (VlanGlobalEntry e : v.entries()) {
            VlanGlobalFormat.entry(g, e);
        }
        g.writeEndArray();
    }
}
