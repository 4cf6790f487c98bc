package io.netlink4j.bridge;

import io.netlink4j.core.IfInfoMsg;
import io.netlink4j.core.Link;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.Links;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NetlinkException;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.NoSuchDeviceException;
import io.netlink4j.core.NotSupportedException;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;

/**
 * Bridge devices: create with options, read settings and STP status, change settings, delete.
 *
 * <pre>{@code
 * nl.bridges().create("br1", BridgeSettings.builder().stpState(1).priority(4096).build());
 * nl.bridges().set("br1", BridgeSettings.builder().stpState(0).build());
 * BridgeInfo b = nl.bridges().get("br1");
 * nl.bridges().delete("br1");
 * }</pre>
 *
 * <p>On a kernel without CONFIG_BRIDGE_VLAN_FILTERING any request carrying vlan_filtering (even
 * false) fails with {@link VlanFilteringUnsupportedException}.
 */
public final class Bridges {
    private final BridgeNetlink nl;

    Bridges(BridgeNetlink nl) {
        this.nl = nl;
        BridgeCodec.init();
    }

    /** {@code ip link add NAME type bridge}. */
    public void create(String name) {
        create(name, BridgeSettings.builder().build());
    }

    /** {@code ip link add NAME type bridge OPTIONS}: one RTM_NEWLINK. */
    public void create(String name, BridgeSettings s) {
        LinkCodec.validateName(name);
        check(s);
        nl.call(ch -> {
            create(ch, name, s);
            return null;
        });
    }

    /** The bridge called {@code name}: one RTM_GETLINK. */
    public BridgeInfo get(String name) {
        LinkCodec.validateName(name);
        return nl.call(ch -> get(ch, 0, name));
    }

    /**
     * {@code ip link set dev NAME type bridge OPTIONS}: one RTM_NEWLINK, nothing sent if {@code s}
     * is empty. Not all-or-nothing: the kernel (br_changelink) applies the settings one by one and
     * does not undo the earlier ones when a later one fails (e.g. hello_time applied, then max_age
     * out of range: ERANGE); such an exception says that settings may already be in effect. A
     * {@link #create} that fails leaves no bridge behind.
     */
    public void set(String name, BridgeSettings s) {
        LinkCodec.validateName(name);
        check(s);
        nl.call(ch -> {
            set(ch, 0, name, s);
            return null;
        });
    }

    /** As {@link #set(String, BridgeSettings)}, by ifindex (the exact bytes iproute2 sends). */
    public void set(int ifindex, BridgeSettings s) {
        if (ifindex <= 0) {
            throw new IllegalArgumentException("ifindex must be positive: " + ifindex);
        }
        check(s);
        nl.call(ch -> {
            set(ch, ifindex, null, s);
            return null;
        });
    }

    /**
     * Deletes bridge {@code name} (its ports are released, not deleted). Looks it up first so that
     * a device that is not a bridge is never deleted by mistake.
     */
    public void delete(String name) {
        LinkCodec.validateName(name);
        nl.call(ch -> {
            delete(ch, name);
            return null;
        });
    }

    // ---------------------------------------------------------------- conversations

    public static void create(RtnlChannel ch, String name, BridgeSettings s) {
        MessageWriter w = ch.request(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_CREATE | NlMsg.NLM_F_EXCL | NlMsg.NLM_F_ACK);
        BridgeCodec.encodeCreate(w, name, s);
        String op = "create bridge " + name;
        try {
            ch.execute(op);
        } catch (NotSupportedException e) {
            throw vlanFilteringOr(s, e);
        }
    }

    public static BridgeInfo get(RtnlChannel ch, int index, String name) {
        String dev = Devices.label(index, name);
        String op = "show bridge " + dev;
        BridgeLinkHook hook = new BridgeLinkHook();
        BridgeInfo.Builder b = hook.bridge;
        Link link = new Links(ch).query(op, index, name, hook);
        if (link == null) {
            throw Devices.noSuchDevice(op, dev);
        }
        if (!link.isBridge()) {
            throw Devices.notABridge(op, 0, null, dev, link); // a read: no errno from the kernel
        }
        return b.build(link);
    }

    public static void set(RtnlChannel ch, int index, String name, BridgeSettings s) {
        if (s.isEmpty()) {
            return;
        }
        String dev = Devices.label(index, name);
        String op = "set bridge " + dev;
        MessageWriter w = ch.request(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_ACK);
        BridgeCodec.encodeSet(w, index, name, s);
        try {
            ch.execute(op);
        } catch (NotSupportedException e) {
            // EOPNOTSUPP without text: the device is of another kind, or VLAN filtering is compiled out
            Link link = Devices.afterNotSupported(ch, index, name, e);
            if (link == null) {
                throw Devices.noSuchDevice(op, dev);
            }
            if (!link.isBridge()) {
                throw Devices.notABridge(op, e.errno(), e.kernelMessage(), dev, link);
            }
            NetlinkException n = vlanFilteringOr(s, e);
            throw PartialUpdate.possible(s) ? PartialUpdate.say(n) : n;
        } catch (NoSuchDeviceException e) {
            throw Devices.noSuchDevice(op, dev, e);
        } catch (NetlinkException e) {
            throw PartialUpdate.possible(s) ? PartialUpdate.say(e) : e;
        }
    }

    public static void delete(RtnlChannel ch, String name) {
        String op = "delete bridge " + name;
        // checked first: RTM_DELLINK would delete a device of any kind
        Link link = Devices.bridge(ch, op, name, null);
        MessageWriter w = ch.request(Rtnetlink.RTM_DELLINK, NlMsg.NLM_F_ACK);
        IfInfoMsg.put(w, Rtnetlink.AF_UNSPEC, link.index(), 0, 0);
        try {
            ch.execute(op);
        } catch (NoSuchDeviceException e) {
            throw Devices.noSuchDevice(op, name, e);
        }
    }

    private static NetlinkException vlanFilteringOr(BridgeSettings s, NotSupportedException e) {
        if (s.has(BridgeCodec.IFLA_BR_VLAN_FILTERING)) {
            return VlanFilteringUnsupportedException.from(e);
        }
        return e;
    }

    private static void check(BridgeSettings s) {
        if (s == null) {
            throw new IllegalArgumentException("bridge settings are null");
        }
    }
}
