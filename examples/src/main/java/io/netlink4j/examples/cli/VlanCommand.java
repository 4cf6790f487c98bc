package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.Vlan;
import io.netlink4j.bridge.VlanSet;
import io.netlink4j.bridge.VlanSyncResult;
import io.netlink4j.core.Links;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nlbridge vlan show|add|del|sync}: the VLANs of bridge ports (VLAN filtering). */
@Command(name = "vlan", description = "Show and change the VLANs of bridge ports (needs a VLAN-filtering bridge).")
// sub-commands: CommandTree (built lazily)
public final class VlanCommand extends Group {

    @Command(name = "show", aliases = "list", description = "Show VLANs (all devices, or DEV), like bridge -compressvlans vlan show.")
    public static final class Show extends NlCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "DEV", converter = Converters.Dev.class)
        String dev;

        @Option(names = {"-d", "--details"}, description = "Per-VLAN state and options, one entry per run of VLANs"
                + " with equal flags and options (bridge -d vlan show).")
        boolean details;

        @Option(names = {"-s", "--stats"}, description = "Per-VLAN counters, one VID per line (bridge -s vlan show);"
                + " counted while the bridge has vlan_stats_enabled 1.")
        boolean stats;

        @Option(names = "--vid", paramLabel = "VID", converter = Converters.Vid.class,
                description = "Only VLAN VID: the range that holds it (with -s, its line), devices without it"
                        + " left out (bridge vlan show vid VID).")
        Integer vid;

        @Override
        protected void check() {
            if (details && stats) {
                // bridge -d -s vlan show adds the counters to the detailed entries: not done here
                throw new IllegalArgumentException("-d and -s together are not supported: give one of them");
            }
        }

        @Override
        protected int run(BridgeNetlink nl) {
            if (dev != null) {
                nl.call(ch -> new Links(ch).get(dev)); // an unknown device is an error, not an empty list
            }
            if (details) {
                return VlanDetailFormat.show(nl, dev, vid, out(), json());
            }
            if (stats) {
                Map<String, VlanStatsFormat.Device> counters = VlanStatsFormat.read(nl, dev, vid);
                if (json()) {
                    JsonOut.write(out(), g -> VlanStatsFormat.json(g, counters));
                } else {
                    VlanStatsFormat.text(out(), counters);
                }
                return 0;
            }
            Map<String, VlanSet> shown = new LinkedHashMap<>();
            nl.vlans().list().forEach((name, set) -> {
                // as iproute2: devices without VLANs (no filtering) are not listed
                if (dev != null && !dev.equals(name)) {
                    return;
                }
                VlanSet kept = vid == null ? set
                        : VlanSet.of(set.ranges().stream().filter(v -> v.first() <= vid && vid <= v.last()).toArray(Vlan[]::new));
                if (!kept.isEmpty()) {
                    shown.put(name, kept);
                }
            });
            if (json()) {
                JsonOut.write(out(), g -> VlanFormat.json(g, shown));
            } else {
                VlanFormat.text(out(), shown);
            }
            return 0;
        }
    }

    @Command(name = "add", description = "Add VLAN VID or range VID-VID to DEV (bridge vlan add); adding one that is"
            + " there updates its flags.")
    public static final class Add extends NlCommand {
        @Parameters(index = "0", paramLabel = "DEV", converter = Converters.Dev.class)
        String dev;

        @Parameters(index = "1", paramLabel = "VID[-VID]", converter = Converters.VidRange.class)
        Vids.Range vids;

        @Option(names = "--pvid", description = "Make it DEV's PVID: untagged frames in go to this VLAN (one VID).")
        boolean pvid;

        @Option(names = "--untagged", description = "Frames of this VLAN leave DEV untagged.")
        boolean untagged;

        private Vlan vlan;

        @Override
        protected void check() {
            vlan = new Vlan(vids.first(), vids.last(), pvid, untagged);
        }

        @Override
        protected int run(BridgeNetlink nl) {
            nl.vlans().add(dev, vlan);
            return 0;
        }
    }

    @Command(name = "del", aliases = "delete", description = "Delete VLAN VID or range VID-VID from DEV (bridge vlan del).")
    public static final class Del extends NlCommand {
        @Parameters(index = "0", paramLabel = "DEV", converter = Converters.Dev.class)
        String dev;

        @Parameters(index = "1", paramLabel = "VID[-VID]", converter = Converters.VidRange.class)
        Vids.Range vids;

        @Override
        protected int run(BridgeNetlink nl) {
            nl.vlans().delete(dev, Vlan.range(vids.first(), vids.last()));
            return 0;
        }
    }

    @Command(name = "sync", description = {
        "Bring DEV's VLANs to exactly the set given, sending only the difference.",
        "The set is --vids (tagged) plus --untagged, with --pvid; at most two requests, the PVID",
        "kept throughout. --dry-run shows what would change and sends nothing."})
    public static final class Sync extends NlCommand {
        @Parameters(index = "0", paramLabel = "DEV", converter = Converters.Dev.class)
        String dev;

        @Option(names = "--vids", required = true, paramLabel = "LIST", converter = Converters.VidList.class,
                description = "Tagged VLANs, e.g. 100,300-302.")
        List<Vids.Range> vids;

        @Option(names = "--untagged", paramLabel = "LIST", converter = Converters.VidList.class,
                description = "VLANs that leave DEV untagged (members too).")
        List<Vids.Range> untaggedVids;

        @Option(names = "--pvid", paramLabel = "VID", converter = Converters.Vid.class,
                description = "DEV's PVID (a member too).")
        Integer pvid;

        @Option(names = "--dry-run", description = "Show what would change; send nothing.")
        boolean dryRun;

        private VlanSet desired;

        @Override
        protected void check() {
            VlanSet.Builder b = VlanSet.builder();
            vids.forEach(r -> b.range(r.first(), r.last()));
            if (untaggedVids != null) {
                untaggedVids.forEach(r -> b.add(Vlan.range(r.first(), r.last()).asUntagged()));
            }
            if (pvid != null) {
                b.pvid(pvid);
            }
            desired = b.build();
        }

        @Override
        protected int run(BridgeNetlink nl) {
            VlanSyncResult r = dryRun ? nl.vlans().plan(dev, desired) : nl.vlans().sync(dev, desired);
            if (json()) {
                JsonOut.write(out(), g -> {
                    g.writeStartObject();
                    g.writeStringField("ifname", r.device());
                    g.writeBooleanField("changed", r.changed());
                    g.writeBooleanField("applied", r.applied());
                    g.writeNumberField("requests", r.requests());
                    VlanFormat.jsonList(g, "before", r.before().ranges());
                    VlanFormat.jsonList(g, "desired", r.desired().ranges());
                    VlanFormat.jsonList(g, "add", r.written());
                    VlanFormat.jsonList(g, "del", r.removed());
                    g.writeEndObject();
                });
            } else if (!r.changed()) {
                out().println(r.device() + ": in sync, nothing sent");
            } else {
                out().println(r.device() + (r.applied() ? "" : " (dry run, nothing sent)") + ": "
                        + r.requests() + " request" + (r.requests() == 1 ? "" : "s"));
                r.written().forEach(v -> out().println("  add " + VlanFormat.text(v)));
                r.removed().forEach(v -> out().println("  del " + VlanFormat.text(v)));
            }
            return 0;
        }
    }
}
