package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.MdbFilterMode;
import io.netlink4j.bridge.MdbSpec;
import io.netlink4j.bridge.MdbTable;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nlbridge mdb show|add|replace|del}: the bridge multicast database. */
@Command(name = "mdb", description = "Show and change the bridge multicast database (MDB).")
// sub-commands: CommandTree (built lazily)
public final class MdbCommand extends Group {

    @Command(name = "show", aliases = "list", description = "Show group entries, like bridge mdb show [dev BRIDGE].")
    public static final class Show extends NlCommand {
        @Option(names = "--br", paramLabel = "BRIDGE", converter = Converters.Dev.class,
                description = "Only the entries of this bridge.")
        String bridge;

        @Option(names = {"-d", "--details"}, description = "Filter mode, source list, protocol and router ports (bridge -d).")
        boolean details;

        @Option(names = {"-s", "--stats"}, description = "Timers (bridge -s).")
        boolean stats;

        @Option(names = "--vid", paramLabel = "VID", converter = Converters.Vid.class,
                description = "Only group entries of this VLAN (bridge mdb show vid VID); router ports are all shown.")
        Integer vid;

        @Override
        protected int run(BridgeNetlink nl) {
            MdbTable all = nl.mdb().show(bridge);
            // bridge(8) filters by VLAN itself, entries only
            MdbTable t = vid == null ? all
                    : new MdbTable(all.entries().stream().filter(e -> e.vlan() == vid).toList(), all.routers());
            if (json()) {
                JsonOut.write(out(), g -> MdbFormat.json(g, t, details, stats));
            } else {
                MdbFormat.text(out(), t, details, stats);
            }
            return 0;
        }
    }

    /** --permanent (the default) or --temp. */
    static final class StateChoice {
        @Option(names = "--permanent", description = "Never ages out (the default).")
        boolean permanent;
        @Option(names = "--temp", description = "Ages out after the membership interval unless refreshed.")
        boolean temp;
    }

    /** BRIDGE PORT GROUP [--vlan VID] [--src S]: what every MDB change names. */
    abstract static class EntryCommand extends NlCommand {
        @Parameters(index = "0", paramLabel = "BRIDGE", converter = Converters.Dev.class)
        String bridge;

        @Parameters(index = "1", paramLabel = "PORT", converter = Converters.Dev.class,
                description = "A port of BRIDGE, or BRIDGE itself for a host join.")
        String port;

        @Parameters(index = "2", paramLabel = "GROUP", description = "IPv4/IPv6 multicast address or multicast MAC.")
        String group;

        @Option(names = "--vlan", paramLabel = "VID", converter = Converters.Vid.class, description = "VLAN ID, 1-4094.")
        Integer vlan;

        @Option(names = "--src", paramLabel = "SOURCE", description = "Source address: an (S, G) entry.")
        String source;

        MdbSpec spec() {
            MdbSpec s = MdbSpec.of(bridge, port, group);
            if (vlan != null) {
                s = s.vlan(vlan);
            }
            if (source != null) {
                s = s.source(source);
            }
            return s;
        }
    }

    /** add/replace: state, filter mode, sources, protocol. */
    abstract static class WriteCommand extends EntryCommand {
        @ArgGroup(exclusive = true, multiplicity = "0..1")
        StateChoice state;

        @Option(names = "--filter-mode", paramLabel = "include|exclude",
                description = "IGMPv3/MLDv2 filter mode of a (*, G) entry (kernel 6.3+).")
        MdbFilterMode filterMode;

        @Option(names = "--source-list", paramLabel = "S1,S2", split = ",",
                description = "Sources of a (*, G) entry with --filter-mode.")
        List<String> sourceList;

        @Option(names = "--proto", paramLabel = "PROTO", description = "Routing protocol: static, bgp, zebra, ... or 4-255.")
        String protocol;

        @Override
        MdbSpec spec() {
            MdbSpec s = super.spec();
            if (state != null && state.temp) {
                s = s.temporary();
            }
            if (filterMode != null) {
                s = s.filterMode(filterMode);
            }
            if (sourceList != null) {
                s = s.sourceList(sourceList);
            }
            if (protocol != null) {
                s = s.protocol(MdbFormat.protocolNumber(protocol));
            }
            return s;
        }
    }

    @Command(name = "add", description = "Add a group entry; fails if it exists (bridge mdb add).")
    public static final class Add extends WriteCommand {
        @Override
        protected int run(BridgeNetlink nl) {
            nl.mdb().add(spec());
            return 0;
        }
    }

    @Command(name = "replace", description = "Add or change a group entry (bridge mdb replace, kernel 6.3+).")
    public static final class Replace extends WriteCommand {
        @Override
        protected int run(BridgeNetlink nl) {
            nl.mdb().replace(spec());
            return 0;
        }
    }

    @Command(name = "del", aliases = "delete", description = "Delete a group entry (bridge mdb del).")
    public static final class Del extends EntryCommand {
        @ArgGroup(exclusive = true, multiplicity = "0..1")
        StateChoice state; // accepted as bridge(8) does; a delete matches entries whatever their state

        @Override
        protected int run(BridgeNetlink nl) {
            nl.mdb().delete(spec());
            return 0;
        }
    }
}
