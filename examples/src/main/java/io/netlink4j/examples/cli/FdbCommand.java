package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.FdbEntry;
import io.netlink4j.bridge.FdbFilter;
import io.netlink4j.bridge.FdbFlush;
import io.netlink4j.bridge.FdbSpec;
import io.netlink4j.bridge.FdbState;
import io.netlink4j.bridge.FlushResult;
import io.netlink4j.core.Links;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nlbridge fdb show|add|append|replace|del|load}: the bridge forwarding database. */
@Command(name = "fdb", description = "Show and change the bridge forwarding database (FDB).")
// sub-commands: CommandTree (built lazily)
public final class FdbCommand extends Group {

    @Command(name = "show", aliases = "list", description = "Show FDB entries, like bridge fdb show [br BRIDGE] [dev DEV].")
    public static final class Show extends NlCommand {
        @Option(names = "--br", paramLabel = "BRIDGE", converter = Converters.Dev.class,
                description = "Only the entries of this bridge.")
        String bridge;

        @Option(names = "--dev", paramLabel = "DEV", converter = Converters.Dev.class,
                description = "Only the entries on this device (then not printed per entry, as bridge does).")
        String dev;

        @Option(names = "--vlan", paramLabel = "VID", converter = Converters.Vid.class,
                description = "Only entries of this VLAN (bridge fdb show vlan VID).")
        Integer vlan;

        @Option(names = "--state", paramLabel = "STATE",
                description = "Only entries in this state: permanent, static, dynamic (reachable), stale, all;"
                        + " repeatable (bridge fdb show state STATE).")
        List<String> states;

        @Option(names = "--dynamic", description = "Leave out permanent entries (bridge fdb show dynamic).")
        boolean dynamic;

        @Option(names = {"-s", "--stats"}, description = "Seconds since each entry was used and updated (bridge -s).")
        boolean stats;

        @Override
        protected void check() {
            if (states != null) {
                states.forEach(Show::stateBits);
            }
        }

        /** As bridge(8): permanent, static, stale, dynamic, all; anything else is bad input. */
        static int stateBits(String name) {
            switch (name) {
                case "permanent": return 1 << FdbState.PERMANENT.ordinal();
                case "static": case "temp": return 1 << FdbState.STATIC.ordinal();
                case "stale": return 1 << FdbState.STALE.ordinal();
                case "dynamic": case "reachable": return 1 << FdbState.DYNAMIC.ordinal();
                case "all": return ~0;
                default: throw new IllegalArgumentException("unknown FDB state \"" + name
                        + "\": expected permanent, static, dynamic, stale or all");
            }
        }

        private boolean selected(FdbEntry e) {
            int mask = 0;
            for (String st : states == null ? List.<String>of() : states) {
                mask |= stateBits(st);
            }
            return (vlan == null || e.vlan() == vlan) && (mask == 0 || (mask & (1 << e.state().ordinal())) != 0)
                    && (!dynamic || e.state() != FdbState.PERMANENT);
        }

        @Override
        protected int run(BridgeNetlink nl) {
            FdbFilter filter = new FdbFilter(bridge, dev);
            // the kernel filters by bridge and device; VLAN and state are filtered here, as bridge(8) does
            List<FdbEntry> entries = nl.fdb().list(filter).stream().filter(this::selected).toList();
            print(this, nl, entries, dev == null, stats);
            return 0;
        }
    }

    /** Entries as bridge fdb show|get prints them (text lines, or one JSON array), device names resolved. */
    static void print(NlCommand c, BridgeNetlink nl, List<FdbEntry> entries, boolean showDev) {
        print(c, nl, entries, showDev, false);
    }

    /** With {@code stats}: the used/updated timers too ({@code bridge -s}). */
    static void print(NlCommand c, BridgeNetlink nl, List<FdbEntry> entries, boolean showDev, boolean stats) {
        Map<Integer, String> names = new HashMap<>();
        nl.call(ch -> new Links(ch).list()).forEach(l -> names.put(l.index(), l.name()));
        if (c.json()) {
            JsonOut.write(c.out(), g -> {
                g.writeStartArray();
                for (FdbEntry e : entries) {
                    FdbFormat.json(g, e, i -> names.getOrDefault(i, "if" + i), showDev, stats);
                }
                g.writeEndArray();
            });
        } else {
            entries.forEach(e -> c.out().println(FdbFormat.text(e, i -> names.getOrDefault(i, "if" + i), showDev, stats)));
        }
    }

    /** The state of an added entry: one of three. */
    static final class StateChoice {
        @Option(names = "--static", description = "Never ages, forwarded to DEV (the default).")
        boolean isStatic;
        @Option(names = "--permanent", description = "Never ages; a local address (frames to it are delivered to the host).")
        boolean permanent;
        @Option(names = "--dynamic", description = "Ages out like a learned entry.")
        boolean dynamic;
    }

    /** Whose FDB: the bridge's (the default) or the device's own. */
    static final class TargetChoice {
        @Option(names = "--master", description = "The bridge's FDB (the default).")
        boolean master;
        @Option(names = "--self", description = "The device's own FDB (a NIC's address list, a VXLAN device).")
        boolean self;
    }

