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
import io.netlink4j.core.testing.Gen;
import io.netlink4j.core.testing.Messages;
import io.netlink4j.core.testing.ScriptedKernel;
import io.netlink4j.core.testing.SeededTest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * encode → decode = identity for the typed bridge models, through messages shaped as the kernel
 * sends them: PortSettings ↔ PortInfo.settings() (RTM_NEWLINK › IFLA_LINKINFO ›
 * IFLA_INFO_SLAVE_DATA), BridgeSettings ↔ BridgeInfo.settings() (› IFLA_INFO_DATA), FdbSpec →
 * FdbEntry (the RTM_NEWNEIGH that Fdb.add sends, read back by FdbView), VlanSet ↔ IFLA_AF_SPEC.
 * FLUSH attributes are left out: they are commands the kernel never reports. Each property runs the
 * stated number of inputs per seed ({@link Gen}): 4 seeds in the everyday build.
 */
class BridgeRoundTripPropertiesTest {

    // ------------------------------------------------------------------ ports

    /** Setters of PortSettings.Builder, each drawing its value from the Gen. */
    private static final List<Function<Gen, Consumer<PortSettings.Builder>>> PORT_SETTERS = List.of(
            g -> b -> b.state(g.pick(PortState.values())),
            g -> b -> b.priority(g.intBetween(0, PortSettings.MAX_PRIORITY)),
            g -> b -> b.cost(g.longBetween(PortSettings.MIN_COST, PortSettings.MAX_COST)),
            bool(PortSettings.Builder::hairpin), bool(PortSettings.Builder::bpduGuard),
            bool(PortSettings.Builder::rootBlock), bool(PortSettings.Builder::fastLeave),
            bool(PortSettings.Builder::learning), bool(PortSettings.Builder::unicastFlood),
            bool(PortSettings.Builder::proxyArp), bool(PortSettings.Builder::learningSync),
            bool(PortSettings.Builder::proxyArpWifi), bool(PortSettings.Builder::mcastFlood),
            bool(PortSettings.Builder::mcastToUnicast), bool(PortSettings.Builder::vlanTunnel),
            bool(PortSettings.Builder::broadcastFlood), bool(PortSettings.Builder::neighSuppress),
            bool(PortSettings.Builder::isolated), bool(PortSettings.Builder::locked),
            bool(PortSettings.Builder::mab), bool(PortSettings.Builder::neighVlanSuppress),
            g -> b -> b.multicastRouter(MulticastRouter.of(g.intBetween(0, 3))),
            g -> b -> b.groupFwdMask(g.intBetween(0, 0xffff) & ~PortSettings.BR_GROUPFWD_MACPAUSE),
            g -> b -> b.backupPort(g.intBetween(0, Integer.MAX_VALUE)),
            g -> b -> b.mcastEhtHostsLimit(g.longBetween(1, 0xffffffffL)),
            g -> b -> b.mcastMaxGroups(g.longBetween(0, 0xffffffffL)),
            g -> b -> b.backupNhid(g.longBetween(0, 0xffffffffL)));

    private static Function<Gen, Consumer<PortSettings.Builder>> bool(BiConsumer<PortSettings.Builder, Boolean> setter) {
        return g -> b -> setter.accept(b, g.bool());
    }

    /** Up to {@code max} setters applied in order (a later one may override an earlier one, as a caller's would). */
    private static <B> B someOf(Gen g, int max, List<Function<Gen, Consumer<B>>> setters, B builder) {
        g.list(0, max, () -> g.pick(setters).apply(g)).forEach(s -> s.accept(builder));
        return builder;
    }

    static PortSettings portSettings(Gen g) {
        return someOf(g, 30, PORT_SETTERS, PortSettings.builder()).build();
    }

    @SeededTest
    void portSettingsRoundTripThroughSlaveData(long seed) {
        Gen.forAll(seed, 75, BridgeRoundTripPropertiesTest::portSettings, BridgeRoundTripPropertiesTest::portRoundTrip);
    }

