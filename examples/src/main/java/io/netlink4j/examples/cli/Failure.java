package io.netlink4j.examples.cli;

import io.netlink4j.bridge.NotABridgeException;
import io.netlink4j.bridge.NotABridgePortException;
import io.netlink4j.core.NetlinkException;
import io.netlink4j.core.NoSuchDeviceException;
import java.util.List;
import picocli.CommandLine;

/**
 * What a failure means for the shell: the exit status and the one line for stderr, in the form
 * {@code nlbridge: <what failed>: <why>}. The exit statuses are one table for every command
 * (the root command's exit-code list, printed by {@code --help}; docs/cli.md has the same):
 *
 * <ul>
 *   <li>{@link #FAILED} (1): the operation failed — a {@link NetlinkException} (the kernel's
 *       errno and extended-ACK text are in its message), an {@link OperationFailedException},
 *       or anything unexpected;</li>
 *   <li>{@link #USAGE} (2): bad usage or bad input, found before anything was sent — picocli's
 *       {@link CommandLine.ParameterException}, {@link IllegalArgumentException},
 *       {@link BadInputException};</li>
 *   <li>{@link #NO_SUCH_DEVICE} (3): {@link NoSuchDeviceException}, wherever it comes from;</li>
 *   <li>{@link #NOT_A_BRIDGE_PORT} (4): {@link NotABridgePortException}, and the doctor's verdict
 *       NOT_A_BRIDGE_PORT;</li>
 *   <li>{@link #NOT_A_BRIDGE} (5): {@link NotABridgeException};</li>
 *   <li>{@link #NEEDS_FIX} (6), {@link #BLOCKED} (7): the doctor's verdicts;</li>
 *   <li>{@link #DIFFERS} (8): {@code diff} found something to change.</li>
 * </ul>
 *
 * <p>A {@link BadInputException} may carry details (e.g. one per bad line of a file): each is
 * printed on a line of its own, in the same form, before the summary line.
 *
 * @param exitCode the process exit status
 * @param details  lines to print before {@code line} (usually none)
 * @param line     the message for stderr: a single line without a trailing newline
 */
public record Failure(int exitCode, List<String> details, String line) {
    /** Exit status: success (doctor: verdict OK). */
    public static final int OK = 0;
    /** Exit status: the operation failed (the kernel refused it, or a system call failed). */
    public static final int FAILED = 1;
    /** Exit status: bad usage or bad input, nothing sent. */
    public static final int USAGE = 2;
    /** Exit status: a device named does not exist. */
    public static final int NO_SUCH_DEVICE = 3;
    /** Exit status: the device is not a bridge port (doctor: verdict NOT_A_BRIDGE_PORT). */
    public static final int NOT_A_BRIDGE_PORT = 4;
    /** Exit status: the device is not a bridge. */
    public static final int NOT_A_BRIDGE = 5;
    /** Exit status: doctor verdict NEEDS_FIX. */
    public static final int NEEDS_FIX = 6;
    /** Exit status: doctor verdict BLOCKED. */
    public static final int BLOCKED = 7;
    /** Exit status: diff found that the kernel differs from the state file. */
    public static final int DIFFERS = 8;

    private static final String PROG = "nlbridge";

    /**
     * Maps {@code e}, raised while running command {@code what} (e.g. "fdb add"; null or empty
     * for the top level), to its exit status and line.
     */
    public static Failure of(String what, Throwable e) {
        String where = (what == null || what.isBlank()) ? PROG : PROG + ": " + what;
        if (e instanceof NetlinkException) {
            // its message already starts with the operation ("set port v0: ...")
            return new Failure(status((NetlinkException) e), List.of(), oneLine(PROG + ": " + e.getMessage()));
        }
        if (e instanceof BadInputException b) {
            return new Failure(USAGE, b.details().stream().map(d -> oneLine(where + ": " + d)).toList(),
                    oneLine(where + ": " + text(e)));
        }
        if (e instanceof CommandLine.ParameterException || e instanceof IllegalArgumentException) {
            return new Failure(USAGE, List.of(), oneLine(where + ": " + text(e)));
        }
        if (e instanceof OperationFailedException) {
            return new Failure(FAILED, List.of(), oneLine(where + ": " + text(e)));
        }
        if (e instanceof CommandLine.ExecutionException && e.getCause() != null && e.getCause() != e) {
            return of(what, e.getCause());
        }
        // not one of ours: say what it is, the stack trace is one --debug away
        return new Failure(FAILED, List.of(),
                oneLine(where + ": " + e.getClass().getSimpleName() + ": " + text(e)));
    }

    /** The status of a netlink failure: the conditions of the table first, then FAILED. */
    static int status(NetlinkException e) {
        if (e instanceof NoSuchDeviceException) {
            return NO_SUCH_DEVICE;
        }
        if (e instanceof NotABridgePortException) {
            return NOT_A_BRIDGE_PORT;
        }
        if (e instanceof NotABridgeException) {
            return NOT_A_BRIDGE;
        }
        return FAILED;
    }

    private static String text(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Folds line breaks and runs of blanks so that the message stays one line. */
    static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", "; ").replaceAll("[ \\t]{2,}", " ");
    }
}
