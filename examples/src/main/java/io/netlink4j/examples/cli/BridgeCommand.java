package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.core.Links;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nlbridge bridge add|del NAME}: bridge devices. */
@Command(name = "bridge", description = "Create and delete bridge devices.",
        subcommands = {BridgeCommand.Add.class, BridgeCommand.Del.class})
public final class BridgeCommand extends Group {

    @Command(name = "add", description = "Create bridge NAME (like ip link add NAME type bridge).")
    public static final class Add extends NlCommand {
        @Parameters(index = "0", paramLabel = "NAME", converter = Converters.Dev.class)
        String name;

        @Override
        protected int run(BridgeNetlink nl) {
            nl.call(ch -> {
                new Links(ch).createBridge(name);
                return null;
            });
            return 0;
        }
    }

    @Command(name = "del", aliases = "delete", description = "Delete bridge NAME; its ports are released.")
    public static final class Del extends NlCommand {
        @Parameters(index = "0", paramLabel = "NAME", converter = Converters.Dev.class)
        String name;

        @Override
        protected int run(BridgeNetlink nl) {
            nl.call(ch -> {
                Links links = new Links(ch);
                if (!links.get(name).isBridge()) {
                    throw new IllegalArgumentException(name + " is not a bridge (nothing deleted)");
                }
                links.delete(name);
                return null;
            });
            return 0;
        }
    }
}
