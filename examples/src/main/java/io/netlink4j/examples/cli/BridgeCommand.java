package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.BridgeSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code nlbridge bridge add|set|del NAME}: bridge devices and their settings. */
@Command(name = "bridge", description = "Create, change and delete bridge devices.")
// sub-commands: CommandTree (built lazily)
public final class BridgeCommand extends Group {

    @Command(name = "add", description = "Create bridge NAME with the settings given, in one request"
            + " (like ip link add NAME type bridge ...).")
    public static final class Add extends NlCommand {
        @Parameters(index = "0", paramLabel = "NAME", converter = Converters.Dev.class)
        String name;

        @Mixin
        BridgeOptions options;

        private BridgeSettings settings;

        @Override
        protected void check() {
            settings = options.build();
        }

        @Override
        protected int run(BridgeNetlink nl) {
            nl.bridges().create(name, settings);
            return 0;
        }
    }

    @Command(name = "set", description = "Change settings of bridge NAME, all in one request"
            + " (like ip link set dev NAME type bridge ...).")
    public static final class Set extends NlCommand {
        @Parameters(index = "0", paramLabel = "NAME", converter = Converters.Dev.class)
        String name;

        @Mixin
        BridgeOptions options;

        private BridgeSettings settings;

        @Override
        protected void check() {
            settings = options.build();
            if (settings.isEmpty()) {
                throw new IllegalArgumentException("nothing to change: give at least one setting (see --help)");
            }
        }

        @Override
        protected int run(BridgeNetlink nl) {
            nl.bridges().set(name, settings);
            return 0;
        }
    }

    @Command(name = "del", aliases = "delete", description = "Delete bridge NAME; its ports are released, not deleted.")
    public static final class Del extends NlCommand {
        @Parameters(index = "0", paramLabel = "NAME", converter = Converters.Dev.class)
        String name;

        @Override
        protected int run(BridgeNetlink nl) {
            nl.bridges().delete(name);
            return 0;
        }
    }
}
