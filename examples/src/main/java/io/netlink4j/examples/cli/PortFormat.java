package io.netlink4j.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netlink4j.bridge.PortInfo;
import io.netlink4j.bridge.PortSettings;
import io.netlink4j.core.Link;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bridge port as text (like {@code bridge -d link show}, plus proxy_arp) and as JSON with the
 * keys and value types of {@code ip -d -j link show} (settings under linkinfo.info_slave_data).
 */
final class PortFormat {
    private PortFormat() {}

    private static String name(Map<Integer, Link> links, int index) {
        Link l = links.get(index);
        return l == null ? "if" + index : l.name();
    }

    /** ip's flags, with M-DOWN when the device's link (a veth's peer) is down. */
    static List<String> flags(Link p, Map<Integer, Link> links) {
        List<String> f = new ArrayList<>(IpNames.linkFlags(p.flags()));
        Link peer = p.link() > 0 ? links.get(p.link()) : null;
        if (peer != null && !peer.isUp()) {
            f.add("M-DOWN");
        }
        return f;
    }

    static String text(PortInfo port, Map<Integer, Link> links) {
        Link p = port.link();
        PortSettings s = port.settings().toSettings(); // what the kernel reported, nothing else
        StringBuilder sb = new StringBuilder();
        sb.append(p.index()).append(": ").append(p.name());
        if (p.link() > 0) {
            sb.append('@').append(name(links, p.link()));
        }
        sb.append(": <").append(String.join(",", flags(p, links))).append('>');
        sb.append(" mtu ").append(p.mtu());
        if (p.master() > 0) {
            sb.append(" master ").append(name(links, p.master()));
        }
        if (s.state() != null) {
            sb.append(" state ").append(s.state().label());
        }
        num(sb, "priority", s.priority());
        num(sb, "cost", s.cost());
        sb.append("\n   ");
        on(sb, "proxy_arp", s.proxyArp());
        on(sb, "hairpin", s.hairpin());
        on(sb, "learning", s.learning());
        on(sb, "flood", s.unicastFlood());
        on(sb, "mcast_flood", s.mcastFlood());
        on(sb, "bcast_flood", s.broadcastFlood());
        on(sb, "neigh_suppress", s.neighSuppress());
        on(sb, "isolated", s.isolated());
        on(sb, "guard", s.bpduGuard());
        on(sb, "root_block", s.rootBlock());
        on(sb, "fastleave", s.fastLeave());
        on(sb, "mcast_to_unicast", s.mcastToUnicast());
        on(sb, "locked", s.locked());
        sb.append(" promiscuity ").append(p.promiscuity());
        return sb.toString();
    }

    private static void on(StringBuilder sb, String key, Boolean v) {
        if (v != null) {
            sb.append(' ').append(key).append(' ').append(IpNames.onOff(v));
        }
    }

    private static void num(StringBuilder sb, String key, Number v) {
        if (v != null) {
            sb.append(' ').append(key).append(' ').append(v);
        }
    }

    static void json(JsonGenerator g, PortInfo port, Map<Integer, Link> links) throws IOException {
        Link p = port.link();
        PortSettings s = port.settings().toSettings(); // what the kernel reported, nothing else
        g.writeStartObject();
        g.writeNumberField("ifindex", p.index());
        if (p.link() > 0 && links.containsKey(p.link())) {
            g.writeStringField("link", links.get(p.link()).name());
        }
        g.writeStringField("ifname", p.name());
        JsonOut.strings(g, "flags", flags(p, links));
        g.writeNumberField("mtu", p.mtu());
        if (p.master() > 0 && links.containsKey(p.master())) {
            g.writeStringField("master", links.get(p.master()).name());
        }
        g.writeStringField("operstate", p.operState());
        JsonOut.opt(g, "address", p.address());
        g.writeNumberField("promiscuity", p.promiscuity());
        g.writeObjectFieldStart("linkinfo");
        JsonOut.opt(g, "info_kind", p.kind());
        JsonOut.opt(g, "info_slave_kind", p.slaveKind());
        g.writeObjectFieldStart("info_slave_data");
        JsonOut.opt(g, "state", s.state() == null ? null : s.state().label());
        JsonOut.opt(g, "priority", s.priority());
        if (s.cost() != null) {
            g.writeNumberField("cost", s.cost());
        }
        JsonOut.opt(g, "hairpin", s.hairpin());
        JsonOut.opt(g, "guard", s.bpduGuard());
        JsonOut.opt(g, "root_block", s.rootBlock());
        JsonOut.opt(g, "fastleave", s.fastLeave());
        JsonOut.opt(g, "learning", s.learning());
        JsonOut.opt(g, "flood", s.unicastFlood());
        g.writeStringField("id", "0x" + Integer.toHexString(port.portId()));
        g.writeStringField("no", "0x" + Integer.toHexString(port.portNo()));
        g.writeNumberField("designated_port", port.designatedPort());
        g.writeNumberField("designated_cost", port.designatedCost());
        JsonOut.opt(g, "bridge_id", IpNames.bridgeId(port.bridgeId()));
        JsonOut.opt(g, "root_id", IpNames.bridgeId(port.rootId()));
        JsonOut.opt(g, "proxy_arp", s.proxyArp());
        JsonOut.opt(g, "proxy_arp_wifi", s.proxyArpWifi());
        JsonOut.opt(g, "multicast_router", s.multicastRouter() == null ? null : s.multicastRouter().value());
        JsonOut.opt(g, "mcast_flood", s.mcastFlood());
        JsonOut.opt(g, "bcast_flood", s.broadcastFlood());
        JsonOut.opt(g, "mcast_to_unicast", s.mcastToUnicast());
        JsonOut.opt(g, "neigh_suppress", s.neighSuppress());
        JsonOut.opt(g, "vlan_tunnel", s.vlanTunnel());
        JsonOut.opt(g, "isolated", s.isolated());
        JsonOut.opt(g, "locked", s.locked());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }
}
