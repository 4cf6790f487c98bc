package io.netlink4j.examples.cli;

import java.util.ArrayList;
import java.util.List;

/** The words iproute2 prints for kernel values, so that our output reads (and parses) like its own. */
public final class IpNames {
    private IpNames() {}

    // linux/if.h net_device_flags, in the order iproute2's print_link_flags prints them
    private static final int IFF_UP = 0x1;
    private static final int IFF_BROADCAST = 0x2;
    private static final int IFF_DEBUG = 0x4;
    private static final int IFF_LOOPBACK = 0x8;
    private static final int IFF_POINTOPOINT = 0x10;
    private static final int IFF_NOTRAILERS = 0x20;
    private static final int IFF_RUNNING = 0x40;
    private static final int IFF_NOARP = 0x80;
    private static final int IFF_PROMISC = 0x100;
    private static final int IFF_ALLMULTI = 0x200;
    private static final int IFF_MASTER = 0x400;
    private static final int IFF_SLAVE = 0x800;
    private static final int IFF_MULTICAST = 0x1000;
    private static final int IFF_PORTSEL = 0x2000;
    private static final int IFF_AUTOMEDIA = 0x4000;
    private static final int IFF_DYNAMIC = 0x8000;
    private static final int IFF_LOWER_UP = 0x10000;
    private static final int IFF_DORMANT = 0x20000;
    private static final int IFF_ECHO = 0x40000;

    private static final int[] FLAG_BITS = {
        IFF_LOOPBACK, IFF_BROADCAST, IFF_POINTOPOINT, IFF_MULTICAST, IFF_NOARP, IFF_ALLMULTI, IFF_PROMISC,
        IFF_NOTRAILERS, IFF_DEBUG, IFF_DYNAMIC, IFF_AUTOMEDIA, IFF_PORTSEL, IFF_MASTER, IFF_SLAVE, IFF_UP,
        IFF_LOWER_UP, IFF_DORMANT, IFF_ECHO
    };
    private static final String[] FLAG_NAMES = {
        "LOOPBACK", "BROADCAST", "POINTOPOINT", "MULTICAST", "NOARP", "ALLMULTI", "PROMISC",
        "NOTRAILERS", "DEBUG", "DYNAMIC", "AUTOMEDIA", "PORTSEL", "MASTER", "SLAVE", "UP",
        "LOWER_UP", "DORMANT", "ECHO"
    };

    /** ifi_flags as {@code ip link} lists them: NO-CARRIER first when up without carrier, then by name. */
    public static List<String> linkFlags(int flags) {
        List<String> out = new ArrayList<>();
        if ((flags & IFF_UP) != 0 && (flags & IFF_RUNNING) == 0) {
            out.add("NO-CARRIER");
        }
        int rest = flags & ~IFF_RUNNING;
        for (int i = 0; i < FLAG_BITS.length; i++) {
            if ((rest & FLAG_BITS[i]) != 0) {
                out.add(FLAG_NAMES[i]);
                rest &= ~FLAG_BITS[i];
            }
        }
        if (rest != 0) {
            out.add(Integer.toHexString(rest));
        }
        return out;
    }

    /**
     * A bridge id ("8000.0a:00:27:03:04:05") as iproute2 prints it: the MAC bytes in %x, without
     * zero padding ("8000.a:0:27:3:4:5"). Null stays null.
     */
    public static String bridgeId(String id) {
        if (id == null) {
            return null;
        }
        int dot = id.indexOf('.');
        StringBuilder sb = new StringBuilder(id.length()).append(id, 0, dot + 1);
        String[] bytes = id.substring(dot + 1).split(":");
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Integer.toHexString(Integer.parseInt(bytes[i], 16)));
        }
        return sb.toString();
    }

    /** "on" / "off" for a switch, as iproute2's text output writes it. */
    public static String onOff(boolean b) {
        return b ? "on" : "off";
    }
}
