package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.BulkOptions;
import io.netlink4j.bridge.BulkResult;
import io.netlink4j.bridge.FdbChange;
import io.netlink4j.bridge.FdbSpec;
import io.netlink4j.core.Link;
import io.netlink4j.core.Links;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nlbridge fdb load FILE|- [--continue]}: many FDB changes from a file, through the
 * pipelined bulk API. The whole file is checked first — syntax, and that every device exists and
 * is a bridge port (reads only) — every bad line is reported in one run, and nothing is sent if
 * any line is bad.
 */
@Command(name = "load", description = {
    "Apply FDB changes from FILE (- for stdin) through the pipelined bulk path.",
    "One change per line:",
    "  add|del MAC DEV [vlan VID] [static|permanent|dynamic]     (# comments, blank lines skipped)",
    "The whole file is checked first: every bad line is reported with its number and nothing is sent.",
    "Then the changes are pipelined; a progress line shows on a terminal; a summary ends the run."})
public final class FdbLoadCommand extends NlCommand {
    /** Changes per bulk call: the progress line is updated between calls. */
    static final int CHUNK = 4096;

    @Parameters(index = "0", paramLabel = "FILE|-")
    String file;

    @Option(names = "--continue", description = "Go on after a change the kernel refuses (default: stop at the first).")
    boolean keepGoing;

    @Option(names = "--ordered", description = {"Apply nothing after a refused change: one change in flight at a time",
        "(slower; by default changes already in flight when a refusal arrives are applied and listed)."})
    boolean ordered;

    private String name;
    private FdbLoadFile.Parsed parsed;
    private List<FdbLoadFile.Line> lines;

    @Override
    protected void check() {
        if (ordered && keepGoing) {
            throw new IllegalArgumentException("--ordered and --continue contradict each other: --ordered stops at the first refused change");
        }
        name = file.equals("-") ? "<stdin>" : file;
        try (BufferedReader in = file.equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            parsed = FdbLoadFile.parse(in, name);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read " + name + ": " + IoErrors.reason(e), e);
        }
        lines = parsed.lines();
    }

    private static String badLines(int n, String name) {
        return n + " bad line" + (n == 1 ? "" : "s") + " in " + name + ", nothing applied";
    }

    @Override
    protected int run(BridgeNetlink nl) {
        checkLines(nl);
        List<FdbChange> changes = new ArrayList<>(lines.size());
        for (FdbLoadFile.Line l : lines) {
            changes.add(change(l));
        }
        BulkOptions options = ordered ? BulkOptions.ordered()
                : keepGoing ? BulkOptions.defaults().continueOnError() : BulkOptions.defaults();
        Progress progress = new Progress(err(), System.console() != null, changes.size());
        Summary sum = new Summary(changes.size());
        long t0 = System.nanoTime();
        for (int from = 0; from < changes.size(); from += CHUNK) {
            int to = Math.min(changes.size(), from + CHUNK);
            BulkResult r = nl.fdb().apply(changes.subList(from, to), options);
            sum.add(r, from);
            progress.show(sum.applied + sum.failures.size());
            if (!r.ok() && (!keepGoing || r.interruption() != null)) {
                break;
            }
        }
        sum.nanos = System.nanoTime() - t0;
        progress.done();
        report(sum);
        if (sum.interruption != null) {
            throw new OperationFailedException("the run broke off: " + sum.interruption.getMessage());
        }
        if (!sum.failures.isEmpty()) {
            int n = sum.failures.size();
            throw new OperationFailedException(n + " of " + changes.size() + " change" + (changes.size() == 1 ? "" : "s")
                    + " failed" + (keepGoing ? "" : " (stopped at the first; --continue goes on)"));
        }
        return 0;
    }

