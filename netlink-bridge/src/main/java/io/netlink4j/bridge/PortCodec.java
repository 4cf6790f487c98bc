package io.netlink4j.bridge;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.AttributeNamer;
import io.netlink4j.core.IfInfoMsg;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.Rtnetlink;
import java.nio.charset.StandardCharsets;

/**
 * The IFLA_BRPORT_* attributes of a bridge port (linux/if_link.h): their encoding in a port
 * update and their decoding from IFLA_LINKINFO › IFLA_INFO_SLAVE_DATA (or IFLA_PROTINFO of an
 * AF_BRIDGE message, which carries the same attributes).
 *
 * <p><b>Why RTM_NEWLINK + IFLA_INFO_SLAVE_DATA</b> ({@code ip link set dev v0 type bridge_slave …})
 * rather than AF_BRIDGE RTM_SETLINK + IFLA_PROTINFO ({@code bridge link set …}): both reach the same
 * kernel function (br_setport, under the bridge lock, after the policy has checked every
 * attribute's type and length; it applies the flags together and the other settings one by one,
 * without undoing earlier steps on a later failure: see BridgePorts#set), but only
 * RTM_NEWLINK accepts the device by name (IFLA_IFNAME), and rtnl_bridge_setlink looks the device
 * up by ifi_index only. The slave form is also what the kernel reports back (the same nest we
 * decode) and its errors point into IFLA_LINKINFO › IFLA_INFO_SLAVE_DATA, which we name. Since
 * names resolve without a round trip (ioctl SIOCGIFINDEX), {@link BridgePorts#set} by name sends
 * the AF_BRIDGE form: it skips the generic link change (do_setlink and its full RTM_NEWLINK
 * notification) and costs the kernel about half as much per update. Caveat of
 * both forms: the kernel does not check IFLA_INFO_KIND "bridge_slave" against the master, so a port
 * of another kind of master (a bond) would have the attributes read by that master's policy.
 */
public final class PortCodec {
    private PortCodec() {}

    public static final int IFLA_BRPORT_STATE = 1;
    public static final int IFLA_BRPORT_PRIORITY = 2;
    public static final int IFLA_BRPORT_COST = 3;
    public static final int IFLA_BRPORT_MODE = 4;
    public static final int IFLA_BRPORT_GUARD = 5;
    public static final int IFLA_BRPORT_PROTECT = 6;
    public static final int IFLA_BRPORT_FAST_LEAVE = 7;
    public static final int IFLA_BRPORT_LEARNING = 8;
    public static final int IFLA_BRPORT_UNICAST_FLOOD = 9;
    public static final int IFLA_BRPORT_PROXYARP = 10;
    public static final int IFLA_BRPORT_LEARNING_SYNC = 11;
    public static final int IFLA_BRPORT_PROXYARP_WIFI = 12;
    public static final int IFLA_BRPORT_ROOT_ID = 13;
    public static final int IFLA_BRPORT_BRIDGE_ID = 14;
    public static final int IFLA_BRPORT_DESIGNATED_PORT = 15;
    public static final int IFLA_BRPORT_DESIGNATED_COST = 16;
    public static final int IFLA_BRPORT_ID = 17;
    public static final int IFLA_BRPORT_NO = 18;
    public static final int IFLA_BRPORT_TOPOLOGY_CHANGE_ACK = 19;
    public static final int IFLA_BRPORT_CONFIG_PENDING = 20;
    public static final int IFLA_BRPORT_MESSAGE_AGE_TIMER = 21;
    public static final int IFLA_BRPORT_FORWARD_DELAY_TIMER = 22;
    public static final int IFLA_BRPORT_HOLD_TIMER = 23;
    public static final int IFLA_BRPORT_FLUSH = 24;
    public static final int IFLA_BRPORT_MULTICAST_ROUTER = 25;
    public static final int IFLA_BRPORT_PAD = 26;
    public static final int IFLA_BRPORT_MCAST_FLOOD = 27;
    public static final int IFLA_BRPORT_MCAST_TO_UCAST = 28;
    public static final int IFLA_BRPORT_VLAN_TUNNEL = 29;
    public static final int IFLA_BRPORT_BCAST_FLOOD = 30;
    public static final int IFLA_BRPORT_GROUP_FWD_MASK = 31;
    public static final int IFLA_BRPORT_NEIGH_SUPPRESS = 32;
    public static final int IFLA_BRPORT_ISOLATED = 33;
    public static final int IFLA_BRPORT_BACKUP_PORT = 34;
    public static final int IFLA_BRPORT_MRP_RING_OPEN = 35;
    public static final int IFLA_BRPORT_MRP_IN_OPEN = 36;
    public static final int IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT = 37;
    public static final int IFLA_BRPORT_MCAST_EHT_HOSTS_CNT = 38;
    public static final int IFLA_BRPORT_LOCKED = 39;
    public static final int IFLA_BRPORT_MAB = 40;
    public static final int IFLA_BRPORT_MCAST_N_GROUPS = 41;
    public static final int IFLA_BRPORT_MCAST_MAX_GROUPS = 42;
    public static final int IFLA_BRPORT_NEIGH_VLAN_SUPPRESS = 43;
    public static final int IFLA_BRPORT_BACKUP_NHID = 44;

