package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.Vlan;
import io.netlink4j.bridge.VlanGlobalEntry;
import io.netlink4j.bridge.VlanGlobalOptions;
import io.netlink4j.core.Link;
import io.netlink4j.core.Links;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code nlbridge vlan global set|show}: a bridge's global per-VLAN options (bridge vlan global). */
@Command(name = "global", description = "Show and set a bridge's global per-VLAN options (bridge vlan global).")
// sub-commands: CommandTree (built lazily)
public final class VlanGlobalCommand extends Group {

    /** 0|1 as iproute2 takes it, or on|off as the rest of nlbridge. */
    static final class Bit implements ITypeConverter<Toggle> {
        @Override
        public Toggle convert(String s) {
            switch (s) {
                case "1": case "on": return Toggle.ON;
                case "0": case "off": return Toggle.OFF;
                default: throw new TypeConversionException("expected 0|1 (or on|off), not \"" + s + "\"");
            }
        }
    }

    @Command(name = "show", aliases = "list", description = "Show the global VLAN options of every bridge, or of BRIDGE"
            + " (bridge vlan global show).")
    public static final class Show extends NlCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "BRIDGE", converter = Converters.Dev.class)
        String bridge;

        @Override
        protected int run(BridgeNetlink nl) {
            List<VlanGlobalEntry> entries = bridge != null ? nl.vlans().global().get(bridge) : nl.vlans().global().list();
            Map<Integer, String> names = new HashMap<>();
            nl.call(ch -> {
                for (Link l : new Links(ch).list()) {
                    names.put(l.index(), l.name());
                }
                return null;
            });
            Map<String, List<VlanGlobalEntry>> byBridge = new LinkedHashMap<>();
            for (VlanGlobalEntry e : entries) {
                byBridge.computeIfAbsent(names.getOrDefault(e.ifindex(), "if" + e.ifindex()), k -> new java.util.ArrayList<>()).add(e);
            }
            if (json()) {
                JsonOut.write(out(), g -> VlanGlobalFormat.json(g, byBridge));
            } else {
                VlanGlobalFormat.text(out(), byBridge);
            }
            return 0;
        }
    }

    @Command(name = "set", description = {
        "Set global options of VLAN VID or range VID-VID of BRIDGE (bridge vlan global set);",
        "only the options given change. Intervals are in 1/100 s, as iproute2 takes them.",
        "--msti takes effect with the bridge's mst_enable (nlbridge bridge set BRIDGE --mst-enable on)."})
    public static final class Set extends NlCommand {
        @Parameters(index = "0", paramLabel = "BRIDGE", converter = Converters.Dev.class)
        String bridge;

        @Parameters(index = "1", paramLabel = "VID[-VID]", converter = Converters.VidRange.class)
        Vids.Range vids;

        @Option(names = "--mcast-snooping", paramLabel = "0|1", converter = Bit.class, description = "Multicast snooping in the VLAN.")
        Toggle mcastSnooping;
        @Option(names = "--mcast-querier", paramLabel = "0|1", converter = Bit.class, description = "The bridge queries in the VLAN.")
        Toggle mcastQuerier;
        @Option(names = "--mcast-igmp-version", paramLabel = "2|3", description = "IGMP version.")
        Integer mcastIgmpVersion;
        @Option(names = "--mcast-mld-version", paramLabel = "1|2", description = "MLD version.")
        Integer mcastMldVersion;
        @Option(names = "--mcast-last-member-count", paramLabel = "N", description = "Group-specific queries after a leave.")
        Long mcastLastMemberCount;
        @Option(names = "--mcast-last-member-interval", paramLabel = "T", description = "Between those queries (1/100 s).")
        Long mcastLastMemberInterval;
        @Option(names = "--mcast-startup-query-count", paramLabel = "N", description = "Queries at startup.")
        Long mcastStartupQueryCount;
        @Option(names = "--mcast-startup-query-interval", paramLabel = "T", description = "Between startup queries (1/100 s).")
        Long mcastStartupQueryInterval;
        @Option(names = "--mcast-membership-interval", paramLabel = "T", description = "Group membership timeout (1/100 s).")
        Long mcastMembershipInterval;
        @Option(names = "--mcast-querier-interval", paramLabel = "T", description = "Other-querier-present timeout (1/100 s).")
        Long mcastQuerierInterval;
        @Option(names = "--mcast-query-interval", paramLabel = "T", description = "Between general queries (1/100 s).")
        Long mcastQueryInterval;
        @Option(names = "--mcast-query-response-interval", paramLabel = "T", description = "Max response time in queries (1/100 s).")
        Long mcastQueryResponseInterval;
        @Option(names = "--msti", paramLabel = "N", description = "MST instance of the VLAN (0 = CIST).")
        Integer msti;

        private VlanGlobalOptions options;

        @Override
        protected void check() {
            // out-of-range values: the builder's IllegalArgumentException (exit status 2)
            VlanGlobalOptions.Builder b = VlanGlobalOptions.builder();
            if (mcastSnooping != null) b.mcastSnooping(mcastSnooping.on());
            if (mcastQuerier != null) b.mcastQuerier(mcastQuerier.on());
            if (mcastIgmpVersion != null) b.mcastIgmpVersion(mcastIgmpVersion);
            if (mcastMldVersion != null) b.mcastMldVersion(mcastMldVersion);
            if (mcastLastMemberCount != null) b.mcastLastMemberCount(mcastLastMemberCount);
            if (mcastLastMemberInterval != null) b.mcastLastMemberInterval(mcastLastMemberInterval);
            if (mcastStartupQueryCount != null) b.mcastStartupQueryCount(mcastStartupQueryCount);
            if (mcastStartupQueryInterval != null) b.mcastStartupQueryInterval(mcastStartupQueryInterval);
            if (mcastMembershipInterval != null) b.mcastMembershipInterval(mcastMembershipInterval);
            if (mcastQuerierInterval != null) b.mcastQuerierInterval(mcastQuerierInterval);
            if (mcastQueryInterval != null) b.mcastQueryInterval(mcastQueryInterval);
            if (mcastQueryResponseInterval != null) b.mcastQueryResponseInterval(mcastQueryResponseInterval);
            if (msti != null) b.msti(msti);
            options = b.build();
            if (options.isEmpty()) {
                throw new IllegalArgumentException("nothing to change: give at least one option (see --help)");
            }
        }

        @Override
        protected int run(BridgeNetlink nl) {
            nl.vlans().global().set(bridge, Vlan.range(vids.first(), vids.last()), options);
            return 0;
        }
    }
}
