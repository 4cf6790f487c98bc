package io.netlink4j.bridge;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.Link;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.DecoderTarget;
import io.netlink4j.core.testing.Fuzzing;
import io.netlink4j.core.testing.Messages;
import io.netlink4j.core.testing.ScriptedKernel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every decoder entry point of netlink-bridge, for the fuzz and property harnesses (see
 * {@code CoreDecoders} in netlink-core). Each takes arbitrary bytes. The "api.*" targets run a
 * public operation against a scripted fake kernel whose lookups answer correctly and whose
 * decoded answer is the input, so the conversation code around each codec runs too.
 */
final class BridgeDecoders {
    private BridgeDecoders() {}

    /** Small buffers and a 1 ms timeout: a fresh fake channel per input must be cheap. */
    static final ChannelOptions FUZZ_OPTIONS = ChannelOptions.defaults()
            .withSendBufferBytes(4096).withReceiveBufferBytes(4096).withTimeoutMillis(1);

    static List<DecoderTarget> targets() {
        return List.of(
                DecoderTarget.of("port", BridgeDecoders::port),
                DecoderTarget.of("bridge", BridgeDecoders::bridge),
                DecoderTarget.of("afSpec", BridgeDecoders::afSpec),
                DecoderTarget.of("vlanDb", d -> VlanDbCodec.decode(Fuzzing.message(Rtnetlink.RTM_NEWVLAN, d),
                        new AttributeIterator(), new AttributeIterator(), e -> e.toString())),
                DecoderTarget.of("vlanOptions", BridgeDecoders::vlanOptions),
                DecoderTarget.of("vlanGlobal", d -> VlanGlobalCodec.decode(Fuzzing.message(Rtnetlink.RTM_NEWVLAN, d),
                        new AttributeIterator(), new AttributeIterator(), e -> e.toString())),
                DecoderTarget.of("mst", BridgeDecoders::mst),
                DecoderTarget.of("fdbView", BridgeDecoders::fdbView),
                DecoderTarget.of("mdb", d -> MdbCodec.decode(Fuzzing.message(Rtnetlink.RTM_NEWMDB, d), i -> null,
                        new ArrayList<>(), new ArrayList<>())),
                DecoderTarget.of("vni", BridgeDecoders::vni),
                DecoderTarget.of("portAttributes", BridgeDecoders::portAttributes),
                DecoderTarget.of("monitor", BridgeDecoders::monitor),
                DecoderTarget.of("api.ports.get", d -> api(d, 1, ch -> BridgePorts.get(ch, 0, "v0"))),
                DecoderTarget.of("api.ports.list", d -> api(d, 0, ch -> BridgePorts.list(ch, 2))),
                DecoderTarget.of("api.bridges.get", d -> api(d, 1, ch -> Bridges.get(ch, 0, "br0"))),
                DecoderTarget.of("api.vlans.get", BridgeDecoders::vlansGet),
                DecoderTarget.of("api.vlans.list", d -> overHandle(d, 0, null, nl -> nl.vlans().list())),
                DecoderTarget.of("api.vlans.entries", d -> overHandle(d, 0, null, nl -> nl.vlans().entries())),
                DecoderTarget.of("api.fdb.get", d -> overHandle(d, 1, FdbScripted.BR0,
                        nl -> nl.fdb().get("02:00:00:00:00:01", "br0", 0))),
                DecoderTarget.of("api.fdb.dump", d -> overHandle(d, 0, null,
                        nl -> nl.fdb().dump(FdbFilter.all(), e -> e.toEntry()))),
                DecoderTarget.of("vlanTunnels", BridgeDecoders::vlanTunnels),
                DecoderTarget.of("vlanStats", d -> VlanStatsCodec.decode(Fuzzing.message(Rtnetlink.RTM_NEWVLAN, d),
                        new AttributeIterator(), new AttributeIterator(), new AttributeIterator(), s -> s.toString())),
                DecoderTarget.of("api.vlans.tunnels.list", d -> overHandle(d, 0, null, nl -> nl.vlans().tunnels().list())),
                DecoderTarget.of("api.vlans.stats", d -> overHandle(d, 0, null, nl -> nl.vlans().stats())));
    }