    /** iproute2 names the kind of a port update "bridge_slave" (sent without a NUL). */
    static final byte[] SLAVE_KIND = "bridge_slave".getBytes(StandardCharsets.US_ASCII);

    static final int FLAG = AttrValues.FLAG;

    /** Wire width of each writable attribute (1, 2, 4 bytes or FLAG); 0 = read-only or unknown. */
    static final int[] WIDTH = new int[64];

    private static final String[] NAMES = {
        null, "IFLA_BRPORT_STATE", "IFLA_BRPORT_PRIORITY", "IFLA_BRPORT_COST", "IFLA_BRPORT_MODE",
        "IFLA_BRPORT_GUARD", "IFLA_BRPORT_PROTECT", "IFLA_BRPORT_FAST_LEAVE", "IFLA_BRPORT_LEARNING",
        "IFLA_BRPORT_UNICAST_FLOOD", "IFLA_BRPORT_PROXYARP", "IFLA_BRPORT_LEARNING_SYNC",
        "IFLA_BRPORT_PROXYARP_WIFI", "IFLA_BRPORT_ROOT_ID", "IFLA_BRPORT_BRIDGE_ID",
        "IFLA_BRPORT_DESIGNATED_PORT", "IFLA_BRPORT_DESIGNATED_COST", "IFLA_BRPORT_ID", "IFLA_BRPORT_NO",
        "IFLA_BRPORT_TOPOLOGY_CHANGE_ACK", "IFLA_BRPORT_CONFIG_PENDING", "IFLA_BRPORT_MESSAGE_AGE_TIMER",
        "IFLA_BRPORT_FORWARD_DELAY_TIMER", "IFLA_BRPORT_HOLD_TIMER", "IFLA_BRPORT_FLUSH",
        "IFLA_BRPORT_MULTICAST_ROUTER", "IFLA_BRPORT_PAD", "IFLA_BRPORT_MCAST_FLOOD",
        "IFLA_BRPORT_MCAST_TO_UCAST", "IFLA_BRPORT_VLAN_TUNNEL", "IFLA_BRPORT_BCAST_FLOOD",
        "IFLA_BRPORT_GROUP_FWD_MASK", "IFLA_BRPORT_NEIGH_SUPPRESS", "IFLA_BRPORT_ISOLATED",
        "IFLA_BRPORT_BACKUP_PORT", "IFLA_BRPORT_MRP_RING_OPEN", "IFLA_BRPORT_MRP_IN_OPEN",
        "IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT", "IFLA_BRPORT_MCAST_EHT_HOSTS_CNT", "IFLA_BRPORT_LOCKED",
        "IFLA_BRPORT_MAB", "IFLA_BRPORT_MCAST_N_GROUPS", "IFLA_BRPORT_MCAST_MAX_GROUPS",
        "IFLA_BRPORT_NEIGH_VLAN_SUPPRESS", "IFLA_BRPORT_BACKUP_NHID"
    };

