package io.netlink4j.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netlink4j.core.Link;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A bridge port as text (like {@code bridge -d link show}) and as JSON (the keys of {@code ip -d -j link show}). */
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

    static String text(Link p, Map<Integer, Link> links) {
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
        sb.append(" operstate ").append(p.operState());
        sb.append(" promiscuity ").append(p.promiscuity());
        return sb.toString();
    }

    static void json(JsonGenerator g, Link p, Map<Integer, Link> links) throws IOException {
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
        g.writeEndObject();
        g.writeEndObject();
    }
}
