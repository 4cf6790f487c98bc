package io.netlink4j.bridge;

import io.netlink4j.core.Errno;
import io.netlink4j.core.Link;
import io.netlink4j.core.Links;
import io.netlink4j.core.MessageVisitor;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NetlinkException;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.RtnlChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The VNI filter of collect-metadata VXLAN devices ({@code ip link add vxlan0 type vxlan dstport
 * 4789 external vnifilter}, kernel 5.18+): which VNIs the device accepts, each with an optional
 * multicast group or unicast remote, as {@code bridge vni} shows and changes it.
 *
 * <pre>{@code
 * Vnis vnis = nl.vnis();
 * vnis.add("vxlan0", VniSpec.of(100), VniSpec.range(200, 205));     // one request
 * vnis.add("vxlan0", VniSpec.of(300).remote("192.0.2.9"));
 * List<VniEntry> all = vnis.list("vxlan0");                           // bridge vni show dev vxlan0
 * vnis.delete("vxlan0", VniSpec.of(100));
 * }</pre>
 *
 * <p>Input is checked before anything is sent: VNIs 1..16777215 with start &lt;= end, a group
 * multicast and a remote unicast, the device a VXLAN device. Adding a VNI the device already
 * filters is acknowledged by the kernel (no error); deleting one it does not filter is
 * {@link io.netlink4j.core.NotFoundException}. Thread-safe.
 */
public final class Vnis {
    private final Fdb.Conversations nl;

    Vnis(BridgeNetlink nl) {
        this(new Fdb.Conversations() {
            @Override
            public <T> T call(Function<RtnlChannel, T> conversation) {
                return nl.call(conversation);
            }
        });
    }

    Vnis(Fdb.Conversations conversations) {
        this.nl = conversations;
    }

    /** {@code bridge vni add dev DEVICE vni ...}: every spec in one RTM_NEWTUNNEL. */
    public void add(String device, VniSpec... vnis) {
        change(VniCodec.RTM_NEWTUNNEL, "vni add", device, List.of(vnis));
    }

    public void add(String device, List<VniSpec> vnis) {
        change(VniCodec.RTM_NEWTUNNEL, "vni add", device, vnis);
    }

    /** {@code bridge vni delete dev DEVICE vni ...}: every spec in one RTM_DELTUNNEL. */
    public void delete(String device, VniSpec... vnis) {
        change(VniCodec.RTM_DELTUNNEL, "vni delete", device, List.of(vnis));
    }

    public void delete(String device, List<VniSpec> vnis) {
        change(VniCodec.RTM_DELTUNNEL, "vni delete", device, vnis);
    }

    private void change(int type, String verb, String device, List<VniSpec> vnis) {
        List<VniSpec> specs = List.copyOf(vnis);
        check(specs);
        StringBuilder sb = new StringBuilder(verb).append(" dev ").append(device);
        for (VniSpec s : specs) {
            sb.append(' ').append(s);
        }
        String op = sb.toString();
        nl.call(ch -> {
            Link dev = vxlan(new Links(ch), op, device);
            MessageWriter w = ch.request(type, 0);
            VniCodec.encodeChange(w, dev.index(), specs);
            try {
                ch.execute(op);
            } catch (NetlinkException e) {
                throw explain(e, op, device, type == VniCodec.RTM_DELTUNNEL);
            }
            return null;
        });
    }

    private static void check(List<VniSpec> specs) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("name at least one VNI");
        }
        for (VniSpec s : specs) {
            if (s == null) {
                throw new IllegalArgumentException("a VNI spec is null");
            }
            String problem = s.problem();
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
    }

    private static NetlinkException explain(NetlinkException e, String op, String device, boolean delete) {
        boolean noText = e.kernelMessage() == null || e.kernelMessage().isEmpty();
        String hint = null;
        if (e.errno() == Errno.EOPNOTSUPP && noText) {
            hint = device + " has no VNI filtering (create it with: type vxlan ... external vnifilter)";
        } else if (e.errno() == Errno.ENOENT && delete) {
            hint = device + " does not filter this VNI";
        }
        return hint == null ? e : NetlinkException.of(op, e.errno(), e.kernelMessage(), e.badAttribute(), hint);
    }

    /** {@code bridge vni show}: the entries of every VXLAN device with VNI filtering. */
    public List<VniEntry> list() {
        return list(null, false);
    }

    /** {@code bridge vni show dev DEVICE}. */
    public List<VniEntry> list(String device) {
        return list(device, false);
    }

    /**
     * {@code bridge [-s] vni show [dev DEVICE]}: with {@code stats} each entry carries its
     * counters ({@link VniEntry#stats()}). {@code device} null = every device.
     */
    public List<VniEntry> list(String device, boolean stats) {
        String op = "vni show" + (device != null ? " dev " + device : "");
        return nl.call(ch -> {
            Links links = new Links(ch);
            Map<Integer, String> names = new HashMap<>();
            int ifindex = 0;
            if (device != null) {
                Link dev = vxlan(links, op, device);
                ifindex = dev.index();
                names.put(ifindex, dev.name());
            } else {
                for (Link l : links.list()) {
                    names.put(l.index(), l.name());
                }
            }
            List<VniEntry> out = new ArrayList<>();
            MessageWriter w = ch.request(VniCodec.RTM_GETTUNNEL, 0);
            VniCodec.encodeDump(w, ifindex, stats);
            int want = ifindex;
            ch.dump(op, new MessageVisitor() {
                @Override
                public void onMessage(NlMsg m) {
                    // the kernel filters by ifindex; the check guards a channel without strict checking
                    if (want == 0 || (m.payloadLength() >= VniCodec.TUNNEL_MSG_LENGTH
                            && m.buffer().getInt(m.payloadOffset() + VniCodec.TM_IFINDEX_OFFSET) == want)) {
                        VniCodec.decode(m, names::get, out);
                    }
                }

                @Override
                public void onDumpRestart() {
                    out.clear();
                }
            });
            return out;
        });
    }

    private static Link vxlan(Links links, String op, String name) {
        Link l = links.find(name).orElseThrow(() -> Devices.noSuchDevice(op, name));
        if (!"vxlan".equals(l.kind())) {
            throw new IllegalArgumentException(op + ": " + name + " is not a VXLAN device (kind "
                    + (l.kind() == null ? "none" : l.kind()) + ")");
        }
        return l;
    }
}