    static {
        for (int t : new int[] {IFLA_BRPORT_STATE, IFLA_BRPORT_MODE, IFLA_BRPORT_GUARD, IFLA_BRPORT_PROTECT,
                IFLA_BRPORT_FAST_LEAVE, IFLA_BRPORT_LEARNING, IFLA_BRPORT_UNICAST_FLOOD, IFLA_BRPORT_PROXYARP,
                IFLA_BRPORT_LEARNING_SYNC, IFLA_BRPORT_PROXYARP_WIFI, IFLA_BRPORT_MULTICAST_ROUTER,
                IFLA_BRPORT_MCAST_FLOOD, IFLA_BRPORT_MCAST_TO_UCAST, IFLA_BRPORT_VLAN_TUNNEL,
                IFLA_BRPORT_BCAST_FLOOD, IFLA_BRPORT_NEIGH_SUPPRESS, IFLA_BRPORT_ISOLATED, IFLA_BRPORT_LOCKED,
                IFLA_BRPORT_MAB, IFLA_BRPORT_NEIGH_VLAN_SUPPRESS}) {
            WIDTH[t] = 1;
        }
        WIDTH[IFLA_BRPORT_PRIORITY] = 2;
        WIDTH[IFLA_BRPORT_GROUP_FWD_MASK] = 2;
        for (int t : new int[] {IFLA_BRPORT_COST, IFLA_BRPORT_BACKUP_PORT, IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT,
                IFLA_BRPORT_MCAST_MAX_GROUPS, IFLA_BRPORT_BACKUP_NHID}) {
            WIDTH[t] = 4;
        }
        WIDTH[IFLA_BRPORT_FLUSH] = FLAG;
        AttributeNamer.register(path -> {
            if (path.length == 3 && path[0] == LinkCodec.IFLA_LINKINFO && path[1] == LinkCodec.IFLA_INFO_SLAVE_DATA) {
                return name(path[2]);
            }
            if (path.length == 2 && path[0] == LinkCodec.IFLA_PROTINFO) {
                return name(path[1]);
            }
            return null;
        }, Rtnetlink.RTM_NEWLINK, Rtnetlink.RTM_SETLINK);
    }

    /**
     * True for the on/off settings br_setport applies together (br_set_port_flag) before the
     * others; STATE and MULTICAST_ROUTER are u8 but applied one by one after them.
     */
    static boolean isFlag(int type) {
        return WIDTH[type] == 1 && type != IFLA_BRPORT_STATE && type != IFLA_BRPORT_MULTICAST_ROUTER;
    }

    /** The uapi name of an IFLA_BRPORT_* type, or null. */
    public static String name(int type) {
        return type > 0 && type < NAMES.length ? NAMES[type] : null;
    }

    /** Loads the class so that the attribute names are registered for error reports. */
    public static void init() {
        // the static initializer did the work
    }

    /**
     * Writes a whole port update as {@code ip link set dev NAME type bridge_slave …} does:
     * RTM_NEWLINK's ifinfomsg (the device by {@code index}, or by {@code name} when index is 0),
     * IFLA_LINKINFO › IFLA_INFO_KIND "bridge_slave" + IFLA_INFO_SLAVE_DATA › the set attributes in the
     * order they were set. Nests without NLA_F_NESTED, like iproute2.
     */
    public static void encodeSet(MessageWriter w, int index, String name, PortSettings s) {
        IfInfoMsg.put(w, Rtnetlink.AF_UNSPEC, index, 0, 0);
        if (index == 0) {
            w.putString(LinkCodec.IFLA_IFNAME, name);
        }
        int info = w.beginNest(LinkCodec.IFLA_LINKINFO, false);
        w.putBytes(LinkCodec.IFLA_INFO_KIND, SLAVE_KIND);
        int data = w.beginNest(LinkCodec.IFLA_INFO_SLAVE_DATA, false);
        encodeAttributes(w, s);
        w.endNest(data);
        w.endNest(info);
    }

