package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.examples.Nlbridge;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A leaf command that talks to the kernel: opens a handle on the namespace of {@code --netns},
 * runs, closes it. Arguments are converted and checked by picocli before {@link #run} — bad input
 * fails with exit status 2 before anything is sent.
 */
public abstract class NlCommand implements Callable<Integer> {
    /** Set by picocli; null when the command line was parsed by {@link QuickLine}. */
    @Spec
    private CommandSpec spec;

    /** Without picocli ({@link QuickLine}): the root and the writers. */
    private Nlbridge app;
    private PrintWriter out;
    private PrintWriter err;

    /** Connects a command parsed by {@link QuickLine} to its root and writers, as picocli does through the spec. */
    public void attach(Nlbridge root, PrintWriter stdout, PrintWriter stderr) {
        this.app = root;
        this.out = stdout;
        this.err = stderr;
    }

    /** The root command with the global options. */
    protected Nlbridge app() {
        return spec == null ? app : (Nlbridge) spec.root().userObject();
    }

    /** Where results go (stdout, or the test's writer). */
    protected PrintWriter out() {
        return spec == null ? out : spec.commandLine().getOut();
    }

    /** Where progress and warnings go (stderr). */
    protected PrintWriter err() {
        return spec == null ? err : spec.commandLine().getErr();
    }

    protected boolean json() {
        return app().json();
    }

    @Override
    public Integer call() throws Exception {
        check();
        BridgeNetlink shared = app().batchHandle(); // -batch: one handle for all lines, closed at the end
        if (shared != null) {
            int status = run(shared);
            out().flush();
            return status;
        }
        try (BridgeNetlink nl = app().open()) {
            int status = run(nl);
            out().flush();
            return status;
        }
    }

    /**
     * Checks the arguments as a whole before anything is opened or sent (single values are
     * checked by their converters); throws IllegalArgumentException (exit status 2).
     */
    protected void check() {}

    /** The command's work on an open handle; returns the exit status. */
    protected abstract int run(BridgeNetlink nl) throws Exception;
}
