package io.netlink4j.bridge;

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
}