    /**
     * Writes the body of the other form, {@code bridge link set dev DEV …}: an AF_BRIDGE
     * RTM_SETLINK for ifindex {@code index} with IFLA_PROTINFO › the set attributes. The nest must
     * carry NLA_F_NESTED: without it br_setlink reads IFLA_PROTINFO as the legacy single u8 state.
     * {@link BridgePorts#set} by name sends it (see the class comment); it is also the form to use
     * when port settings and IFLA_AF_SPEC (VLANs) must go together in one AF_BRIDGE message.
     */
    public static void encodeProtinfoSet(MessageWriter w, int index, PortSettings s) {
        IfInfoMsg.put(w, Rtnetlink.AF_BRIDGE, index, 0, 0);
        int nest = w.beginNest(LinkCodec.IFLA_PROTINFO, true);
        encodeAttributes(w, s);
        w.endNest(nest);
    }

    /** Writes the set attributes of {@code s}, in the order they were set (e.g. into IFLA_PROTINFO). */
    public static void encodeAttributes(MessageWriter w, PortSettings s) {
        s.values().encode(w, WIDTH, "IFLA_BRPORT");
    }

    /**
     * Reads one IFLA_BRPORT_* nest into {@code out}: writable attributes into its settings,
     * read-only ones into its status fields; unknown (newer) types are skipped.
     */
    public static void decode(AttributeIterator it, PortInfo.Builder out) {
        AttrValues v = out.settings;
        out.seen = true;
        while (it.next()) {
            int t = it.type();
            switch (t) {
                case IFLA_BRPORT_ROOT_ID: out.rootId = bridgeId(it); break;
                case IFLA_BRPORT_BRIDGE_ID: out.bridgeId = bridgeId(it); break;
                case IFLA_BRPORT_DESIGNATED_PORT: out.designatedPort = it.u16(); break;
                case IFLA_BRPORT_DESIGNATED_COST: out.designatedCost = it.u16(); break;
                case IFLA_BRPORT_ID: out.portId = it.u16(); break;
                case IFLA_BRPORT_NO: out.portNo = it.u16(); break;
                case IFLA_BRPORT_TOPOLOGY_CHANGE_ACK: out.topologyChangeAck = it.u8() != 0; break;
                case IFLA_BRPORT_CONFIG_PENDING: out.configPending = it.u8() != 0; break;
                case IFLA_BRPORT_MESSAGE_AGE_TIMER: out.messageAgeTimer = it.u64(); break;
                case IFLA_BRPORT_FORWARD_DELAY_TIMER: out.forwardDelayTimer = it.u64(); break;
                case IFLA_BRPORT_HOLD_TIMER: out.holdTimer = it.u64(); break;
                case IFLA_BRPORT_MRP_RING_OPEN: out.mrpRingOpen = it.u8() != 0; break;
                case IFLA_BRPORT_MRP_IN_OPEN: out.mrpInOpen = it.u8() != 0; break;
                case IFLA_BRPORT_MCAST_EHT_HOSTS_CNT: out.mcastEhtHostsCount = Integer.toUnsignedLong(it.u32()); break;
                case IFLA_BRPORT_MCAST_N_GROUPS: out.mcastGroups = Integer.toUnsignedLong(it.u32()); break;
                case IFLA_BRPORT_STATE: {
                    // checked here: PortState.of would throw IllegalArgumentException from a getter later
                    int state = it.u8();
                    if (state > PortState.BR_STATE_BLOCKING) {
                        it.fail("IFLA_BRPORT_STATE " + state + " is not a BR_STATE_* (0..4)");
                    }
                    v.put(t, state);
                    break;
                }
                default: v.decode(it, WIDTH); break; // FLUSH is never reported; PAD, unknown types skipped
            }
        }
    }

    /** struct ifla_bridge_id {u8 prio[2]; u8 addr[6];} as "8000.aa:bb:cc:dd:ee:ff". */
    static String bridgeId(AttributeIterator it) {
        if (it.payloadLength() < 8) {
            it.fail("bridge id of " + it.payloadLength() + " bytes (8 expected)");
            return null;
        }
        java.nio.ByteBuffer b = it.buffer();
        int p = it.payloadOffset();
        StringBuilder sb = new StringBuilder(23);
        sb.append(String.format("%02x%02x.", b.get(p) & 0xff, b.get(p + 1) & 0xff));
        for (int i = 0; i < 6; i++) {
            sb.append(i == 0 ? "" : ":").append(String.format("%02x", b.get(p + 2 + i) & 0xff));
        }
        return sb.toString();
    }
}
