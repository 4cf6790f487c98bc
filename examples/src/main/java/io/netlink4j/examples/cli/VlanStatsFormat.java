package io.netlink4j.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.VlanStats;
import io.netlink4j.core.Link;
import io.netlink4j.core.Links;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-VLAN counters as {@code bridge [-j] -s vlan show} (iproute2 6.1) prints them: one VID per
 * entry, the bridge's own VLANs under the bridge, each port's under the port.
 */
final class VlanStatsFormat {
    private VlanStatsFormat() {}

    /** The counters of one device, and whether it is the bridge itself. */
    record Device(boolean bridge, List<VlanStats> vlans) {}

    /**
     * Every device's counters (or DEV's) by name, devices without VLANs left out. In iproute2's
     * order: it dumps the bridges' own counters first, then the ports', each by ifindex. With
     * {@code vid} (may be null), only that VLAN's counters.
     */
    static Map<String, Device> read(BridgeNetlink nl, String dev, Integer vid) {
        Map<Integer, Link> links = new HashMap<>();
        nl.call(ch -> {
            for (Link l : new Links(ch).list()) {
                links.put(l.index(), l);
            }
            return null;
        });
        Map<String, Device> bridges = new LinkedHashMap<>();
        Map<String, Device> ports = new LinkedHashMap<>();
        for (VlanStats s : dev != null ? nl.vlans().stats(dev) : nl.vlans().stats()) {
            if (vid != null && s.vid() != vid) {
                continue;
            }
            Link l = links.get(s.ifindex());
            String name = l != null ? l.name() : "if" + s.ifindex();
            boolean bridge = l != null && l.isBridge();
            (bridge ? bridges : ports).computeIfAbsent(name, n -> new Device(bridge, new ArrayList<>())).vlans().add(s);
        }
        bridges.putAll(ports);
        return bridges;
    }

    /** iproute2's "port vlan-id" header, then per VID a line with its flags and an RX and a TX line. */
    static void text(PrintWriter out, Map<String, Device> byDevice) {
        out.printf("%-16s  vlan-id%n", "port");
        byDevice.forEach((dev, d) -> {
            boolean first = true;
            for (VlanStats s : d.vlans()) {
                StringBuilder line = new StringBuilder(Integer.toString(s.vid()));
                for (String f : VlanFormat.flags(s.entry().vlan())) {
                    line.append(' ').append(f);
                }
                out.printf("%-16s  %s%n", first ? dev : "", line);
                out.printf("%-16s    RX: %d bytes %d packets%n", "", s.rxBytes(), s.rxPackets());
                out.printf("%-16s    TX: %d bytes %d packets%n", "", s.txBytes(), s.txPackets());
                first = false;
            }
        });
    }

    /**
     * {@code [{"ifname": "v0", "vlans": [{"vid": 1, "flags": [...], "rx_bytes": ..., "rx_packets": ...,
     * "tx_bytes": ..., "tx_packets": ...}]}]}. iproute2 writes "flags" when the kernel's flag word is
     * not 0: always for the bridge's own VLANs (they carry BRIDGE_VLAN_INFO_MASTER | BRENTRY), for a
     * port's only with PVID or untagged.
     */
    static void json(JsonGenerator g, Map<String, Device> byDevice) throws IOException {
        g.writeStartArray();
        for (Map.Entry<String, Device> e : byDevice.entrySet()) {
            g.writeStartObject();
            g.writeStringField("ifname", e.getKey());
            g.writeArrayFieldStart("vlans");
            for (VlanStats s : e.getValue().vlans()) {
                g.writeStartObject();
                g.writeNumberField("vid", s.vid());
                List<String> flags = VlanFormat.flags(s.entry().vlan());
                if (e.getValue().bridge() || !flags.isEmpty()) {
                    JsonOut.strings(g, "flags", flags);
                }
                g.writeNumberField("rx_bytes", s.rxBytes());
                g.writeNumberField("rx_packets", s.rxPackets());
                g.writeNumberField("tx_bytes", s.txBytes());
                g.writeNumberField("tx_packets", s.txPackets());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
