package io.netlink4j.examples.readme;

import io.netlink4j.bridge.BridgeEvent;
import io.netlink4j.bridge.BridgeInfo;
import io.netlink4j.bridge.BridgeMonitor;
import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.BridgeSettings;
import io.netlink4j.bridge.BridgeState;
import io.netlink4j.bridge.BridgeStates;
import io.netlink4j.bridge.BridgeVlanOptions;
import io.netlink4j.bridge.BulkOptions;
import io.netlink4j.bridge.BulkResult;
import io.netlink4j.bridge.DesiredBridge;
import io.netlink4j.bridge.DesiredPort;
import io.netlink4j.bridge.Fdb;
import io.netlink4j.bridge.FdbChange;
import io.netlink4j.bridge.FdbEntry;
import io.netlink4j.bridge.FdbFilter;
import io.netlink4j.bridge.FdbFlush;
import io.netlink4j.bridge.FdbSpec;
import io.netlink4j.bridge.FdbState;
import io.netlink4j.bridge.FlushResult;
import io.netlink4j.bridge.Mdb;
import io.netlink4j.bridge.MdbEntry;
import io.netlink4j.bridge.MdbFilterMode;
import io.netlink4j.bridge.MdbSpec;
import io.netlink4j.bridge.MdbTable;
import io.netlink4j.bridge.MetalLbDoctor;
import io.netlink4j.bridge.MetalLbFix;
import io.netlink4j.bridge.MetalLbReport;
import io.netlink4j.bridge.MulticastRouter;
import io.netlink4j.bridge.NotABridgePortException;
import io.netlink4j.bridge.PortBulkResult;
import io.netlink4j.bridge.PortConfig;
import io.netlink4j.bridge.PortInfo;
import io.netlink4j.bridge.PortSettings;
import io.netlink4j.bridge.PortState;
import io.netlink4j.bridge.PortUpdate;
import io.netlink4j.bridge.Reconciler;
import io.netlink4j.bridge.StatePlan;
import io.netlink4j.bridge.StateResult;
import io.netlink4j.bridge.StaticFdbEntry;
import io.netlink4j.bridge.Vlan;
import io.netlink4j.bridge.VlanEntry;
import io.netlink4j.bridge.VlanProtocol;
import io.netlink4j.bridge.VlanSet;
import io.netlink4j.bridge.VlanStats;
import io.netlink4j.bridge.VlanSyncResult;
import io.netlink4j.bridge.VlanTunnel;
import io.netlink4j.bridge.Vlans;
import io.netlink4j.bridge.VniEntry;
import io.netlink4j.bridge.VniSpec;
import io.netlink4j.bridge.Vnis;
import io.netlink4j.core.NetlinkException;
import io.netlink4j.core.NoSuchDeviceException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The code of the README's API tour, compiled with the tests so that the README cannot drift
 * from the API (it is not run: the kernel tests exercise the same calls).
 */
@SuppressWarnings("unused")
final class ReadmeSnippets {
    private ReadmeSnippets() {}

