package io.netlink4j.bridge;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.MacAddress;
import io.netlink4j.core.NdMsg;
import io.netlink4j.core.NeighCodec;
import io.netlink4j.core.NetlinkParseException;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.IntFunction;

/**
 * A flyweight over one FDB message (RTM_NEWNEIGH / RTM_DELNEIGH, AF_BRIDGE) in a receive buffer.
 * {@link #wrap} walks the attributes once and keeps offsets and numbers in fields, so reading an
 * entry allocates nothing; only {@link #macString()}, {@link #dst()} and {@link #toEntry()} make
 * objects. Unknown attributes (a newer kernel's) are skipped.
 *
 * <p>Valid until the next {@link #wrap} or until the buffer is reused: do not keep it.
 */
public final class FdbView {
    /** Ticks of nda_cacheinfo per second (USER_HZ). */
    public static final int USER_HZ = 100;

    private final AttributeIterator it = new AttributeIterator();
    private final NdMsg ndm = new NdMsg();
    private ByteBuffer buffer;
    private int type;
    private int ifindex;
    private int state;
    private int flags;
    private int extFlags;
    private int master;
    private int vlan;
    private int macOffset;
    private int macLength;
    private int dstOffset;
    private int dstLength;
    private int vni;
    private int port;
    private int srcVni;
    private int via;
    private int nhId;
    private int cacheOffset;

    /**
     * Points the view at {@code m}. Returns false (and leaves the view unusable) when {@code m} is
     * not an AF_BRIDGE neighbour message — an ARP/ND neighbour seen by a monitor, for example.
     *
     * @throws NetlinkParseException when the message is malformed
     */
    public boolean wrap(NlMsg m) {
        int t = m.type();
        if ((t != Rtnetlink.RTM_NEWNEIGH && t != Rtnetlink.RTM_DELNEIGH) || m.payloadLength() < NdMsg.LENGTH) {
            return false;
        }
        ndm.wrap(m.buffer(), m.payloadOffset());
        if (ndm.family() != Rtnetlink.AF_BRIDGE) {
            return false;
        }
        buffer = m.buffer();
        type = t;
        ifindex = ndm.ifindex();
        state = ndm.state();
        flags = ndm.flags();
        extFlags = 0;
        master = 0;
        vlan = 0;
        macOffset = -1;
        macLength = 0;
        dstOffset = -1;
        dstLength = 0;
        vni = -1;
        port = 0;
        srcVni = -1;
        via = 0;
        nhId = 0;
        cacheOffset = -1;
        m.attributes(it, NdMsg.LENGTH);
        while (it.next()) {
            switch (it.type()) {
                case NeighCodec.NDA_LLADDR: macOffset = it.payloadOffset(); macLength = it.payloadLength(); break;
                case NeighCodec.NDA_MASTER: master = it.u32(); break;
                case NeighCodec.NDA_VLAN: vlan = it.u16(); break;
                case NeighCodec.NDA_FLAGS_EXT: extFlags = it.u32(); break;
                case NeighCodec.NDA_DST: dstOffset = it.payloadOffset(); dstLength = it.payloadLength(); break;
                case NeighCodec.NDA_VNI: vni = it.u32(); break;
                case NeighCodec.NDA_PORT: port = it.be16(); break;
                case NeighCodec.NDA_SRC_VNI: srcVni = it.u32(); break;
                case NeighCodec.NDA_IFINDEX: via = it.u32(); break;
                case NeighCodec.NDA_NH_ID: nhId = it.u32(); break;
                case NeighCodec.NDA_CACHEINFO:
                    if (it.payloadLength() >= NeighCodec.NDA_CACHEINFO_LENGTH) {
                        cacheOffset = it.payloadOffset();
                    } else {
                        it.fail("NDA_CACHEINFO has " + it.payloadLength() + " bytes, needs 16");
                    }
                    break;
                default:
                    break;
            }
        }
        it.check();
        if (macOffset >= 0 && macLength != 6) {
            throw new NetlinkParseException("FDB entry on ifindex " + ifindex + " has a " + macLength + "-byte NDA_LLADDR");
        }
        if (dstOffset >= 0 && dstLength != 4 && dstLength != 16) {
            throw new NetlinkParseException("FDB entry on ifindex " + ifindex + " has a " + dstLength + "-byte NDA_DST");
        }
        return true;
    }

    /** True for an RTM_DELNEIGH (an entry removed, in a monitor). */
    public boolean isDeleted() {
        return type == Rtnetlink.RTM_DELNEIGH;
    }

    /** True when the entry carries a MAC (every bridge entry does). */
    public boolean hasMac() {
        return macOffset >= 0;
    }

