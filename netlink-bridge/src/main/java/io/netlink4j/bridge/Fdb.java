package io.netlink4j.bridge;

import io.netlink4j.core.ChannelFeatures;
import io.netlink4j.core.Link;
import io.netlink4j.core.Links;
import io.netlink4j.core.MessageVisitor;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NdMsg;
import io.netlink4j.core.NetlinkException;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.NotFoundException;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.Errno;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge forwarding database: add, append, replace, delete, get, dump, flush, and a
 * pipelined bulk path for tens of thousands of entries.
 *
 * <pre>{@code
 * Fdb fdb = nl.fdb();
 * fdb.add(FdbSpec.of("02:00:00:00:00:01", "v0"));                       // master static
 * fdb.replace(FdbSpec.of("02:00:00:00:00:01", "v2"));                   // move it to v2
 * Optional<FdbEntry> e = fdb.get("02:00:00:00:00:01", "br0", 0);
 * fdb.dump(FdbFilter.bridge("br0"), v -> count += v.vlan() == 0 ? 1 : 0); // no allocation per entry
 * BulkResult r = fdb.apply(changes, BulkOptions.defaults().continueOnError());
 * fdb.flush(FdbFlush.port("v0").dynamicOnly());
 * }</pre>
 *
 * <p>Input is checked before anything is sent (MAC, VLAN 1..4094, devices exist and are of the
 * right kind), as a whole for bulk runs. Kernel errors become {@link NetlinkException}
 * subclasses naming the entry, with a hint where the kernel gives no text. Thread-safe: every
 * call borrows a channel of the handle.
 */
public final class Fdb {
    private static final Logger LOG = LoggerFactory.getLogger(Fdb.class);

    /** Runs a conversation on some channel: the handle's pool, or a scripted channel in tests. */
    interface Conversations {
        <T> T call(Function<RtnlChannel, T> conversation);
    }

    private final Conversations nl;

    /** The FDB of {@code nl}; applications get it from {@link BridgeNetlink#fdb()}. */
    Fdb(BridgeNetlink nl) {
        this(new Conversations() {
            @Override
            public <T> T call(Function<RtnlChannel, T> conversation) {
                return nl.call(conversation);
            }
        });
    }

    Fdb(Conversations conversations) {
        this.nl = conversations;
    }

    // ---------------------------------------------------------------- single changes

    /** {@code bridge fdb add}: creates the entry; {@link io.netlink4j.core.AlreadyExistsException} if it exists. */
    public void add(FdbSpec entry) {
        single(FdbChange.add(entry));
    }

    /** {@code bridge fdb append}: creates the entry, or adds a remote to it (VXLAN). */
    public void append(FdbSpec entry) {
        single(FdbChange.append(entry));
    }

    /** {@code bridge fdb replace}: creates or updates the entry (e.g. moves it to another port). */
    public void replace(FdbSpec entry) {
        single(FdbChange.replace(entry));
    }

    /** {@code bridge fdb del}: {@link NotFoundException} if there is no such entry. */
    public void delete(FdbSpec entry) {
        single(FdbChange.delete(entry));
    }

