package io.netlink4j.bridge;

import java.util.List;

/**
 * The ordered, minimal list of changes that brings the kernel to a desired {@link BridgeState}
 * (bridge settings, then port settings, then VLANs, then FDB entries set, then FDB entries
 * removed), and what was declared but cannot be brought about.
 *
 * @param changes  what would be sent, in order; empty when the kernel is in the desired state
 * @param problems declared bridges or ports that are missing or of the wrong kind
 */
public record StatePlan(List<StateChange> changes, List<StateProblem> problems) {

    public StatePlan {
        changes = List.copyOf(changes);
        problems = List.copyOf(problems);
    }

    /** True when nothing differs (problems aside). */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** One line per change, then one per problem ("! ..."). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (StateChange c : changes) {
            sb.append(c).append('\n');
        }
        for (StateProblem p : problems) {
            sb.append("! ").append(p).append('\n');
        }
        return sb.toString();
    }
}
