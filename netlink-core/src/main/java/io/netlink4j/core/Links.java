package io.netlink4j.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Generic link operations over a channel: look up (one RTM_GETLINK, never a dump), list,
 * create and delete bridges and veth pairs, up/down, master.
 *
 * <p>Names are checked locally before anything is sent ({@link LinkCodec#validateName}); an unknown
 * device fails with {@link NoSuchDeviceException} naming it. Not thread-safe, like its channel.
 */
public final class Links {
    private final RtnlChannel ch;
    private final NlMsg holder = new NlMsg();

    public Links(RtnlChannel channel) {
        this.ch = channel;
        LinkCodec.init();
    }

    public RtnlChannel channel() {
        return ch;
    }

    /**
     * Writes the RTM_GETLINK request for one link as iproute2 looks a device up
     * (ll_name_to_index / ll_index_to_name): ifinfomsg (index or 0), IFLA_EXT_MASK, then
     * IFLA_IFNAME when looking up by name. The mask VF|SKIP_STATS keeps VF and statistics
     * blocks out of the answer.
     */
    public static void encodeGet(MessageWriter w, int family, int index, String name, int extMask) {
        IfInfoMsg.put(w, family, index, 0, 0);
        w.putU32(LinkCodec.IFLA_EXT_MASK, extMask);
        if (name != null) {
            w.putString(LinkCodec.IFLA_IFNAME, name);
        }
    }

    /** The link called {@code name}. */
    public Link get(String name) {
        return find(name).orElseThrow(() -> NoSuchDeviceException.device("show link " + name, name));
    }

    /** The link called {@code name}, if it exists. */
    public Optional<Link> find(String name) {
        LinkCodec.validateName(name);
        return Optional.ofNullable(query("show link " + name, 0, name, null));
    }

    /**
     * The ifindex of the device called {@code name}, or 0 when there is none: one ioctl on the
     * channel's socket (if_nametoindex in the channel's namespace), no netlink message; an
     * RTM_GETLINK only over a transport without ioctl. Only the index: callers that need the kind
     * or master use {@link #find}.
     */
    public int indexOf(String name) {
        LinkCodec.validateName(name);
        int i = ch.ifindex(name);
        if (i >= 0) {
            return i;
        }
        Link l = query("show link " + name, 0, name, null);
        return l == null ? 0 : l.index();
    }

    /** The link with ifindex {@code index}. */
    public Link get(int index) {
        if (index <= 0) {
            throw new IllegalArgumentException("ifindex must be positive: " + index);
        }
        Link l = query("show link " + index, index, null, null);
        if (l == null) {
            throw NoSuchDeviceException.device("show link " + index, "ifindex " + index);
        }
        return l;
    }

    /**
     * One RTM_GETLINK for one device; {@code hook} sees the nests a higher layer parses. Returns
     * null when the device does not exist.
     */
    public Link query(String op, int index, String name, LinkCodec.Hook hook) {
        MessageWriter w = ch.request(Rtnetlink.RTM_GETLINK, 0);
        encodeGet(w, Rtnetlink.AF_UNSPEC, index, name, Rtnetlink.RTEXT_FILTER_VF | Rtnetlink.RTEXT_FILTER_SKIP_STATS);
        Link[] out = new Link[1];
        try {
            ch.query(op, m -> out[0] = LinkCodec.decode(m, hook));
        } catch (NoSuchDeviceException e) {
            return null;
        }
        return out[0];
    }

    /** Every link of the namespace (one dump). */
    public List<Link> list() {
        List<Link> out = new ArrayList<>();
        dump(Rtnetlink.AF_UNSPEC, 0, null, out::add);
        return out;
    }

    /**
     * Dumps links of {@code family}; with {@code masterIndex > 0} the kernel sends only the ports of
     * that master (IFLA_MASTER filter, honoured under strict checking).
     */
    public void dump(int family, int masterIndex, LinkCodec.Hook hook, Consumer<Link> sink) {
        MessageWriter w = ch.request(Rtnetlink.RTM_GETLINK, NlMsg.NLM_F_DUMP);
        IfInfoMsg.put(w, family, 0, 0, 0);
        w.putU32(LinkCodec.IFLA_EXT_MASK, Rtnetlink.RTEXT_FILTER_VF | Rtnetlink.RTEXT_FILTER_SKIP_STATS);
        if (masterIndex > 0) {
            w.putU32(LinkCodec.IFLA_MASTER, masterIndex);
        }
        List<Link> pass = new ArrayList<>();
        ch.dump("list links", new MessageVisitor() {
            @Override
            public void onMessage(NlMsg m) {
                if (m.type() == Rtnetlink.RTM_NEWLINK) {
                    pass.add(LinkCodec.decode(m, hook));
                }
            }

            @Override
            public void onDumpRestart() {
                pass.clear();
            }
        });
        pass.forEach(sink);
    }

    /** {@code ip link add NAME type bridge}. */
    public void createBridge(String name) {
        create(name, "bridge", null);
    }

    /**
     * {@code ip link add NAME type KIND}, with {@code infoData} (may be null) writing the
     * IFLA_INFO_DATA attributes of that kind.
     */
    public void create(String name, String kind, Consumer<MessageWriter> infoData) {
        LinkCodec.validateName(name);
        MessageWriter w = ch.request(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_CREATE | NlMsg.NLM_F_EXCL | NlMsg.NLM_F_ACK);
        IfInfoMsg.put(w, Rtnetlink.AF_UNSPEC, 0, 0, 0);
        w.putString(LinkCodec.IFLA_IFNAME, name);
        int info = w.beginNest(LinkCodec.IFLA_LINKINFO, false);
        w.putStringNoNul(LinkCodec.IFLA_INFO_KIND, kind);
        if (infoData != null) {
            int data = w.beginNest(LinkCodec.IFLA_INFO_DATA, false);
            infoData.accept(w);
            w.endNest(data);
        }
        w.endNest(info);
        ch.execute("create " + kind + " " + name);
    }

    /** {@code ip link add NAME type veth peer name PEER}. */
    public void createVeth(String name, String peer) {
        LinkCodec.validateName(name);
        LinkCodec.validateName(peer);
        create(name, "veth", w -> {
            int p = w.beginNest(LinkCodec.VETH_INFO_PEER, false);
            IfInfoMsg.put(w, Rtnetlink.AF_UNSPEC, 0, 0, 0);
            w.putString(LinkCodec.IFLA_IFNAME, peer);
            w.endNest(p);
        });
    }

    /** {@code ip link del dev INDEX} as iproute2 sends it after resolving the name. */
    public void delete(int index) {
        MessageWriter w = ch.request(Rtnetlink.RTM_DELLINK, NlMsg.NLM_F_ACK);
        IfInfoMsg.put(w, Rtnetlink.AF_UNSPEC, index, 0, 0);
        ch.execute("delete link " + index);
    }

    /** {@code ip link del NAME}: one request, the kernel resolves the name. */
    public void delete(String name) {
        LinkCodec.validateName(name);
        MessageWriter w = ch.request(Rtnetlink.RTM_DELLINK, NlMsg.NLM_F_ACK);
        IfInfoMsg.put(w, Rtnetlink.AF_UNSPEC, 0, 0, 0);
        w.putString(LinkCodec.IFLA_IFNAME, name);
        ch.execute("delete link " + name);
    }

    /** {@code ip link set dev INDEX up|down} as iproute2 sends it after resolving the name. */
    public void setUp(int index, boolean up) {
        MessageWriter w = ch.request(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_ACK);
        IfInfoMsg.put(w, Rtnetlink.AF_UNSPEC, index, up ? IfInfoMsg.IFF_UP : 0, IfInfoMsg.IFF_UP);
        ch.execute("set link " + index + (up ? " up" : " down"));
    }

    /** {@code ip link set dev NAME up|down}: one request, the kernel resolves the name. */
    public void setUp(String name, boolean up) {
        LinkCodec.validateName(name);
        MessageWriter w = ch.request(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_ACK);
        IfInfoMsg.put(w, Rtnetlink.AF_UNSPEC, 0, up ? IfInfoMsg.IFF_UP : 0, IfInfoMsg.IFF_UP);
        w.putString(LinkCodec.IFLA_IFNAME, name);
        ch.execute("set link " + name + (up ? " up" : " down"));
    }

    /** {@code ip link set dev NAME master MASTER}. */
    public void setMaster(String name, String master) {
        LinkCodec.validateName(name);
        int masterIndex = get(master).index();
        setMaster(get(name).index(), masterIndex, "set link " + name + " master " + master);
    }

    /** {@code ip link set dev NAME nomaster}. */
    public void clearMaster(String name) {
        LinkCodec.validateName(name);
        setMaster(get(name).index(), 0, "set link " + name + " nomaster");
    }

    /** Sets IFLA_MASTER of link {@code index} (0 = release it), as iproute2 does: by ifindex. */
    public void setMaster(int index, int masterIndex, String op) {
        MessageWriter w = ch.request(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_ACK);
        IfInfoMsg.put(w, Rtnetlink.AF_UNSPEC, index, 0, 0);
        w.putU32(LinkCodec.IFLA_MASTER, masterIndex);
        ch.execute(op);
    }
}
