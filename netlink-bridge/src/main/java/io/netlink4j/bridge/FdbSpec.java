package io.netlink4j.bridge;

import io.netlink4j.core.NdMsg;
import java.net.InetAddress;

/**
 * An FDB entry to add, replace or delete, as {@code bridge fdb add MAC dev DEV ...} spells it.
 * Immutable; start from {@link #of(String, String)} (a static entry in the bridge FDB of port
 * DEV) and change with the {@code with}-style methods. Nothing is checked here: {@link Fdb}
 * validates the whole input (MAC, VLAN range, devices) before it sends anything.
 *
 * <pre>{@code
 * FdbSpec.of("02:00:00:00:00:01", "v0")                    // master static
 * FdbSpec.of("02:00:00:00:00:01", "v0").vlan(100).dynamic()
 * FdbSpec.of("00:00:00:00:00:00", "vx0").self().dst(InetAddress.getByName("10.0.0.2")).vni(42)
 * }</pre>
 *
 * @param mac       "aa:bb:cc:dd:ee:ff"
 * @param device    the port (master entries) or device (self entries) by name; null when {@code ifindex} is given
 * @param ifindex   the device by ifindex (0 when {@code device} is given)
 * @param vlan      0 = none, else 1..4094
 * @param state     permanent, static (default) or dynamic
 * @param target    {@link NdMsg#NTF_MASTER} (default: the bridge's FDB) and/or {@link NdMsg#NTF_SELF} (the device's own)
 * @param extra     more NTF_* bits: NTF_STICKY, NTF_EXT_LEARNED, NTF_USE, NTF_ROUTER
 * @param dst       VXLAN remote, or null
 * @param dstPort   VXLAN UDP port, 0 = default
 * @param vni       VXLAN VNI, -1 = none
 * @param srcVni    source VNI, -1 = none
 * @param via       device the remote is reached through, or null
 * @param nhId      nexthop group id, 0 = none
 */
public record FdbSpec(String mac, String device, int ifindex, int vlan, FdbState state, int target, int extra,
                      InetAddress dst, int dstPort, int vni, int srcVni, String via, int nhId) {

    /** A static entry for {@code mac} on bridge port {@code device} (bridge FDB, no VLAN). */
    public static FdbSpec of(String mac, String device) {
        return new FdbSpec(mac, device, 0, 0, FdbState.STATIC, NdMsg.NTF_MASTER, 0, null, 0, -1, -1, null, 0);
    }

    /** A static entry for {@code mac} on the port with {@code ifindex}. */
    public static FdbSpec of(String mac, int ifindex) {
        return new FdbSpec(mac, null, ifindex, 0, FdbState.STATIC, NdMsg.NTF_MASTER, 0, null, 0, -1, -1, null, 0);
    }

    public FdbSpec vlan(int v) {
        return new FdbSpec(mac, device, ifindex, v, state, target, extra, dst, dstPort, vni, srcVni, via, nhId);
    }

    public FdbSpec state(FdbState s) {
        return new FdbSpec(mac, device, ifindex, vlan, s, target, extra, dst, dstPort, vni, srcVni, via, nhId);
    }

    /** {@code permanent}/{@code local}. */
    public FdbSpec permanent() {
        return state(FdbState.PERMANENT);
    }

    /** {@code dynamic}: ages out; the port must be learning or forwarding. */
    public FdbSpec dynamic() {
        return state(FdbState.DYNAMIC);
    }

    /** {@code self}: the device's own FDB instead of its bridge's. */
    public FdbSpec self() {
        return new FdbSpec(mac, device, ifindex, vlan, state, NdMsg.NTF_SELF, extra, dst, dstPort, vni, srcVni, via, nhId);
    }

    /** {@code master self}: both the bridge's FDB and the device's own. */
    public FdbSpec masterAndSelf() {
        return new FdbSpec(mac, device, ifindex, vlan, state, NdMsg.NTF_MASTER | NdMsg.NTF_SELF, extra, dst, dstPort,
                vni, srcVni, via, nhId);
    }

    private FdbSpec withExtra(int bit) {
        return new FdbSpec(mac, device, ifindex, vlan, state, target, extra | bit, dst, dstPort, vni, srcVni, via, nhId);
    }

    /** {@code sticky}: never moves to another port. */
    public FdbSpec sticky() {
        return withExtra(NdMsg.NTF_STICKY);
    }

    /** {@code extern_learn}. */
    public FdbSpec externLearn() {
        return withExtra(NdMsg.NTF_EXT_LEARNED);
    }

    /** {@code router}. */
    public FdbSpec router() {
        return withExtra(NdMsg.NTF_ROUTER);
    }

    /** {@code use}. */
    public FdbSpec use() {
        return withExtra(NdMsg.NTF_USE);
    }

    /** {@code dst IP}: VXLAN remote. */
    public FdbSpec dst(InetAddress a) {
        return new FdbSpec(mac, device, ifindex, vlan, state, target, extra, a, dstPort, vni, srcVni, via, nhId);
    }

    /** {@code port N}: VXLAN UDP port. */
    public FdbSpec dstPort(int p) {
        return new FdbSpec(mac, device, ifindex, vlan, state, target, extra, dst, p, vni, srcVni, via, nhId);
    }

    /** {@code vni N}. */
    public FdbSpec vni(int v) {
        return new FdbSpec(mac, device, ifindex, vlan, state, target, extra, dst, dstPort, v, srcVni, via, nhId);
    }

    /** {@code src_vni N}. */
    public FdbSpec srcVni(int v) {
        return new FdbSpec(mac, device, ifindex, vlan, state, target, extra, dst, dstPort, vni, v, via, nhId);
    }

    /** {@code via DEV}. */
    public FdbSpec via(String dev) {
        return new FdbSpec(mac, device, ifindex, vlan, state, target, extra, dst, dstPort, vni, srcVni, dev, nhId);
    }

    /** {@code nhid N}. */
    public FdbSpec nhId(int id) {
        return new FdbSpec(mac, device, ifindex, vlan, state, target, extra, dst, dstPort, vni, srcVni, via, id);
    }

    /** "02:00:00:00:00:01 dev v0 vlan 100 master static". */
    @Override
    public String toString() {
        return describe(true);
    }

    /** As {@link #toString()}, without the state when {@code withState} is false (a delete has none). */
    String describe(boolean withState) {
        StringBuilder sb = new StringBuilder().append(mac).append(" dev ")
                .append(device != null ? device : "if" + ifindex);
        if (vlan != 0) {
            sb.append(" vlan ").append(vlan);
        }
        if ((target & NdMsg.NTF_MASTER) != 0) {
            sb.append(" master");
        }
        if ((target & NdMsg.NTF_SELF) != 0) {
            sb.append(" self");
        }
        if (dst != null) {
            sb.append(" dst ").append(dst.getHostAddress());
        }
        if (vni >= 0) {
            sb.append(" vni ").append(Integer.toUnsignedString(vni));
        }
        if (!withState) {
            return sb.toString();
        }
        return sb.append(' ').append(state == null ? "?" : state.name().toLowerCase(java.util.Locale.ROOT)).toString();
    }
}
