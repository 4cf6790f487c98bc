package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.BridgeStates;
import io.netlink4j.bridge.StateChange;
import io.netlink4j.bridge.StatePlan;
import io.netlink4j.bridge.StateResult;
import io.netlink4j.bridge.UnresolvedStateException;
import io.netlink4j.examples.state.StateFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nlbridge diff -f FILE} and {@code nlbridge apply -f FILE [--dry-run]}: a desired-state file
 * (docs/agent.md) against the kernel. The file is read and checked before the namespace is opened.
 */
public final class StateCommands {
    private StateCommands() {}

    /** Exit status of {@code diff} when something differs (0: nothing does): the CLI's table, {@link Failure#DIFFERS}. */
    public static final int DIFFERS = Failure.DIFFERS;

    /** The file option and its loading, shared by diff and apply (and the agent). */
    abstract static class FileCommand extends NlCommand {
        @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE",
                description = "Desired state, YAML or JSON (keys: the long options of bridge set and port set).")
        Path file;

        StateFile state;

        @Override
        protected void check() {
            state = StateFile.load(file);
        }

        /** The plan; missing or foreign bridges and ports are an error naming the file's line (exit 2). */
        StatePlan plan(BridgeNetlink nl) {
            StatePlan plan = new BridgeStates(nl).plan(state.state());
            if (!plan.problems().isEmpty()) {
                throw state.locate(new UnresolvedStateException(plan.problems()));
            }
            return plan;
        }
    }

    @Command(name = "diff", description = {
        "Show what differs between the kernel and the desired state in FILE; sends nothing.",
        "One line per change (\"port eth1: hairpin off -> on\"). Exit status 0 when nothing",
        "differs, 8 when something would change (the table below)."})
    public static final class Diff extends FileCommand {
        @Override
        protected int run(BridgeNetlink nl) {
            StatePlan plan = plan(nl);
            if (json()) {
                JsonOut.write(out(), g -> {
                    g.writeStartObject();
                    g.writeBooleanField("differs", !plan.isEmpty());
                    changes(g, plan, null);
                    g.writeEndObject();
                });
            } else {
                plan.changes().forEach(out()::println);
            }
            return plan.isEmpty() ? Failure.OK : DIFFERS;
        }
    }

    @Command(name = "apply", description = {
        "Bring the kernel to the desired state in FILE: only what differs is sent (port settings",
        "in one request per port, VLANs by sync, FDB entries in one pipelined run), each change",
        "printed as it was applied or why it failed. Running it again sends nothing."})
    public static final class Apply extends FileCommand {
        @Option(names = "--dry-run", description = "Print the changes without sending them (as diff, exit 0).")
        boolean dryRun;

        @Override
        protected int run(BridgeNetlink nl) {
            StatePlan plan = plan(nl);
            if (dryRun) {
                print(out(), plan, null);
                return Failure.OK;
            }
            StateResult r = new BridgeStates(nl).apply(plan);
            print(out(), plan, r);
            if (!r.ok()) {
                throw new OperationFailedException("apply " + file + ": " + r.failures().size() + " of "
                        + r.results().size() + " changes failed, first: " + r.failures().get(0).error().getMessage());
            }
            return Failure.OK;
        }

        private void print(PrintWriter out, StatePlan plan, StateResult r) {
            if (json()) {
                JsonOut.write(out, g -> {
                    g.writeStartObject();
                    g.writeBooleanField("dryRun", r == null);
                    changes(g, plan, r);
                    g.writeEndObject();
                });
                return;
            }
            if (r == null) {
                plan.changes().forEach(out::println);
                return;
            }
            for (StateResult.ChangeResult c : r.results()) {
                out.println(c);
            }
            out.flush(); // before a failure's message on stderr
        }
    }

    static void changes(com.fasterxml.jackson.core.JsonGenerator g, StatePlan plan, StateResult r) throws IOException {
        g.writeArrayFieldStart("changes");
        for (int i = 0; i < plan.changes().size(); i++) {
            StateChange c = plan.changes().get(i);
            g.writeStartObject();
            g.writeStringField("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("bridge", c.bridge());
            g.writeStringField("device", c.device());
            g.writeStringField("change", c.toString());
            if (r != null) {
                StateResult.ChangeResult cr = r.results().get(i);
                g.writeStringField("status", cr.status().name().toLowerCase(java.util.Locale.ROOT));
                if (cr.error() != null) {
                    g.writeStringField("error", cr.error().getMessage());
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
