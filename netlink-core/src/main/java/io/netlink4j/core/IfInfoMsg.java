package io.netlink4j.core;

import java.nio.ByteBuffer;

/**
 * Flyweight over {@code struct ifinfomsg} (linux/rtnetlink.h), the family header of
 * RTM_NEWLINK/DELLINK/GETLINK/SETLINK, and the {@code IFF_*} flags (linux/if.h) it carries.
 */
public final class IfInfoMsg {
    /** sizeof(struct ifinfomsg). */
    public static final int LENGTH = 16;
    public static final int FAMILY_OFFSET = 0;
    public static final int TYPE_OFFSET = 2;
    public static final int INDEX_OFFSET = 4;
    public static final int FLAGS_OFFSET = 8;
    public static final int CHANGE_OFFSET = 12;

    public static final int IFF_UP = 0x1;
    public static final int IFF_BROADCAST = 0x2;
    public static final int IFF_LOOPBACK = 0x8;
    public static final int IFF_POINTOPOINT = 0x10;
    public static final int IFF_RUNNING = 0x40;
    public static final int IFF_NOARP = 0x80;
    public static final int IFF_PROMISC = 0x100;
    public static final int IFF_ALLMULTI = 0x200;
    public static final int IFF_MASTER = 0x400;
    public static final int IFF_SLAVE = 0x800;
    public static final int IFF_MULTICAST = 0x1000;
    public static final int IFF_LOWER_UP = 0x10000;
    public static final int IFF_DORMANT = 0x20000;

    private ByteBuffer buffer;
    private int offset;

    public IfInfoMsg wrap(ByteBuffer buffer, int offset) {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /** Writes a whole ifinfomsg as the family header of the message being built. */
    public static void put(MessageWriter w, int family, int index, int flags, int change) {
        int at = w.reserve(LENGTH);
        ByteBuffer b = w.buffer();
        b.put(at + FAMILY_OFFSET, (byte) family);
        b.putInt(at + INDEX_OFFSET, index);
        b.putInt(at + FLAGS_OFFSET, flags);
        b.putInt(at + CHANGE_OFFSET, change);
    }

    /** ifi_family: AF_UNSPEC for generic link messages, AF_BRIDGE for the bridge's own. */
    public int family() {
        return buffer.get(offset + FAMILY_OFFSET) & 0xff;
    }

    /** ifi_type: ARPHRD_* device type. */
    public int type() {
        return buffer.getShort(offset + TYPE_OFFSET) & 0xffff;
    }

    /** ifi_index. */
    public int index() {
        return buffer.getInt(offset + INDEX_OFFSET);
    }

    /** ifi_flags: IFF_* device flags. */
    public int flags() {
        return buffer.getInt(offset + FLAGS_OFFSET);
    }

    /** ifi_change: which IFF_* bits a request changes. */
    public int change() {
        return buffer.getInt(offset + CHANGE_OFFSET);
    }
}
