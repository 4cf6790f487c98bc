package io.netlink4j.core.testing;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.NlMsg;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Turns fuzz bytes into the shapes decoders take, and walks whatever they hand on. */
public final class Fuzzing {
    private Fuzzing() {}

    /** Deepest nest the generic walker descends into (the kernel's own limit is MAX_NESTED 16ish). */
    public static final int MAX_DEPTH = 8;

    /**
     * A message whose first 16 bytes (zero-padded) are its header, followed by the rest as the
     * payload; nlmsg_len is set to the real length, as the channel guarantees before any decoder
     * runs. {@code type} overrides nlmsg_type unless negative.
     */
    public static NlMsg message(int type, byte[] data) {
        int len = Math.max(NlMsg.NLMSG_HDRLEN, data.length);
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.nativeOrder());
        b.put(0, data, 0, data.length);
        NlMsg m = new NlMsg().wrap(b, 0);
        m.length(len);
        if (type >= 0) {
            m.type(type);
        }
        return m;
    }

    /**
     * Calls every getter on every attribute and descends into each payload as if it were a nest,
     * depth-first; the first problem is carried up to {@code it} (check it afterwards).
     */
    public static void walk(AttributeIterator it, int depth) {
        AttributeIterator child = new AttributeIterator();
        while (it.next()) {
            it.u8();
            it.u16();
            it.be16();
            it.u32();
            it.u64();
            it.uint();
            it.string();
            it.stringEquals("br0");
            it.bytes();
            it.nestedFlag();
            if (depth < MAX_DEPTH && it.payloadLength() >= 4) {
                AttributeIterator c = it.nested(child);
                walk(c, depth + 1);
                // a payload that is not a nest is not an error of the outer list: only absorb real nests
                if (it.nestedFlag()) {
                    it.absorb(c);
                }
            }
        }
    }

    /** A {@link LinkCodec.Hook} that walks every nest it is given and reports its errors. */
    public static final LinkCodec.Hook WALKING_HOOK = new LinkCodec.Hook() {
        @Override
        public void infoData(String kind, AttributeIterator data) {
            walk(data, 1);
        }

        @Override
        public void slaveData(String slaveKind, AttributeIterator data) {
            walk(data, 1);
        }

        @Override
        public void protinfo(AttributeIterator data) {
            walk(data, 1);
        }

        @Override
        public void afSpec(AttributeIterator data) {
            walk(data, 1);
        }
    };

    /**
     * Sets the seq of every message the channel would find in datagram {@code d} to {@code seq}
     * (stopping at the first impossible header, which the channel then rejects), so random input
     * reaches the decoders instead of being skipped as a stale reply.
     */
    public static byte[] withSeq(byte[] d, int seq) {
        byte[] out = d.clone();
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.nativeOrder());
        int pos = 0;
        while (out.length - pos >= NlMsg.NLMSG_HDRLEN) {
            int len = b.getInt(pos);
            b.putInt(pos + NlMsg.SEQ_OFFSET, seq);
            if (len < NlMsg.NLMSG_HDRLEN || len > out.length - pos) {
                break;
            }
            pos += NlMsg.align(len);
        }
        return out;
    }
}
