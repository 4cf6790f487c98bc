package io.netlink4j.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netlink4j.bridge.Vlan;
import io.netlink4j.bridge.VlanSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** VLANs as {@code bridge -compressvlans vlan show} prints them (ranges compressed), in text and with {@code -j}. */
final class VlanFormat {
    private VlanFormat() {}

    /** iproute2's flag words. */
    static List<String> flags(Vlan v) {
        List<String> f = new ArrayList<>(2);
        if (v.pvid()) {
            f.add("PVID");
        }
        if (v.untagged()) {
            f.add("Egress Untagged");
        }
        return f;
    }

    static String text(Vlan v) {
        StringBuilder sb = new StringBuilder(v.isRange() ? v.first() + "-" + v.last() : Integer.toString(v.first()));
        for (String f : flags(v)) {
            sb.append(' ').append(f);
        }
        return sb.toString();
    }

    /** iproute2's VLAN_ID_LEN: the vlan-id column is this wide, its header padded to it. */
    static final int VLAN_ID_LEN = 9;

    /** The "port  vlan-id" header of {@code bridge vlan show}, {@code -d} and {@code vlan global show}. */
    static void header(PrintWriter out) {
        out.printf("%-16s  %-" + VLAN_ID_LEN + "s%n", "port", "vlan-id");
    }

    static void text(PrintWriter out, Map<String, VlanSet> byDevice) {
        header(out);
        byDevice.forEach((dev, set) -> {
            boolean first = true;
            for (Vlan v : set.ranges()) {
                out.printf("%-16s  %s%n", first ? dev : "", text(v));
                first = false;
            }
        });
    }

    /**
     * {@code {"vlan": 100, "vlanEnd": 110, "flags": [...]}} as iproute2 6.1 writes it with
     * -compressvlans: a single VID has "flags" only when it has any, a range always has it
     * (possibly empty).
     */
    static void json(JsonGenerator g, Vlan v) throws IOException {
        g.writeStartObject();
        g.writeNumberField("vlan", v.first());
        if (v.isRange()) {
            g.writeNumberField("vlanEnd", v.last());
        }
        List<String> f = flags(v);
        if (!f.isEmpty() || v.isRange()) {
            JsonOut.strings(g, "flags", f);
        }
        g.writeEndObject();
    }

    static void jsonList(JsonGenerator g, String name, List<Vlan> vlans) throws IOException {
        g.writeArrayFieldStart(name);
        for (Vlan v : vlans) {
            json(g, v);
        }
        g.writeEndArray();
    }

    /** {@code [{"ifname": "v0", "vlans": [...]}, ...]}. */
    static void json(JsonGenerator g, Map<String, VlanSet> byDevice) throws IOException {
        g.writeStartArray();
        for (Map.Entry<String, VlanSet> e : byDevice.entrySet()) {
            g.writeStartObject();
            g.writeStringField("ifname", e.getKey());
            jsonList(g, "vlans", e.getValue().ranges());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
