package io.netlink4j.core;

/**
 * Receives the reply messages of a request or dump, one at a time, as a flyweight over the
 * channel's receive buffer. The flyweight and the bytes behind it are valid only during the
 * call: copy what you keep.
 */
@FunctionalInterface
public interface MessageVisitor {
    void onMessage(NlMsg message);

    /**
     * A dump is being restarted because the kernel flagged it inconsistent (NLM_F_DUMP_INTR):
     * forget what this dump delivered so far.
     */
    default void onDumpRestart() {}
}
