package io.netlink4j.bridge;

import io.netlink4j.core.Link;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.Links;
import io.netlink4j.core.MacAddress;
import io.netlink4j.core.NdMsg;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated batch of FDB changes: every MAC parsed, every VLAN in range, every device resolved
 * to its ifindex (each name looked up once) and checked to be the right kind of device. Built
 * before anything is changed, so that bad input fails as a whole with every problem listed.
 */
final class FdbPlan {
    /** Problems listed in the exception, at most. */
    private static final int MAX_REPORTED = 20;

    private final List<FdbChange> changes;
    private final long[] macs;
    private final int[] ifindex;
    private final int[] via;
    private final byte[][] dst;
    private final Map<Integer, Link> devices = new HashMap<>();
    private boolean byIndexOnly;
    /** The device problem of the last change checked (no such device, not a bridge port), typed. */
    private RuntimeException deviceProblem;

    private FdbPlan(List<FdbChange> changes) {
        int n = changes.size();
        this.changes = changes;
        this.macs = new long[n];
        this.ifindex = new int[n];
        this.via = new int[n];
        this.dst = new byte[n][];
    }

    /**
     * Validates {@code changes}, resolving device names through {@code links}.
     *
     * @throws IllegalArgumentException listing every problem (up to 20) with the index of its change
     */
    static FdbPlan validate(List<FdbChange> changes, Links links) {
        return validate(changes, links, false);
    }

    /**
     * Whether {@code c} may be sent with its device resolved to an ifindex only
     * ({@link #validate(List, Links, boolean)} with {@code byIndexOnly}): a device given by name,
     * and not master and self at once. For master alone the kernel refuses a device that is no
     * bridge port with EOPNOTSUPP and changes nothing, so the kind check can wait for that
     * answer; with self as well it would apply the self part to any device, so that case is
     * checked before sending, as before.
     */
    static boolean byIndexOnly(FdbChange c) {
        FdbSpec s = c.spec();
        return (s.device() != null || s.ifindex() > 0) && s.target() != (NdMsg.NTF_MASTER | NdMsg.NTF_SELF);
    }

