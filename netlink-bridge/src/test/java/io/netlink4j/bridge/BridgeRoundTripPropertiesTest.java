package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.IfInfoMsg;
import io.netlink4j.core.Link;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NdMsg;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.Messages;
import io.netlink4j.core.testing.ScriptedKernel;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * encode → decode = identity for the typed bridge models, through messages shaped as the kernel
 * sends them: PortSettings ↔ PortInfo.settings() (RTM_NEWLINK › IFLA_LINKINFO ›
 * IFLA_INFO_SLAVE_DATA), BridgeSettings ↔ BridgeInfo.settings() (› IFLA_INFO_DATA), FdbSpec →
 * FdbEntry (the RTM_NEWNEIGH that Fdb.add sends, read back by FdbView), VlanSet ↔ IFLA_AF_SPEC.
 * FLUSH attributes are left out: they are commands the kernel never reports.
 */
class BridgeRoundTripPropertiesTest {

    // ------------------------------------------------------------------ ports

    @Provide
    Arbitrary<PortSettings> portSettings() {
        List<Arbitrary<Consumer<PortSettings.Builder>>> setters = List.of(
                Arbitraries.of(PortState.values()).map(s -> b -> b.state(s)),
                Arbitraries.integers().between(0, PortSettings.MAX_PRIORITY).map(p -> b -> b.priority(p)),
                Arbitraries.longs().between(PortSettings.MIN_COST, PortSettings.MAX_COST).map(c -> b -> b.cost(c)),
                bool(PortSettings.Builder::hairpin), bool(PortSettings.Builder::bpduGuard),
                bool(PortSettings.Builder::rootBlock), bool(PortSettings.Builder::fastLeave),
                bool(PortSettings.Builder::learning), bool(PortSettings.Builder::unicastFlood),
                bool(PortSettings.Builder::proxyArp), bool(PortSettings.Builder::learningSync),
                bool(PortSettings.Builder::proxyArpWifi), bool(PortSettings.Builder::mcastFlood),
                bool(PortSettings.Builder::mcastToUnicast), bool(PortSettings.Builder::vlanTunnel),
                bool(PortSettings.Builder::broadcastFlood), bool(PortSettings.Builder::neighSuppress),
                bool(PortSettings.Builder::isolated), bool(PortSettings.Builder::locked),
                bool(PortSettings.Builder::mab), bool(PortSettings.Builder::neighVlanSuppress),
                Arbitraries.integers().between(0, 3).map(m -> b -> b.multicastRouter(MulticastRouter.of(m))),
                Arbitraries.integers().between(0, 0xffff).map(m -> m & ~PortSettings.BR_GROUPFWD_MACPAUSE)
                        .map(m -> b -> b.groupFwdMask(m)),
                Arbitraries.integers().between(0, Integer.MAX_VALUE).map(i -> b -> b.backupPort(i)),
                Arbitraries.longs().between(1, 0xffffffffL).map(n -> b -> b.mcastEhtHostsLimit(n)),
                Arbitraries.longs().between(0, 0xffffffffL).map(n -> b -> b.mcastMaxGroups(n)),
                Arbitraries.longs().between(0, 0xffffffffL).map(n -> b -> b.backupNhid(n)));
        return Arbitraries.oneOf(setters).list().ofMaxSize(30).map(list -> {
            PortSettings.Builder b = PortSettings.builder();
            list.forEach(s -> s.accept(b));
            return b.build();
        });
    }

    private static Arbitrary<Consumer<PortSettings.Builder>> bool(java.util.function.BiConsumer<PortSettings.Builder, Boolean> setter) {
        return Arbitraries.of(true, false).map(on -> b -> setter.accept(b, on));
    }

