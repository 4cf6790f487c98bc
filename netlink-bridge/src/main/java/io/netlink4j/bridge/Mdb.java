package io.netlink4j.bridge;

import io.netlink4j.core.Link;
import io.netlink4j.core.Links;
import io.netlink4j.core.MessageVisitor;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NetlinkException;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.NotFoundException;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.Errno;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The bridge multicast database (MDB): which ports receive which multicast groups, as
 * {@code bridge mdb} shows and changes it.
 *
 * <pre>{@code
 * Mdb mdb = nl.mdb();
 * mdb.add(MdbSpec.of("br0", "v0", "239.1.1.1"));                       // permanent (*, G)
 * mdb.add(MdbSpec.of("br0", "v0", "ff0e::1").vlan(10).temporary());
 * mdb.add(MdbSpec.of("br0", "v0", "239.1.1.3").source("192.0.2.1"));  // (S, G)
 * MdbTable t = mdb.show("br0");                                        // entries and router ports
 * mdb.delete(MdbSpec.of("br0", "v0", "239.1.1.1"));
 * }</pre>
 *
 * <p>Input is checked before anything is sent: the bridge is a bridge, the port one of its ports
 * (or the bridge itself, for a host join), the group a multicast address the bridge keeps entries
 * for, sources unicast and of the group's family, VLAN 0..4094. The bridge must have multicast
 * snooping on ({@code mcast_snooping 1}); the kernel says so otherwise. Thread-safe.
 */
public final class Mdb {
    private final Fdb.Conversations nl;

    public Mdb(BridgeNetlink nl) {
        this(new Fdb.Conversations() {
            @Override
            public <T> T call(Function<RtnlChannel, T> conversation) {
                return nl.call(conversation);
            }
        });
    }

    Mdb(Fdb.Conversations conversations) {
        this.nl = conversations;
    }

    /** {@code bridge mdb add}: {@link io.netlink4j.core.AlreadyExistsException} if the entry exists. */
    public void add(MdbSpec entry) {
        change("mdb add ", entry, Rtnetlink.RTM_NEWMDB, NlMsg.NLM_F_CREATE | NlMsg.NLM_F_EXCL);
    }

    /** {@code bridge mdb replace} (kernel 6.3+): creates the entry or changes its state, filter mode, sources. */
    public void replace(MdbSpec entry) {
        change("mdb replace ", entry, Rtnetlink.RTM_NEWMDB, NlMsg.NLM_F_CREATE | NlMsg.NLM_F_REPLACE);
    }

    /** {@code bridge mdb del}: the kernel answers EINVAL (not ENOENT) when there is no such entry. */
    public void delete(MdbSpec entry) {
        change("mdb del ", entry, Rtnetlink.RTM_DELMDB, 0);
    }

    private void change(String verb, MdbSpec s, int type, int flags) {
        String op = verb + (type == Rtnetlink.RTM_DELMDB ? s.withoutState() : s.toString());
        nl.call(ch -> {
            MdbCodec.Resolved r = resolve(new Links(ch), s);
            MessageWriter w = ch.request(type, flags);
            MdbCodec.encodeSet(w, r, type == Rtnetlink.RTM_DELMDB);
            try {
                ch.execute(op);
            } catch (NetlinkException e) {
                throw explain(e, op, type == Rtnetlink.RTM_DELMDB);
            }
            return null;
        });
    }

    private static NetlinkException explain(NetlinkException e, String op, boolean delete) {
        boolean noText = e.kernelMessage() == null || e.kernelMessage().isEmpty();
        String hint = null;
        if (e.errno() == Errno.EINVAL && noText && delete) {
            hint = "there is no such MDB entry (the kernel answers a missing entry with EINVAL)";
        } else if (e.errno() == Errno.EEXIST) {
            hint = "the entry exists; use replace() to change it";
        }
        return hint == null ? e : NetlinkException.of(op, e.errno(), e.kernelMessage(), e.badAttribute(), hint);
    }

    /** Every bridge's entries and router ports. */
    public MdbTable show() {
        return show(null);
    }

    /** The entries and router ports of {@code bridge} (null = every bridge). */
    public MdbTable show(String bridge) {
        return nl.call(ch -> {
            Links links = new Links(ch);
            Map<Integer, String> names = new HashMap<>();
            for (Link l : links.list()) {
                names.put(l.index(), l.name());
            }
            int br = 0;
            if (bridge != null) {
                br = bridge(links, bridge).index();
            }
            List<MdbEntry> entries = new ArrayList<>();
            List<MdbRouterPort> routers = new ArrayList<>();
            MessageWriter w = ch.request(Rtnetlink.RTM_GETMDB, 0);
            MdbCodec.encodeDump(w);
            int want = br;
            ch.dump("mdb show" + (bridge != null ? " dev " + bridge : ""), new MessageVisitor() {
                @Override
                public void onMessage(NlMsg m) {
                    // the kernel cannot filter an MDB dump by bridge: skip the others here
                    if (want == 0 || m.payloadLength() < MdbCodec.BR_PORT_MSG_LENGTH
                            || m.buffer().getInt(m.payloadOffset() + MdbCodec.BPM_IFINDEX_OFFSET) == want) {
                        MdbCodec.decode(m, names::get, entries, routers);
                    }
                }

                @Override
                public void onDumpRestart() {
                    entries.clear();
                    routers.clear();
                }
            });
            return new MdbTable(entries, routers);
        });
    }

    /** The group entries of {@code bridge} (null = every bridge). */
    public List<MdbEntry> list(String bridge) {
        return show(bridge).entries();
    }

