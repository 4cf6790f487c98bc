package io.netlink4j.core;

import java.nio.ByteBuffer;

/**
 * Flyweight over one {@code struct nlmsghdr} (linux/netlink.h) and the payload behind it.
 *
 * <p>Wraps a buffer at an offset and reads in place; holds no other state, so one instance is
 * reused for every message of a receive batch. The buffer must be in native byte order.
 */
public final class NlMsg {
    /** sizeof(struct nlmsghdr). */
    public static final int NLMSG_HDRLEN = 16;
    public static final int LENGTH_OFFSET = 0;
    public static final int TYPE_OFFSET = 4;
    public static final int FLAGS_OFFSET = 6;
    public static final int SEQ_OFFSET = 8;
    public static final int PID_OFFSET = 12;

    /** Message types below {@code NLMSG_MIN_TYPE} are control messages. */
    public static final int NLMSG_NOOP = 1;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;
    public static final int NLMSG_OVERRUN = 4;
    public static final int NLMSG_MIN_TYPE = 0x10;

    public static final int NLM_F_REQUEST = 0x01;
    public static final int NLM_F_MULTI = 0x02;
    public static final int NLM_F_ACK = 0x04;
    public static final int NLM_F_ECHO = 0x08;
    /** Set on a dump message when the dump was interrupted by a change: the result may be inconsistent. */
    public static final int NLM_F_DUMP_INTR = 0x10;
    public static final int NLM_F_DUMP_FILTERED = 0x20;
    // GET requests
    public static final int NLM_F_ROOT = 0x100;
    public static final int NLM_F_MATCH = 0x200;
    public static final int NLM_F_ATOMIC = 0x400;
    public static final int NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;
    // NEW requests
    public static final int NLM_F_REPLACE = 0x100;
    public static final int NLM_F_EXCL = 0x200;
    public static final int NLM_F_CREATE = 0x400;
    public static final int NLM_F_APPEND = 0x800;
    // DELETE requests
    public static final int NLM_F_NONREC = 0x100;
    public static final int NLM_F_BULK = 0x200;
    // ACK flags
    public static final int NLM_F_CAPPED = 0x100;
    public static final int NLM_F_ACK_TLVS = 0x200;

    private ByteBuffer buffer;
    private int offset;

    /** Points this flyweight at the header that starts at {@code offset}. */
    public NlMsg wrap(ByteBuffer buffer, int offset) {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    public ByteBuffer buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    /** nlmsg_len: header plus payload, not padded. */
    public int length() {
        return buffer.getInt(offset + LENGTH_OFFSET);
    }

    public NlMsg length(int v) {
        buffer.putInt(offset + LENGTH_OFFSET, v);
        return this;
    }

    /** nlmsg_type (unsigned 16). */
    public int type() {
        return buffer.getShort(offset + TYPE_OFFSET) & 0xffff;
    }

    public NlMsg type(int v) {
        buffer.putShort(offset + TYPE_OFFSET, (short) v);
        return this;
    }

    /** nlmsg_flags (unsigned 16). */
    public int flags() {
        return buffer.getShort(offset + FLAGS_OFFSET) & 0xffff;
    }

    public NlMsg flags(int v) {
        buffer.putShort(offset + FLAGS_OFFSET, (short) v);
        return this;
    }

    /** nlmsg_seq: echoed by the kernel in every reply to a request. */
    public int seq() {
        return buffer.getInt(offset + SEQ_OFFSET);
    }

    public NlMsg seq(int v) {
        buffer.putInt(offset + SEQ_OFFSET, v);
        return this;
    }

    /** nlmsg_pid: in a kernel reply, the port id of the requesting socket. */
    public int pid() {
        return buffer.getInt(offset + PID_OFFSET);
    }

    public NlMsg pid(int v) {
        buffer.putInt(offset + PID_OFFSET, v);
        return this;
    }

    public int payloadOffset() {
        return offset + NLMSG_HDRLEN;
    }

    public int payloadLength() {
        return length() - NLMSG_HDRLEN;
    }

    /**
     * Wraps {@code it} over the attributes that follow a family header of {@code familyHeaderLength}
     * bytes (e.g. {@link IfInfoMsg#LENGTH}); a payload shorter than the family header leaves the
     * iterator in its error state.
     */
    public AttributeIterator attributes(AttributeIterator it, int familyHeaderLength) {
        int start = NlAttr.align(familyHeaderLength);
        int len = payloadLength();
        if (len < familyHeaderLength) {
            return it.wrapFailed(buffer, "message type " + type() + ": payload of " + len
                    + " bytes is shorter than its " + familyHeaderLength + "-byte family header");
        }
        return it.wrap(buffer, payloadOffset() + Math.min(start, len), Math.max(0, len - start));
    }

    /** NLMSG_ALIGN. */
    public static int align(int len) {
        return (len + 3) & ~3;
    }
}
