package io.netlink4j.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netlink4j.bridge.BridgeEvent;
import io.netlink4j.bridge.BridgeMonitor;
import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.core.Link;
import io.netlink4j.core.Links;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nlbridge monitor [--count N]}: FDB and bridge-port events as they happen, one per line
 * (with --json one JSON object per line), until Ctrl-C or N events.
 */
@Command(name = "monitor", description = {
    "Print FDB and bridge port events as they happen, one per line (like bridge monitor fdb link),",
    "until Ctrl-C or --count events. With --json: one JSON object per line."})
public final class MonitorCommand extends NlCommand {
    @Option(names = "--count", paramLabel = "N", description = "Stop after N events.")
    Integer count;

    private final Map<Integer, String> names = new ConcurrentHashMap<>();

    @Override
    protected void check() {
        if (count != null && count < 1) {
            throw new IllegalArgumentException("--count must be at least 1: " + count);
        }
    }

    @Override
    protected int run(BridgeNetlink nl) {
        nl.call(ch -> new Links(ch).list()).forEach(l -> names.put(l.index(), l.name()));
        try (BridgeMonitor mon = nl.monitor()) {
            int[] seen = {0};
            mon.run(event -> {
                print(nl, event);
                if (count != null && ++seen[0] >= count) {
                    mon.stop();
                }
            });
        }
        return 0;
    }

    private String name(BridgeNetlink nl, int index) {
        String n = names.get(index);
        if (n == null && index > 0) {
            // a device made after we started: one lookup, remembered
            try {
                Link l = nl.call(ch -> new Links(ch).get(index));
                n = l.name();
                names.put(index, n);
            } catch (RuntimeException e) {
                n = "if" + index;
            }
        }
        return n;
    }

    private void print(BridgeNetlink nl, BridgeEvent event) {
        if (json()) {
            JsonOut.write(out(), g -> json(nl, g, event));
            return;
        }
        String line;
        if (event instanceof BridgeEvent.FdbEvent f) {
            line = "fdb " + f.kind().name().toLowerCase(Locale.ROOT) + " "
                    + FdbFormat.text(f.entry(), i -> name(nl, i), true);
        } else if (event instanceof BridgeEvent.PortEvent p) {
            StringBuilder sb = new StringBuilder("port ").append(p.kind().name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(p.name() != null ? p.name() : name(nl, p.ifindex()));
            if (p.master() != 0) {
                sb.append(" master ").append(name(nl, p.master()));
            }
            p.changed().forEach((k, v) -> sb.append(' ').append(k).append(' ').append(v));
            line = sb.toString();
        } else if (event instanceof BridgeEvent.Overrun o) {
            line = "overrun: events were lost (" + o.count() + " so far); the FDB view was reloaded";
        } else {
            line = event.toString();
        }
        out().println(line);
        out().flush();
    }

    private void json(BridgeNetlink nl, JsonGenerator g, BridgeEvent event) throws IOException {
        if (event instanceof BridgeEvent.FdbEvent f) {
            g.writeStartObject();
            g.writeStringField("event", "fdb");
            g.writeStringField("kind", f.kind().name().toLowerCase(Locale.ROOT));
            g.writeFieldName("entry");
            FdbFormat.json(g, f.entry(), i -> name(nl, i), true);
            g.writeEndObject();
        } else if (event instanceof BridgeEvent.PortEvent p) {
            g.writeStartObject();
            g.writeStringField("event", "port");
            g.writeStringField("kind", p.kind().name().toLowerCase(Locale.ROOT));
            g.writeStringField("ifname", p.name() != null ? p.name() : name(nl, p.ifindex()));
            if (p.master() != 0) {
                g.writeStringField("master", name(nl, p.master()));
            }
            g.writeObjectFieldStart("changed");
            for (Map.Entry<String, Long> e : p.changed().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        } else if (event instanceof BridgeEvent.Overrun o) {
            g.writeStartObject();
            g.writeStringField("event", "overrun");
            g.writeNumberField("count", o.count());
            g.writeEndObject();
        }
    }
}
