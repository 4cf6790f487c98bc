package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.BridgePorts;
import io.netlink4j.bridge.MulticastRouter;
import io.netlink4j.bridge.PortInfo;
import io.netlink4j.bridge.PortSettings;
import io.netlink4j.bridge.PortState;
import io.netlink4j.core.Link;
import io.netlink4j.core.Links;
import io.netlink4j.core.NoSuchDeviceException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nlbridge port show|set}: bridge ports and their settings. */
@Command(name = "port", description = "Show and change bridge ports.")
// sub-commands: CommandTree (built lazily)
public final class PortCommand extends Group {

    @Command(name = "show", aliases = "list",
            description = "Show bridge ports (all, or DEV) with their settings, like bridge -d link show.")
    public static final class Show extends NlCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "DEV", converter = Converters.Dev.class)
        String dev;

        @Override
        protected int run(BridgeNetlink nl) {
            Map<Integer, Link> byIndex = new HashMap<>();
            List<PortInfo> ports = nl.call(ch -> {
                List<Link> all = new Links(ch).list();
                all.forEach(l -> byIndex.put(l.index(), l));
                if (dev != null) {
                    return List.of(BridgePorts.get(ch, 0, dev));
                }
                List<PortInfo> out = new ArrayList<>();
                for (Link l : all) {
                    if (l.isBridge()) {
                        out.addAll(BridgePorts.list(ch, l.index()));
                    }
                }
                return out;
            });
            if (json()) {
                JsonOut.write(out(), g -> {
                    g.writeStartArray();
                    for (PortInfo p : ports) {
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

    @Command(name = "set", description = {
        "Change settings of bridge port DEV, all in one request.",
        "Like ip link set dev DEV type bridge_slave ...: the on/off flags are applied together;",
        "cost, priority and state after them one by one (a failure there may leave the flags set,",
        "and the error says so). Settings not given stay as they are."})
    public static final class Set extends NlCommand {
        @Parameters(index = "0", paramLabel = "DEV", converter = Converters.Dev.class)
        String dev;

        @Option(names = "--proxy-arp", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
                description = "Answer ARP requests arriving here for hosts in the neighbour table.")
        Toggle proxyArp;
        @Option(names = "--hairpin", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
                description = "Allow frames back out of the port they came in on.")
        Toggle hairpin;
        @Option(names = "--learning", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
                description = "Learn source MACs on this port.")
        Toggle learning;
        @Option(names = "--flood", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
                description = "Flood unknown unicast to this port.")
        Toggle flood;
        @Option(names = "--mcast-flood", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
                description = "Flood unknown multicast to this port.")
        Toggle mcastFlood;
        @Option(names = "--bcast-flood", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
                description = "Flood broadcast to this port.")
        Toggle bcastFlood;
        @Option(names = "--isolated", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
                description = "Isolated ports talk only to non-isolated ports.")
        Toggle isolated;
        @Option(names = "--neigh-suppress", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
                description = "Suppress ARP/ND on this port (answered from the neighbour table).")
        Toggle neighSuppress;
        @Option(names = "--guard", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
                description = "BPDU guard: disable the port when it receives a BPDU.")
        Toggle guard;
        @Option(names = "--root-block", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
                description = "The port can never become the root port.")
        Toggle rootBlock;
        @Option(names = "--fastleave", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
                description = "Multicast fast leave.")
        Toggle fastLeave;
        @Option(names = "--mcast-to-unicast", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
                description = "Send multicast as unicast to each listener.")
        Toggle mcastToUnicast;
        @Option(names = "--learning-sync", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
                description = "Sync MACs learned by the port's device (a switch) into the bridge FDB.")
        Toggle learningSync;
        @Option(names = "--locked", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
                description = "Only hosts with an FDB entry on this port may send through it (802.1X).")
        Toggle locked;
        @Option(names = "--vlan-tunnel", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
                description = "Map VLANs to tunnel ids on this (external VXLAN) port: nlbridge vlan tunnel add.")
        Toggle vlanTunnel;
        @Option(names = "--mcast-router", paramLabel = "0-3",
                description = "Multicast router port: 0 never, 1 learned (default), 2 always, 3 temporary.")
        Integer mcastRouter;
        @Option(names = "--backup-port", paramLabel = "DEV", converter = Converters.Dev.class,
                description = "Another port of the bridge that takes this port's traffic when it loses carrier.")
        String backupPort;
        @Option(names = "--nobackup-port", description = "Remove the backup port.")
        boolean noBackupPort;
        @Option(names = "--cost", paramLabel = "N", description = "STP path cost, 1-65535.")
        Long cost;
        @Option(names = "--priority", paramLabel = "N", description = "STP port priority, 0-63.")
        Integer priority;
        @Option(names = "--state", paramLabel = "STATE",
                description = "STP state: ${COMPLETION-CANDIDATES} (only with STP off).")
        PortState state;

        /** The settings given, in the order of the options above; range errors are IllegalArgumentException. */
        PortSettings buildSettings() {
            PortSettings.Builder b = PortSettings.builder();
            if (proxyArp != null) { b.proxyArp(proxyArp.on()); }
            if (hairpin != null) { b.hairpin(hairpin.on()); }
            if (learning != null) { b.learning(learning.on()); }
            if (flood != null) { b.unicastFlood(flood.on()); }
            if (mcastFlood != null) { b.mcastFlood(mcastFlood.on()); }
            if (bcastFlood != null) { b.broadcastFlood(bcastFlood.on()); }
            if (isolated != null) { b.isolated(isolated.on()); }
            if (neighSuppress != null) { b.neighSuppress(neighSuppress.on()); }
            if (guard != null) { b.bpduGuard(guard.on()); }
            if (rootBlock != null) { b.rootBlock(rootBlock.on()); }
            if (fastLeave != null) { b.fastLeave(fastLeave.on()); }
            if (mcastToUnicast != null) { b.mcastToUnicast(mcastToUnicast.on()); }
            if (learningSync != null) { b.learningSync(learningSync.on()); }
            if (locked != null) { b.locked(locked.on()); }
            if (vlanTunnel != null) { b.vlanTunnel(vlanTunnel.on()); }
            if (mcastRouter != null) {
                if (mcastRouter < 0 || mcastRouter > 3) {
                    throw new IllegalArgumentException("--mcast-router " + mcastRouter + " is out of range: 0-3");
                }
                b.multicastRouter(MulticastRouter.of(mcastRouter));
            }
            if (noBackupPort) { b.backupPort(0); }
            if (cost != null) { b.cost(cost); }
            if (priority != null) { b.priority(priority); }
            if (state != null) { b.state(state); }
            return b.build();
        }

        private PortSettings settings;

        @Override
        protected void check() {
            settings = buildSettings();
            if (backupPort != null && noBackupPort) {
                throw new IllegalArgumentException("--backup-port and --nobackup-port exclude each other");
            }
            if (settings.isEmpty() && backupPort == null) {
                throw new IllegalArgumentException("nothing to change: give at least one setting (see --help)");
            }
        }

        @Override
        protected int run(BridgeNetlink nl) {
            if (backupPort != null) {
                int index = nl.call(ch -> new Links(ch).find(backupPort)).orElseThrow(
                        () -> NoSuchDeviceException.device("set port " + dev + " backup_port", backupPort)).index();
                settings = settings.toBuilder().backupPort(index).build();
            }
            nl.ports().set(dev, settings);
            return 0;
        }
    }
}
