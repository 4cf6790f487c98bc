package io.netlink4j.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netlink4j.bridge.VniEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/** {@code bridge vni show} output: the text table and the JSON of iproute2 6.1, key for key. */
final class VniFormat {
    private VniFormat() {}

    /** The table: a header, then each device's entries, a blank line after each device. */
    static void text(PrintWriter out, List<VniEntry> entries) {
        out.printf("%-16s  %-15s  %-15s%n", "dev", "vni", "group/remote");
        for (int i = 0; i < entries.size(); i++) {
            VniEntry e = entries.get(i);
            boolean first = i == 0 || entries.get(i - 1).ifindex() != e.ifindex();
            out.printf("%-16s  ", first ? name(e) : "");
            if (e.end() != e.start()) {
                out.print(" " + e.start() + String.format("-%-14d ", e.end()));
            } else {
                out.printf(" %-14d", e.start());
            }
            if (e.address() != null) {
                out.print(" " + e.addressText());
            }
            VniEntry.Stats s = e.stats();
            if (s != null) {
                out.printf("%n%-16s   RX: bytes %d pkts %d drops %d errors %d ", "", s.rxBytes(), s.rxPackets(),
                        s.rxDrops(), s.rxErrors());
                out.printf("%n%-16s   TX: bytes %d pkts %d drops %d errors %d ", "", s.txBytes(), s.txPackets(),
                        s.txDrops(), s.txErrors());
            }
            out.println();
            if (i + 1 == entries.size() || entries.get(i + 1).ifindex() != e.ifindex()) {
                out.println();
            }
        }
    }

    /** {@code [{"ifname": "vxlan0", "vnis": [{"vni": 200, "vniEnd": 205}, {"vni": 400, "group": "239.1.1.1"}]}]}. */
    static void json(JsonGenerator g, List<VniEntry> entries) throws IOException {
        g.writeStartArray();
        for (int i = 0; i < entries.size(); i++) {
            VniEntry e = entries.get(i);
            if (i == 0 || entries.get(i - 1).ifindex() != e.ifindex()) {
                g.writeStartObject();
                g.writeStringField("ifname", name(e));
                g.writeArrayFieldStart("vnis");
            }
            g.writeStartObject();
            g.writeNumberField("vni", e.start());
            if (e.end() != e.start()) {
                g.writeNumberField("vniEnd", e.end());
            }
            if (e.address() != null) {
                g.writeStringField(e.isGroup() ? "group" : "remote", e.addressText());
            }
            VniEntry.Stats s = e.stats();
            if (s != null) {
                g.writeObjectFieldStart("stats");
                g.writeNumberField("rx_bytes", s.rxBytes());
                g.writeNumberField("rx_pkts", s.rxPackets());
                g.writeNumberField("rx_drops", s.rxDrops());
                g.writeNumberField("rx_errors", s.rxErrors());
                g.writeNumberField("tx_bytes", s.txBytes());
                g.writeNumberField("tx_pkts", s.txPackets());
                g.writeNumberField("tx_drops", s.txDrops());
                g.writeNumberField("tx_errors", s.txErrors());
                g.writeEndObject();
            }
            g.writeEndObject();
            if (i + 1 == entries.size() || entries.get(i + 1).ifindex() != e.ifindex()) {
                g.writeEndArray();
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

    private static String name(VniEntry e) {
        return e.device() != null ? e.device() : "if" + e.ifindex();
    }
}
