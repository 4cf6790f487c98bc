package io.netlink4j.core;

import java.nio.ByteBuffer;

/**
 * Flyweight over {@code struct ndmsg} (linux/neighbour.h), the family header of
 * RTM_NEWNEIGH/DELNEIGH/GETNEIGH (neighbours and, with AF_BRIDGE, FDB entries), with the
 * {@code NUD_*} states and {@code NTF_*} flags it carries.
 */
public final class NdMsg {
    /** sizeof(struct ndmsg). */
    public static final int LENGTH = 12;
    public static final int FAMILY_OFFSET = 0;
    public static final int IFINDEX_OFFSET = 4;
    public static final int STATE_OFFSET = 8;
    public static final int FLAGS_OFFSET = 10;
    public static final int TYPE_OFFSET = 11;

    public static final int NUD_INCOMPLETE = 0x01;
    public static final int NUD_REACHABLE = 0x02;
    public static final int NUD_STALE = 0x04;
    public static final int NUD_DELAY = 0x08;
    public static final int NUD_PROBE = 0x10;
    public static final int NUD_FAILED = 0x20;
    /** For FDB entries: "static" (no ageing). */
    public static final int NUD_NOARP = 0x40;
    /** For FDB entries: "permanent" (local, delivered to the bridge itself). */
    public static final int NUD_PERMANENT = 0x80;
    public static final int NUD_NONE = 0x00;

    public static final int NTF_USE = 0x01;
    public static final int NTF_SELF = 0x02;
    public static final int NTF_MASTER = 0x04;
    public static final int NTF_PROXY = 0x08;
    public static final int NTF_EXT_LEARNED = 0x10;
    public static final int NTF_OFFLOADED = 0x20;
    public static final int NTF_STICKY = 0x40;
    public static final int NTF_ROUTER = 0x80;

    private ByteBuffer buffer;
    private int offset;

    public NdMsg wrap(ByteBuffer buffer, int offset) {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /** Writes a whole ndmsg as the family header of the message being built. */
    public static void put(MessageWriter w, int family, int ifindex, int state, int flags, int type) {
        int at = w.reserve(LENGTH);
        ByteBuffer b = w.buffer();
        b.put(at + FAMILY_OFFSET, (byte) family);
        b.putInt(at + IFINDEX_OFFSET, ifindex);
        b.putShort(at + STATE_OFFSET, (short) state);
        b.put(at + FLAGS_OFFSET, (byte) flags);
        b.put(at + TYPE_OFFSET, (byte) type);
    }

    public int family() {
        return buffer.get(offset + FAMILY_OFFSET) & 0xff;
    }

    public int ifindex() {
        return buffer.getInt(offset + IFINDEX_OFFSET);
    }

    /** ndm_state: NUD_* bits. */
    public int state() {
        return buffer.getShort(offset + STATE_OFFSET) & 0xffff;
    }

    /** ndm_flags: NTF_* bits (the low byte; NDA_FLAGS_EXT carries more). */
    public int flags() {
        return buffer.get(offset + FLAGS_OFFSET) & 0xff;
    }

    public int type() {
        return buffer.get(offset + TYPE_OFFSET) & 0xff;
    }
}