    /** The MAC as a 48-bit number, first octet in the most significant byte; 0 when absent. */
    public long macLong() {
        long v = 0;
        for (int i = 0; i < macLength; i++) {
            v = (v << 8) | (buffer.get(macOffset + i) & 0xff);
        }
        return v;
    }

    /** Copies the 6 MAC bytes into {@code dst} at {@code offset}. */
    public void mac(byte[] dst, int offset) {
        buffer.get(macOffset, dst, offset, macLength);
    }

    /** The MAC as text (allocates). */
    public String macString() {
        return macOffset < 0 ? null : MacAddress.format(buffer, macOffset, macLength);
    }

    /** ndm_ifindex: the port (or device) of the entry. */
    public int ifindex() {
        return ifindex;
    }

    /** NDA_MASTER: the bridge, 0 for an entry of a device's own FDB. */
    public int master() {
        return master;
    }

    /** NDA_VLAN, 0 = none. */
    public int vlan() {
        return vlan;
    }

    public FdbState state() {
        return FdbState.fromNud(state);
    }

    /** ndm_state: NUD_* bits as sent. */
    public int nudState() {
        return state;
    }

    /** ndm_flags: NTF_* bits. */
    public int flags() {
        return flags;
    }

    /** NDA_FLAGS_EXT: NTF_EXT_* bits, 0 when absent. */
    public int extFlags() {
        return extFlags;
    }

    public boolean has(FdbFlag f) {
        return ((f.isExt() ? extFlags : flags) & f.bit()) != 0;
    }

    /** NDA_VNI, -1 when absent. */
    public int vni() {
        return vni;
    }

    /** NDA_PORT (VXLAN UDP port), 0 when absent. */
    public int dstPort() {
        return port;
    }

    /** NDA_SRC_VNI, -1 when absent. */
    public int srcVni() {
        return srcVni;
    }

    /** NDA_IFINDEX ("via"), 0 when absent. */
    public int via() {
        return via;
    }

    /** NDA_NH_ID, 0 when absent. */
    public int nhId() {
        return nhId;
    }

    /** Length of NDA_DST: 4 (IPv4), 16 (IPv6) or 0 when absent. */
    public int dstLength() {
        return dstOffset < 0 ? 0 : dstLength;
    }

    /** Copies the NDA_DST bytes into {@code out} at {@code offset}; returns their count. */
    public int dst(byte[] out, int offset) {
        if (dstOffset < 0) {
            return 0;
        }
        buffer.get(dstOffset, out, offset, dstLength);
        return dstLength;
    }

    /** The VXLAN remote (allocates), or null. */
    public InetAddress dst() {
        if (dstOffset < 0) {
            return null;
        }
        byte[] b = new byte[dstLength];
        dst(b, 0);
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new NetlinkParseException("NDA_DST of " + dstLength + " bytes");
        }
    }

    /** True when NDA_CACHEINFO was sent (bridge entries have it). */
    public boolean hasCacheInfo() {
        return cacheOffset >= 0;
    }

    /** Clock ticks (1/{@value #USER_HZ} s) since the entry was last used; -1 without cacheinfo. */
    public long usedTicks() {
        return cache(NeighCodec.CACHEINFO_USED_OFFSET);
    }

    /** Clock ticks since the entry was last updated; -1 without cacheinfo. */
    public long updatedTicks() {
        return cache(NeighCodec.CACHEINFO_UPDATED_OFFSET);
    }

    /** Clock ticks since the entry was last confirmed; -1 without cacheinfo. */
    public long confirmedTicks() {
        return cache(NeighCodec.CACHEINFO_CONFIRMED_OFFSET);
    }

    private long cache(int field) {
        return cacheOffset < 0 ? -1 : Integer.toUnsignedLong(buffer.getInt(cacheOffset + field));
    }

    private static Duration ticks(long t) {
        return t < 0 ? null : Duration.ofMillis(t * 1000 / USER_HZ);
    }

    /** A user object with the entry's fields; the device name left null. */
    public FdbEntry toEntry() {
        return toEntry(null);
    }

    /** A user object with the entry's fields; {@code names} (may be null) maps ifindex to name. */
    public FdbEntry toEntry(IntFunction<String> names) {
        return new FdbEntry(macString(), ifindex, names == null ? null : names.apply(ifindex), master, vlan, state(),
                FdbFlag.of(flags, extFlags), dst(), vni, port, srcVni, via, nhId,
                ticks(usedTicks()), ticks(updatedTicks()), ticks(confirmedTicks()));
    }
}
