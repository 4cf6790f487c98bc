package io.netlink4j.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netlink4j.bridge.VlanGlobalEntry;
import io.netlink4j.bridge.VlanGlobalOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Global VLAN options as {@code bridge [-j] vlan global show} prints them. */
final class VlanGlobalFormat {
    private VlanGlobalFormat() {}

    /** The options the kernel reported, by iproute2's key, in iproute2's order. */
    static Map<String, Long> values(VlanGlobalOptions o) {
        Map<String, Long> m = new LinkedHashMap<>();
        put(m, "mcast_snooping", o.mcastSnooping() == null ? null : (o.mcastSnooping() ? 1L : 0L));
        put(m, "mcast_querier", o.mcastQuerier() == null ? null : (o.mcastQuerier() ? 1L : 0L));
        put(m, "mcast_igmp_version", o.mcastIgmpVersion() == null ? null : (long) o.mcastIgmpVersion());
        put(m, "mcast_mld_version", o.mcastMldVersion() == null ? null : (long) o.mcastMldVersion());
        put(m, "mcast_last_member_count", o.mcastLastMemberCount());
        put(m, "mcast_last_member_interval", o.mcastLastMemberInterval());
        put(m, "mcast_startup_query_count", o.mcastStartupQueryCount());
        put(m, "mcast_startup_query_interval", o.mcastStartupQueryInterval());
        put(m, "mcast_membership_interval", o.mcastMembershipInterval());
        put(m, "mcast_querier_interval", o.mcastQuerierInterval());
        put(m, "mcast_query_interval", o.mcastQueryInterval());
        put(m, "mcast_query_response_interval", o.mcastQueryResponseInterval());
        put(m, "msti", o.msti() == null ? null : (long) o.msti());
        return m;
    }

    private static void put(Map<String, Long> m, String key, Long v) {
        if (v != null) {
            m.put(key, v);
        }
    }

    static void text(PrintWriter out, Map<String, List<VlanGlobalEntry>> byBridge) {
        VlanFormat.header(out);
        byBridge.forEach((br, entries) -> {
            boolean first = true;
            for (VlanGlobalEntry e : entries) {
                out.printf("%-16s  %s%n", first ? br : "", e.first() == e.last() ? e.first() : e.first() + "-" + e.last());
                out.printf("%-16s    %s%n", "", optionsLine(e));
                first = false;
            }
        });
    }

    /** {@code [{"ifname": "br0", "vlans": [{"vlan": 100, "vlanEnd": 110, "mcast_snooping": 1, ...}]}]}. */
    static void json(JsonGenerator g, Map<String, List<VlanGlobalEntry>> byBridge) throws IOException {
        JsonOut.perDevice(g, byBridge, "vlans", VlanGlobalFormat::entry);
    }

    /** One entry: {@code {"vlan": 100, "vlanEnd": 110, "mcast_snooping": 1, ...}}. */
    static void entry(JsonGenerator g, VlanGlobalEntry e) throws IOException {
        g.writeStartObject();
        g.writeNumberField("vlan", e.first());
        if (e.last() != e.first()) {
            g.writeNumberField("vlanEnd", e.last());
        }
        for (Map.Entry<String, Long> v : values(e.options()).entrySet()) {
            g.writeNumberField(v.getKey(), v.getValue());
        }
        g.writeEndObject();
    }

    /** The options of one entry as iproute2 prints them on the line under the VIDs: "mcast_snooping 1 mcast_querier 0 ...". */
    static String optionsLine(VlanGlobalEntry e) {
        StringBuilder sb = new StringBuilder();
        values(e.options()).forEach((k, v) -> sb.append(k).append(' ').append(v).append(' '));
        return sb.toString().trim();
    }
}
