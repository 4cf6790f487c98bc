package io.netlink4j.examples;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.examples.cli.AgentCommand;
import io.netlink4j.examples.cli.Batch;
import io.netlink4j.examples.cli.BridgeCommand;
import io.netlink4j.examples.cli.DemoCommand;
import io.netlink4j.examples.cli.DoctorCommand;
import io.netlink4j.examples.cli.Failure;
import io.netlink4j.examples.cli.FdbCommand;
import io.netlink4j.examples.cli.MdbCommand;
import io.netlink4j.examples.cli.MstCommand;
import io.netlink4j.examples.cli.MonitorCommand;
import io.netlink4j.examples.cli.PortCommand;
import io.netlink4j.examples.cli.StateCommands;
import io.netlink4j.examples.cli.Version;
import io.netlink4j.examples.cli.VlanCommand;
import io.netlink4j.examples.cli.VniCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
 */
@Command(name = "nlbridge", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = Version.class, sortOptions = false, usageHelpAutoWidth = true,
        description = "Configure the Linux bridge over rtnetlink: ports, bridges, VLANs, FDB, MDB, events,"
                + " and the MetalLB L2 doctor.",
        subcommands = {
            PortCommand.class, BridgeCommand.class, VlanCommand.class, FdbCommand.class, MdbCommand.class, VniCommand.class, MstCommand.class,
            MonitorCommand.class,
            DoctorCommand.class, DemoCommand.class, StateCommands.Diff.class, StateCommands.Apply.class,
            AgentCommand.class
        },
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
        int status = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** The configured command line: one-line errors, exit statuses as documented. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        Nlbridge app = new Nlbridge();
        CommandLine cl = new CommandLine(app);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionStrategy(parsed -> {
            if (app.debug) {
                // before the first logger is made; a no-op when slf4j-simple is already set up
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setParameterExceptionHandler((ex, args) -> report(app, ex.getCommandLine(), ex, err));
        cl.setExecutionExceptionHandler((ex, where, parsed) -> report(app, where, ex, err));
        return cl;
    }

    /**
     * {@code nlbridge [-force] -batch FILE|-}: every line of FILE (or stdin) as one command, in this
     * JVM, with one handle per namespace (see {@link Batch}). One command line parses every line.
     */
    private static int batch(PrintWriter out, PrintWriter err, String... args) {
        boolean force = args[0].equals("-force");
        int at = force ? 1 : 0;
        if (args.length != at + 2 || !args[at].equals("-batch")) {
            err.println("nlbridge: usage: nlbridge [-force] -batch FILE|-");
            err.flush();
            return 2;
        }
        CommandLine cl = commandLine(out, err);
        Nlbridge app = cl.getCommand();
        int status = Batch.run(args[at + 1], force, err, System.in, (session, words) -> {
            app.batch = session;
            int s = cl.execute(words);
            out.flush();
            return s;
        });
        out.flush();
        return status;
    }

    private static int report(Nlbridge app, CommandLine where, Exception e, PrintWriter err) {
        String what = where == null ? "" : where.getCommandSpec().qualifiedName(" ");
        what = what.startsWith("nlbridge") ? what.substring("nlbridge".length()).strip() : what;
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
