package io.netlink4j.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Walks the attributes of a message (or of one nest) in place, in the manner of
 * mdlayher/netlink's {@code AttributeDecoder}: {@link #next()} advances, typed getters read the
 * current payload, and the <em>first</em> problem (a truncated header, {@code nla_len < 4}, a
 * length past the end, a payload too short for its getter) is kept as a sticky error instead of
 * being thrown from the middle of a loop. Check {@link #error()} or call {@link #check()} once
 * the loop is done; after an error {@link #next()} returns false.
 *
 * <pre>{@code
 * while (it.next()) {
 *     switch (it.type()) {
 *         case IFLA_MTU: mtu = it.u32(); break;
 *         case IFLA_LINKINFO: parseLinkInfo(it.nested(child)); it.absorb(child); break;
 *         default: break; // unknown (newer kernel): skipped
 *     }
 * }
 * it.check();
 * }</pre>
 *
 * <p>Nothing is copied and nothing is allocated, except by {@link #string()} and {@link #bytes()}
 * which return user objects. Unknown attribute types are simply not asked for.
 */
public final class AttributeIterator {
    private static final boolean LITTLE_ENDIAN = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;

    private ByteBuffer buffer;
    private int position;
    private int end;
    private int rawType;
    private int payloadOffset;
    private int payloadLength;
    private String error;

    /** Wraps the attribute area {@code [offset, offset + length)} of {@code buffer}. */
    public AttributeIterator wrap(ByteBuffer buffer, int offset, int length) {
        this.buffer = buffer;
        this.position = offset;
        this.end = offset + length;
        this.rawType = -1;
        this.payloadLength = 0;
        this.error = null;
        if (length < 0 || offset < 0 || end > buffer.limit()) {
            fail("attribute area [" + offset + ", +" + length + ") outside the " + buffer.limit() + "-byte message");
        }
        return this;
    }

    AttributeIterator wrapFailed(ByteBuffer buffer, String why) {
        wrap(buffer, 0, 0);
        fail(why);
        return this;
    }

    /** Moves to the next attribute; false at the end of the area or once an error is recorded. */
    public boolean next() {
        if (error != null) {
            return false;
        }
        // the previous call left the next position ready: the chain from one attribute to the
        // next is only load header -> nla_len -> pos + align(nla_len)
        int pos = position;
        int left = end - pos;
        if (left <= 0) {
            return false;
        }
        if (left < NlAttr.NLA_HDRLEN) {
            return fail("truncated attribute header: " + left + " bytes left at offset " + pos);
        }
        // nla_len and nla_type in one read: half the buffer accesses (and their bounds checks)
        int header = buffer.getInt(pos);
        int len = LITTLE_ENDIAN ? header & 0xffff : header >>> 16;
        if (len < NlAttr.NLA_HDRLEN) {
            return fail("attribute at offset " + pos + " has nla_len " + len + " (< 4)");
        }
        if (len > left) {
            return fail("attribute at offset " + pos + " has nla_len " + len + " past the end ("
                    + left + " bytes left)");
        }
        position = pos + NlAttr.align(len); // may pass end by up to 3 bytes of padding: left <= 0 next time
        rawType = LITTLE_ENDIAN ? header >>> 16 : header & 0xffff;
        payloadOffset = pos + NlAttr.NLA_HDRLEN;
        payloadLength = len - NlAttr.NLA_HDRLEN;
        return true;
    }

    /** The attribute type without the NLA_F_NESTED / NLA_F_NET_BYTEORDER bits. */
    public int type() {
        return rawType & NlAttr.NLA_TYPE_MASK;
    }

    /** True when the sender marked this attribute NLA_F_NESTED (not all nests are marked). */
    public boolean nestedFlag() {
        return (rawType & NlAttr.NLA_F_NESTED) != 0;
    }

    public int payloadOffset() {
        return payloadOffset;
    }

    public int payloadLength() {
        return payloadLength;
    }

    /** Offset of the current attribute's header. */
    public int attributeOffset() {
        return payloadOffset - NlAttr.NLA_HDRLEN;
    }

    public ByteBuffer buffer() {
        return buffer;
    }

    private boolean need(int n, String what) {
        if (payloadLength < n) {
            fail("attribute type " + type() + " has " + payloadLength + " bytes, " + what + " needs " + n);
            return false;
        }
        return true;
    }

    public int u8() {
        return need(1, "u8") ? buffer.get(payloadOffset) & 0xff : 0;
    }

    public int u16() {
        return need(2, "u16") ? buffer.getShort(payloadOffset) & 0xffff : 0;
    }

    /** A big-endian u16 (ports and other NLA_F_NET_BYTEORDER values). */
    public int be16() {
        return need(2, "be16") ? ((buffer.get(payloadOffset) & 0xff) << 8) | (buffer.get(payloadOffset + 1) & 0xff) : 0;
    }

    /** A u32 as a Java int; use {@link Integer#toUnsignedLong} where the top bit matters. */
    public int u32() {
        return need(4, "u32") ? buffer.getInt(payloadOffset) : 0;
    }

    public long u64() {
        return need(8, "u64") ? buffer.getLong(payloadOffset) : 0;
    }

    /** NLA_UINT: the kernel sends 4 bytes when the value fits, else 8. */
    public long uint() {
        if (payloadLength >= 8) {
            return buffer.getLong(payloadOffset);
        }
        return need(4, "uint") ? Integer.toUnsignedLong(buffer.getInt(payloadOffset)) : 0;
    }

    /** A string attribute, up to its first NUL (a missing NUL is tolerated). */
    public String string() {
        int n = 0;
        while (n < payloadLength && buffer.get(payloadOffset + n) != 0) {
            n++;
        }
        byte[] b = new byte[n];
        buffer.get(payloadOffset, b, 0, n);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Compares a string attribute with {@code s} without allocating (ASCII only). */
    public boolean stringEquals(String s) {
        int n = s.length();
        if (payloadLength < n || (payloadLength > n && buffer.get(payloadOffset + n) != 0)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if ((buffer.get(payloadOffset + i) & 0xff) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A copy of the payload. */
    public byte[] bytes() {
        byte[] b = new byte[payloadLength];
        buffer.get(payloadOffset, b, 0, payloadLength);
        return b;
    }

    /**
     * Wraps {@code child} over the current attribute's payload and returns it. Call
     * {@link #absorb(AttributeIterator)} after the child's loop to carry its error up.
     */
    public AttributeIterator nested(AttributeIterator child) {
        return child.wrap(buffer, payloadOffset, payloadLength);
    }

    /** Takes over {@code child}'s error, if it has one and this iterator has none yet. */
    public void absorb(AttributeIterator child) {
        if (error == null && child.error != null) {
            error = child.error;
        }
    }

    /** Records a problem found by the caller (e.g. an impossible value); the first one wins. */
    public boolean fail(String why) {
        if (error == null) {
            error = why;
        }
        return false;
    }

    /** The first problem met, or null. */
    public String error() {
        return error;
    }

    /** Throws {@link NetlinkParseException} if a problem was met. */
    public void check() {
        if (error != null) {
            throw new NetlinkParseException(error);
        }
    }
}