    /** MAC DEV [--vlan VID] [--master|--self]: what every FDB change names. */
    abstract static class EntryCommand extends NlCommand {
        @Parameters(index = "0", paramLabel = "MAC", converter = Converters.Mac.class)
        String mac;

        @Parameters(index = "1", paramLabel = "DEV", converter = Converters.Dev.class)
        String dev;

        @Option(names = "--vlan", paramLabel = "VID", converter = Converters.Vid.class, description = "VLAN ID, 1-4094.")
        Integer vlan;

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        TargetChoice target;

        @ArgGroup(exclusive = false)
        VxlanRemote remote;

        @Option(names = "--nhid", paramLabel = "N",
                description = "FDB nexthop group (ip nexthop ... fdb) as the destination, instead of --dst/--vni/--port/--via.")
        Integer nhid;

        FdbSpec spec() {
            FdbSpec s = FdbSpec.of(mac, dev);
            if (vlan != null) {
                s = s.vlan(vlan);
            }
            if (nhid != null) {
                s = s.nhId(nhid);
            }
            if (target != null && target.self) {
                s = s.self();
            }
            return remote == null ? s : remote.applyTo(s);
        }
    }

    /** add/append/replace: an entry with a state. */
    abstract static class WriteCommand extends EntryCommand {
        @ArgGroup(exclusive = true, multiplicity = "0..1")
        StateChoice state;

        @Option(names = "--sticky", description = "The entry never moves to another port.")
        boolean sticky;
        @Option(names = "--extern-learn", description = "Mark the entry as learned by an external agent (extern_learn).")
        boolean externLearn;
        @Option(names = "--router", description = "The destination is a router (router).")
        boolean router;
        @Option(names = "--use", description = "Refresh an existing entry's used time, as traffic would (use).")
        boolean use;

        @Override
        FdbSpec spec() {
            FdbSpec s = super.spec();
            s = sticky ? s.sticky() : s;
            s = externLearn ? s.externLearn() : s;
            s = router ? s.router() : s;
            s = use ? s.use() : s;
            if (state != null && state.permanent) {
                s = s.permanent();
            } else if (state != null && state.dynamic) {
                s = s.dynamic();
            }
            return s;
        }
    }

    /** An IPv4 or IPv6 literal (never a host name: no DNS). */
    static final class IpLiteral implements picocli.CommandLine.ITypeConverter<java.net.InetAddress> {
        @Override
        public java.net.InetAddress convert(String s) throws Exception {
            if (s.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (s.indexOf(':') >= 0 && s.matches("[0-9A-Fa-f:.]+"))) {
                try {
                    return java.net.InetAddress.getByName(s);
                } catch (java.net.UnknownHostException e) {
                    // reported below
                }
            }
            throw new picocli.CommandLine.TypeConversionException("\"" + s + "\" is not an IPv4 or IPv6 address");
        }
    }

    /** dst/vni/port/src_vni/via: a VXLAN remote (with --self on a VXLAN device). */
    static final class VxlanRemote {
        @Option(names = "--dst", paramLabel = "IP", converter = IpLiteral.class,
                description = "VXLAN remote (VTEP) address.")
        java.net.InetAddress dst;
        @Option(names = "--vni", paramLabel = "N", description = "VXLAN VNI of the remote (0-16777215).")
        Integer vni;
        @Option(names = "--port", paramLabel = "N", description = "UDP port of the remote.")
        Integer port;
        @Option(names = "--src-vni", paramLabel = "N", description = "Source VNI (collect-metadata devices).")
        Integer srcVni;
        @Option(names = "--via", paramLabel = "DEV", converter = Converters.Dev.class,
                description = "Device the remote is reached through.")
        String via;

        FdbSpec applyTo(FdbSpec s) {
            FdbSpec r = dst == null ? s : s.dst(dst);
            r = vni == null ? r : r.vni(vni);
            r = port == null ? r : r.dstPort(port);
            r = srcVni == null ? r : r.srcVni(srcVni);
            return via == null ? r : r.via(via);
        }
    }

    @Command(name = "add", description = "Add an entry; fails if it exists (bridge fdb add).")
    public static final class Add extends WriteCommand {
        @Override
        protected int run(BridgeNetlink nl) {
            nl.fdb().add(spec());
            return 0;
        }
    }

    @Command(name = "append", description = "Add an entry, or another remote to it (bridge fdb append).")
    public static final class Append extends WriteCommand {
        @Override
        protected int run(BridgeNetlink nl) {
            nl.fdb().append(spec());
            return 0;
        }
    }

    @Command(name = "replace", description = "Add or update an entry, e.g. move it to another port (bridge fdb replace).")
    public static final class Replace extends WriteCommand {
        @Override
        protected int run(BridgeNetlink nl) {
            nl.fdb().replace(spec());
            return 0;
        }
    }

