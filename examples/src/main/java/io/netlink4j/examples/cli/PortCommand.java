package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.core.Link;
import io.netlink4j.core.Links;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nlbridge port show|set}: bridge ports and their settings. */
@Command(name = "port", description = "Show and change bridge ports.",
        subcommands = {PortCommand.Show.class})
public final class PortCommand extends Group {

    @Command(name = "show", aliases = "list",
            description = "Show bridge ports (all, or DEV), like bridge -d link show / ip -d link show.")
    public static final class Show extends NlCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "DEV", converter = Converters.Dev.class)
        String dev;

        @Override
        protected int run(BridgeNetlink nl) throws IOException {
            List<Link> all = nl.call(ch -> new Links(ch).list());
            Map<Integer, Link> byIndex = new HashMap<>();
            all.forEach(l -> byIndex.put(l.index(), l));
            List<Link> ports = new ArrayList<>();
            for (Link l : all) {
                if (dev == null ? l.isBridgePort() : l.name().equals(dev)) {
                    ports.add(l);
                }
            }
            if (dev != null) {
                if (ports.isEmpty()) {
                    // re-ask for the one device: the kernel's own "does not exist" error
                    nl.call(ch -> new Links(ch).get(dev));
                }
                if (!ports.get(0).isBridgePort()) {
                    throw new IllegalArgumentException(dev + " is not a bridge port");
                }
            }
            if (json()) {
                JsonOut.write(out(), g -> {
                    g.writeStartArray();
                    for (Link p : ports) {
                        PortFormat.json(g, p, byIndex);
                    }
                    g.writeEndArray();
                });
            } else {
                ports.forEach(p -> out().println(PortFormat.text(p, byIndex)));
            }
            return 0;
        }
    }
}
