package io.netlink4j.core;

/**
 * Attributes of link messages (RTM_*LINK, linux/if_link.h) and the decoder of the fields every
 * link has. Bridge-specific nests (IFLA_INFO_DATA of a bridge, IFLA_INFO_SLAVE_DATA of a port,
 * IFLA_PROTINFO, IFLA_AF_SPEC) are handed to a {@link Hook} so that higher layers parse them in
 * the same pass over the same bytes.
 */
public final class LinkCodec {
    private LinkCodec() {}

    public static final int IFLA_ADDRESS = 1;
    public static final int IFLA_BROADCAST = 2;
    public static final int IFLA_IFNAME = 3;
    public static final int IFLA_MTU = 4;
    public static final int IFLA_LINK = 5;
    public static final int IFLA_MASTER = 10;
    public static final int IFLA_PROTINFO = 12;
    public static final int IFLA_TXQLEN = 13;
    public static final int IFLA_OPERSTATE = 16;
    public static final int IFLA_LINKMODE = 17;
    public static final int IFLA_LINKINFO = 18;
    public static final int IFLA_IFALIAS = 20;
    public static final int IFLA_AF_SPEC = 26;
    public static final int IFLA_GROUP = 27;
    public static final int IFLA_EXT_MASK = 29;
    public static final int IFLA_PROMISCUITY = 30;
    public static final int IFLA_CARRIER = 33;
    public static final int IFLA_LINK_NETNSID = 37;
    public static final int IFLA_GSO_MAX_SEGS = 40;
    public static final int IFLA_GSO_MAX_SIZE = 41;
    public static final int IFLA_NEW_IFINDEX = 49;
    public static final int IFLA_MIN_MTU = 50;
    public static final int IFLA_MAX_MTU = 51;
    public static final int IFLA_ALT_IFNAME = 53;
    public static final int IFLA_PERM_ADDRESS = 54;

    public static final int IFLA_INFO_KIND = 1;
    public static final int IFLA_INFO_DATA = 2;
    public static final int IFLA_INFO_XSTATS = 3;
    public static final int IFLA_INFO_SLAVE_KIND = 4;
    public static final int IFLA_INFO_SLAVE_DATA = 5;

    /** veth: IFLA_INFO_DATA › VETH_INFO_PEER holds an ifinfomsg and the peer's attributes. */
    public static final int VETH_INFO_PEER = 1;

    /** IFNAMSIZ: names are at most 15 bytes plus the NUL. */
    public static final int IFNAMSIZ = 16;

    private static final String[] OPERSTATES = {
        "UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"
    };

    static {
        AttributeNamer.register(path -> {
            if (path.length == 1) {
                return topName(path[0]);
            }
            if (path.length == 2 && path[0] == IFLA_LINKINFO) {
                switch (path[1]) {
                    case IFLA_INFO_KIND: return "IFLA_INFO_KIND";
                    case IFLA_INFO_DATA: return "IFLA_INFO_DATA";
                    case IFLA_INFO_SLAVE_KIND: return "IFLA_INFO_SLAVE_KIND";
                    case IFLA_INFO_SLAVE_DATA: return "IFLA_INFO_SLAVE_DATA";
                    default: return null;
                }
            }
            return null;
        }, Rtnetlink.RTM_NEWLINK, Rtnetlink.RTM_SETLINK, Rtnetlink.RTM_GETLINK, Rtnetlink.RTM_DELLINK);
    }

    static String topName(int type) {
        switch (type) {
            case IFLA_ADDRESS: return "IFLA_ADDRESS";
            case IFLA_IFNAME: return "IFLA_IFNAME";
            case IFLA_MTU: return "IFLA_MTU";
            case IFLA_MASTER: return "IFLA_MASTER";
            case IFLA_PROTINFO: return "IFLA_PROTINFO";
            case IFLA_TXQLEN: return "IFLA_TXQLEN";
            case IFLA_LINKINFO: return "IFLA_LINKINFO";
            case IFLA_AF_SPEC: return "IFLA_AF_SPEC";
            case IFLA_EXT_MASK: return "IFLA_EXT_MASK";
            case IFLA_GSO_MAX_SEGS: return "IFLA_GSO_MAX_SEGS";
            case IFLA_GSO_MAX_SIZE: return "IFLA_GSO_MAX_SIZE";
            case IFLA_NEW_IFINDEX: return "IFLA_NEW_IFINDEX";
            default: return null;
        }
    }

    /** Loads this class so its attribute names are registered (idempotent). */
    public static void init() {
        // the static initializer did the work
    }

