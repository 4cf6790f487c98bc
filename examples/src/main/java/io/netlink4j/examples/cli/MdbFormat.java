package io.netlink4j.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netlink4j.bridge.MdbEntry;
import io.netlink4j.bridge.MdbFlag;
import io.netlink4j.bridge.MdbRouterPort;
import io.netlink4j.bridge.MdbRouterType;
import io.netlink4j.bridge.MdbSource;
import io.netlink4j.bridge.MdbTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bridge [-d] [-s] mdb show} output, text and JSON, with iproute2 6.1's keys and order:
 * details add filter mode, source list and protocol (and the router ports), stats add timers.
 */
final class MdbFormat {
    private MdbFormat() {}

    /** Names of routing protocols (iproute2's rt_protos). */
    private static final Map<Integer, String> PROTOCOLS = Map.ofEntries(Map.entry(0, "unspec"), Map.entry(1, "redirect"),
            Map.entry(2, "kernel"), Map.entry(3, "boot"), Map.entry(4, "static"), Map.entry(8, "gated"), Map.entry(9, "ra"),
            Map.entry(10, "mrt"), Map.entry(11, "zebra"), Map.entry(12, "bird"), Map.entry(13, "dnrouted"),
            Map.entry(14, "xorp"), Map.entry(15, "ntk"), Map.entry(16, "dhcp"), Map.entry(18, "keepalived"),
            Map.entry(42, "babel"), Map.entry(99, "openr"), Map.entry(186, "bgp"), Map.entry(187, "isis"),
            Map.entry(188, "ospf"), Map.entry(189, "rip"), Map.entry(192, "eigrp"));

    static String protocol(int p) {
        return PROTOCOLS.getOrDefault(p, Integer.toString(p));
    }

