package io.netlink4j.bridge;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A desired state names bridges or ports that are missing or of the wrong kind; thrown by
 * {@link BridgeStates#apply(BridgeState)} before anything is sent.
 */
public final class UnresolvedStateException extends IllegalArgumentException {
    private final transient List<StateProblem> problems;

    public UnresolvedStateException(List<StateProblem> problems) {
        super(problems.stream().map(StateProblem::message).collect(Collectors.joining("; "))
                + "; nothing was applied");
        this.problems = List.copyOf(problems);
    }

    /** Each problem, with the bridge and port it concerns. */
    public List<StateProblem> problems() {
        return problems;
    }
}