    @Property(tries = 300)
    void portSettingsRoundTripThroughSlaveData(@ForAll("portSettings") PortSettings s) {
        MessageWriter w = MessageWriter.allocate(4096);
        w.begin(Rtnetlink.RTM_NEWLINK, 0, 1, 0);
        IfInfoMsg.put(w, Rtnetlink.AF_UNSPEC, 4, 0, 0);
        w.putString(LinkCodec.IFLA_IFNAME, "v0");
        w.putU32(LinkCodec.IFLA_MASTER, 2);
        int info = w.beginNest(LinkCodec.IFLA_LINKINFO, false);
        w.putString(LinkCodec.IFLA_INFO_SLAVE_KIND, "bridge");
        int data = w.beginNest(LinkCodec.IFLA_INFO_SLAVE_DATA, false);
        PortCodec.encodeAttributes(w, s);
        w.endNest(data);
        w.endNest(info);
        w.end();
        PortInfo.Builder b = new PortInfo.Builder();
        Link l = LinkCodec.decode(message(w), new LinkCodec.Hook() {
            @Override
            public void slaveData(String slaveKind, AttributeIterator it) {
                assertThat(slaveKind).isEqualTo("bridge");
                PortCodec.decode(it, b);
            }
        });
        PortInfo p = b.build(l);
        assertThat(p.settings().toSettings()).isEqualTo(s);
        assertThat(p.name()).isEqualTo("v0");
    }

    // ------------------------------------------------------------------ bridges

