package io.netlink4j.bridge;

import static io.netlink4j.core.testing.Messages.attr;
import static io.netlink4j.core.testing.Messages.concat;
import static io.netlink4j.core.testing.Messages.cstring;
import static io.netlink4j.core.testing.Messages.message;

import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.ScriptedKernel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Fake-kernel replies and iproute2-JSON readers shared by the VLAN tests. */
final class VlanTestSupport {
    private VlanTestSupport() {}

    static final int PID = 4242;

    static byte[] ifinfomsg(int family, int index) {
        return ByteBuffer.allocate(16).order(ByteOrder.nativeOrder()).put((byte) family).put((byte) 0)
                .putShort((short) 0).putInt(index).putInt(0).putInt(0).array();
    }

    static byte[] u16(int v) {
        return ByteBuffer.allocate(2).order(ByteOrder.nativeOrder()).putShort((short) v).array();
    }

    static byte[] u8(int v) {
        return new byte[] {(byte) v};
    }

    /** The RTM_NEWLINK answer to a lookup of a bridge port. */
    static byte[] port(int seq, int index, String name) {
        byte[] info = attr(LinkCodec.IFLA_INFO_SLAVE_KIND, cstring("bridge"));
        return message(Rtnetlink.RTM_NEWLINK, 0, seq, PID, concat(ifinfomsg(Rtnetlink.AF_UNSPEC, index),
                attr(LinkCodec.IFLA_IFNAME, cstring(name)), attr(LinkCodec.IFLA_MASTER, io.netlink4j.core.testing.Messages.u32(2)),
                attr(LinkCodec.IFLA_LINKINFO, info)));
    }

    /** The RTM_NEWLINK answer to a lookup of a bridge; {@code vlanAware}: it reports IFLA_BR_VLAN_PROTOCOL. */
    static byte[] bridge(int seq, int index, String name, boolean vlanAware) {
        byte[] data = vlanAware
                ? concat(attr(BridgeVlanOptionsCodec.IFLA_BR_VLAN_FILTERING, u8(0)),
                        attr(BridgeVlanOptionsCodec.IFLA_BR_VLAN_PROTOCOL, new byte[] {(byte) 0x81, 0}))
                : attr(BridgeVlanOptionsCodec.IFLA_BR_VLAN_FILTERING, u8(0));
        byte[] info = concat(attr(LinkCodec.IFLA_INFO_KIND, cstring("bridge")), attr(LinkCodec.IFLA_INFO_DATA, data));
        return message(Rtnetlink.RTM_NEWLINK, 0, seq, PID, concat(ifinfomsg(Rtnetlink.AF_UNSPEC, index),
                attr(LinkCodec.IFLA_IFNAME, cstring(name)), attr(LinkCodec.IFLA_LINKINFO, info)));
    }

    /** One BRIDGE_VLANDB_ENTRY (NLA_F_NESTED) with INFO {flags, vid}, RANGE if last > vid, STATE. */
    static byte[] vlanDbEntry(int flags, int vid, int last, int state) {
        byte[] info = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putShort((short) flags).putShort((short) vid).array();
        byte[] body = concat(attr(VlanDbCodec.BRIDGE_VLANDB_ENTRY_INFO, info),
                last > vid ? attr(VlanDbCodec.BRIDGE_VLANDB_ENTRY_RANGE, u16(last)) : new byte[0],
                attr(VlanDbCodec.BRIDGE_VLANDB_ENTRY_STATE, u8(state)));
        return attr(VlanDbCodec.BRIDGE_VLANDB_ENTRY | 0x8000, body);
    }