    static void tour(List<FdbChange> changes) throws Exception {
        try (BridgeNetlink nl = BridgeNetlink.open()) {
            nl.ports().set("eth1", PortSettings.builder().proxyArp(true).hairpin(true).build());
            PortInfo p = nl.ports().get("eth1");
            PortConfig c = p.settings();
            boolean proxyArp = c.proxyArp();
            Optional<Boolean> locked = c.locked();
            PortState state = p.state();
            for (PortInfo q : nl.ports().list("br0")) {
                q.name();
            }

            nl.bridges().create("br1", BridgeSettings.builder()
                    .stpState(1).forwardDelay(Duration.ofSeconds(4)).priority(4096).mcastSnooping(false)
                    .build());
            nl.bridges().set("br1", BridgeSettings.builder().stpState(0).build());
            BridgeInfo b = nl.bridges().get("br1");
            b.settings().forwardDelayCentis();
            nl.bridges().delete("br1");

            Fdb fdb = nl.fdb();
            fdb.add(FdbSpec.of("02:00:00:00:00:01", "v0"));
            fdb.add(FdbSpec.of("02:00:00:00:00:02", "v0").vlan(100).permanent());
            fdb.replace(FdbSpec.of("02:00:00:00:00:01", "v2"));
            Optional<FdbEntry> e = fdb.get("02:00:00:00:00:01", "br0", 0);
            fdb.delete(FdbSpec.of("02:00:00:00:00:01", "v2"));
            fdb.dump(FdbFilter.bridge("br0").andPort("v0"), v -> count(v.macLong(), v.vlan(), v.state()));
            List<FdbEntry> all = fdb.list(FdbFilter.bridge("br0"));
            List<FdbEntry> onPorts = fdb.list(FdbFilter.portsOf("br0"));
            BulkResult r = fdb.apply(changes, BulkOptions.defaults().continueOnError());
            r.failures().forEach(f -> System.err.println("#" + f.index() + " " + f.change() + ": " + f.errno()));
            FlushResult fr = fdb.flush(FdbFlush.port("v0"));

            Mdb mdb = nl.mdb();
            mdb.add(MdbSpec.of("br0", "v0", "239.1.1.1"));                      // bridge mdb add dev br0 port v0 grp 239.1.1.1 permanent
            mdb.add(MdbSpec.of("br0", "v0", "ff0e::1").vlan(10).temporary());
            mdb.add(MdbSpec.of("br0", "v0", "239.1.1.3").source("192.0.2.1"));  // (S, G)
            mdb.add(MdbSpec.of("br0", "v2", "239.1.1.4").filterMode(MdbFilterMode.INCLUDE)
                    .sourceList(List.of("192.0.2.7", "192.0.2.8")));            // IGMPv3 (kernel 6.3+)
            MdbTable t = mdb.show("br0");                                       // entries and router ports
            List<MdbEntry> members = mdb.get("br0", "239.1.1.1", 0, null);      // bridge mdb get (kernel 6.8+)
            mdb.delete(MdbSpec.of("br0", "v0", "239.1.1.1"));

            Vnis vnis = nl.vnis();
            vnis.add("vxlan0", VniSpec.of(100), VniSpec.range(200, 205));
            vnis.add("vxlan0", VniSpec.of(300).remote("192.0.2.9"));
            vnis.add("vxlan0", VniSpec.of(400).group("239.1.1.1"));
            List<VniEntry> filter = vnis.list("vxlan0");
            List<VniEntry> counters = vnis.list("vxlan0", true);
            vnis.delete("vxlan0", VniSpec.of(100));

            try (BridgeMonitor mon = nl.monitor()) {
                new Thread(() -> mon.run(event -> {
                    if (event instanceof BridgeEvent.FdbEvent f) {
                        System.out.println(f.kind() + " " + f.entry());
                    } else if (event instanceof BridgeEvent.PortEvent pe) {
                        System.out.println(pe.name() + " " + pe.kind() + " " + pe.changed());
                    } else if (event instanceof BridgeEvent.BridgeChanged bc) {
                        System.out.println(bc.name() + " " + bc.kind() + " " + bc.changed());
                    } else if (event instanceof BridgeEvent.MdbEvent me) {
                        System.out.println(me.kind() + " " + me.entry());
                    } else if (event instanceof BridgeEvent.MdbRouterEvent mr) {
                        System.out.println(mr.kind() + " router port " + mr.port().port());
                    } else if (event instanceof BridgeEvent.VniEvent ve) {
                        System.out.println(ve.kind() + " " + ve.entries());
                    } else if (event instanceof BridgeEvent.VlanEvent vl) {
                        System.out.println(vl.kind() + " " + vl.entries());
                    } else if (event instanceof BridgeEvent.Overrun) {
                        resync();
                    }
                })).start();
                mon.stop();
            }

            Vlans vlans = nl.vlans();
            vlans.setFiltering("br0", true);
            vlans.configure("br0", BridgeVlanOptions.builder()
                    .protocol(VlanProtocol.IEEE_802_1Q).defaultPvid(1).statsEnabled(true).build());
            vlans.add("v0", Vlan.of(100).asPvid().asUntagged());
            vlans.add("v0", Vlan.range(200, 210));
            VlanSet v0 = vlans.get("v0");
            VlanSet want = VlanSet.builder().untagged(20).pvid(20).range(100, 110).build();
            VlanSyncResult plan = vlans.plan("v0", want);
            VlanSyncResult done = vlans.sync("v0", want);
            vlans.setState("v0", Vlan.of(205), PortState.BLOCKING);
            vlans.setMulticastRouter("v0", Vlan.range(200, 202), MulticastRouter.PERM);
            vlans.setOptions("v0", Vlan.of(300), PortState.LEARNING, MulticastRouter.DISABLED);
            List<VlanEntry> detail = vlans.entries("v0");
            nl.ports().set("vxlan0", PortSettings.builder().vlanTunnel(true).build());
            vlans.add("vxlan0", Vlan.of(100), Vlan.range(200, 205));
            vlans.tunnels().add("vxlan0", VlanTunnel.of(100, 1100), VlanTunnel.range(200, 205, 1200));
            Map<String, List<VlanTunnel>> tunnels = vlans.tunnels().list();
            List<VlanStats> vlanCounters = vlans.stats("v0");

            MetalLbReport report = new MetalLbDoctor(nl).examine("eth1");
            report.verdict();
            String fixCommand = report.fixCommand(null);
            MetalLbFix fix = new MetalLbDoctor(nl).fix("eth1");
            fix.before();
            fix.after();

            try {
                nl.ports().set("eth1", PortSettings.builder().hairpin(true).build());
            } catch (NoSuchDeviceException | NotABridgePortException ex) {
                System.err.println(ex.getMessage());
            } catch (NetlinkException ex) {
                System.err.println(ex.errnoName() + ": " + ex.getMessage());
            }
        }
    }

    private static void count(long mac, int vlan, FdbState state) {}

    private static void resync() {}

    static void portsAndState(BridgeNetlink nl) {
        PortBulkResult r = nl.ports().setAll(List.of(
                PortUpdate.of("eth1", PortSettings.builder().proxyArp(true).hairpin(true).build()),
                PortUpdate.of("eth2", PortSettings.builder().learning(false).build())));
        r.failed().forEach(i -> System.err.println(r.error(i)));

        BridgeState want = BridgeState.builder()
                .bridge(DesiredBridge.of("br0", BridgeSettings.builder().stpState(0).build())
                        .withPort(DesiredPort.builder("eth1")
                                .settings(PortSettings.builder().proxyArp(true).hairpin(true).build())
                                .fdb(StaticFdbEntry.of("02:00:00:00:00:01"))
                                .build()))
                .build();
        StatePlan plan = new BridgeStates(nl).plan(want);
        System.out.println(plan);
        StateResult done = new BridgeStates(nl).apply(want);
        try (Reconciler rec = Reconciler.builder(nl, want).resync(Duration.ofSeconds(60)).start()) {
            rec.healthy();
        }
    }
}
