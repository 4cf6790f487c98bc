package io.netlink4j.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netlink4j.bridge.VlanTunnel;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** VLAN-to-tunnel mappings as {@code bridge [-j] vlan tunnelshow} (iproute2 6.1) prints them. */
final class VlanTunnelFormat {
    private VlanTunnelFormat() {}


    static String range(int first, int last) {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }

    /** The header, then per port one line per mapping, the port named on its first. */
    static void text(PrintWriter out, Map<String, List<VlanTunnel>> byPort) {
        out.printf("%-16s  %-" + VlanFormat.VLAN_ID_LEN + "s  tunnel-id%n", "port", "vlan-id");
        byPort.forEach((port, tunnels) -> {
            boolean first = true;
            for (VlanTunnel t : tunnels) {
                out.printf("%-16s  %-" + VlanFormat.VLAN_ID_LEN + "s  %s%n", first ? port : "",
                        range(t.firstVid(), t.lastVid()), range(t.firstTunnelId(), t.lastTunnelId()));
                first = false;
            }
        });
    }

    /** {@code {"vlan": 200, "vlanEnd": 205, "tunid": 1200, "tunidEnd": 1205}}, the End keys only for a range. */
    static void json(JsonGenerator g, VlanTunnel t) throws IOException {
        g.writeStartObject();
        g.writeNumberField("vlan", t.firstVid());
        if (t.isRange()) {
            g.writeNumberField("vlanEnd", t.lastVid());
        }
        g.writeNumberField("tunid", t.firstTunnelId());
        if (t.isRange()) {
            g.writeNumberField("tunidEnd", t.lastTunnelId());
        }
        g.writeEndObject();
    }

    /** {@code [{"ifname": "vxlan0", "tunnels": [...]}, ...]}. */
    static void json(JsonGenerator g, Map<String, List<VlanTunnel>> byPort) throws IOException {
        JsonOut.perDevice(g, byPort, "tunnels", VlanTunnelFormat::json);
    }
}