    private void single(FdbChange c) {
        nl.call(ch -> {
            Links links = new Links(ch);
            if (FdbPlan.byIndexOnly(c) && FdbSingle.send(ch, links, c)) {
                return null; // the lean path: no plan, encoded straight into the channel's writer
            }
            // a device by name is resolved to its ifindex without a netlink round trip; its kind is
            // looked up only if the kernel refuses the change (see FdbPlan.byIndexOnly)
            FdbPlan p = FdbPlan.validate(List.of(c), links, FdbPlan.byIndexOnly(c));
            String op = "fdb " + c;
            MessageWriter w = ch.request(FdbCodec.messageType(c.op()), FdbCodec.messageFlags(c.op()));
            FdbCodec.encodeChange(w, p, 0, new byte[6]);
            try {
                ch.execute(op);
            } catch (NetlinkException e) {
                Link dev = p.device(0);
                if (dev == null) {
                    dev = links.query("show link " + p.ifindex(0), p.ifindex(0), null, null);
                    throw FdbSingle.refused(e, op, c, dev);
                }
                throw FdbErrors.explain(e, op, c, dev);
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- bulk

    /** Adds every entry (stop at the first error, window 64). */
    public BulkResult addAll(List<FdbSpec> entries) {
        return addAll(entries, BulkOptions.defaults());
    }

    public BulkResult addAll(List<FdbSpec> entries, BulkOptions options) {
        List<FdbChange> changes = new ArrayList<>(entries.size());
        for (FdbSpec s : entries) {
            changes.add(FdbChange.add(s));
        }
        return apply(changes, options);
    }

    /**
     * Applies {@code changes} pipelined over one socket: up to {@link BulkOptions#window()}
     * requests in flight, several per datagram, each ACK matched to its request by sequence
     * number. The whole input is validated first; nothing is sent if any change is invalid.
     * Encoding writes straight into the channel's buffer: nothing is allocated per change.
     *
     * <p>With {@link BulkOptions#stopAtFirstError()} no change is sent after the first refusal
     * arrives, but those already in flight complete: {@link BulkResult#appliedAfterFailure()}
     * lists them. {@link BulkOptions#ordered()} applies nothing after a failure.
     *
     * <p>A run that breaks (overrun, timeout, failed send) still returns a result, with the
     * exception in {@link BulkResult#interruption()}: changes whose answers were lost are read
     * back from the FDB where that decides them, else reported {@link BulkStatus#UNKNOWN}.
     *
     * @throws IllegalArgumentException listing the invalid changes (nothing was sent)
     */
    public BulkResult apply(List<FdbChange> changes, BulkOptions options) {
        long t0 = System.nanoTime();
        Run run = nl.call(ch -> {
            FdbPlan p = FdbPlan.validate(changes, new Links(ch));
            Run r = new Run(p, window(ch, options.window()));
            long d0 = ch.datagramsSent();
            try {
                if (r.plan.size() > 0) {
                    pipeline(ch, r, options);
                }
            } catch (NetlinkException e) {
                LOG.debug("fdb bulk: the run broke after {} of {} changes were sent: {}", r.sent, r.plan.size(),
                        e.getMessage());
                r.interruption = e;
            }
            r.datagrams = ch.datagramsSent() - d0;
            return r;
        });
        BitSet notApplied = new BitSet();
        BitSet readBack = new BitSet();
        BitSet unknown = new BitSet();
        if (run.interruption != null) {
            unknown.set(0, run.sent);
            unknown.andNot(run.applied);
            for (BulkResult.Failure f : run.failures) {
                unknown.clear(f.index());
            }
            if (!unknown.isEmpty()) {
                try {
                    nl.call(ch -> {
                        FdbReadBack.resolve(ch, run.plan, run.sent, unknown, run.applied, notApplied, readBack);
                        return null;
                    });
                } catch (RuntimeException e) {
                    LOG.debug("fdb bulk: could not read the FDB back to decide {} changes: {}", unknown.cardinality(),
                            e.toString());
                }
            }
        }
        run.failures.sort(Comparator.comparingInt(BulkResult.Failure::index));
        BulkResult r = new BulkResult(run.plan.size(), run.failures, run.applied, notApplied, unknown, readBack,
                run.sent, run.window, run.datagrams, System.nanoTime() - t0, run.interruption);
        LOG.debug("{}", r);
        return r;
    }

    /** The state of one bulk run as the answers arrive. */
    private static final class Run {
        final FdbPlan plan;
        final int window;
        final BitSet applied = new BitSet();
        final List<BulkResult.Failure> failures = new ArrayList<>();
        int sent;
        long datagrams;
        NetlinkException interruption;

        Run(FdbPlan plan, int window) {
            this.plan = plan;
            this.window = window;
        }
    }

    /** The requested window, lowered to what the socket can answer without overrunning. */
    private static int window(RtnlChannel ch, int requested) {
        int max = ch.features().maxAcksInFlight();
        if (requested <= max) {
            return requested;
        }
        LOG.info("fdb bulk: window {} lowered to {}: the socket's {}-byte receive buffer holds {} ACKs of up to {} bytes",
                requested, max, ch.features().socketReceiveBytes(), max, ChannelFeatures.ACK_BUDGET_BYTES);
        return max;
    }

    private static void pipeline(RtnlChannel ch, Run r, BulkOptions options) {
        FdbPlan p = r.plan;
        byte[] scratch = new byte[6];
        ch.pipeline("fdb bulk", p.size(), r.window, (i, w, seq) -> {
            FdbChange c = p.change(i);
            w.begin(FdbCodec.messageType(c.op()), FdbCodec.messageFlags(c.op()), seq, 0);
            FdbCodec.encodeChange(w, p, i, scratch);
            w.end();
        }, new RtnlChannel.ResultHandler() {
            @Override
            public boolean onResult(int i, NetlinkException e) {
                if (e == null) {
                    r.applied.set(i);
                    return true;
                }
                FdbChange c = p.change(i);
                r.failures.add(new BulkResult.Failure(i, c,
                        FdbErrors.explain(e, "fdb " + c + " (#" + i + ")", c, p.device(i))));
                return !options.stopAtFirstError();
            }

            @Override
            public void onSent(int from, int count) {
                r.sent = from + count;
            }
        });
    }

    // ---------------------------------------------------------------- get

    /** {@code bridge fdb get MAC br BRIDGE [vlan V]}: the bridge's entry for {@code mac}, if any. */
    public Optional<FdbEntry> get(String mac, String bridge, int vlan) {
        return getEntry(mac, bridge, null, vlan);
    }

    /** {@code bridge fdb get MAC brport PORT [vlan V]}: the entry of the port's bridge. */
    public Optional<FdbEntry> getOnPort(String mac, String port, int vlan) {
        return getEntry(mac, null, port, vlan);
    }

    /**
     * {@code bridge fdb get MAC dev DEVICE self [vni VNI]}: the device's own entry for {@code mac}
     * (a VXLAN device's FDB, with its remote), if any. {@code vni} -1 = none (the device's VNI).
     */
    public Optional<FdbEntry> getSelf(String mac, String device, int vni) {
        long m = checkMac(mac);
        if (vni < -1 || vni > 0xffffff) {
            throw new IllegalArgumentException("VNI " + vni + " is out of range: 0..16777215, or -1 for none");
        }
        return getEntry(m, "fdb get " + mac + " dev " + device + " self" + (vni >= 0 ? " vni " + vni : ""), null, device,
                0, vni, NdMsg.NTF_SELF);
    }

    private Optional<FdbEntry> getEntry(String mac, String bridge, String port, int vlan) {
        long m = checkMac(mac);
        checkVlan(vlan);
        String op = "fdb get " + mac + (vlan != 0 ? " vlan " + vlan : "") + (bridge != null ? " br " + bridge : " brport " + port);
        return getEntry(m, op, bridge, port, vlan, -1, 0);
    }

    /** {@code port} with NTF_SELF is any device; without, a bridge port. */
    private Optional<FdbEntry> getEntry(long m, String op, String bridge, String port, int vlan, int vni, int ndmFlags) {
        return nl.call(ch -> {
            Links links = new Links(ch);
            int br = bridge == null ? 0 : bridge(links, "fdb get", bridge).index();
            int p = port == null ? 0 : ndmFlags == NdMsg.NTF_SELF ? device(links, "fdb get", port).index()
                    : port(links, "fdb get", port).index();
            MessageWriter w = ch.request(Rtnetlink.RTM_GETNEIGH, 0);
            FdbCodec.encodeGet(w, m, br, p, vlan, vni, ndmFlags, new byte[6]);
            FdbView view = new FdbView();
            FdbEntry[] out = new FdbEntry[1];
            try {
                ch.query(op, msg -> {
                    if (view.wrap(msg) && view.hasMac()) { // a bridge FDB entry always has a MAC
                        out[0] = view.toEntry();
                    }
                });
            } catch (NotFoundException e) {
                return Optional.<FdbEntry>empty();
            }
            if (out[0] == null) {
                return Optional.<FdbEntry>empty();
            }
            Link dev = links.query("show link " + out[0].ifindex(), out[0].ifindex(), null, null);
            return Optional.of(dev == null ? out[0] : withName(out[0], dev.name()));
        });
    }

    private static FdbEntry withName(FdbEntry e, String name) {
        return new FdbEntry(e.mac(), e.ifindex(), name, e.master(), e.vlan(), e.state(), e.flags(), e.dst(), e.vni(),
                e.dstPort(), e.srcVni(), e.via(), e.nhId(), e.used(), e.updated(), e.confirmed());
    }

    // ---------------------------------------------------------------- dump

    /**
     * Streams the entries {@code filter} selects to {@code visitor} as they arrive, without
     * holding the FDB in memory and without allocating per entry. The kernel does the filtering.
     * Returns the number of entries of the final pass (see {@link FdbVisitor#onRestart()}).
     */
    public int dump(FdbFilter filter, FdbVisitor visitor) {
        return nl.call(ch -> dump(ch, filter, visitor));
    }

    private int dump(RtnlChannel ch, FdbFilter filter, FdbVisitor visitor) {
        Links links = new Links(ch);
        int br = filter.bridge() == null ? 0 : bridge(links, "fdb show", filter.bridge()).index();
        int port = filter.port() == null ? 0 : device(links, "fdb show", filter.port()).index();
        return dump(ch, br, port, filter.portEntriesOnly(), visitor);
    }

    static int dump(RtnlChannel ch, int br, int port, FdbVisitor visitor) {
        return dump(ch, br, port, false, visitor);
    }

    /** With {@code portEntriesOnly}: only entries of bridge {@code br}'s FDB on its ports (NDA_MASTER = br). */
    private static int dump(RtnlChannel ch, int br, int port, boolean portEntriesOnly, FdbVisitor visitor) {
        MessageWriter w = ch.request(Rtnetlink.RTM_GETNEIGH, 0);
        FdbCodec.encodeDump(w, br, port);
        FdbView view = new FdbView();
        int[] count = new int[1];
        ch.dump("fdb show" + (br != 0 ? " br " + br : "") + (port != 0 ? " brport " + port : ""), new MessageVisitor() {
            @Override
            public void onMessage(NlMsg m) {
                // the kernel filters (strict checking); the port/bridge check here only guards
                // against a channel without strict checking, where the filter would be ignored
                if (view.wrap(m) && view.hasMac() && (port == 0 || view.ifindex() == port)
                        && (br == 0 || view.master() == 0 || view.master() == br)
                        && (!portEntriesOnly || (view.master() == br && view.ifindex() != br))) {
                    count[0]++;
                    visitor.onEntry(view);
                }
            }

            @Override
            public void onDumpRestart() {
                count[0] = 0;
                visitor.onRestart();
            }
        });
        return count[0];
    }

    /** The entries {@code filter} selects, as objects with device names filled in. */
    public List<FdbEntry> list(FdbFilter filter) {
        return nl.call(ch -> {
            Map<Integer, String> names = new HashMap<>();
            for (Link l : new Links(ch).list()) {
                names.put(l.index(), l.name());
            }
            List<FdbEntry> out = new ArrayList<>();
            dump(ch, filter, new FdbVisitor() {
                @Override
                public void onEntry(FdbView e) {
                    out.add(e.toEntry(names::get));
                }

                @Override
                public void onRestart() {
                    out.clear();
                }
            });
            return out;
        });
    }

    /** Every entry of the namespace. */
    public List<FdbEntry> list() {
        return list(FdbFilter.all());
    }

    // ---------------------------------------------------------------- flush

    /**
     * Removes the entries {@code flush} selects from a bridge FDB. Uses the kernel's bulk delete
     * (one RTM_DELNEIGH with NLM_F_BULK, Linux 6.0+) where it exists — the kernel does not say how
     * many it removed — and otherwise dumps the matching entries and deletes them pipelined,
     * counting what was removed.
     */
    public FlushResult flush(FdbFlush flush) {
        checkVlan(flush.vlan());
        if (flush.bridge() == null && flush.port() == null) {
            throw new IllegalArgumentException("flush needs a bridge or a port");
        }
        return nl.call(ch -> {
            Links links = new Links(ch);
            Link port = flush.port() == null ? null : port(links, "fdb flush", flush.port());
            Link bridge = flush.bridge() != null ? bridge(links, "fdb flush", flush.bridge()) : links.get(port.master());
            if (port != null && port.master() != bridge.index()) {
                throw new IllegalArgumentException(port.name() + " is not a port of " + bridge.name());
            }
            // as iproute2: static = NOARP among NOARP|PERMANENT; dynamic = neither; default nopermanent
            int stateMask = flush.onlyDynamic() || flush.onlyStatic() ? NdMsg.NUD_PERMANENT | NdMsg.NUD_NOARP
                    : flush.withPermanent() ? 0 : NdMsg.NUD_PERMANENT;
            int state = flush.onlyStatic() ? NdMsg.NUD_NOARP : 0;
            String op = "fdb flush " + (port != null ? "dev " + port.name() + " master" : "dev " + bridge.name() + " self")
                    + (flush.vlan() != 0 ? " vlan " + flush.vlan() : "") + (flush.onlyDynamic() ? " dynamic" : "")
                    + (flush.onlyStatic() ? " static" : "") + (stateMask == NdMsg.NUD_PERMANENT ? " nopermanent" : "")
                    + flagWords(flush);
            if (flush.kernelBulk()) {
                MessageWriter w = ch.request(Rtnetlink.RTM_DELNEIGH, NlMsg.NLM_F_BULK);
                if (port != null) {
                    FdbCodec.encodeFlush(w, port.index(), NdMsg.NTF_MASTER | flush.flags(), state, stateMask,
                            flush.flagsMask(), flush.vlan());
                } else {
                    FdbCodec.encodeFlush(w, bridge.index(), NdMsg.NTF_SELF | flush.flags(), state, stateMask,
                            flush.flagsMask(), flush.vlan());
                }
                try {
                    ch.execute(op);
                    return new FlushResult(true, -1);
                } catch (NetlinkException e) {
                    if (!bulkDeleteMissing(e)) {
                        throw e;
                    }
                    LOG.debug("{}: no kernel bulk delete ({}), deleting entry by entry", op, e.getMessage());
                }
            }
            if ((flush.flagsMask() & NdMsg.NTF_USE) != 0) {
                // a dump does not say which entries a user added: only the kernel's bulk delete can select on it
                throw new io.netlink4j.core.NotSupportedException(op, Errno.EOPNOTSUPP, null, null,
                        "added_by_user needs the kernel's bulk FDB delete (Linux 6.0+)");
            }
            return new FlushResult(false, flushByDump(ch, op, bridge.index(), port == null ? 0 : port.index(),
                    flush.vlan(), state, stateMask, flush.flags(), flush.flagsMask()));
        });
    }

    /** Kernels before 5.19 ignore NLM_F_BULK and want a MAC ("invalid address"); 5.19+ without it say EOPNOTSUPP. */
    private static boolean bulkDeleteMissing(NetlinkException e) {
        return e.errno() == Errno.EOPNOTSUPP
                || (e.errno() == Errno.EINVAL && "invalid address".equals(e.kernelMessage()));
    }

    /** " sticky noextern_learn ...": the flag selectors of a flush, as bridge(8) spells them. */
    private static String flagWords(FdbFlush f) {
        StringBuilder sb = new StringBuilder();
        int[] bits = {NdMsg.NTF_USE, NdMsg.NTF_EXT_LEARNED, NdMsg.NTF_STICKY, NdMsg.NTF_OFFLOADED};
        String[] words = {"added_by_user", "extern_learn", "sticky", "offloaded"};
        for (int i = 0; i < bits.length; i++) {
            if ((f.flagsMask() & bits[i]) != 0) {
                sb.append((f.flags() & bits[i]) != 0 ? " " : " no").append(words[i]);
            }
        }
        return sb.toString();
    }

    private static int flushByDump(RtnlChannel ch, String op, int bridge, int port, int vlan, int state, int stateMask,
                                   int flags, int flagsMask) {
        long[] macs = new long[64];
        int[] where = new int[64];
        int[] vlans = new int[64];
        int[] n = new int[1];
        long[][] macsRef = {macs};
        int[][] whereRef = {where};
        int[][] vlansRef = {vlans};
        dump(ch, bridge, port, new FdbVisitor() {
            @Override
            public void onEntry(FdbView e) {
                if (e.master() != bridge || !e.hasMac() || (port != 0 && e.ifindex() != port)
                        || (vlan != 0 && e.vlan() != vlan) || (e.nudState() & stateMask) != (state & stateMask)
                        || (e.flags() & flagsMask) != (flags & flagsMask)) {
                    return;
                }
                int i = n[0]++;
                if (i == macsRef[0].length) {
                    macsRef[0] = Arrays.copyOf(macsRef[0], i * 2);
                    whereRef[0] = Arrays.copyOf(whereRef[0], i * 2);
                    vlansRef[0] = Arrays.copyOf(vlansRef[0], i * 2);
                }
                macsRef[0][i] = e.macLong();
                whereRef[0][i] = e.ifindex();
                vlansRef[0][i] = e.vlan();
            }

            @Override
            public void onRestart() {
                n[0] = 0;
            }
        });
        byte[] scratch = new byte[6];
        int[] removed = new int[1];
        NetlinkException[] first = new NetlinkException[1];
        ch.pipeline(op, n[0], BulkOptions.defaults().window(), (i, w, seq) -> {
            w.begin(Rtnetlink.RTM_DELNEIGH, 0, seq, 0);
            // the bridge's own entries are deleted through the bridge (self), the rest through their port
            int target = whereRef[0][i] == bridge ? NdMsg.NTF_SELF : NdMsg.NTF_MASTER;
            FdbCodec.encodeDelete(w, whereRef[0][i], target, macsRef[0][i], vlansRef[0][i], scratch);
            w.end();
        }, (i, e) -> {
            if (e == null) {
                removed[0]++;
            } else if (e.errno() != Errno.ENOENT && first[0] == null) {
                first[0] = e; // ENOENT: aged out or deleted meanwhile
            }
            return true;
        });
        if (first[0] != null) {
            throw first[0];
        }
        return removed[0];
    }

    // ---------------------------------------------------------------- helpers

    private static long checkMac(String mac) {
        long m = FdbCodec.parseMac(mac);
        if (m < 0) {
            io.netlink4j.core.MacAddress.parse(mac); // throws with the reason
            throw new IllegalArgumentException("invalid MAC address \"" + mac + "\"");
        }
        return m;
    }

    private static void checkVlan(int vlan) {
        if (vlan < 0 || vlan > 4094) {
            throw new IllegalArgumentException("VLAN id " + vlan + " is out of range: 1..4094, or 0 for none");
        }
    }

    private static Link bridge(Links links, String op, String name) {
        Link l = device(links, op, name);
        if (!l.isBridge()) {
            throw Devices.notABridge(op, 0, null, name, l);
        }
        return l;
    }

    private static Link port(Links links, String op, String name) {
        Link l = device(links, op, name);
        if (!l.isBridgePort()) {
            throw Devices.notAPort(op, 0, null, null, name, l);
        }
        return l;
    }

    private static Link device(Links links, String op, String name) {
        return links.find(name).orElseThrow(() -> Devices.noSuchDevice(op, name));
    }
}
