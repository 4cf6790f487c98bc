package io.netlink4j.bridge;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans and applies a desired {@link BridgeState}.
 *
 * <pre>{@code
 * BridgeStates states = new BridgeStates(nl);
 * StatePlan plan = states.plan(want);          // reads the kernel once, sends no change
 * plan.changes().forEach(System.out::println); // "port eth1: hairpin off -> on"
 * StateResult r = states.apply(want);          // sends exactly those changes
 * }</pre>
 *
 * <p>{@link #plan} reads the kernel with one link dump, plus one FDB dump and one VLAN dump when
 * the state declares FDB entries or VLANs; nothing per object. {@link #apply} sends each port's
 * (and bridge's) settings in one request, a port's VLANs through {@link Vlans#sync}, and all FDB
 * entries through the pipelined bulk engine ({@link Fdb#apply}); a second apply of the same state
 * sends no change. Thread-safe as the handle is.
 */
public final class BridgeStates {
    private final BridgeNetlink nl;

    public BridgeStates(BridgeNetlink nl) {
        this.nl = nl;
    }

    /** What differs between the kernel and {@code desired}, in the order it would be applied. */
    public StatePlan plan(BridgeState desired) {
        if (desired == null) {
            throw new IllegalArgumentException("desired state is null");
        }
        return StateDiff.plan(desired, StateSnapshot.read(nl, desired));
    }

    /**
     * Plans and applies {@code desired}.
     *
     * @throws UnresolvedStateException a declared bridge or port is missing or not what it should
     *                                  be; nothing was sent
     */
    public StateResult apply(BridgeState desired) {
        StatePlan plan = plan(desired);
        if (!plan.problems().isEmpty()) {
            throw new UnresolvedStateException(plan.problems());
        }
        return apply(plan);
    }

    /**
     * Sends the changes of {@code plan}, in order, going on past a failed change (each change
     * stands alone); the result says which were applied and why others failed.
     */
    public StateResult apply(StatePlan plan) {
        List<StateChange> changes = plan.changes();
        StateResult.ChangeResult[] out = new StateResult.ChangeResult[changes.size()];
        List<Integer> fdbAt = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            StateChange c = changes.get(i);
            switch (c.kind()) {
                case BRIDGE_SETTINGS -> out[i] = run(c, () -> nl.bridges().set(c.ifindex, c.bridgeSettings));
                case PORT_SETTINGS -> out[i] = run(c, () -> nl.ports().set(c.ifindex, c.portSettings));
                case PORT_VLANS -> out[i] = run(c, () -> nl.vlans().sync(c.device(), c.vlans));
                case FDB_SET, FDB_REMOVE -> fdbAt.add(i);
            }
        }
        if (!fdbAt.isEmpty()) {
            applyFdb(changes, fdbAt, out);
        }
        return new StateResult(plan, List.of(out));
    }

    private static StateResult.ChangeResult run(StateChange c, Runnable send) {
        try {
            send.run();
            return new StateResult.ChangeResult(c, StateResult.Status.APPLIED, null);
        } catch (RuntimeException e) {
            return new StateResult.ChangeResult(c, StateResult.Status.FAILED, e);
        }
    }

    /** All FDB changes in one bulk run, going on past errors; each gets the outcome of its entry. */
    private void applyFdb(List<StateChange> changes, List<Integer> at, StateResult.ChangeResult[] out) {
        List<FdbChange> bulk = new ArrayList<>(at.size());
        for (int i : at) {
            bulk.add(changes.get(i).fdb);
        }
        BulkResult r;
        try {
            r = nl.fdb().apply(bulk, BulkOptions.defaults().continueOnError());
        } catch (RuntimeException e) {
            for (int i : at) {
                out[i] = new StateResult.ChangeResult(changes.get(i), StateResult.Status.FAILED, e);
            }
            return;
        }
        RuntimeException[] errors = new RuntimeException[bulk.size()];
        for (BulkResult.Failure f : r.failures()) {
            errors[f.index()] = f.error();
        }
        for (int j = 0; j < at.size(); j++) {
            StateChange c = changes.get(at.get(j));
            if (r.status(j) == BulkStatus.APPLIED) {
                out[at.get(j)] = new StateResult.ChangeResult(c, StateResult.Status.APPLIED, null);
            } else {
                RuntimeException e = errors[j] != null ? errors[j] : new IllegalStateException("fdb " + c + ": not sent");
                out[at.get(j)] = new StateResult.ChangeResult(c, StateResult.Status.FAILED, e);
            }
        }
    }
}
