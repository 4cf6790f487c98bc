package io.netlink4j.examples;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.examples.cli.Batch;
import io.netlink4j.examples.cli.CommandTree;
import io.netlink4j.examples.cli.JsonOut;
import io.netlink4j.examples.cli.QuickLine;
import io.netlink4j.examples.cli.Failure;
import io.netlink4j.examples.cli.Version;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code nlbridge}: the bridge of a network namespace from the shell, in the manner of iproute2's
 * {@code bridge} and {@code ip link}, on the netlink4j API.
 *
 * <p>Exit statuses are one table for every command (its exit-code list below, with the constants of {@link Failure}): 0 success, 1 the
 * operation failed, 2 bad usage or input, then one status per condition (no such device, not a
 * bridge port, not a bridge) and per doctor verdict. Errors are one line on stderr, {@code nlbridge: <what failed>: <why>}; {@code --debug}
 * adds the stack trace. {@link #run} is the in-process entry (tests); {@link #main} the process one.
 *
 * <p>The sub-commands are in {@link CommandTree}: a command line builds the models of the
 * commands it names, and the whole tree only when it needs it (help, usage errors).
 */
// mixinStandardHelpOptions: added by CommandTree.finish, after the sub-commands
@Command(name = "nlbridge", scope = ScopeType.INHERIT,
        versionProvider = Version.class, sortOptions = false, usageHelpAutoWidth = true,
        description = "Configure the Linux bridge over rtnetlink: ports, bridges, VLANs, FDB, MDB, events,"
                + " and the MetalLB L2 doctor.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            Failure.OK + ":success (doctor: verdict OK)",
            Failure.FAILED + ":the operation failed: the kernel refused it (errno named), or a system call failed",
            Failure.USAGE + ":bad usage or bad input, found before anything was sent (fdb load: any bad line"
                    + " of the file)",
            Failure.NO_SUCH_DEVICE + ":no such device",
            Failure.NOT_A_BRIDGE_PORT + ":not a bridge port (doctor: verdict NOT_A_BRIDGE_PORT)",
            Failure.NOT_A_BRIDGE + ":not a bridge",
            Failure.NEEDS_FIX + ":doctor: verdict NEEDS_FIX",
            Failure.BLOCKED + ":doctor: verdict BLOCKED",
            Failure.DIFFERS + ":diff: the kernel differs from the state file (apply would change it)"
        })
public final class Nlbridge implements Runnable {

    @Option(names = "--netns", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Work in network namespace NAME (/run/netns/NAME, or a path), like ip -n.")
    String netns;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "JSON output, with the key names of bridge -j / ip -d -j.")
    boolean json;

    @Option(names = {"-p", "--pretty"}, scope = ScopeType.INHERIT,
            description = "With --json: indented, as bridge -j -p / ip -j -p print it.")
    boolean pretty;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Stack traces with errors; library debug logging.")
    boolean debug;

    @Spec
    CommandSpec spec;

    /** The -batch session this command line runs in, or null. */
    Batch batch;

    /** The namespace given with --netns, or null for the caller's. */
    public String netns() {
        return netns;
    }

    /** --json was given. */
    public boolean json() {
        return json;
    }

    /** --debug was given. */
    public boolean debug() {
        return debug;
    }

    /** A handle on the namespace given with --netns (the caller's by default). */
    public BridgeNetlink open() {
        return BridgeNetlink.open(netns);
    }

    /** In a -batch run, the session's shared handle on the namespace of --netns; null otherwise. */
    public BridgeNetlink batchHandle() {
        return batch == null ? null : batch.handle(netns);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: one of " + String.join(", ", spec.subcommands().keySet()) + " (see --help)");
    }

