package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.ReconcilePass;
import io.netlink4j.bridge.StateProblem;
import io.netlink4j.bridge.StateResult;
import io.netlink4j.examples.agent.Agent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code nlbridge agent -f FILE}: apply the desired state, then keep it true (docs/agent.md).
 * Runs until SIGTERM or SIGINT (exit 0); SIGHUP or a change of FILE reloads it.
 */
@Command(name = "agent", description = {
    "Apply the desired state in FILE, then keep it true: watch bridge events and repair drift,",
    "with a full pass every --resync. Logs one line per repair. Serves /healthz (200 once the",
    "first apply succeeded and the watch is live) and /metrics (Prometheus). SIGTERM stops it",
    "(exit 0); SIGHUP or a change of FILE reloads it."})
public final class AgentCommand extends StateCommands.FileCommand implements Agent.Log {
    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9470",
            description = "Where /healthz and /metrics are served (default ${DEFAULT-VALUE}; port 0: any).")
    String listen;

    @Option(names = "--resync", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "Full pass interval, e.g. 60s, 5m, 500ms (default ${DEFAULT-VALUE}).")
    Duration resync;

    private List<StateProblem> lastProblems = List.of();
    private long stopAt;

    @Override
    protected void check() {
        super.check();
        int colon = listen.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--listen wants HOST:PORT, not \"" + listen + "\"");
        }
        try {
            int port = Integer.parseInt(listen.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--listen: invalid port in \"" + listen + "\"");
        }
    }

    @Override
    protected int run(BridgeNetlink nl) throws Exception {
        int colon = listen.lastIndexOf(':');
        String host = listen.substring(0, colon);
        int port = Integer.parseInt(listen.substring(colon + 1));
        try (Agent agent = Agent.start(nl, file, state, host, port, resync, this)) {
            line("agent: " + state.state().bridges().size() + " bridge(s) from " + file + ", serving http://"
                    + host + ":" + agent.port() + "/metrics and /healthz, full pass every " + resync.toSeconds() + " s");
            agent.awaitStop();
            line("agent: stopping");
            stopAt = System.nanoTime();
        }
        line("agent: stopped in " + (System.nanoTime() - stopAt) / 1_000_000 + " ms");
        return Failure.OK;
    }

    /** One line per event worth telling, to stdout (what a DaemonSet's log collector reads). */
    @Override
    public synchronized void line(String line) {
        out().println(Instant.now() + " " + line);
        out().flush();
    }

    /** The log lines of one pass: one per change applied or failed, problems when they change. */
    @Override
    public void pass(ReconcilePass p) {
        String why = p.trigger().name().toLowerCase(Locale.ROOT);
        long ms = (p.finishedAt() - p.triggeredAt()) / 1_000_000;
        String verb = p.trigger() == ReconcilePass.Trigger.INITIAL || p.trigger() == ReconcilePass.Trigger.RELOAD
                ? "applied" : "repaired";
        if (p.result() != null) {
            for (StateResult.ChangeResult c : p.result().results()) {
                if (c.status() == StateResult.Status.APPLIED) {
                    line(verb + " (" + why + ", " + ms + " ms): " + c.change());
                } else {
                    line("failed (" + why + "): " + c.change() + ": " + c.error().getMessage());
                }
            }
        }
        if (p.error() != null) {
            line("pass failed (" + why + "): " + p.error().getMessage());
        }
        for (String s : p.persistent()) {
            line("persistent failure, retrying with back-off: " + s);
        }
        if (p.plan() != null && !p.plan().problems().equals(lastProblems)) {
            lastProblems = p.plan().problems();
            for (StateProblem s : lastProblems) {
                line("waiting: " + s + " (not managed until it appears)");
            }
        }
    }

    /** "60s", "500ms", "5m", "1h", or a bare number of seconds. */
    public static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String s) {
            String t = s.strip().toLowerCase(Locale.ROOT);
            try {
                Duration d;
                if (t.endsWith("ms")) {
                    d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
                } else if (t.endsWith("s")) {
                    d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
                } else if (t.endsWith("m")) {
                    d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
                } else if (t.endsWith("h")) {
                    d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
                } else {
                    d = Duration.ofSeconds(Long.parseLong(t));
                }
                if (d.isZero() || d.isNegative()) {
                    throw new TypeConversionException("a duration must be positive: \"" + s + "\"");
                }
                return d;
            } catch (NumberFormatException | ArithmeticException e) {
                throw new TypeConversionException("expected a duration like 60s, 5m or 500ms, not \"" + s + "\"");
            }
        }
    }
}
