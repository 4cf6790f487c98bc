package io.netlink4j.bridge;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.MessageWriter;
import java.util.Arrays;

/**
 * The values of a partial update: attribute type -> value, remembering the order in which they
 * were set (so a request lists its attributes in the caller's order, as iproute2 lists them in
 * command-line order). Types are below 64 (the IFLA_BRPORT_* and IFLA_BR_* ranges).
 */
final class AttrValues {
    private final long[] values = new long[64];
    private long present;
    private byte[] order = new byte[8];
    private int count;

    AttrValues put(int type, long value) {
        if ((present & (1L << type)) == 0) {
            if (count == order.length) {
                order = Arrays.copyOf(order, count * 2);
            }
            order[count++] = (byte) type;
            present |= 1L << type;
        }
        values[type] = value;
        return this;
    }

    boolean has(int type) {
        return type < 64 && (present & (1L << type)) != 0;
    }

    long get(int type) {
        return values[type];
    }

    int size() {
        return count;
    }

    /** The {@code i}-th type set. */
    int typeAt(int i) {
        return order[i];
    }

    AttrValues copy() {
        AttrValues c = new AttrValues();
        System.arraycopy(values, 0, c.values, 0, values.length);
        c.present = present;
        c.order = Arrays.copyOf(order, order.length);
        c.count = count;
        return c;
    }

    Boolean bool(int type) {
        return has(type) ? values[type] != 0 : null;
    }

    Integer integer(int type) {
        return has(type) ? (int) values[type] : null;
    }

    Long longValue(int type) {
        return has(type) ? values[type] : null;
    }

    /**
     * "Title{name=value, flag, ...}" in the order set: names are the uapi names without
     * {@code prefix}, in lower case; MAC values are shown as MACs, flags without a value.
     */
    String toString(String title, String prefix, java.util.function.IntFunction<String> uapiName, int[] width) {
        StringBuilder sb = new StringBuilder(title).append('{');
        for (int i = 0; i < count; i++) {
            int t = order[i];
            sb.append(i == 0 ? "" : ", ").append(uapiName.apply(t).substring(prefix.length()).toLowerCase(java.util.Locale.ROOT));
            if (width[t] == MAC) {
                sb.append('=').append(FdbCodec.formatMac(values[t]));
            } else if (width[t] == BOOLOPT) {
                sb.append("=0x").append(Long.toHexString(values[t] & 0xffffffffL)).append("/0x")
                        .append(Long.toHexString(values[t] >>> 32));
            } else if (width[t] != FLAG) {
                sb.append('=').append(values[t]);
            }
        }
        return sb.append('}').toString();
    }

    /** Wire forms in a width table other than a byte count (1, 2, 4, 8); 0 = not writable. */
    static final int FLAG = -1;
    static final int BE16 = -2;
    static final int MAC = -3;
    /** struct br_boolopt_multi {u32 optval; u32 optmask}, held as optmask << 32 | optval. */
    static final int BOOLOPT = -4;

    /** Writes the set values in the order they were set, each in its width from {@code width}. */
    void encode(MessageWriter w, int[] width, String family) {
        for (int i = 0; i < count; i++) {
            int t = order[i];
            long x = values[t];
            switch (width[t]) {
                case 1: w.putU8(t, (int) x); break;
                case 2: w.putU16(t, (int) x); break;
                case 4: w.putU32(t, (int) x); break;
                case 8: w.putU64(t, x); break;
                case BE16: w.putBe16(t, (int) x); break;
                case FLAG: w.putFlag(t); break;
                case MAC: {
                    byte[] mac = new byte[6];
                    for (int k = 0; k < 6; k++) {
                        mac[k] = (byte) (x >>> (8 * (5 - k)));
                    }
                    w.putBytes(t, mac);
                    break;
                }
                case BOOLOPT: {
                    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.nativeOrder());
                    int mask = (int) (x >>> 32);
                    b.putInt(0, (int) x & mask).putInt(4, mask);
                    w.putBytes(t, b.array());
                    break;
                }
                default: throw new IllegalStateException(family + " type " + t + " is not writable");
            }
        }
    }

    /**
     * Reads the current attribute of {@code it} if {@code width} knows it as a value (FLAG and
     * unknown or read-only types are skipped: a newer kernel's attributes are not fatal).
     */
    void decode(AttributeIterator it, int[] width) {
        int t = it.type();
        if (t >= width.length) {
            return;
        }
        switch (width[t]) {
            case 1: put(t, it.u8()); break;
            case 2: put(t, it.u16()); break;
            case 4: put(t, Integer.toUnsignedLong(it.u32())); break;
            case 8: put(t, it.u64()); break;
            case BE16: put(t, it.be16()); break;
            case MAC: put(t, mac(it)); break;
            case BOOLOPT: {
                if (it.payloadLength() < 8) {
                    it.fail("attribute type " + t + " has " + it.payloadLength() + " bytes, br_boolopt_multi needs 8");
                    break;
                }
                java.nio.ByteBuffer b = it.buffer();
                long val = Integer.toUnsignedLong(b.getInt(it.payloadOffset()));
                long mask = Integer.toUnsignedLong(b.getInt(it.payloadOffset() + 4));
                put(t, mask << 32 | (val & mask));
                break;
            }
            default: break;
        }
    }

    private static long mac(AttributeIterator it) {
        if (it.payloadLength() < 6) {
            it.fail("attribute type " + it.type() + " has " + it.payloadLength() + " bytes, a MAC needs 6");
            return 0;
        }
        long x = 0;
        for (int k = 0; k < 6; k++) {
            x = (x << 8) | (it.buffer().get(it.payloadOffset() + k) & 0xff);
        }
        return x;
    }
}
