package io.netlink4j.bridge;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.IfInfoMsg;
import io.netlink4j.core.Link;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.Links;
import io.netlink4j.core.MessageVisitor;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.NotSupportedException;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bridge VLAN filtering: the bridge's VLAN settings, the VLANs of its ports and of the bridge
 * itself ("self"), per-VLAN options, and a declarative {@link #sync}. Get it from
 * {@link BridgeNetlink#vlans()}.
 *
 * <pre>{@code
 * Vlans vlans = nl.vlans();
 * vlans.setFiltering("br0", true);
 * vlans.add("v0", Vlan.of(100).asPvid().asUntagged(), Vlan.range(200, 210));
 * VlanSyncResult r = vlans.sync("v0", VlanSet.builder().untagged(20).pvid(20).range(100, 110).build());
 * }</pre>
 *
 * <p>Devices are named; a device that is the bridge addresses the bridge's own VLANs
 * (IFLA_BRIDGE_FLAGS = BRIDGE_FLAGS_SELF, as {@code bridge vlan ... self}), any other must be a
 * bridge port ({@link NotABridgePortException} otherwise). Arguments are checked before anything
 * is sent ({@link IllegalArgumentException});
 * a kernel without CONFIG_BRIDGE_VLAN_FILTERING gives {@link VlanFilteringUnsupportedException}.
 * Thread-safe: every call is one conversation on a channel of the handle.
 */
public final class Vlans {
    private final BridgeNetlink nl;
    private final VlanTunnels tunnels;

    Vlans(BridgeNetlink nl) {
        this.nl = nl;
        this.tunnels = new VlanTunnels(nl);
        LinkCodec.init();
    }

    /** VLAN-to-tunnel mapping on (VXLAN) ports: {@code bridge vlan ... tunnel_info}, {@code bridge vlan tunnelshow}. */
    public VlanTunnels tunnels() {
        return tunnels;
    }

    // ------------------------------------------------------------------ bridge settings

    /** {@code ip link set dev BRIDGE type bridge vlan_filtering 0|1}. */
    public void setFiltering(String bridge, boolean on) {
        configure(bridge, BridgeVlanOptions.builder().filtering(on).build());
    }

    /** {@code ip link set dev BRIDGE type bridge vlan_protocol 802.1Q|802.1ad}. */
    public void setProtocol(String bridge, VlanProtocol protocol) {
        configure(bridge, BridgeVlanOptions.builder().protocol(protocol).build());
    }

    /** {@code ip link set dev BRIDGE type bridge vlan_default_pvid PVID}: the PVID new ports get; 0 = none. */
    public void setDefaultPvid(String bridge, int pvid) {
        configure(bridge, BridgeVlanOptions.builder().defaultPvid(pvid).build());
    }

    /** {@code ip link set dev BRIDGE type bridge vlan_stats_enabled 0|1}: per-VLAN counters. */
    public void setStatsEnabled(String bridge, boolean on) {
        configure(bridge, BridgeVlanOptions.builder().statsEnabled(on).build());
    }

    /**
     * Sets what {@code options} holds of the four bridge VLAN settings in one RTM_NEWLINK, as
     * {@code ip link set dev BRIDGE type bridge vlan_filtering F vlan_protocol P vlan_default_pvid D
     * vlan_stats_enabled S} does. A bridge on a kernel without VLAN filtering is refused with
     * {@link VlanFilteringUnsupportedException} (the kernel would ignore some of these silently).
     *
     * @throws IllegalArgumentException   {@code options} is null or empty (nothing is sent)
     * @throws NotABridgeException         {@code bridge} is not a bridge
     * @throws io.netlink4j.core.NoSuchDeviceException no such device
     */
    public void configure(String bridge, BridgeVlanOptions options) {
        LinkCodec.validateName(bridge);
        if (options == null || options.isEmpty()) {
            throw new IllegalArgumentException("no bridge VLAN setting given");
        }
        Boolean filtering = options.filtering();
        VlanProtocol protocol = options.protocol();
        Integer defaultPvid = options.defaultPvid();
        Boolean statsEnabled = options.statsEnabled();
        String op = "set bridge " + bridge + options;
        nl.call(ch -> {
            BridgeVlanOptionsCodec.Reader r = new BridgeVlanOptionsCodec.Reader();
            Link br = lookupBridge(ch, bridge, r);
            if (!r.supported()) {
                // found by the read, nothing sent: no errno from the kernel
                throw new VlanFilteringUnsupportedException(op, 0, null, null);
            }
            MessageWriter w = ch.request(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_ACK);
            long nests = BridgeVlanOptionsCodec.begin(w, br.index());
            if (filtering != null) {
                w.putU8(BridgeVlanOptionsCodec.IFLA_BR_VLAN_FILTERING, filtering ? 1 : 0);
            }
            if (protocol != null) {
                w.putBe16(BridgeVlanOptionsCodec.IFLA_BR_VLAN_PROTOCOL, protocol.etherType());
            }
            if (defaultPvid != null) {
                w.putU16(BridgeVlanOptionsCodec.IFLA_BR_VLAN_DEFAULT_PVID, defaultPvid);
            }
            if (statsEnabled != null) {
                w.putU8(BridgeVlanOptionsCodec.IFLA_BR_VLAN_STATS_ENABLED, statsEnabled ? 1 : 0);
            }
            BridgeVlanOptionsCodec.end(w, nests);
            execute(ch, op);
            return null;
        });
    }

    /** The bridge's VLAN settings (one RTM_GETLINK). */
    public BridgeVlanSettings settings(String bridge) {
        LinkCodec.validateName(bridge);
        return nl.call(ch -> {
            BridgeVlanOptionsCodec.Reader r = new BridgeVlanOptionsCodec.Reader();
            lookupBridge(ch, bridge, r);
            return r.result();
        });
    }

    private static Link lookupBridge(RtnlChannel ch, String bridge, LinkCodec.Hook hook) {
        return Devices.bridge(ch, "show link " + bridge, bridge, hook);
    }

    // ------------------------------------------------------------------ membership

    /**
     * {@code bridge vlan add dev DEV vid ...} for each of {@code vlans}, in one RTM_SETLINK. Adding
     * a VLAN that is there updates its flags; a PVID moves the port's PVID to it.
     */
    public void add(String dev, Vlan... vlans) {
        change(dev, Rtnetlink.RTM_SETLINK, "add", checked(vlans));
    }

    /** {@code bridge vlan del dev DEV vid ...} for each of {@code vlans} (flags are ignored), in one RTM_DELLINK. */
    public void delete(String dev, Vlan... vlans) {
        change(dev, Rtnetlink.RTM_DELLINK, "delete", checked(vlans));
    }

    private static List<Vlan> checked(Vlan[] vlans) {
        if (vlans == null || vlans.length == 0) {
            throw new IllegalArgumentException("no VLANs given");
        }
        if (vlans.length > VlanSyncPlan.MAX_ENTRIES_PER_REQUEST) {
            throw new IllegalArgumentException(vlans.length + " VLAN entries in one request (at most "
                    + VlanSyncPlan.MAX_ENTRIES_PER_REQUEST + "; use sync for large sets)");
        }
        for (Vlan v : vlans) {
            if (v == null) {
                throw new IllegalArgumentException("null VLAN");
            }
        }
        return Arrays.asList(vlans);
    }

    private void change(String dev, int type, String verb, List<Vlan> vlans) {
        LinkCodec.validateName(dev);
        String op = verb + " vlan " + vlans + " on " + dev;
        nl.call(ch -> {
            Link l = lookupMember(ch, op, dev);
            send(ch, type, l, vlans, op);
            return null;
        });
    }

    private static void send(RtnlChannel ch, int type, Link l, List<Vlan> vlans, String op) {
        MessageWriter w = ch.request(type, NlMsg.NLM_F_ACK);
        BridgeAfSpecCodec.encode(w, l.index(), l.isBridge(), vlans);
        execute(ch, op);
    }

    /** The device as a bridge (self) or bridge port; anything else is refused (found by a read: no errno). */
    static Link lookupMember(RtnlChannel ch, String op, String dev) {
        Link l = new Links(ch).find(dev).orElseThrow(() -> Devices.noSuchDevice(op, dev));
        if (!l.isBridge() && !l.isBridgePort()) {
            throw new NotABridgePortException(op, 0, null, null, dev, dev + " is neither a bridge nor a bridge port");
        }
        return l;
    }

    // ------------------------------------------------------------------ reading

    /** The VLANs of one port or bridge (an RTM_GETVLAN dump of that device only). */
    public VlanSet get(String dev) {
        LinkCodec.validateName(dev);
        return nl.call(ch -> toSet(entries(ch, lookupMember(ch, "show vlan dev " + dev, dev).index(), "show vlan dev " + dev)));
    }

    /**
     * The per-VLAN entries with their options of one device ({@code bridge -d vlan show dev DEV}):
     * adjacent VIDs with equal flags and options come as one entry.
     */
    public List<VlanEntry> entries(String dev) {
        LinkCodec.validateName(dev);
        return nl.call(ch -> entries(ch, lookupMember(ch, "show vlan dev " + dev, dev).index(), "show vlan dev " + dev));
    }

    /** Every device's VLAN entries ({@code bridge -d vlan show}); entries carry the ifindex. */
    public List<VlanEntry> entries() {
        return nl.call(ch -> entries(ch, 0, "show vlans"));
    }

    private static List<VlanEntry> entries(RtnlChannel ch, int ifindex, String op) {
        MessageWriter w = ch.request(Rtnetlink.RTM_GETVLAN, NlMsg.NLM_F_DUMP);
        VlanDbCodec.encodeDump(w, ifindex, 0);
        List<VlanEntry> out = new ArrayList<>();
        AttributeIterator it = new AttributeIterator();
        AttributeIterator entry = new AttributeIterator();
        run(op, () -> ch.dump(op, new MessageVisitor() {
            @Override
            public void onMessage(NlMsg m) {
                if (m.type() == Rtnetlink.RTM_NEWVLAN) {
                    VlanDbCodec.decode(m, it, entry, out::add);
                }
            }

            @Override
            public void onDumpRestart() {
                out.clear();
            }
        }));
        return out;
    }

    /**
     * Every device's per-VLAN counters ({@code bridge -s -d vlan show}): the RTM_GETVLAN dump with
     * BRIDGE_VLANDB_DUMPF_STATS. Counted only while the bridge has vlan_stats_enabled on.
     */
    public List<VlanStats> stats() {
        return nl.call(ch -> VlanStatsDump.dump(ch, 0, "show vlan stats"));
    }

    /** The per-VLAN counters of one port or bridge. */
    public List<VlanStats> stats(String dev) {
        LinkCodec.validateName(dev);
        String op = "show vlan stats dev " + dev;
        return nl.call(ch -> VlanStatsDump.dump(ch, lookupMember(ch, op, dev).index(), op));
    }

    static VlanSet toSet(List<VlanEntry> entries) {
        VlanSet.Builder b = VlanSet.builder();
        for (VlanEntry e : entries) {
            b.add(e.vlan());
        }
        return b.build();
    }

    /** Every bridge's and port's VLANs by device name, from one compressed link dump. */
    public Map<String, VlanSet> list() {
        return list(true);
    }

    /**
     * Every bridge's and port's VLANs by device name: the RTM_GETLINK AF_BRIDGE dump of
     * {@code bridge vlan show}, with IFLA_EXT_MASK RTEXT_FILTER_BRVLAN_COMPRESSED (ranges) or,
     * with {@code compressed == false}, RTEXT_FILTER_BRVLAN (one entry per VID).
     */
    public Map<String, VlanSet> list(boolean compressed) {
        return nl.call(ch -> {
            MessageWriter w = ch.request(Rtnetlink.RTM_GETLINK, NlMsg.NLM_F_DUMP);
            encodeLinkDump(w, compressed);
            AfSpecReader reader = new AfSpecReader();
            return linkDump(ch, "show vlans", reader::reset, reader, l -> reader.result());
        });
    }

    /**
     * Runs the AF_BRIDGE link dump already written on {@code ch}: each RTM_NEWLINK is decoded
     * with {@code hook} (after {@code reset}), and {@code value} gives what to keep for that
     * link under its name (null: leave the link out). A restarted dump starts the map again.
     */
    static <V> Map<String, V> linkDump(RtnlChannel ch, String op, Runnable reset, LinkCodec.Hook hook,
                                       java.util.function.Function<Link, V> value) {
        Map<String, V> out = new LinkedHashMap<>();
        run(op, () -> ch.dump(op, new MessageVisitor() {
            @Override
            public void onMessage(NlMsg m) {
                if (m.type() == Rtnetlink.RTM_NEWLINK) {
                    reset.run();
                    Link l = LinkCodec.decode(m, hook);
                    V v = value.apply(l);
                    if (v != null) {
                        out.put(l.name(), v);
                    }
                }
            }

            @Override
            public void onDumpRestart() {
                out.clear();
            }
        }));
        return out;
    }

    /** The link dump request of {@code bridge vlan show} ({@code bridge -compressvlans vlan show}). */
    static void encodeLinkDump(MessageWriter w, boolean compressed) {
        IfInfoMsg.put(w, Rtnetlink.AF_BRIDGE, 0, 0, 0);
        w.putU32(LinkCodec.IFLA_EXT_MASK,
                compressed ? Rtnetlink.RTEXT_FILTER_BRVLAN_COMPRESSED : Rtnetlink.RTEXT_FILTER_BRVLAN);
    }

    /** Reads IFLA_AF_SPEC of one AF_BRIDGE link message. */
    static final class AfSpecReader implements LinkCodec.Hook {
        private final BitSet vids = new BitSet(Vlan.MAX_VID + 1);
        private final BitSet untagged = new BitSet(Vlan.MAX_VID + 1);
        private int pvid;

        void reset() {
            vids.clear();
            untagged.clear();
            pvid = 0;
        }

        @Override
        public void afSpec(AttributeIterator data) {
            pvid = BridgeAfSpecCodec.decode(data, vids, untagged);
        }

        VlanSet result() {
            VlanSet.Builder b = VlanSet.builder();
            for (Vlan v : VlanSet.compress(vids, untagged, pvid)) {
                b.add(v);
            }
            return b.build();
        }
    }

    // ------------------------------------------------------------------ per-VLAN options

    /**
     * {@code bridge vlan set dev DEV vid VIDS state STATE}: the STP state of these VLANs on this
     * port. Only the VIDs of {@code vids} count, not its flags. The kernel refuses it while kernel
     * STP runs.
     */
    public void setState(String dev, Vlan vids, PortState state) {
        if (state == null) {
            throw new IllegalArgumentException("VLAN STP state is null");
        }
        setOptions(dev, vids, state, null);
    }

    /** {@code bridge vlan set dev DEV vid VIDS mcast_router TYPE}: the per-VLAN multicast router mode. */
    public void setMulticastRouter(String dev, Vlan vids, MulticastRouter type) {
        if (type == null) {
            throw new IllegalArgumentException("multicast router type is null");
        }
        setOptions(dev, vids, null, type);
    }

    /**
     * {@code bridge vlan set dev DEV vid VIDS [state STATE] [mcast_router TYPE]}: the per-VLAN
     * options given (null: left as it is) in one RTM_NEWVLAN, so that both apply or neither. The
     * VLANs must exist on {@code dev} (the kernel refuses with ENOENT otherwise).
     *
     * @throws IllegalArgumentException both options null, or no VLANs (nothing is sent)
     */
    public void setOptions(String dev, Vlan vids, PortState state, MulticastRouter mcastRouter) {
        if (state == null && mcastRouter == null) {
            throw new IllegalArgumentException("no per-VLAN option given (state, mcast_router)");
        }
        String what = (state == null ? "" : "state " + state.label())
                + (state != null && mcastRouter != null ? " " : "")
                + (mcastRouter == null ? "" : "mcast_router " + mcastRouter.value());
        setOption(dev, vids, what, w -> {
            // iproute2's order: state, then mcast_router
            if (state != null) {
                w.putU8(VlanDbCodec.BRIDGE_VLANDB_ENTRY_STATE, state.value());
            }
            if (mcastRouter != null) {
                w.putU8(VlanDbCodec.BRIDGE_VLANDB_ENTRY_MCAST_ROUTER, mcastRouter.value());
            }
        });
    }

    private void setOption(String dev, Vlan vids, String what, java.util.function.Consumer<MessageWriter> option) {
        LinkCodec.validateName(dev);
        if (vids == null) {
            throw new IllegalArgumentException("no VLANs given");
        }
        String op = "set vlan " + (vids.isRange() ? vids.first() + "-" + vids.last() : vids.first()) + " on " + dev + " " + what;
        nl.call(ch -> {
            Link l = lookupMember(ch, op, dev);
            MessageWriter w = ch.request(Rtnetlink.RTM_NEWVLAN, NlMsg.NLM_F_ACK);
            int entry = VlanDbCodec.beginOptions(w, l.index(), vids);
            option.accept(w);
            w.endNest(entry);
            execute(ch, op);
            return null;
        });
    }

    /** Global per-VLAN options of bridges ({@code bridge vlan global}): multicast snooping per VLAN, MSTI. */
    public VlanGlobals global() {
        return new VlanGlobals(nl);
    }

    // ------------------------------------------------------------------ declarative sync

    /**
     * Brings {@code dev}'s VLANs to exactly {@code desired}: reads what the kernel has, computes
     * the minimal difference and applies it — first one request (re)adding new VLANs and changed
     * flags, the new PVID first, then one deleting what is no longer wanted, so the port keeps a
     * PVID throughout. Sends nothing when nothing differs. Not atomic: if a request fails, the
     * device may be left between the two states (run it again).
     */
    public VlanSyncResult sync(String dev, VlanSet desired) {
        return sync(dev, desired, true);
    }

    /** Dry run of {@link #sync}: reads the device and reports what sync would change; sends no change. */
    public VlanSyncResult plan(String dev, VlanSet desired) {
        return sync(dev, desired, false);
    }

    private VlanSyncResult sync(String dev, VlanSet desired, boolean apply) {
        LinkCodec.validateName(dev);
        if (desired == null) {
            throw new IllegalArgumentException("desired VLAN set is null");
        }
        return nl.call(ch -> {
            Link l = lookupMember(ch, (apply ? "sync" : "plan") + " vlans of " + dev, dev);
            VlanSet before = toSet(entries(ch, l.index(), "show vlan dev " + dev));
            VlanSyncPlan plan = VlanSyncPlan.between(before, desired);
            if (apply) {
                for (List<Vlan> part : VlanSyncPlan.split(plan.written)) {
                    send(ch, Rtnetlink.RTM_SETLINK, l, part, "sync vlans of " + dev + ": add " + part);
                }
                for (List<Vlan> part : VlanSyncPlan.split(plan.removed)) {
                    send(ch, Rtnetlink.RTM_DELLINK, l, part, "sync vlans of " + dev + ": delete " + part);
                }
            }
            return new VlanSyncResult(dev, before, desired, plan.written, plan.removed, plan.requests(), apply);
        });
    }

    // ------------------------------------------------------------------ errors

    static void execute(RtnlChannel ch, String op) {
        run(op, () -> {
            ch.execute(op);
            return 0;
        });
    }

    /** EOPNOTSUPP on a VLAN request means the kernel has no VLAN filtering: say so. */
    static <T> T run(String op, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (VlanFilteringUnsupportedException e) {
            throw e;
        } catch (NotSupportedException e) {
            throw new VlanFilteringUnsupportedException(e.operation(), e.kernelMessage());
        }
    }
}
