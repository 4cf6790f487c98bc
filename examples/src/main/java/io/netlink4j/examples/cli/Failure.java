package io.netlink4j.examples.cli;

import io.netlink4j.core.NetlinkException;
import java.util.List;
import picocli.CommandLine;

/**
 * What a failure means for the shell: the exit status and the one line for stderr, in the form
 * {@code nlbridge: <what failed>: <why>}.
 *
 * <ul>
 *   <li>{@link #FAILED} (1): the operation failed — a {@link NetlinkException} (the kernel's
 *       errno and extended-ACK text are in its message), an {@link OperationFailedException},
 *       or anything unexpected;</li>
 *   <li>{@link #USAGE} (2): bad usage or bad input, found before anything was sent — picocli's
 *       {@link CommandLine.ParameterException}, {@link IllegalArgumentException},
 *       {@link BadInputException}.</li>
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
    /** Exit status: success. */
    public static final int OK = 0;
    /** Exit status: the operation failed (kernel error). */
    public static final int FAILED = 1;
    /** Exit status: bad usage or bad input. */
    public static final int USAGE = 2;

    private static final String PROG = "nlbridge";

    /**
     * Maps {@code e}, raised while running command {@code what} (e.g. "fdb add"; null or empty
     * for the top level), to its exit status and line.
     */
    public static Failure of(String what, Throwable e) {
        String where = (what == null || what.isBlank()) ? PROG : PROG + ": " + what;
        if (e instanceof NetlinkException) {
            // its message already starts with the operation ("set port v0: ...")
            return new Failure(FAILED, List.of(), oneLine(PROG + ": " + e.getMessage()));
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

    private static String text(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Folds line breaks and runs of blanks so that the message stays one line. */
    static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", "; ").replaceAll("[ \\t]{2,}", " ");
    }
}
