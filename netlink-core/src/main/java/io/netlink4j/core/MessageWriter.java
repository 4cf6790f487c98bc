package io.netlink4j.core;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds netlink messages in place in one buffer: header, family header, attributes and nests,
 * each 4-byte aligned, with no intermediate objects.
 *
 * <p>Several messages may be written back to back (a batch sent with one {@code sendto}); each
 * starts with {@link #begin} and ends with {@link #end}. Padding bytes are zeroed, so the bytes
 * match what iproute2 and libmnl send. A request that does not fit the buffer fails with
 * {@link IllegalStateException} before anything is sent.
 */
public final class MessageWriter {
    private final ByteBuffer buffer;
    private int position;
    private int messageStart = -1;

    /** @param buffer where messages are built; must be in native byte order. */
    public MessageWriter(ByteBuffer buffer) {
        if (buffer.order() != ByteOrder.nativeOrder()) {
            throw new IllegalArgumentException("netlink buffers must be in native byte order");
        }
        this.buffer = buffer;
    }

    /** A writer over a new direct buffer of {@code capacity} bytes. */
    public static MessageWriter allocate(int capacity) {
        return new MessageWriter(ByteBuffer.allocateDirect(capacity).order(ByteOrder.nativeOrder()));
    }

    public ByteBuffer buffer() {
        return buffer;
    }

    /** Bytes written so far, all messages included. */
    public int length() {
        return position;
    }

    /** Bytes left in the buffer. */
    public int remaining() {
        return buffer.capacity() - position;
    }

    /** Offset of the message being built (or the last one ended). */
    public int messageStart() {
        return messageStart;
    }

    /** Forgets everything written. */
    public MessageWriter reset() {
        position = 0;
        messageStart = -1;
        return this;
    }

    /** Cuts the buffer back to {@code length} bytes (e.g. to drop a message that did not fit). */
    public MessageWriter truncate(int length) {
        if (length < 0 || length > position) {
            throw new IllegalArgumentException("truncate to " + length + " of " + position);
        }
        position = length;
        return this;
    }

    /** Starts a message: writes its nlmsghdr; the length is filled in by {@link #end}. */
    public MessageWriter begin(int type, int flags, int seq, int pid) {
        int at = reserve(NlMsg.NLMSG_HDRLEN);
        messageStart = at;
        buffer.putShort(at + NlMsg.TYPE_OFFSET, (short) type);
        buffer.putShort(at + NlMsg.FLAGS_OFFSET, (short) flags);
        buffer.putInt(at + NlMsg.SEQ_OFFSET, seq);
        buffer.putInt(at + NlMsg.PID_OFFSET, pid);
        return this;
    }

    /** Finishes the current message: sets nlmsg_len; returns it. */
    public int end() {
        if (messageStart < 0) {
            throw new IllegalStateException("no message begun");
        }
        int len = position - messageStart;
        buffer.putInt(messageStart + NlMsg.LENGTH_OFFSET, len);
        return len;
    }

    /**
     * Reserves {@code len} zeroed bytes, padded to 4, and returns their offset: used for family
     * headers (ifinfomsg, ndmsg, br_port_msg …) written through their flyweights.
     */
    public int reserve(int len) {
        int padded = NlAttr.align(len);
        ensure(padded);
        int at = position;
        for (int i = 0; i < padded; i += 4) {
            buffer.putInt(at + i, 0);
        }
        position += padded;
        return at;
    }

    /** nla_len is 16 bits: a longer attribute or nest cannot be expressed and must not be silently cut. */
    private static final int NLA_LEN_MAX = 0xffff;

    private int putHeader(int type, int payloadLength) {
        int total = NlAttr.NLA_HDRLEN + payloadLength;
        if (total > NLA_LEN_MAX) {
            throw new IllegalArgumentException("attribute type " + (type & NlAttr.NLA_TYPE_MASK) + " of " + total
                    + " bytes exceeds the " + NLA_LEN_MAX + "-byte limit of nla_len");
        }
        ensure(NlAttr.align(total));
        int at = position;
        buffer.putShort(at + NlAttr.LENGTH_OFFSET, (short) total);
        buffer.putShort(at + NlAttr.TYPE_OFFSET, (short) type);
        // zero the padding word up front; the payload overwrites what it covers
        if ((total & 3) != 0) {
            buffer.putInt(at + (total & ~3), 0);
        }
        position += NlAttr.align(total);
        return at + NlAttr.NLA_HDRLEN;
    }

    public MessageWriter putU8(int type, int value) {
        buffer.put(putHeader(type, 1), (byte) value);
        return this;
    }

    public MessageWriter putU16(int type, int value) {
        buffer.putShort(putHeader(type, 2), (short) value);
        return this;
    }

    /** A 16-bit value in network byte order (ports, NLA_F_NET_BYTEORDER style attributes). */
    public MessageWriter putBe16(int type, int value) {
        int at = putHeader(type, 2);
        buffer.put(at, (byte) (value >>> 8));
        buffer.put(at + 1, (byte) value);
        return this;
    }

    public MessageWriter putU32(int type, int value) {
        buffer.putInt(putHeader(type, 4), value);
        return this;
    }

    public MessageWriter putU64(int type, long value) {
        buffer.putLong(putHeader(type, 8), value);
        return this;
    }

    /** An attribute with no payload (NLA_FLAG). */
    public MessageWriter putFlag(int type) {
        putHeader(type, 0);
        return this;
    }

    public MessageWriter putBytes(int type, byte[] value) {
        return putBytes(type, value, 0, value.length);
    }

    public MessageWriter putBytes(int type, byte[] value, int offset, int length) {
        int at = putHeader(type, length);
        for (int i = 0; i < length; i++) {
            buffer.put(at + i, value[offset + i]);
        }
        return this;
    }

    /** A NUL-terminated string (NLA_NUL_STRING / NLA_STRING as iproute2 sends it). */
    public MessageWriter putString(int type, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        int at = putHeader(type, b.length + 1);
        for (int i = 0; i < b.length; i++) {
            buffer.put(at + i, b[i]);
        }
        buffer.put(at + b.length, (byte) 0);
        return this;
    }

    /**
     * A string without the terminating NUL, as iproute2 sends IFLA_INFO_KIND; the kernel copies
     * such attributes with nla_strscpy, which takes either form.
     */
    public MessageWriter putStringNoNul(int type, String value) {
        return putBytes(type, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Opens a nest with {@link NlAttr#NLA_F_NESTED} set; returns a token for {@link #endNest}.
     */
    public int beginNest(int type) {
        return beginNest(type, true);
    }

    /**
     * Opens a nest. {@code nestedFlag} sets NLA_F_NESTED: newer kernel policies (strict
     * validation) want it; iproute2 omits it on IFLA_LINKINFO and IFLA_PROTINFO, which the kernel
     * accepts either way.
     */
    public int beginNest(int type, boolean nestedFlag) {
        int at = position;
        putHeader(nestedFlag ? type | NlAttr.NLA_F_NESTED : type, 0);
        return at;
    }

    /** Closes the nest opened at {@code token}: its length now covers everything written since. */
    public MessageWriter endNest(int token) {
        int len = position - token;
        if (len > NLA_LEN_MAX) {
            throw new IllegalArgumentException("nest type " + (buffer.getShort(token + NlAttr.TYPE_OFFSET) & NlAttr.NLA_TYPE_MASK)
                    + " of " + len + " bytes exceeds the " + NLA_LEN_MAX + "-byte limit of nla_len");
        }
        buffer.putShort(token + NlAttr.LENGTH_OFFSET, (short) len);
        return this;
    }

    private void ensure(int len) {
        if (position + len > buffer.capacity()) {
            throw new IllegalStateException("netlink request does not fit the " + buffer.capacity()
                    + "-byte send buffer (" + position + " used, " + len + " more needed)");
        }
    }
}
