package io.netlink4j.bridge;

/** The spanning-tree state of a bridge port (BR_STATE_*, linux/if_bridge.h). */
public enum PortState {
    /** BR_STATE_DISABLED (0): no traffic at all. */
    DISABLED,
    /** BR_STATE_LISTENING (1): STP only. */
    LISTENING,
    /** BR_STATE_LEARNING (2): learns addresses, does not forward. */
    LEARNING,
    /** BR_STATE_FORWARDING (3): fully active. */
    FORWARDING,
    /** BR_STATE_BLOCKING (4): BPDUs only. */
    BLOCKING;

    public static final int BR_STATE_DISABLED = 0;
    public static final int BR_STATE_LISTENING = 1;
    public static final int BR_STATE_LEARNING = 2;
    public static final int BR_STATE_FORWARDING = 3;
    public static final int BR_STATE_BLOCKING = 4;

    private static final PortState[] ALL = values();

    /** The value on the wire (IFLA_BRPORT_STATE). */
    public int value() {
        return ordinal();
    }

    /** The state for a wire value; IllegalArgumentException outside 0..4. */
    public static PortState of(int value) {
        if (value < 0 || value >= ALL.length) {
            throw new IllegalArgumentException("port state must be 0..4 (disabled, listening, learning, forwarding, blocking): " + value);
        }
        return ALL[value];
    }

    /** iproute2's name ("forwarding"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