    /**
     * Refuses a name the kernel would refuse (dev_valid_name): empty, longer than 15 bytes, "." or
     * "..", or containing '/', ':' or whitespace.
     */
    public static String validateName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("interface name is empty");
        }
        // UTF-8 bytes >= chars: a short name needs no encoding (it runs once per request)
        if (name.length() >= IFNAMSIZ || (!isAscii(name)
                && name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= IFNAMSIZ)) {
            throw new IllegalArgumentException("interface name \"" + name + "\" is longer than "
                    + (IFNAMSIZ - 1) + " bytes");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("\"" + name + "\" is not a valid interface name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || Character.isWhitespace(c) || c == 0) {
                throw new IllegalArgumentException("interface name \"" + name + "\" contains '" + c + "'");
            }
        }
        return name;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Parses nests that only a higher layer understands; all methods are optional. */
    public interface Hook {
        /** IFLA_LINKINFO › IFLA_INFO_DATA of a link of {@code kind} (e.g. "bridge"). */
        default void infoData(String kind, AttributeIterator data) {}

        /** IFLA_LINKINFO › IFLA_INFO_SLAVE_DATA of a port whose master is of {@code slaveKind}. */
        default void slaveData(String slaveKind, AttributeIterator data) {}

        /** IFLA_PROTINFO (AF_BRIDGE messages: the IFLA_BRPORT_* of a port). */
        default void protinfo(AttributeIterator data) {}

        /** IFLA_AF_SPEC (AF_BRIDGE messages: IFLA_BRIDGE_VLAN_INFO and friends). */
        default void afSpec(AttributeIterator data) {}
    }

    private static final Hook NO_HOOK = new Hook() {};

    /** Decodes a link message into a {@link Link}; nests for higher layers go to {@code hook}. */
    public static Link decode(NlMsg m, Hook hook) {
        if (hook == null) {
            hook = NO_HOOK;
        }
        if (m.payloadLength() < IfInfoMsg.LENGTH) {
            throw new NetlinkParseException("link message of " + m.payloadLength() + " bytes has no ifinfomsg");
        }
        IfInfoMsg ifi = new IfInfoMsg().wrap(m.buffer(), m.payloadOffset());
        AttributeIterator it = m.attributes(new AttributeIterator(), IfInfoMsg.LENGTH);
        AttributeIterator child = new AttributeIterator();
        String name = null;
        String kind = null;
        String slaveKind = null;
        String address = null;
        int mtu = 0;
        int master = 0;
        int operstate = 0;
        int promiscuity = 0;
        int linkNetnsId = -1;
        int link = 0;
        while (it.next()) {
            switch (it.type()) {
                case IFLA_IFNAME: name = it.string(); break;
                case IFLA_MTU: mtu = it.u32(); break;
                case IFLA_MASTER: master = it.u32(); break;
                case IFLA_LINK: link = it.u32(); break;
                case IFLA_OPERSTATE: operstate = it.u8(); break;
                case IFLA_PROMISCUITY: promiscuity = it.u32(); break;
                case IFLA_LINK_NETNSID: linkNetnsId = it.u32(); break;
                case IFLA_ADDRESS: address = MacAddress.format(it.buffer(), it.payloadOffset(), it.payloadLength()); break;
                case IFLA_PROTINFO: hook.protinfo(it.nested(child)); it.absorb(child); break;
                case IFLA_AF_SPEC: hook.afSpec(it.nested(child)); it.absorb(child); break;
                case IFLA_LINKINFO: {
                    // kinds come before their data in what the kernel sends (rtnl_link_fill)
                    AttributeIterator info = it.nested(new AttributeIterator());
                    while (info.next()) {
                        switch (info.type()) {
                            case IFLA_INFO_KIND: kind = info.string(); break;
                            case IFLA_INFO_SLAVE_KIND: slaveKind = info.string(); break;
                            case IFLA_INFO_DATA: hook.infoData(kind, info.nested(child)); info.absorb(child); break;
                            case IFLA_INFO_SLAVE_DATA: hook.slaveData(slaveKind, info.nested(child)); info.absorb(child); break;
                            default: break;
                        }
                    }
                    it.absorb(info);
                    break;
                }
                default:
                    break;
            }
        }
        it.check();
        if (name == null) {
            throw new NetlinkParseException("link message for ifindex " + ifi.index() + " has no IFLA_IFNAME");
        }
        return new Link(ifi.index(), name, kind, slaveKind, ifi.flags(),
                operstate < OPERSTATES.length ? OPERSTATES[operstate] : "UNKNOWN", mtu, address, master,
                promiscuity, link, linkNetnsId, ifi.family());
    }
}
