package io.netlink4j.bridge;

/**
 * Receives FDB entries of a dump one at a time, as a flyweight over the receive buffer: nothing is
 * allocated per entry. The view is valid only during the call; copy what you keep
 * ({@link FdbView#toEntry()} makes a user object).
 */
@FunctionalInterface
public interface FdbVisitor {
    void onEntry(FdbView entry);

    /**
     * The dump is being restarted because the FDB changed while it ran (NLM_F_DUMP_INTR): forget
     * what this dump delivered so far.
     */
    default void onRestart() {}
}
