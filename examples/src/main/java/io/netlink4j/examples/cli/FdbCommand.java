package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.FdbEntry;
import io.netlink4j.bridge.FdbFilter;
import io.netlink4j.bridge.FdbSpec;
import io.netlink4j.core.Links;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

        @Override
        protected int run(BridgeNetlink nl) {
            Map<Integer, String> names = new HashMap<>();
            nl.call(ch -> new Links(ch).list()).forEach(l -> names.put(l.index(), l.name()));
            FdbFilter filter = new FdbFilter(bridge, dev);
            List<FdbEntry> entries = nl.fdb().list(filter);
            boolean showDev = dev == null;
            if (json()) {
                JsonOut.write(out(), g -> {
                    g.writeStartArray();
                    for (FdbEntry e : entries) {
                        FdbFormat.json(g, e, i -> names.getOrDefault(i, "if" + i), showDev);
                    }
                    g.writeEndArray();
                });
            } else {
                entries.forEach(e -> out().println(FdbFormat.text(e, i -> names.getOrDefault(i, "if" + i), showDev)));
            }
            return 0;
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

        FdbSpec spec() {
            FdbSpec s = FdbSpec.of(mac, dev);
            if (vlan != null) {
                s = s.vlan(vlan);
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

        @Override
        FdbSpec spec() {
            FdbSpec s = super.spec();
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
}