    /** PortCodec through LinkCodec's slave-data hook, then the user object and its settings. */
    static void port(byte[] d) {
        PortInfo.Builder b = new PortInfo.Builder();
        Link l = LinkCodec.decode(Fuzzing.message(Rtnetlink.RTM_NEWLINK, d), new LinkCodec.Hook() {
            @Override
            public void slaveData(String slaveKind, AttributeIterator data) {
                PortCodec.decode(data, b);
            }
        });
        b.build(l).toString();
    }

    /** BridgeCodec through LinkCodec's info-data hook. */
    static void bridge(byte[] d) {
        BridgeInfo.Builder b = new BridgeInfo.Builder();
        Link l = LinkCodec.decode(Fuzzing.message(Rtnetlink.RTM_NEWLINK, d), new LinkCodec.Hook() {
            @Override
            public void infoData(String kind, AttributeIterator data) {
                BridgeCodec.decode(data, b);
            }
        });
        b.build(l).toString();
    }

    /** IFLA_AF_SPEC of an AF_BRIDGE link message, as Vlans.list reads it. */
    static void afSpec(byte[] d) {
        Vlans.AfSpecReader r = new Vlans.AfSpecReader();
        LinkCodec.decode(Fuzzing.message(Rtnetlink.RTM_NEWLINK, d), r);
        r.result().toString();
        // and the bare attribute list
        AttributeIterator it = new AttributeIterator().wrap(ByteBuffer.wrap(d).order(ByteOrder.nativeOrder()), 0, d.length);
        BridgeAfSpecCodec.decode(it, new BitSet(), new BitSet());
        it.check();
    }

    /** IFLA_AF_SPEC › IFLA_BRIDGE_MST of an AF_BRIDGE link message, as Mst.list reads it. */
    static void mst(byte[] d) {
        MstCodec.Reader r = new MstCodec.Reader();
        LinkCodec.decode(Fuzzing.message(Rtnetlink.RTM_NEWLINK, d), r);
        r.states.toString();
    }

    /** VLAN tunnel mappings in IFLA_AF_SPEC, as VlanTunnels.list reads them, and the bare attribute list. */
    static void vlanTunnels(byte[] d) {
        VlanTunnels.Reader r = new VlanTunnels.Reader();
        LinkCodec.decode(Fuzzing.message(Rtnetlink.RTM_NEWLINK, d), r);
        r.tunnels.toString();
        AttributeIterator it = new AttributeIterator().wrap(ByteBuffer.wrap(d).order(ByteOrder.nativeOrder()), 0, d.length);
        VlanTunnelCodec.decode(it, new AttributeIterator(), t -> t.toString());
        it.check();
    }

    static void vlanOptions(byte[] d) {
        BridgeVlanOptionsCodec.Reader r = new BridgeVlanOptionsCodec.Reader();
        LinkCodec.decode(Fuzzing.message(Rtnetlink.RTM_NEWLINK, d), r);
        String.valueOf(r.result());
    }

    /** FdbView over an RTM_NEWNEIGH / RTM_DELNEIGH (first byte picks), every getter, the user object. */
    static void fdbView(byte[] d) {
        NlMsg m = Fuzzing.message(d.length > 0 && (d[0] & 1) != 0 ? Rtnetlink.RTM_DELNEIGH : Rtnetlink.RTM_NEWNEIGH, d);
        FdbView v = new FdbView();
        if (!v.wrap(m)) {
            return;
        }
        v.isDeleted();
        v.macString();
        v.state();
        v.dst();
        v.toEntry(i -> "dev" + i).toString();
    }

    /** VniCodec over an RTM_NEWTUNNEL whose tunnel_msg says AF_BRIDGE (else the decoder stops at once), every entry. */
    static void vni(byte[] d) {
        NlMsg m = Fuzzing.message(VniCodec.RTM_NEWTUNNEL, d);
        if (m.payloadLength() >= VniCodec.TUNNEL_MSG_LENGTH) {
            m.buffer().put(m.payloadOffset() + VniCodec.TM_FAMILY_OFFSET, (byte) Rtnetlink.AF_BRIDGE);
        }
        List<VniEntry> out = new ArrayList<>();
        VniCodec.decode(m, i -> "dev" + i, out);
        for (VniEntry e : out) {
            e.toString();
            e.addressText();
        }
    }