    @Command(name = "del", aliases = "delete", description = "Delete an entry (bridge fdb del).")
    public static final class Del extends EntryCommand {
        @Override
        protected int run(BridgeNetlink nl) {
            nl.fdb().delete(spec());
            return 0;
        }
    }

    @Command(name = "get", description = "Look up one entry of a bridge FDB (bridge fdb get MAC br BRIDGE | brport PORT [vlan VID]).")
    public static final class Get extends NlCommand {
        @Parameters(index = "0", paramLabel = "MAC", converter = Converters.Mac.class)
        String mac;

        /** --br BRIDGE or --brport PORT. */
        static final class Where {
            @Option(names = "--br", paramLabel = "BRIDGE", converter = Converters.Dev.class, required = true,
                    description = "The bridge whose FDB to ask.")
            String bridge;
            @Option(names = {"--brport", "--dev"}, paramLabel = "PORT", converter = Converters.Dev.class, required = true,
                    description = "A port: its bridge's FDB is asked.")
            String port;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Where where;

        @Option(names = "--vlan", paramLabel = "VID", converter = Converters.Vid.class, description = "VLAN ID, 1-4094.")
        Integer vlan;

        @Option(names = "--self", description = "The device's own FDB (with --dev: a VXLAN device's entry and remote).")
        boolean self;

        @Option(names = "--vni", paramLabel = "N", description = "With --self: the VNI to look the entry up in.")
        Integer vni;

        @Override
        protected void check() {
            if (self && where.port == null) {
                throw new IllegalArgumentException("--self needs --dev DEV");
            }
            if (vni != null && !self) {
                throw new IllegalArgumentException("--vni needs --self");
            }
        }

        @Override
        protected int run(BridgeNetlink nl) {
            int v = vlan == null ? 0 : vlan;
            Optional<FdbEntry> e = self ? nl.fdb().getSelf(mac, where.port, vni == null ? -1 : vni)
                    : where.bridge != null ? nl.fdb().get(mac, where.bridge, v) : nl.fdb().getOnPort(mac, where.port, v);
            if (e.isEmpty()) {
                throw new OperationFailedException("fdb get " + mac + (where.bridge != null ? " br " + where.bridge
                        : (self ? " dev " : " brport ") + where.port) + (v != 0 ? " vlan " + v : "")
                        + (self ? " self" : "") + (vni != null ? " vni " + vni : "") + ": no such FDB entry");
            }
            print(this, nl, List.of(e.get()), true);
            return 0;
        }
    }

    @Command(name = "flush", description = {
            "Remove the entries of a bridge FDB (bridge fdb flush dev BRIDGE | dev PORT master), static and",
            "dynamic ones by default, in one request where the kernel has a bulk delete (6.0+)."})
    public static final class Flush extends NlCommand {
        @Parameters(index = "0", paramLabel = "DEV", converter = Converters.Dev.class,
                description = "A bridge (all its entries) or a bridge port (the entries behind it).")
        String dev;

        @Option(names = "--vlan", paramLabel = "VID", converter = Converters.Vid.class, description = "Only this VLAN.")
        Integer vlan;

        /** --dynamic, --static or --with-permanent. */
        static final class Which {
            @Option(names = "--dynamic", description = "Only dynamic (learned) entries.")
            boolean dynamic;
            @Option(names = "--static", description = "Only static entries.")
            boolean onlyStatic;
            @Option(names = "--with-permanent", description = "Also the permanent (local) entries.")
            boolean withPermanent;
        }

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Which which;

        @Option(names = "--sticky", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
                description = "Only sticky (on) or non-sticky (off) entries: bridge fdb flush ... [no]sticky.")
        Toggle sticky;
        @Option(names = "--extern-learn", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
                description = "Only entries with (on) or without (off) extern_learn.")
        Toggle externLearn;
        @Option(names = "--offloaded", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
                description = "Only entries offloaded to hardware (on) or not (off).")
        Toggle offloaded;
        @Option(names = "--added-by-user", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
                description = "Only entries added by a user (on) or learned (off); needs the kernel's bulk delete (6.0+).")
        Toggle addedByUser;

        @Override
        protected int run(BridgeNetlink nl) {
            boolean isBridge = nl.call(ch -> new Links(ch).get(dev)).isBridge();
            FdbFlush f = isBridge ? FdbFlush.bridge(dev) : FdbFlush.port(dev);
            f = vlan == null ? f : f.vlan(vlan);
            f = which != null && which.dynamic ? f.dynamicOnly() : f;
            f = which != null && which.withPermanent ? f.includePermanent() : f;
            f = which != null && which.onlyStatic ? f.staticOnly() : f;
            f = sticky == null ? f : f.sticky(sticky.on());
            f = externLearn == null ? f : f.externLearn(externLearn.on());
            f = offloaded == null ? f : f.offloaded(offloaded.on());
            f = addedByUser == null ? f : f.addedByUser(addedByUser.on());
            FlushResult r = nl.fdb().flush(f);
            if (r.removed() >= 0) {
                out().println("removed " + r.removed() + " entries");
            }
            return 0;
        }
    }
}
