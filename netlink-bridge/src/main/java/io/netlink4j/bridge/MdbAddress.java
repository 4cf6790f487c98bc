package io.netlink4j.bridge;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A multicast group or source address as the MDB carries it: IPv4 (proto ETH_P_IP), IPv6
 * (ETH_P_IPV6) or a link-layer group (proto 0). Parses literals only: never asks DNS.
 *
 * @param bytes 4, 16 or 6 bytes, network order
 * @param proto ETH_P_IP, ETH_P_IPV6 or 0 (L2)
 */
record MdbAddress(byte[] bytes, int proto) {
    static final int ETH_P_IP = 0x0800;
    static final int ETH_P_IPV6 = 0x86dd;

    /** The address {@code s} spells ("239.1.1.1", "ff0e::1", "01:00:5e:01:01:05"), or throws IllegalArgumentException. */
    static MdbAddress parse(String what, String s) {
        if (s == null || s.isEmpty()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        long mac = FdbCodec.parseMac(s);
        if (mac >= 0) {
            byte[] b = new byte[6];
            for (int i = 5; i >= 0; i--) {
                b[i] = (byte) mac;
                mac >>>= 8;
            }
            return new MdbAddress(b, 0);
        }
        boolean v4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = !v4 && s.indexOf(':') >= 0 && s.matches("[0-9A-Fa-f:.]+");
        if (v4 || v6) {
            try {
                InetAddress a = InetAddress.getByName(s); // a literal: no lookup
                return new MdbAddress(a.getAddress(), a instanceof Inet4Address ? ETH_P_IP : ETH_P_IPV6);
            } catch (UnknownHostException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException(what + " \"" + s + "\" is not an IPv4, IPv6 or MAC address");
    }

    boolean isIpv4() {
        return proto == ETH_P_IP;
    }

    boolean isIpv6() {
        return proto == ETH_P_IPV6;
    }

    boolean isL2() {
        return proto == 0;
    }

    /** Multicast, and one the bridge takes as a group (the kernel's is_valid_mdb_entry rules). */
    String groupProblem() {
        if (isIpv4()) {
            if ((bytes[0] & 0xf0) != 0xe0) {
                return "is not an IPv4 multicast address (224.0.0.0/4)";
            }
            if ((bytes[0] & 0xff) == 224 && bytes[1] == 0 && bytes[2] == 0) {
                return "is link-local multicast (224.0.0.0/24), which is always flooded and has no MDB entries";
            }
            return null;
        }
        if (isIpv6()) {
            if ((bytes[0] & 0xff) != 0xff) {
                return "is not an IPv6 multicast address (ff00::/8)";
            }
            if (text().equals("ff02::1")) {
                return "is the link-local all-nodes address, which is always flooded";
            }
            return null;
        }
        return (bytes[0] & 1) == 0 ? "is not a multicast MAC address (the group bit of the first octet is clear)" : null;
    }

    /** Text as iproute2 prints it: "239.1.1.1", "ff0e::1", "01:00:5e:01:01:05". */
    String text() {
        return text(bytes, proto);
    }

    static String text(byte[] b, int proto) {
        if (proto == 0) {
            long v = 0;
            for (int i = 0; i < 6; i++) {
                v = (v << 8) | (b[i] & 0xff);
            }
            return FdbCodec.formatMac(v);
        }
        try {
            InetAddress a = InetAddress.getByAddress(b);
            return a instanceof Inet6Address ? compress6(b) : a.getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address length " + b.length, e);
        }
    }

    /** RFC 5952 text (Java's getHostAddress does not shorten zero runs; inet_ntop does). */
    private static String compress6(byte[] b) {
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen && j - i >= 2) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        boolean mapped = bestStart == 0 && bestLen == 5 && w[5] == 0xffff;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (mapped && i == 6) {
                sb.append(b[12] & 0xff).append('.').append(b[13] & 0xff).append('.').append(b[14] & 0xff).append('.')
                        .append(b[15] & 0xff);
                break;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(w[i]));
        }
        return sb.toString();
    }
}
