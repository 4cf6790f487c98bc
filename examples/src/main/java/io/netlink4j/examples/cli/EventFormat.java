package io.netlink4j.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netlink4j.bridge.BridgeEvent;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/** Monitor events as one line of text or one JSON object. */
final class EventFormat {
    private EventFormat() {}

    static String text(BridgeEvent event, IntFunction<String> names) {
        if (event instanceof BridgeEvent.FdbEvent f) {
            return "fdb " + f.kind().name().toLowerCase(Locale.ROOT) + " " + FdbFormat.text(f.entry(), names, true);
        }
        if (event instanceof BridgeEvent.PortEvent p) {
            StringBuilder sb = new StringBuilder("port ").append(p.kind().name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(p.name() != null ? p.name() : names.apply(p.ifindex()));
            if (p.master() != 0) {
                sb.append(" master ").append(names.apply(p.master()));
            }
            p.changed().forEach((k, v) -> sb.append(' ').append(k).append(' ').append(v));
            return sb.toString();
        }
        if (event instanceof BridgeEvent.BridgeChanged b) {
            StringBuilder sb = new StringBuilder("bridge ").append(b.kind().name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(b.name() != null ? b.name() : names.apply(b.ifindex()));
            b.changed().forEach((k, v) -> sb.append(' ').append(k).append(' ').append(v));
            return sb.toString();
        }
        if (event instanceof BridgeEvent.MdbEvent m) {
            return "mdb " + m.kind().name().toLowerCase(Locale.ROOT) + " " + MdbFormat.line(m.entry(), false, false);
        }
        if (event instanceof BridgeEvent.MdbRouterEvent r) {
            return "mdb router " + r.kind().name().toLowerCase(Locale.ROOT) + " dev " + r.port().bridge() + " port "
                    + r.port().port();
        }
        if (event instanceof BridgeEvent.VniEvent v) {
            StringBuilder sb = new StringBuilder("vni ").append(v.kind().name().toLowerCase(Locale.ROOT));
            v.entries().forEach(e -> sb.append(' ').append(e));
            return sb.toString();
        }
        if (event instanceof BridgeEvent.VlanEvent v) {
            return VlanDetailFormat.text(v, names);
        }
        if (event instanceof BridgeEvent.VlanGlobalEvent v) {
            return VlanDetailFormat.text(v, names);
        }
        if (event instanceof BridgeEvent.Overrun o) {
            return "overrun: events were lost (" + o.count() + " so far); the FDB view was reloaded";
        }
        return event.toString();
    }

    static void json(JsonGenerator g, BridgeEvent event, IntFunction<String> names) throws IOException {
        g.writeStartObject();
        if (event instanceof BridgeEvent.FdbEvent f) {
            g.writeStringField("event", "fdb");
            g.writeStringField("kind", f.kind().name().toLowerCase(Locale.ROOT));
            g.writeFieldName("entry");
            FdbFormat.json(g, f.entry(), names, true);
        } else if (event instanceof BridgeEvent.PortEvent p) {
            g.writeStringField("event", "port");
            g.writeStringField("kind", p.kind().name().toLowerCase(Locale.ROOT));
            g.writeStringField("ifname", p.name() != null ? p.name() : names.apply(p.ifindex()));
            if (p.master() != 0) {
                g.writeStringField("master", names.apply(p.master()));
            }
            changed(g, p.changed());
        } else if (event instanceof BridgeEvent.BridgeChanged b) {
            g.writeStringField("event", "bridge");
            g.writeStringField("kind", b.kind().name().toLowerCase(Locale.ROOT));
            g.writeStringField("ifname", b.name() != null ? b.name() : names.apply(b.ifindex()));
            changed(g, b.changed());
        } else if (event instanceof BridgeEvent.MdbEvent m) {
            g.writeStringField("event", "mdb");
            g.writeStringField("kind", m.kind().name().toLowerCase(Locale.ROOT));
            g.writeFieldName("entry");
            MdbFormat.entry(g, m.entry(), false, false);
        } else if (event instanceof BridgeEvent.MdbRouterEvent r) {
            g.writeStringField("event", "mdb_router");
            g.writeStringField("kind", r.kind().name().toLowerCase(Locale.ROOT));
            g.writeStringField("dev", r.port().bridge());
            g.writeStringField("port", r.port().port());
        } else if (event instanceof BridgeEvent.VniEvent v) {
            g.writeStringField("event", "vni");
            g.writeStringField("kind", v.kind().name().toLowerCase(Locale.ROOT));
            g.writeFieldName("entries");
            VniFormat.json(g, v.entries());
        } else if (event instanceof BridgeEvent.VlanEvent v) {
            VlanDetailFormat.json(g, v, names);
        } else if (event instanceof BridgeEvent.VlanGlobalEvent v) {
            VlanDetailFormat.json(g, v, names);
        } else if (event instanceof BridgeEvent.Overrun o) {
            g.writeStringField("event", "overrun");
            g.writeNumberField("count", o.count());
        }
        g.writeEndObject();
    }

    private static void changed(JsonGenerator g, Map<String, Long> changed) throws IOException {
        g.writeObjectFieldStart("changed");
        for (Map.Entry<String, Long> e : changed.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