    /** The number of a protocol name or number ("static", "bgp", "186"). */
    static int protocolNumber(String s) {
        for (Map.Entry<Integer, String> e : PROTOCOLS.entrySet()) {
            if (e.getValue().equals(s)) {
                return e.getKey();
            }
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown protocol \"" + s + "\": a number 4..255 or one of "
                    + String.join(", ", PROTOCOLS.values()));
        }
    }

    /** iproute2's format_timer: "%4lu.%.2lu" aligned (entries, router ports), "%lu.%.2lu" not (sources). */
    static String timer(Duration d, boolean align) {
        long cs = d.toMillis() / 10;
        String s = String.format(align ? "%4d.%02d" : "%d.%02d", cs / 100, cs % 100);
        return s;
    }

    private static String name(String n, int index) {
        return n != null ? n : "if" + index;
    }

    /** One entry as {@code bridge mdb show} (and {@code bridge monitor mdb}) prints it. */
    static String line(MdbEntry e, boolean details, boolean stats) {
        StringBuilder sb = new StringBuilder("dev ").append(name(e.bridge(), e.bridgeIndex())).append(" port ")
                .append(name(e.port(), e.portIndex())).append(" grp ").append(e.group());
        if (e.source() != null) {
            sb.append(" src ").append(e.source());
        }
        sb.append(e.permanent() ? " permanent" : " temp");
        if (details) {
            if (e.filterMode() != null) {
                sb.append(" filter_mode ").append(e.filterMode().iprouteName());
            }
            if (!e.sources().isEmpty()) {
                List<String> l = new ArrayList<>();
                for (MdbSource s : e.sources()) {
                    l.add(s.address() + (s.timer() != null ? "/" + timer(s.timer(), false) : ""));
                }
                sb.append(" source_list ").append(String.join(",", l));
            }
            if (e.protocol() >= 0) {
                sb.append(" proto ").append(protocol(e.protocol()));
            }
        }
        for (MdbFlag f : MdbFlag.values()) {
            if (e.flags().contains(f)) {
                sb.append(' ').append(f.iprouteName());
            }
        }
        if (e.vlan() != 0) {
            sb.append(" vid ").append(e.vlan());
        }
        if (stats && e.timer() != null) {
            sb.append(' ').append(timer(e.timer(), true));
        }
        return sb.toString();
    }

    static void text(PrintWriter out, MdbTable t, boolean details, boolean stats) {
        for (MdbEntry e : t.entries()) {
            out.println(line(e, details, stats));
        }
        if (details) {
            for (Map.Entry<String, List<MdbRouterPort>> b : routersByBridge(t).entrySet()) {
                StringBuilder sb = new StringBuilder("router ports on ").append(b.getKey()).append(':');
                for (MdbRouterPort r : b.getValue()) {
                    sb.append(' ').append(name(r.port(), r.portIndex()));
                    if (stats && r.timer() != null) {
                        sb.append(' ').append(timer(r.timer(), true)).append(' ').append(routerType(r.type()));
                    }
                }
                out.println(sb);
            }
        }
    }

    private static Map<String, List<MdbRouterPort>> routersByBridge(MdbTable t) {
        Map<String, List<MdbRouterPort>> m = new LinkedHashMap<>();
        for (MdbRouterPort r : t.routers()) {
            m.computeIfAbsent(name(r.bridge(), r.bridgeIndex()), k -> new ArrayList<>()).add(r);
        }
        return m;
    }

    /** iproute2 says "temporary" for the learned kinds, "permanent" otherwise. */
    private static String routerType(MdbRouterType t) {
        return t == MdbRouterType.TEMP || t == MdbRouterType.TEMP_QUERY ? "temporary" : "permanent";
    }

    /** [{"mdb": [...], "router": {"br0": [...]}}], as bridge -j mdb show prints it. */
    static void json(JsonGenerator g, MdbTable t, boolean details, boolean stats) throws IOException {
        g.writeStartArray();
        g.writeStartObject();
        g.writeArrayFieldStart("mdb");
        for (MdbEntry e : t.entries()) {
            entry(g, e, details, stats);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("router");
        if (details) {
            for (Map.Entry<String, List<MdbRouterPort>> b : routersByBridge(t).entrySet()) {
                g.writeArrayFieldStart(b.getKey());
                for (MdbRouterPort r : b.getValue()) {
                    g.writeStartObject();
                    g.writeStringField("port", name(r.port(), r.portIndex()));
                    if (stats && r.timer() != null) {
                        g.writeStringField("timer", timer(r.timer(), true));
                        g.writeStringField("type", routerType(r.type()));
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
    }

    /** One entry as a JSON object with bridge -j mdb show's keys. */
    static void entry(JsonGenerator g, MdbEntry e, boolean details, boolean stats) throws IOException {
        g.writeStartObject();
        g.writeNumberField("index", e.bridgeIndex());
        g.writeStringField("dev", name(e.bridge(), e.bridgeIndex()));
        g.writeStringField("port", name(e.port(), e.portIndex()));
        g.writeStringField("grp", e.group());
        JsonOut.opt(g, "src", e.source());
        g.writeStringField("state", e.permanent() ? "permanent" : "temp");
        if (details) {
            JsonOut.opt(g, "filter_mode", e.filterMode() == null ? null : e.filterMode().iprouteName());
            if (!e.sources().isEmpty()) {
                g.writeArrayFieldStart("source_list");
                for (MdbSource s : e.sources()) {
                    g.writeStartObject();
                    g.writeStringField("address", s.address());
                    JsonOut.opt(g, "timer", s.timer() == null ? null : timer(s.timer(), false));
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            JsonOut.opt(g, "protocol", e.protocol() < 0 ? null : protocol(e.protocol()));
        }
        g.writeArrayFieldStart("flags");
        for (MdbFlag f : MdbFlag.values()) {
            if (e.flags().contains(f)) {
                g.writeString(f.iprouteName());
            }
        }
        g.writeEndArray();
        if (e.vlan() != 0) {
            g.writeNumberField("vid", e.vlan());
        }
        if (stats && e.timer() != null) {
            g.writeStringField("timer", timer(e.timer(), true));
        }
        g.writeEndObject();
    }
}