    /**
     * As {@link #validate(List, Links)}; with {@code byIndexOnly}, device names are resolved to
     * their ifindex without an RTM_GETLINK ({@link Links#indexOf}) and the kind of the device is
     * not checked: {@link #device} is then null, and the caller checks the kind
     * ({@link #kindProblem}) when the kernel refuses the change.
     */
    static FdbPlan validate(List<FdbChange> changes, Links links, boolean byIndexOnly) {
        FdbPlan p = new FdbPlan(List.copyOf(changes));
        p.byIndexOnly = byIndexOnly;
        Map<String, Link> byName = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < p.changes.size(); i++) {
            String why = p.check(i, links, byName);
            if (why != null) {
                count++;
                if (problems.size() < MAX_REPORTED) {
                    problems.add(p.changes.size() == 1 ? why : "#" + i + " (" + p.changes.get(i) + "): " + why);
                }
            }
        }
        if (count == 1 && p.changes.size() == 1 && p.deviceProblem != null) {
            // a single change whose only fault is its device: the typed exception callers branch on
            throw p.deviceProblem;
        }
        if (count > 0) {
            String head = p.changes.size() == 1 ? singleHead(p.changes.get(0))
                    : count + " of " + p.changes.size() + " FDB changes are invalid, nothing was sent: ";
            throw new IllegalArgumentException(head + String.join("; ", problems)
                    + (count > problems.size() ? "; and " + (count - problems.size()) + " more" : ""));
        }
        return p;
    }

    private static String singleHead(FdbChange c) {
        return "invalid FDB " + c.op().name().toLowerCase() + " of " + c.spec().mac() + ": ";
    }

    /** The exception {@link #validate} throws for the single change {@code c} whose only problem is {@code why}. */
    static IllegalArgumentException invalid(FdbChange c, String why) {
        return new IllegalArgumentException(singleHead(c) + why);
    }

    private String check(int i, Links links, Map<String, Link> byName) {
        FdbChange c = changes.get(i);
        FdbSpec s = c.spec();
        long mac = FdbCodec.parseMac(s.mac());
        if (mac < 0) {
            return macProblem(s.mac());
        }
        macs[i] = mac;
        String why = fieldProblem(c, mac);
        if (why != null) {
            return why;
        }
        // A bulk list names the same few devices thousands of times: each name is checked and looked
        // up once per plan, and an entry whose device is already known allocates nothing.
        Link dev;
        if (s.device() != null && byIndexOnly) {
            try {
                LinkCodec.validateName(s.device());
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            int index = links.channel().ifindex(s.device());
            if (index == 0) {
                return noSuchDevice(c, s.device());
            }
            if (index > 0) {
                ifindex[i] = index;
                return via(i, s, links, byName);
            }
            byIndexOnly = false; // a transport without ioctl (a fake kernel): look the device up as a bulk plan does
        }
        if (s.device() != null) {
            dev = byName.get(s.device());
            if (dev == null && !byName.containsKey(s.device())) {
                try {
                    LinkCodec.validateName(s.device());
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
                dev = lookup(byName, s.device(), links);
                if (dev != null) {
                    devices.put(dev.index(), dev);
                }
            }
            if (dev == null) {
                return noSuchDevice(c, s.device());
            }
        } else if (s.ifindex() > 0) {
            dev = devices.get(s.ifindex());
            if (dev == null) {
                dev = links.query("show link " + s.ifindex(), s.ifindex(), null, null);
                if (dev == null) {
                    return noSuchDevice(c, "ifindex " + s.ifindex());
                }
                devices.put(dev.index(), dev);
            }
        } else {
            return "no device given";
        }
        ifindex[i] = dev.index();
        String kind = kindProblem(s, dev);
        if (kind != null) {
            // found by a read: no errno
            deviceProblem = new NotABridgePortException("fdb " + c, 0, null, null, dev.name(), kind);
            return kind;
        }
        return via(i, s, links, byName);
    }

    /** Why {@code mac} (which {@link FdbCodec#parseMac} refused) is no MAC address. */
    static String macProblem(String mac) {
        try {
            MacAddress.parse(mac);
            return "invalid MAC address \"" + mac + "\"";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** What is wrong with the fields of {@code c} other than its devices ({@code mac} parsed), or null. */
    static String fieldProblem(FdbChange c, long mac) {
        FdbSpec s = c.spec();
        boolean delete = c.op() == FdbChange.Op.DELETE;
        boolean master = (s.target() & NdMsg.NTF_MASTER) != 0;
        if (!delete && master && mac == 0) {
            return "00:00:00:00:00:00 cannot be a bridge FDB entry";
        }
        if (!delete && master && (mac & (1L << 40)) != 0) {
            return "multicast address " + s.mac() + " cannot be a bridge FDB entry (use the MDB for multicast)";
        }
        if (s.vlan() < 0 || s.vlan() > 4094) {
            return "VLAN id " + s.vlan() + " is out of range: 1..4094, or 0 for none";
        }
        if (s.target() == 0 || (s.target() & ~(NdMsg.NTF_MASTER | NdMsg.NTF_SELF)) != 0) {
            return "the target must be master and/or self";
        }
        if ((s.extra() & ~FdbCodec.EXTRA_FLAGS) != 0) {
            return "unsupported flags 0x" + Integer.toHexString(s.extra() & ~FdbCodec.EXTRA_FLAGS);
        }
        if (!delete && (s.state() == null || s.state() == FdbState.STALE)) {
            return "an entry can be added only as permanent, static or dynamic";
        }
        if (s.dstPort() < 0 || s.dstPort() > 65535) {
            return "port " + s.dstPort() + " is out of range 1..65535";
        }
        if (s.vni() < -1 || s.vni() >= 1 << 24 || s.srcVni() < -1 || s.srcVni() >= 1 << 24) {
            return "a VNI is 24 bits: 0..16777215";
        }
        if (s.nhId() < 0) {
            return "nexthop id " + s.nhId() + " is negative";
        }
        if (s.nhId() != 0 && (s.dst() != null || s.vni() >= 0 || s.dstPort() != 0 || s.via() != null)) {
            // the kernel's rule too: "DST, VNI, ifindex and port are mutually exclusive with NH_ID"
            return "nhid " + s.nhId() + " names the destination: no dst, vni, port or via with it";
        }
        return null;
    }

    /** Resolves the via device (by index only when the plan does) and copies the destination. */
    private String via(int i, FdbSpec s, Links links, Map<String, Link> byName) {
        if (s.via() != null) {
            int v;
            if (byIndexOnly) {
                try {
                    v = links.indexOf(s.via());
                } catch (IllegalArgumentException e) {
                    return e.getMessage() + " (via)";
                }
            } else {
                Link l = lookup(byName, s.via(), links);
                v = l == null ? 0 : l.index();
            }
            if (v == 0) {
                return "no device \"" + s.via() + "\" (via)";
            }
            via[i] = v;
        }
        if (s.dst() != null) {
            dst[i] = s.dst().getAddress();
        }
        return null;
    }

    /** Why {@code dev} cannot take the entry {@code s} (a master entry needs a bridge port), or null. */
    static String kindProblem(FdbSpec s, Link dev) {
        if ((s.target() & NdMsg.NTF_MASTER) == 0 || dev.isBridgePort()) {
            return null;
        }
        if (dev.isBridge()) {
            return dev.name() + " is a bridge, not a bridge port: a master entry names the port the MAC is"
                    + " behind (an entry for the bridge's own address is a permanent self entry)";
        }
        return Devices.notAPort(dev.name(), dev) + ", so it has no bridge FDB (enslave it, or make it a self"
                + " entry in the device's own FDB)";
    }

    private String noSuchDevice(FdbChange c, String dev) {
        deviceProblem = Devices.noSuchDevice("fdb " + c, dev);
        return dev.startsWith("ifindex ") ? "no device with " + dev : "device \"" + dev + "\" does not exist";
    }

    /** One lookup per name, unknown names included (remembered as null). */
    private static Link lookup(Map<String, Link> byName, String name, Links links) {
        if (!byName.containsKey(name)) {
            byName.put(name, links.find(name).orElse(null));
        }
        return byName.get(name);
    }

    int size() {
        return changes.size();
    }

    FdbChange change(int i) {
        return changes.get(i);
    }

    List<FdbChange> changes() {
        return changes;
    }

    long mac(int i) {
        return macs[i];
    }

    int ifindex(int i) {
        return ifindex[i];
    }

    int via(int i) {
        return via[i];
    }

    byte[] dst(int i) {
        return dst[i];
    }

    /** The device of change {@code i} as resolved; null when the plan resolved names to an ifindex only. */
    Link device(int i) {
        return devices.get(ifindex[i]);
    }
}