    /** Runs nlbridge with {@code args} writing to {@code out} and {@code err}; returns the exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        if (args.length > 0 && (args[0].equals("-batch") || args[0].equals("-force"))) {
            return batch(out, err, args);
        }
        Optional<QuickLine> quick = QuickLine.parse(args);
        int status = quick.isPresent() ? execute(quick.get(), null, out, err) : commandLine(out, err, args).execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** The configured command line with the whole command tree: one-line errors, exit statuses as documented. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Nlbridge());
        CommandTree.addAll(cl);
        CommandTree.finish(cl);
        return configure(cl, out, err);
    }

    /**
     * The configured command line for running {@code args}: the models of the commands that
     * {@code args} name, or of the whole tree where they name none (see {@link CommandTree}).
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Nlbridge());
        CommandTree.add(cl, args, 0);
        CommandTree.finish(cl);
        return configure(cl, out, err);
    }

    /** Settings of every command below {@code cl} (picocli copies them to the sub-commands it has now). */
    private static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err) {
        Nlbridge app = cl.getCommand();
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionStrategy(parsed -> withGlobalOptions(app, () -> new CommandLine.RunLast().execute(parsed)));
        cl.setParameterExceptionHandler((ex, args) -> report(app, ex.getCommandLine(), ex, err));
        cl.setExecutionExceptionHandler((ex, where, parsed) -> report(app, where, ex, err));
        return cl;
    }

    /** Runs {@code body} with the settings of the global options in effect (--debug, --pretty). */
    private static <E extends Exception> int withGlobalOptions(Nlbridge app, Body<E> body) throws E {
        if (app.debug) {
            // before the first logger is made; a no-op when slf4j-simple is already set up
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
        JsonOut.pretty(app.pretty);
        try {
            return body.call();
        } finally {
            JsonOut.pretty(false);
        }
    }

    /** A command's run, with the exceptions it may throw. */
    @FunctionalInterface
    private interface Body<E extends Exception> {
        int call() throws E;
    }

    /**
     * Runs a command line that {@link QuickLine} parsed, as picocli's execute would run it: the
     * global options' settings, the command, and a failure reported with the same line and status.
     */
    private static int execute(QuickLine line, Batch session, PrintWriter out, PrintWriter err) {
        Nlbridge app = line.app();
        app.batch = session;
        line.command().attach(app, out, err);
        try {
            return withGlobalOptions(app, line.command()::call);
        } catch (Exception e) {
            return report(app, line.qualifiedName(), e, err);
        }
    }

    /**
     * {@code nlbridge [-force] -batch FILE|-}: every line of FILE (or stdin) as one command, in this
     * JVM, with one handle per namespace (see {@link Batch}). One command line parses the lines;
     * it has the models of the commands that the lines so far named, and is built again when a
     * line names another. A line that needs the whole tree (help, a usage error) runs on a second
     * command line that has it, made once.
     */
    private static int batch(PrintWriter out, PrintWriter err, String... args) {
        boolean force = args[0].equals("-force");
        int at = force ? 1 : 0;
        if (args.length != at + 2 || !args[at].equals("-batch")) {
            err.println("nlbridge: usage: nlbridge [-force] -batch FILE|-");
            err.flush();
            return 2;
        }
        BatchLines lines = new BatchLines(out, err);
        int status = Batch.run(args[at + 1], force, err, System.in, (session, words) -> {
            Optional<QuickLine> quick = QuickLine.parse(words);
            if (quick.isPresent()) {
                int s = execute(quick.get(), session, out, err);
                out.flush();
                return s;
            }
            CommandLine cl = lines.commandLine(words);
            ((Nlbridge) cl.getCommand()).batch = session;
            int s = cl.execute(words);
            out.flush();
            return s;
        });
        out.flush();
        return status;
    }

    /** The command lines of a -batch run: one grown by the commands the lines name, one with the whole tree. */
    private static final class BatchLines {
        private final PrintWriter out;
        private final PrintWriter err;
        private final java.util.List<String[]> named = new java.util.ArrayList<>();
        private CommandLine grown;
        private CommandLine full;

        BatchLines(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        /**
         * The command line for {@code words}, ready for a parse: a reused one has the argument
         * groups of its previous line cleared (picocli resets only the options).
         */
        CommandLine commandLine(String[] words) {
            CommandLine cl = choose(words);
            CommandTree.clearArgGroups(cl);
            return cl;
        }

        private CommandLine choose(String[] words) {
            if (grown != null && CommandTree.covers(grown, words, 0)) {
                return grown;
            }
            // built again rather than added to, so that every command's options stay in the
            // order of a tree built at once (-h and -V last)
            CommandLine cl = new CommandLine(new Nlbridge());
            named.forEach(w -> CommandTree.add(cl, w, 0));
            if (CommandTree.add(cl, words, 0)) {
                named.add(words);
                CommandTree.finish(cl);
                grown = configure(cl, out, err);
                return grown;
            }
            if (full == null) {
                full = Nlbridge.commandLine(out, err);
            }
            return full;
        }
    }

    private static int report(Nlbridge app, CommandLine where, Exception e, PrintWriter err) {
        String what = where == null ? "" : where.getCommandSpec().qualifiedName(" ");
        return report(app, what.startsWith("nlbridge") ? what.substring("nlbridge".length()).strip() : what, e, err);
    }

    /** Reports the failure of command {@code what} ("port set") on stderr; returns its exit status. */
    private static int report(Nlbridge app, String what, Exception e, PrintWriter err) {
        Failure f = Failure.of(what, e);
        f.details().forEach(err::println);
        err.println(f.line());
        if (app.debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return f.exitCode();
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }
}