    @Provide
    Arbitrary<BridgeSettings> bridgeSettings() {
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xffffffffL);
        Arbitrary<Long> u64 = Arbitraries.longs().between(0, Long.MAX_VALUE);
        List<Arbitrary<Consumer<BridgeSettings.Builder>>> setters = List.of(
                u32.map(v -> b -> b.forwardDelayCentis(v)),
                Arbitraries.longs().between(100, 1000).map(v -> b -> b.helloTimeCentis(v)),
                Arbitraries.longs().between(600, 4000).map(v -> b -> b.maxAgeCentis(v)),
                u32.map(v -> b -> b.ageingTimeCentis(v)),
                Arbitraries.integers().between(0, 1).map(v -> b -> b.stpState(v)),
                Arbitraries.integers().between(0, 0xffff).map(v -> b -> b.priority(v)),
                Arbitraries.of(true, false).map(v -> b -> b.vlanFiltering(v)),
                Arbitraries.of(VlanProtocol.values()).map(v -> b -> b.vlanProtocol(v)),
                Arbitraries.integers().between(0, 0xffff).map(m -> m & ~BridgeSettings.BR_GROUPFWD_RESTRICTED)
                        .map(v -> b -> b.groupFwdMask(v)),
                Arbitraries.integers().between(0, 0xf).map(x -> String.format("01:80:c2:00:00:%02x", x))
                        .filter(m -> !m.endsWith("01") && !m.endsWith("02") && !m.endsWith("03"))
                        .map(v -> b -> b.groupAddress(v)),
                Arbitraries.integers().between(0, 2).map(v -> b -> b.mcastRouter(v)),
                Arbitraries.of(true, false).map(v -> b -> b.mcastSnooping(v)),
                Arbitraries.of(true, false).map(v -> b -> b.mcastQueryUseIfaddr(v)),
                Arbitraries.of(true, false).map(v -> b -> b.mcastQuerier(v)),
                u32.map(v -> b -> b.mcastHashElasticity(v)),
                u32.map(v -> b -> b.mcastLastMemberCount(v)),
                u32.map(v -> b -> b.mcastStartupQueryCount(v)),
                u64.map(v -> b -> b.mcastLastMemberIntervalCentis(v)),
                u64.map(v -> b -> b.mcastMembershipIntervalCentis(v)),
                u64.map(v -> b -> b.mcastQuerierIntervalCentis(v)),
                u64.map(v -> b -> b.mcastQueryIntervalCentis(v)),
                u64.map(v -> b -> b.mcastQueryResponseIntervalCentis(v)),
                u64.map(v -> b -> b.mcastStartupQueryIntervalCentis(v)),
                Arbitraries.of(true, false).map(v -> b -> b.nfCallIptables(v)),
                Arbitraries.of(true, false).map(v -> b -> b.nfCallIp6tables(v)),
                Arbitraries.of(true, false).map(v -> b -> b.nfCallArptables(v)),
                Arbitraries.integers().between(0, 4094).map(v -> b -> b.vlanDefaultPvid(v)),
                Arbitraries.of(true, false).map(v -> b -> b.vlanStatsEnabled(v)),
                Arbitraries.of(true, false).map(v -> b -> b.mcastStatsEnabled(v)),
                Arbitraries.integers().between(2, 3).map(v -> b -> b.mcastIgmpVersion(v)),
                Arbitraries.integers().between(1, 2).map(v -> b -> b.mcastMldVersion(v)),
                Arbitraries.of(true, false).map(v -> b -> b.vlanStatsPerPort(v)),
                u32.map(v -> b -> b.fdbMaxLearned(v)));
        return Arbitraries.oneOf(setters).list().ofMaxSize(40).map(list -> {
            BridgeSettings.Builder b = BridgeSettings.builder();
            list.forEach(s -> s.accept(b));
            return b.build();
        });
    }

    @Property(tries = 300)
    void bridgeSettingsRoundTripThroughInfoData(@ForAll("bridgeSettings") BridgeSettings s) {
        MessageWriter w = MessageWriter.allocate(4096);
        w.begin(Rtnetlink.RTM_NEWLINK, 0, 1, 0);
        BridgeCodec.encodeCreate(w, "br0", s);
        w.end();
        BridgeInfo.Builder b = new BridgeInfo.Builder();
        Link l = LinkCodec.decode(message(w), new LinkCodec.Hook() {
            @Override
            public void infoData(String kind, AttributeIterator it) {
                assertThat(kind).isEqualTo("bridge");
                BridgeCodec.decode(it, b);
            }
        });
        assertThat(l.isBridge()).isTrue();
        // BridgeSettings has no equals: its toString lists every set attribute and value in order
        assertThat(b.build(l).settings().toString()).isEqualTo(s.toString());
        assertThat(b.build(l).settings().isEmpty()).isEqualTo(s.isEmpty());
    }

    // ------------------------------------------------------------------ FDB

    @Provide
    Arbitrary<FdbSpec> fdbSpecs() {
        Arbitrary<String> mac = Arbitraries.longs().between(0, 0xffffffffffffL)
                .map(x -> (x & ~0x010000000000L) | 0x020000000000L) // unicast, locally administered: never zero
                .map(FdbCodec::formatMac);
        Arbitrary<FdbSpec> base = Combinators.combine(mac, Arbitraries.integers().between(0, 4094),
                Arbitraries.of(FdbState.PERMANENT, FdbState.STATIC, FdbState.DYNAMIC), Arbitraries.integers().between(0, 2),
                Arbitraries.of(true, false)).as((m, vlan, state, target, sticky) -> {
                    FdbSpec s = FdbSpec.of(m, "v0").vlan(vlan).state(state);
                    s = target == 1 ? s.self() : target == 2 ? s.masterAndSelf() : s;
                    return sticky ? s.sticky() : s;
                });
        return base;
    }

    @Property(tries = 200)
    void fdbSpecRoundTripsThroughTheNewNeighFdbAddSends(@ForAll("fdbSpecs") FdbSpec spec) {
        ScriptedKernel kernel = new ScriptedKernel();
        RtnlChannel ch = RtnlChannel.over(kernel, ChannelOptions.defaults());
        Fdb fdb = new Fdb(new Fdb.Conversations() {
            @Override
            public <T> T call(java.util.function.Function<RtnlChannel, T> conversation) {
                return conversation.apply(ch);
            }
        });
        kernel.reply(k -> FdbScripted.withSeq(FdbScripted.V0, k.lastSeq()))
              .reply(k -> Messages.error(k.lastSeq(), 0, new byte[0]));
        fdb.add(spec);
        byte[] sent = kernel.sent().get(kernel.sent().size() - 1);
        NlMsg m = new NlMsg().wrap(ByteBuffer.wrap(sent).order(ByteOrder.nativeOrder()), 0);
        assertThat(m.type()).isEqualTo(Rtnetlink.RTM_NEWNEIGH);
        FdbView v = new FdbView();
        assertThat(v.wrap(m)).isTrue();
        FdbEntry e = v.toEntry();
        assertThat(e.mac()).isEqualTo(spec.mac());
        assertThat(e.ifindex()).isEqualTo(4); // v0 in the captured lookup answer
        assertThat(e.vlan()).isEqualTo(spec.vlan());
        assertThat(e.state()).isEqualTo(spec.state());
        assertThat(e.flags()).isEqualTo(FdbFlag.of(spec.target() | spec.extra(), 0));
        assertThat(e.dst()).isNull();
        assertThat(e.vni()).isEqualTo(spec.vni());
    }

    @Property(tries = 100)
    void fdbDstRoundTrips(@ForAll("fdbSpecs") FdbSpec spec, @ForAll byte[] addr) throws UnknownHostException {
        byte[] a = java.util.Arrays.copyOf(addr, addr.length % 2 == 0 ? 4 : 16);
        InetAddress dst = InetAddress.getByAddress(a);
        MessageWriter w = MessageWriter.allocate(512);
        w.begin(Rtnetlink.RTM_NEWNEIGH, 0, 1, 0);
        NdMsg.put(w, Rtnetlink.AF_BRIDGE, 4, spec.state().toNud(), spec.target(), 0);
        FdbCodec.putMac(w, io.netlink4j.core.NeighCodec.NDA_LLADDR, FdbCodec.parseMac(spec.mac()), new byte[6]);
        w.putBytes(io.netlink4j.core.NeighCodec.NDA_DST, a);
        w.end();
        FdbView v = new FdbView();
        assertThat(v.wrap(message(w))).isTrue();
        assertThat(v.dst()).isEqualTo(dst);
        assertThat(v.macString()).isEqualTo(spec.mac());
    }

    // ------------------------------------------------------------------ VLANs

    @Provide
    Arbitrary<VlanSet> vlanSets() {
        return Combinators.combine(Arbitraries.integers().between(1, 4094).set().ofMaxSize(40),
                Arbitraries.of(true, false).list().ofSize(40), Arbitraries.of(true, false)).as((points, untagged, withPvid) -> {
                    List<Integer> sorted = new ArrayList<>(new TreeSet<>(points));
                    VlanSet.Builder b = VlanSet.builder();
                    boolean pvidTaken = !withPvid;
                    for (int i = 0; i + 1 < sorted.size(); i += 2) {
                        int first = sorted.get(i);
                        int last = sorted.get(i + 1);
                        boolean u = untagged.get(i);
                        if (!pvidTaken) {
                            b.add(new Vlan(first, first, true, u));
                            pvidTaken = true;
                            if (first == last) {
                                continue;
                            }
                            first++;
                        }
                        b.add(new Vlan(first, last, false, u));
                    }
                    return b.build();
                });
    }

    @Property(tries = 300)
    void vlanSetRoundTripsThroughAfSpec(@ForAll("vlanSets") VlanSet set) {
        MessageWriter w = MessageWriter.allocate(64 * 1024);
        w.begin(Rtnetlink.RTM_NEWLINK, 0, 1, 0);
        BridgeAfSpecCodec.encode(w, 4, false, set.ranges());
        w.putString(LinkCodec.IFLA_IFNAME, "v0"); // the kernel's message names the device
        w.end();
        Vlans.AfSpecReader r = new Vlans.AfSpecReader();
        LinkCodec.decode(message(w), r);
        assertThat(r.result()).isEqualTo(set);
        assertThat(r.result().ranges()).isEqualTo(set.ranges());
    }

    private static NlMsg message(MessageWriter w) {
        byte[] copy = new byte[w.length()];
        w.buffer().get(0, copy);
        return new NlMsg().wrap(ByteBuffer.wrap(copy).order(ByteOrder.nativeOrder()), 0);
    }
}