    private static void portRoundTrip(PortSettings s) {
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

    private static long u32(Gen g) {
        return g.longBetween(0, 0xffffffffL);
    }

    private static long u64(Gen g) {
        return g.longBetween(0, Long.MAX_VALUE);
    }

    private static final List<Function<Gen, Consumer<BridgeSettings.Builder>>> BRIDGE_SETTERS = List.of(
            g -> b -> b.forwardDelayCentis(u32(g)),
            g -> b -> b.helloTimeCentis(g.longBetween(100, 1000)),
            g -> b -> b.maxAgeCentis(g.longBetween(600, 4000)),
            g -> b -> b.ageingTimeCentis(u32(g)),
            g -> b -> b.stpState(g.intBetween(0, 1)),
            g -> b -> b.priority(g.intBetween(0, 0xffff)),
            g -> b -> b.vlanFiltering(g.bool()),
            g -> b -> b.vlanProtocol(g.pick(VlanProtocol.values())),
            g -> b -> b.groupFwdMask(g.intBetween(0, 0xffff) & ~BridgeSettings.BR_GROUPFWD_RESTRICTED),
            // 01:80:c2:00:00:0x except 01..03, which the kernel refuses
            g -> b -> b.groupAddress(String.format("01:80:c2:00:00:%02x", g.pick(0, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15))),
            g -> b -> b.mcastRouter(g.intBetween(0, 2)),
            g -> b -> b.mcastSnooping(g.bool()),
            g -> b -> b.mcastQueryUseIfaddr(g.bool()),
            g -> b -> b.mcastQuerier(g.bool()),
            g -> b -> b.mcastHashElasticity(u32(g)),
            g -> b -> b.mcastLastMemberCount(u32(g)),
            g -> b -> b.mcastStartupQueryCount(u32(g)),
            g -> b -> b.mcastLastMemberIntervalCentis(u64(g)),
            g -> b -> b.mcastMembershipIntervalCentis(u64(g)),
            g -> b -> b.mcastQuerierIntervalCentis(u64(g)),
            g -> b -> b.mcastQueryIntervalCentis(u64(g)),
            g -> b -> b.mcastQueryResponseIntervalCentis(u64(g)),
            g -> b -> b.mcastStartupQueryIntervalCentis(u64(g)),
            g -> b -> b.nfCallIptables(g.bool()),
            g -> b -> b.nfCallIp6tables(g.bool()),
            g -> b -> b.nfCallArptables(g.bool()),
            g -> b -> b.vlanDefaultPvid(g.intBetween(0, 4094)),
            g -> b -> b.vlanStatsEnabled(g.bool()),
            g -> b -> b.mcastStatsEnabled(g.bool()),
            g -> b -> b.mcastIgmpVersion(g.intBetween(2, 3)),
            g -> b -> b.mcastMldVersion(g.intBetween(1, 2)),
            g -> b -> b.vlanStatsPerPort(g.bool()),
            g -> b -> b.fdbMaxLearned(u32(g)));

    static BridgeSettings bridgeSettings(Gen g) {
        return someOf(g, 40, BRIDGE_SETTERS, BridgeSettings.builder()).build();
    }

    @SeededTest
    void bridgeSettingsRoundTripThroughInfoData(long seed) {
        Gen.forAll(seed, 75, BridgeRoundTripPropertiesTest::bridgeSettings, BridgeRoundTripPropertiesTest::bridgeRoundTrip);
    }

    private static void bridgeRoundTrip(BridgeSettings s) {
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

    static FdbSpec fdbSpec(Gen g) {
        long x = g.longBetween(0, 0xffffffffffffL);
        String mac = FdbCodec.formatMac((x & ~0x010000000000L) | 0x020000000000L); // unicast, locally administered: never zero
        FdbSpec s = FdbSpec.of(mac, "v0").vlan(g.intBetween(0, 4094)).state(g.pick(FdbState.PERMANENT, FdbState.STATIC, FdbState.DYNAMIC));
        int target = g.intBetween(0, 2);
        s = target == 1 ? s.self() : target == 2 ? s.masterAndSelf() : s;
        return g.bool() ? s.sticky() : s;
    }

    @SeededTest
    void fdbSpecRoundTripsThroughTheNewNeighFdbAddSends(long seed) {
        Gen.forAll(seed, 50, BridgeRoundTripPropertiesTest::fdbSpec, BridgeRoundTripPropertiesTest::fdbAddRoundTrip);
    }

    private static void fdbAddRoundTrip(FdbSpec spec) {
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

    /** An FDB entry with an IPv4 or IPv6 NDA_DST. */
    record WithDst(FdbSpec spec, String dst) {}

    @SeededTest
    void fdbDstRoundTrips(long seed) {
        Gen.forAll(seed, 25, g -> new WithDst(fdbSpec(g), HexFormat.of().formatHex(g.bytesOfSize(g.bool() ? 4 : 16))),
                BridgeRoundTripPropertiesTest::fdbDstRoundTrip);
    }

    private static void fdbDstRoundTrip(WithDst d) throws UnknownHostException {
        FdbSpec spec = d.spec();
        byte[] a = HexFormat.of().parseHex(d.dst());
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

    /** Up to 20 disjoint ranges from up to 40 distinct VIDs taken in pairs, tagged or not; the first one the PVID or not. */
    static VlanSet vlanSet(Gen g) {
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(g.list(0, 40, () -> g.intBetween(1, 4094))));
        VlanSet.Builder b = VlanSet.builder();
        boolean pvidTaken = !g.bool();
        for (int i = 0; i + 1 < sorted.size(); i += 2) {
            int first = sorted.get(i);
            int last = sorted.get(i + 1);
            boolean u = g.bool();
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
    }

    @SeededTest
    void vlanSetRoundTripsThroughAfSpec(long seed) {
        Gen.forAll(seed, 75, BridgeRoundTripPropertiesTest::vlanSet, BridgeRoundTripPropertiesTest::vlanRoundTrip);
    }

    private static void vlanRoundTrip(VlanSet set) {
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
