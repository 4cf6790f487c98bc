package io.netlink4j.bridge;

import io.netlink4j.core.Errno;
import io.netlink4j.core.IfInfoMsg;
import io.netlink4j.core.Link;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.Links;
import io.netlink4j.core.MessageVisitor;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NetlinkException;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.NoSuchDeviceException;
import io.netlink4j.core.NotSupportedException;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Bridge ports: read a port's settings and STP status, list the ports of a bridge, and change
 * any combination of settings in one request.
 *
 * <pre>{@code
 * BridgePorts ports = nl.ports();
 * ports.set("eth1", PortSettings.builder().proxyArp(true).hairpin(true).build());
 * PortInfo p = ports.get("eth1");                      // one RTM_GETLINK, no dump
 * for (PortInfo q : ports.list("br0")) { ... }         // one dump, filtered by the kernel
 * }</pre>
 *
 * <p>The static methods do the same within a conversation the caller already holds
 * ({@link BridgeNetlink#call}). Thread-safe through the handle.
 */
public final class BridgePorts {
    private final BridgeNetlink nl;

    BridgePorts(BridgeNetlink nl) {
        this.nl = nl;
        PortCodec.init();
    }

    /** The port called {@code dev}: one RTM_GETLINK. */
    public PortInfo get(String dev) {
        LinkCodec.validateName(dev);
        return nl.call(ch -> get(ch, 0, dev));
    }

    /** The port with ifindex {@code ifindex}: one RTM_GETLINK. */
    public PortInfo get(int ifindex) {
        checkIndex(ifindex);
        return nl.call(ch -> get(ch, ifindex, null));
    }

    /** The ports of bridge {@code bridge}: one lookup, then one dump filtered by master in the kernel. */
    public List<PortInfo> list(String bridge) {
        LinkCodec.validateName(bridge);
        return nl.call(ch -> list(ch, bridge));
    }

    /**
     * Applies every setting of {@code s} to port {@code dev} in one RTM_NEWLINK. Nothing is sent
     * when {@code s} is empty.
     *
     * <p>Not all-or-nothing: the kernel (br_setport) sets the on/off flags (proxy_arp, hairpin,
     * learning, …) together, then cost, priority, state, flush, mcast_router, group_fwd_mask,
     * backup_port, … one by one, and does not undo the earlier steps when a later one fails (e.g.
     * state while kernel STP runs: EBUSY). Such an exception says that settings may already be in
     * effect. An update of on/off flags only is applied entirely or not at all.
     *
     * @throws NoSuchDeviceException    no such device
     * @throws NotABridgePortException  the device is not a port of a bridge
     * @throws NetlinkException         the kernel refused a setting (its errno and text)
     */
    public void set(String dev, PortSettings s) {
        LinkCodec.validateName(dev);
        checkSettings(s);
        nl.call(ch -> {
            set(ch, 0, dev, s);
            return null;
        });
    }

    /** As {@link #set(String, PortSettings)}, by ifindex (the exact bytes iproute2 sends). */
    public void set(int ifindex, PortSettings s) {
        checkIndex(ifindex);
        checkSettings(s);
        nl.call(ch -> {
            set(ch, ifindex, null, s);
            return null;
        });
    }

    /** {@link #setAll(List, BulkOptions)} with window 64, stopping at the first refusal. */
    public PortBulkResult setAll(List<PortUpdate> updates) {
        return setAll(updates, BulkOptions.defaults());
    }

    /**
     * Applies many port updates pipelined over one socket, as the FDB bulk path does: up to
     * {@link BulkOptions#window()} requests in flight, several per datagram, each ACK matched to
     * its update. Every device is resolved first (each name once, without a netlink round trip);
     * if one is missing or a name is invalid nothing is sent. Each update is one AF_BRIDGE
     * RTM_SETLINK, with the same per-update semantics as {@link #set(String, PortSettings)};
     * refusals are explained after the run (one request each) and reported per update.
     *
     * <p>A run that breaks (timeout, overrun, failed send) still returns a result, with the
     * exception in {@link PortBulkResult#interruption()} and a {@link BulkStatus} for every
     * update: the updates whose answers were lost are read back from their ports on a fresh
     * channel ({@link BulkStatus#APPLIED} or {@link BulkStatus#NOT_APPLIED}), or reported
     * {@link BulkStatus#UNKNOWN} where reading back cannot tell.
     *
     * @throws IllegalArgumentException listing the updates whose device is missing (nothing was sent)
     */
    public PortBulkResult setAll(List<PortUpdate> updates, BulkOptions options) {
        List<PortUpdate> copy = List.copyOf(updates);
        return PortBulk.run(nl, copy, options);
    }

    // ---------------------------------------------------------------- conversations

    /** One RTM_GETLINK for the port with {@code index} (if > 0) or {@code name}. */
    public static PortInfo get(RtnlChannel ch, int index, String name) {
        String dev = Devices.label(index, name);
        String op = "show port " + dev;
        BridgeLinkHook hook = new BridgeLinkHook();
        PortInfo.Builder b = hook.port;
        Link link = new Links(ch).query(op, index, name, hook);
        if (link == null) {
            throw Devices.noSuchDevice(op, dev);
        }
        if (!b.seen) {
            throw Devices.notAPort(op, 0, null, null, dev, link); // a read: no errno from the kernel
        }
        return b.build(link);
    }

    /** The ports of {@code bridge}: a lookup of the bridge, then a dump with the IFLA_MASTER filter. */
    public static List<PortInfo> list(RtnlChannel ch, String bridge) {
        return list(ch, Devices.bridge(ch, "list ports of " + bridge, bridge, null).index());
    }

    /** The ports of the bridge with ifindex {@code bridgeIndex} (one dump). */
    public static List<PortInfo> list(RtnlChannel ch, int bridgeIndex) {
        MessageWriter w = ch.request(Rtnetlink.RTM_GETLINK, NlMsg.NLM_F_DUMP);
        IfInfoMsg.put(w, Rtnetlink.AF_UNSPEC, 0, 0, 0);
        w.putU32(LinkCodec.IFLA_EXT_MASK, Rtnetlink.RTEXT_FILTER_VF | Rtnetlink.RTEXT_FILTER_SKIP_STATS);
        w.putU32(LinkCodec.IFLA_MASTER, bridgeIndex);
        List<PortInfo> out = new ArrayList<>();
        ch.dump("list ports of ifindex " + bridgeIndex, new MessageVisitor() {
            @Override
            public void onMessage(NlMsg m) {
                if (m.type() != Rtnetlink.RTM_NEWLINK) {
                    return;
                }
                BridgeLinkHook hook = new BridgeLinkHook();
                PortInfo.Builder b = hook.port;
                Link l = LinkCodec.decode(m, hook);
                // the kernel filters under strict checking; checked again so a lax kernel cannot mislead
                if (b.seen && l.master() == bridgeIndex) {
                    out.add(b.build(l));
                }
            }

            @Override
            public void onDumpRestart() {
                out.clear();
            }
        });
        return out;
    }

    /**
     * Sends one port update for the device with {@code index} (if > 0) or {@code name}; on
     * EOPNOTSUPP, looks the device up to say why.
     *
     * <p>By name, the device is first resolved to its ifindex with an ioctl on the channel's socket
     * (no netlink round trip). By name or ifindex, the update goes as AF_BRIDGE RTM_SETLINK + IFLA_PROTINFO
     * ({@code bridge link set}): the same kernel function (br_setport) as the RTM_NEWLINK form,
     * without the generic link change around it, about half the kernel's work per update. That
     * path parses the attributes without extended ACK, so a refusal without text is asked again in
     * the RTM_NEWLINK form (by the same ifindex) to get the kernel's text and attribute: the
     * policy check refuses before anything is applied, and repeating the same values changes
     * nothing more. Over a transport without ioctl, a name goes in the RTM_NEWLINK form (the
     * bytes of {@code ip link set}, with IFLA_IFNAME instead of the index).
     */
    public static void set(RtnlChannel ch, int index, String name, PortSettings s) {
        if (s.isEmpty()) {
            return;
        }
        String dev = Devices.label(index, name);
        String op = "set port " + dev;
        int resolved = index > 0 ? index : ch.ifindex(name);
        if (resolved == 0) {
            throw Devices.noSuchDevice(op, dev);
        }
        MessageWriter w;
        if (resolved > 0) {
            w = ch.request(Rtnetlink.RTM_SETLINK, NlMsg.NLM_F_ACK);
            PortCodec.encodeProtinfoSet(w, resolved, s);
        } else {
            w = ch.request(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_ACK);
            PortCodec.encodeSet(w, index, name, s);
        }
        try {
            ch.execute(op);
        } catch (NotSupportedException e) {
            throw diagnose(ch, op, index, name, dev, e);
        } catch (NoSuchDeviceException e) {
            throw Devices.noSuchDevice(op, dev, e);
        } catch (NetlinkException e) {
            if (resolved > 0 && noText(e)) {
                setAsNewlink(ch, resolved, s, op, name);
                return;
            }
            throw PartialUpdate.possible(s) ? PartialUpdate.say(e) : e;
        }
    }

    /** The RTM_NEWLINK form by ifindex, after a textless refusal of the RTM_SETLINK form. */
    static void setAsNewlink(RtnlChannel ch, int index, PortSettings s, String op, String name) {
        MessageWriter w = ch.request(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_ACK);
        PortCodec.encodeSet(w, index, null, s);
        try {
            ch.execute(op);
        } catch (NotSupportedException e) {
            throw diagnose(ch, op, 0, name, name, e);
        } catch (NetlinkException e) {
            throw PartialUpdate.possible(s) ? PartialUpdate.say(e) : e;
        }
    }

    static boolean noText(NetlinkException e) {
        return (e.errno() == Errno.EINVAL || e.errno() == Errno.ERANGE)
                && (e.kernelMessage() == null || e.kernelMessage().isEmpty());
    }

    /** EOPNOTSUPP comes without text: find out whether the device is missing, a bridge, or no port. */
    static NetlinkException diagnose(RtnlChannel ch, String op, int index, String name, String dev,
                                             NotSupportedException e) {
        Link link = Devices.afterNotSupported(ch, index, name, e);
        if (link == null) {
            return Devices.noSuchDevice(op, dev);
        }
        if ("bridge".equals(link.slaveKind())) {
            return e;
        }
        NetlinkException n = Devices.notAPort(op, e.errno(), e.kernelMessage(), null, dev, link);
        n.initCause(e);
        return n;
    }

    private static void checkIndex(int ifindex) {
        if (ifindex <= 0) {
            throw new IllegalArgumentException("ifindex must be positive: " + ifindex);
        }
    }

    private static void checkSettings(PortSettings s) {
        if (s == null) {
            throw new IllegalArgumentException("port settings are null");
        }
    }
}