    /**
     * {@code bridge mdb get dev BRIDGE grp GROUP [src SOURCE] [vid VID]} (kernel 6.8+): the
     * ports of one group, or an empty list when the bridge has no such entry.
     */
    public List<MdbEntry> get(String bridge, String group, int vlan, String source) {
        MdbAddress g = MdbAddress.parse("group", group);
        checkGroup(g, group);
        checkVlan(vlan);
        MdbAddress src = source == null ? null : checkSource(g, source);
        String op = "mdb get dev " + bridge + " grp " + group + (source != null ? " src " + source : "")
                + (vlan != 0 ? " vid " + vlan : "");
        return nl.call(ch -> {
            Links links = new Links(ch);
            Link br = bridge(links, bridge);
            MessageWriter w = ch.request(Rtnetlink.RTM_GETMDB, 0);
            MdbCodec.encodeGet(w, br.index(), g, vlan, src);
            List<MdbEntry> entries = new ArrayList<>();
            List<MdbRouterPort> routers = new ArrayList<>();
            try {
                ch.query(op, m -> MdbCodec.decode(m, i -> i == br.index() ? br.name() : null, entries, routers));
            } catch (NotFoundException e) {
                return List.<MdbEntry>of();
            }
            List<MdbEntry> named = new ArrayList<>(entries.size());
            for (MdbEntry e : entries) {
                Link pl = e.portIndex() == br.index() ? br : links.query("show link " + e.portIndex(), e.portIndex(), null, null);
                String port = pl == null ? null : pl.name();
                named.add(new MdbEntry(e.bridgeIndex(), e.bridge(), e.portIndex(), port, e.group(), e.kind(), e.vlan(),
                        e.permanent(), e.flags(), e.source(), e.filterMode(), e.sources(), e.protocol(), e.timer()));
            }
            return named;
        });
    }

    // ---------------------------------------------------------------- validation

    /** Checks {@code s} as a whole and looks its devices up; throws IllegalArgumentException naming the problem. */
    static MdbCodec.Resolved resolve(Links links, MdbSpec s) {
        if (s.bridge() == null || s.port() == null) {
            throw new IllegalArgumentException("an MDB entry needs a bridge and a port: " + s);
        }
        MdbAddress g = MdbAddress.parse("group", s.group());
        checkGroup(g, s.group());
        checkVlan(s.vlan());
        MdbAddress src = s.source() == null ? null : checkSource(g, s.source());
        List<MdbAddress> list = new ArrayList<>();
        for (String a : s.sourceList()) {
            list.add(checkSource(g, a));
        }
        if (g.isL2() && (s.filterMode() != null || !list.isEmpty())) {
            throw new IllegalArgumentException("an L2 group (" + s.group() + ") has no filter mode or source list");
        }
        if (src != null && (s.filterMode() != null || !list.isEmpty())) {
            throw new IllegalArgumentException("an (S, G) entry has no filter mode or source list of its own: " + s);
        }
        if (!list.isEmpty() && s.filterMode() == null) {
            throw new IllegalArgumentException("a source list needs a filter mode (include or exclude): " + s);
        }
        if (s.protocol() != 0 && (s.protocol() < 4 || s.protocol() > 255)) {
            throw new IllegalArgumentException("protocol " + s.protocol() + " is out of range: 4 (static) .. 255");
        }
        Link br = bridge(links, s.bridge());
        Link port = links.get(s.port());
        boolean host = port.index() == br.index();
        if (!host && port.master() != br.index()) {
            throw new IllegalArgumentException(port.isBridgePort() || port.master() != 0
                    ? s.port() + " is not a port of " + s.bridge() : Devices.notAPort(s.port(), port));
        }
        if (host && (s.permanent() || src != null || s.filterMode() != null || !list.isEmpty() || s.protocol() != 0)) {
            throw new IllegalArgumentException("a host entry (port " + s.port() + " is the bridge itself) must be"
                    + " temporary, without source, filter mode, source list or protocol: " + s);
        }
        return new MdbCodec.Resolved(br.index(), port.index(), g, s.vlan(), s.permanent(), src, s.filterMode(), list,
                s.protocol());
    }

    private static void checkGroup(MdbAddress g, String text) {
        String problem = g.groupProblem();
        if (problem != null) {
            throw new IllegalArgumentException("group " + text + " " + problem);
        }
    }

    private static MdbAddress checkSource(MdbAddress group, String text) {
        MdbAddress a = MdbAddress.parse("source", text);
        if (group.isL2()) {
            throw new IllegalArgumentException("an L2 group has no sources (source " + text + ")");
        }
        if (a.proto() != group.proto()) {
            throw new IllegalArgumentException("source " + text + " is not of the group's address family");
        }
        boolean multicast = a.isIpv4() ? (a.bytes()[0] & 0xf0) == 0xe0 : (a.bytes()[0] & 0xff) == 0xff;
        boolean zero = true;
        for (byte b : a.bytes()) {
            zero &= b == 0;
        }
        if (multicast || zero) {
            throw new IllegalArgumentException("source " + text + " must be a unicast address");
        }
        return a;
    }

    private static void checkVlan(int vlan) {
        if (vlan < 0 || vlan > 4094) {
            throw new IllegalArgumentException("VLAN id " + vlan + " is out of range: 1..4094, or 0 for none");
        }
    }

    private static Link bridge(Links links, String name) {
        Link l = links.get(name);
        if (!l.isBridge()) {
            throw new IllegalArgumentException(Devices.notABridge(name, l));
        }
        return l;
    }
}
