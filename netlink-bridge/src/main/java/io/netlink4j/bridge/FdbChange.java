package io.netlink4j.bridge;

/**
 * One operation of a bulk run: what to do ({@link Op}) with which entry.
 *
 * @param op   add (fails if present), append, replace (create or update) or delete
 * @param spec the entry
 */
public record FdbChange(Op op, FdbSpec spec) {
    /** The operations, with the NLM_F_* semantics of {@code bridge fdb add|append|replace|del}. */
    public enum Op {
        /** NLM_F_CREATE|NLM_F_EXCL: create; EEXIST if the entry exists. */
        ADD,
        /** NLM_F_CREATE|NLM_F_APPEND: create, or add another remote (VXLAN). */
        APPEND,
        /** NLM_F_CREATE|NLM_F_REPLACE: create or update (e.g. move to another port). */
        REPLACE,
        /** RTM_DELNEIGH. */
        DELETE
    }

    public FdbChange {
        if (op == null || spec == null) {
            throw new IllegalArgumentException("an FDB change needs an operation and an entry");
        }
    }

    public static FdbChange add(FdbSpec s) {
        return new FdbChange(Op.ADD, s);
    }

    public static FdbChange append(FdbSpec s) {
        return new FdbChange(Op.APPEND, s);
    }

    public static FdbChange replace(FdbSpec s) {
        return new FdbChange(Op.REPLACE, s);
    }

    public static FdbChange delete(FdbSpec s) {
        return new FdbChange(Op.DELETE, s);
    }

    /**
     * As {@code bridge fdb} spells it: "add 02:00:00:00:00:01 dev v0 master static",
     * "delete 02:00:00:00:00:01 dev v0 master" (a delete matches any state, so none is named).
     */
    @Override
    public String toString() {
        return op.name().toLowerCase(java.util.Locale.ROOT) + " " + spec.describe(op != Op.DELETE);
    }
}