    /**
     * The whole-file check: the syntax problems found by the parser and, for the lines that parsed,
     * whether every device exists and is a bridge port (reads only) — all reported together, in
     * line order, before anything is sent.
     */
    private void checkLines(BridgeNetlink nl) {
        List<FdbLoadFile.Problem> problems = new ArrayList<>(parsed.problems());
        problems.addAll(deviceProblems(nl));
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(FdbLoadFile.Problem::lineNo));
            throw new BadInputException(badLines(problems.size(), name),
                    problems.stream().map(FdbLoadFile.Problem::message).toList());
        }
    }

    /** Every device named exists and is a bridge port: one lookup per device name. */
    private List<FdbLoadFile.Problem> deviceProblems(BridgeNetlink nl) {
        LinkedHashSet<String> devs = new LinkedHashSet<>();
        lines.forEach(l -> devs.add(l.dev()));
        Map<String, Optional<Link>> found = nl.call(ch -> {
            Links links = new Links(ch);
            Map<String, Optional<Link>> m = new HashMap<>();
            for (String d : devs) {
                m.put(d, links.find(d));
            }
            return m;
        });
        List<FdbLoadFile.Problem> problems = new ArrayList<>();
        for (FdbLoadFile.Line l : lines) {
            Optional<Link> dev = found.get(l.dev());
            String why = null;
            if (dev.isEmpty()) {
                why = "device \"" + l.dev() + "\" does not exist";
            } else if (dev.get().isBridge()) {
                why = l.dev() + " is a bridge, not a bridge port";
            } else if (!dev.get().isBridgePort()) {
                why = l.dev() + " is not a bridge port";
            }
            if (why != null) {
                problems.add(new FdbLoadFile.Problem(l.lineNo(), name + ":" + l.lineNo() + ": " + why));
            }
        }
        return problems;
    }

    static FdbChange change(FdbLoadFile.Line l) {
        FdbSpec s = FdbSpec.of(l.mac(), l.dev());
        if (l.vlan() != 0) {
            s = s.vlan(l.vlan());
        }
        if (l.op() == FdbLoadFile.Op.DEL) {
            return FdbChange.delete(s);
        }
        switch (l.state()) {
            case PERMANENT: s = s.permanent(); break;
            case DYNAMIC: s = s.dynamic(); break;
            case STATIC:
            default: break;
        }
        return FdbChange.add(s);
    }

    /** The outcome over all chunks, with failures by line. */
    private final class Summary {
        final int total;
        int applied;
        int sent;
        long datagrams;
        long nanos;
        final List<String[]> failures = new ArrayList<>(); // {line number, change, error}
        /** Lines after the first refused one that were applied anyway (in flight when it came back). */
        final List<Integer> appliedAfterFailure = new ArrayList<>();
        /** Lines whose answer was lost when the run broke and that reading back could not decide. */
        final List<Integer> unknown = new ArrayList<>();
        io.netlink4j.core.NetlinkException interruption;

        Summary(int total) {
            this.total = total;
        }

        void add(BulkResult r, int offset) {
            applied += r.appliedCount();
            sent += r.sent();
            datagrams += r.datagrams();
            for (BulkResult.Failure f : r.failures()) {
                FdbLoadFile.Line l = lines.get(offset + f.index());
                failures.add(new String[] {Integer.toString(l.lineNo()), f.change().toString(), f.error().getMessage()});
            }
            if (failures.size() > r.failures().size()) {
                // an earlier chunk failed: everything this chunk applied came after that failure
                r.applied().stream().forEach(i -> appliedAfterFailure.add(lines.get(offset + i).lineNo()));
            } else {
                r.appliedAfterFailure().forEach(i -> appliedAfterFailure.add(lines.get(offset + i).lineNo()));
            }
            r.unknown().stream().forEach(i -> unknown.add(lines.get(offset + i).lineNo()));
            if (r.interruption() != null) {
                interruption = r.interruption();
            }
        }
    }

    private void report(Summary s) {
        int notSent = s.total - s.sent;
        double seconds = s.nanos / 1e9;
        for (String[] f : s.failures) {
            err().println(Failure.oneLine("nlbridge: fdb load: " + name + ":" + f[0] + ": " + f[2]));
        }
        if (!s.appliedAfterFailure.isEmpty() && !keepGoing) {
            err().println("nlbridge: fdb load: " + name + ": applied after the failure (already in flight): "
                    + lineList(s.appliedAfterFailure) + " (--ordered applies nothing after a failure)");
        }
        if (!s.unknown.isEmpty()) {
            err().println("nlbridge: fdb load: " + name + ": outcome unknown (answer lost, not decidable by reading back): "
                    + lineList(s.unknown));
        }
        if (json()) {
            JsonOut.write(out(), g -> {
                g.writeStartObject();
                g.writeStringField("file", name);
                g.writeNumberField("total", s.total);
                g.writeNumberField("applied", s.applied);
                g.writeNumberField("failed", s.failures.size());
                g.writeNumberField("not_sent", notSent);
                g.writeNumberField("seconds", Math.round(seconds * 1e6) / 1e6);
                g.writeNumberField("datagrams", s.datagrams);
                g.writeArrayFieldStart("applied_after_failure");
                for (int line : s.appliedAfterFailure) {
                    g.writeNumber(line);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("unknown");
                for (int line : s.unknown) {
                    g.writeNumber(line);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("failures");
                for (String[] f : s.failures) {
                    g.writeStartObject();
                    g.writeNumberField("line", Integer.parseInt(f[0]));
                    g.writeStringField("change", f[1]);
                    g.writeStringField("error", f[2]);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            });
        } else {
            int undecided = s.sent - s.applied - s.failures.size();
            out().printf("fdb load %s: %d change%s: %d applied, %d failed, %s%d not sent in %.3f s (%d datagrams)%n",
                    name, s.total, s.total == 1 ? "" : "s", s.applied, s.failures.size(),
                    undecided > 0 ? undecided + " unknown or not applied, " : "", notSent, seconds, s.datagrams);
        }
        out().flush();
    }

    /** "line 3" or "lines 3, 4, 7". */
    private static String lineList(List<Integer> lines) {
        StringBuilder sb = new StringBuilder(lines.size() == 1 ? "line " : "lines ");
        for (int i = 0; i < lines.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(lines.get(i));
        }
        return sb.toString();
    }

    /** A progress line on stderr, rewritten in place, only on a terminal. */
    static final class Progress {
        private final PrintWriter err;
        private final boolean on;
        private final int total;

        Progress(PrintWriter err, boolean terminal, int total) {
            this.err = err;
            this.on = terminal && total > CHUNK;
            this.total = total;
        }

        void show(int done) {
            if (on) {
                err.printf("\rfdb load: %d/%d (%d%%)", done, total, total == 0 ? 100 : done * 100L / total);
                err.flush();
            }
        }

        void done() {
            if (on) {
                err.print("\r\033[K");
                err.flush();
            }
        }
    }
}