    /** An RTM_NEWVLAN dump message of device {@code ifindex}. */
    static byte[] newVlan(int seq, int ifindex, byte[]... entries) {
        byte[] hdr = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).put((byte) Rtnetlink.AF_BRIDGE)
                .put((byte) 0).putShort((short) 0).putInt(ifindex).array();
        return message(Rtnetlink.RTM_NEWVLAN, NlMsg.NLM_F_MULTI, seq, PID, concat(hdr, concat(entries)));
    }

    /** The RTM_NEWVLAN answer describing {@code set} on {@code ifindex}, then NLMSG_DONE, as one datagram. */
    static byte[] vlanDump(int seq, int ifindex, VlanSet set) {
        List<byte[]> entries = new ArrayList<>();
        for (Vlan v : set.ranges()) {
            entries.add(vlanDbEntry(BridgeAfSpecCodec.flags(v), v.first(), v.last(), 3));
        }
        byte[] msg = entries.isEmpty() ? new byte[0] : newVlan(seq, ifindex, entries.toArray(new byte[0][]));
        return concat(msg, io.netlink4j.core.testing.Messages.done(seq, 0));
    }

    /** Copies {@code datagram} with nlmsg_seq set to {@code seq} in every message. */
    static byte[] withSeq(byte[] datagram, int seq) {
        byte[] c = datagram.clone();
        ByteBuffer b = ByteBuffer.wrap(c).order(ByteOrder.nativeOrder());
        for (int pos = 0; pos + 16 <= c.length; ) {
            int len = b.getInt(pos);
            b.putInt(pos + NlMsg.SEQ_OFFSET, seq);
            if (len < 16) {
                break;
            }
            pos += NlMsg.align(len);
        }
        return c;
    }

    /** The nlmsghdr types of every message the fake kernel received, in order. */
    static List<Integer> sentTypes(ScriptedKernel k) {
        List<Integer> out = new ArrayList<>();
        for (byte[] d : k.sent()) {
            ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.nativeOrder());
            for (int pos = 0; pos + 16 <= d.length; pos += NlMsg.align(Math.max(16, b.getInt(pos)))) {
                out.add(b.getShort(pos + NlMsg.TYPE_OFFSET) & 0xffff);
            }
        }
        return out;
    }

    /**
     * The VLANs of {@code ifname} as {@code bridge -j vlan show} prints them — [{"ifname", "vlans":
     * [{"vlan", "vlanEnd"?, "flags": ["PVID", "Egress Untagged"]}]}] — the independent reader.
     */
    static VlanSet fromBridgeJson(Object json, String ifname) {
        VlanSet.Builder b = VlanSet.builder();
        for (Object dev : Json.list(json)) {
            Map<String, Object> d = Json.map(dev);
            if (!ifname.equals(d.get("ifname")) || d.get("vlans") == null) {
                continue;
            }
            for (Object o : Json.list(d.get("vlans"))) {
                Map<String, Object> v = Json.map(o);
                int first = ((Long) v.get("vlan")).intValue();
                int last = v.containsKey("vlanEnd") ? ((Long) v.get("vlanEnd")).intValue() : first;
                List<Object> flags = v.containsKey("flags") ? Json.list(v.get("flags")) : List.of();
                boolean pvid = flags.contains("PVID");
                boolean untagged = flags.contains("Egress Untagged");
                b.add(new Vlan(first, last, pvid, untagged));
            }
        }
        return b.build();
    }

    /** The entry holding {@code vid} (alone or as a range) of device {@code ifname} in iproute2's {@code bridge -j [-d] vlan [global] show}. */
    static Map<String, Object> jsonVlanEntry(Object json, String ifname, int vid) {
        for (Object dev : Json.list(json)) {
            Map<String, Object> d = Json.map(dev);
            if (!ifname.equals(d.get("ifname")) || d.get("vlans") == null) {
                continue;
            }
            for (Object o : Json.list(d.get("vlans"))) {
                Map<String, Object> v = Json.map(o);
                long first = (Long) v.get("vlan");
                long last = v.containsKey("vlanEnd") ? (Long) v.get("vlanEnd") : first;
                if (vid >= first && vid <= last) {
                    return v;
                }
            }
        }
        throw new AssertionError("no VLAN " + vid + " of " + ifname + " in " + json);
    }
}