    /** IFLA_PROTINFO attributes as the monitor names them. */
    static void portAttributes(byte[] d) {
        AttributeIterator it = new AttributeIterator().wrap(ByteBuffer.wrap(d).order(ByteOrder.nativeOrder()), 0, d.length);
        Map<String, Long> out = new HashMap<>();
        PortAttributes.decode(it, out);
        it.check();
    }

    private static BridgeMonitor monitor;
    private static int monitorUses;

    /**
     * BridgeMonitor's notification decoder (FDB, port, bridge, MDB, VNI and VLAN events, with its name and state maps).
     * One monitor of the caller's namespace serves many inputs (it only reads); replaced every
     * 10,000 inputs so its maps stay small.
     */
    static synchronized void monitor(byte[] d) {
        if (monitor == null || ++monitorUses > 10_000) {
            if (monitor != null) {
                monitor.close();
            }
            monitor = BridgeMonitor.open(null, 64 * 1024);
            monitorUses = 0;
        }
        int[] types = {Rtnetlink.RTM_NEWNEIGH, Rtnetlink.RTM_DELNEIGH, Rtnetlink.RTM_NEWLINK, Rtnetlink.RTM_DELLINK,
            Rtnetlink.RTM_NEWMDB, Rtnetlink.RTM_DELMDB, VniCodec.RTM_NEWTUNNEL, VniCodec.RTM_DELTUNNEL,
            Rtnetlink.RTM_NEWVLAN, Rtnetlink.RTM_DELVLAN};
        BridgeEvent e = monitor.decode(Fuzzing.message(types[d.length > 0 ? (d[0] & 0xff) % types.length : 0], d));
        String.valueOf(e);
    }

    /**
     * {@code conversation} on a fake channel whose answer is the input (seq fixed up), followed by
     * NLMSG_DONE ({@code mode} 0, a dump) or an ACK (1), as core's channel target does.
     */
    static void api(byte[] d, int mode, Function<RtnlChannel, ?> conversation) {
        ScriptedKernel kernel = new ScriptedKernel();
        RtnlChannel ch = RtnlChannel.over(kernel, FUZZ_OPTIONS);
        kernel.reply(k -> Fuzzing.withSeq(d, k.lastSeq()))
              .reply(k -> mode == 0 ? Messages.done(k.lastSeq(), 0) : Messages.error(k.lastSeq(), 0, new byte[0]));
        String.valueOf(conversation.apply(ch));
    }

    /**
     * A public operation of a {@link BridgeNetlink} over the fake kernel: {@code lookup} (if not
     * null) answers the first request correctly, then the input answers the next one, then DONE
     * or an ACK, then the v0 link for any follow-up lookup.
     */
    static void overHandle(byte[] d, int mode, byte[] lookup, Function<BridgeNetlink, ?> op) {
        ScriptedKernel kernel = new ScriptedKernel();
        try (BridgeNetlink nl = BridgeNetlink.over(() -> RtnlChannel.over(kernel, FUZZ_OPTIONS))) {
            if (lookup != null) {
                kernel.reply(k -> FdbScripted.withSeq(lookup, k.lastSeq()));
            }
            kernel.reply(k -> Fuzzing.withSeq(d, k.lastSeq()))
                  .reply(k -> mode == 0 ? Messages.done(k.lastSeq(), 0) : Messages.error(k.lastSeq(), 0, new byte[0]))
                  .reply(k -> FdbScripted.withSeq(FdbScripted.V0, k.lastSeq()));
            String.valueOf(op.apply(nl));
        }
    }

    /** Vlans.get: the port lookup answers v0, the input is the RTM_GETVLAN dump answer. */
    static void vlansGet(byte[] d) {
        ScriptedKernel kernel = new ScriptedKernel();
        try (BridgeNetlink nl = BridgeNetlink.over(() -> RtnlChannel.over(kernel, FUZZ_OPTIONS))) {
            kernel.reply(k -> VlanTestSupport.port(k.lastSeq(), 4, "v0"))
                  .reply(k -> Fuzzing.withSeq(d, k.lastSeq()))
                  .reply(k -> Messages.done(k.lastSeq(), 0));
            List<Object> out = new ArrayList<>();
            out.add(nl.vlans().get("v0"));
            String.valueOf(out);
        }
    }
}
