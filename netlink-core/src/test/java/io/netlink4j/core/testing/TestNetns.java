package io.netlink4j.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A network namespace made for one test and deleted when closed (and, as a last resort, at JVM
 * exit), with helpers to drive and read it through iproute2 — the independent reader our results
 * are checked against.
 *
 * <pre>{@code
 * try (TestNetns ns = TestNetns.create()) {
 *     ns.ip("link add br0 type bridge");
 *     Object j = ns.json("ip -d -j link show dev br0");
 * }
 * }</pre>
 */
public final class TestNetns implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Set<String> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (String ns : LIVE) {
                run(List.of("ip", "netns", "del", ns), false);
            }
        }));
    }

    /**
     * Run in a new namespace before any link exists: IPv6 off for lo ("all") and for every device
     * made later ("default"). A new namespace starts with IPv6 on, and a veth coming up would then
     * send DAD, router solicitations and MLD reports on its own, from a few milliseconds to seconds
     * later; the bridge learns the sender's MAC from them, and such an entry or event lands between
     * two reads of a test. disable_ipv6 drops every IPv6 packet at output (MLD included), while
     * addr_gen_mode=none only stops the link-local address and with it DAD and RS. Without IPv6 in
     * the kernel (no /proc/sys/net/ipv6) there is nothing to turn off. IPv4 sends almost nothing
     * (no addresses): br0 itself sends one IGMP report when it comes up (multicast snooping joins
     * 224.0.0.106), out of its ports; the bridge does not learn from its own frames, and v1 does
     * not answer.
     */
    static final String QUIET = "[ ! -d /proc/sys/net/ipv6 ] || { echo 1 >/proc/sys/net/ipv6/conf/all/disable_ipv6"
            + " && echo 1 >/proc/sys/net/ipv6/conf/default/disable_ipv6; }";

    /** iproute2's note on stderr when the kernel flagged a dump NLM_F_DUMP_INTR (changed while dumped). */
    static final String DUMP_INTERRUPTED = "Dump was interrupted";

    /** How many times {@link #read} asks again after an interrupted dump before giving up. */
    private static final int DUMP_ATTEMPTS = 10;

    /** How long {@link #withBridgeAndPort} waits for the kernel to finish bringing its links up. */
    private static final int SETTLE_SECONDS = 20;

    private final String name;

    private TestNetns(String name) {
        this.name = name;
    }

    /**
     * A fresh, quiet namespace "nl4jt-PID-N" with lo up: IPv6 is off on every interface, so no
     * device sends anything on its own (see {@link #QUIET}). A test that needs traffic or
     * learning makes it itself.
     */
    public static TestNetns create() {
        String n = "nl4jt-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        run(List.of("ip", "netns", "add", n), true);
        LIVE.add(n);
        TestNetns ns = new TestNetns(n);
        try {
            run(List.of("ip", "netns", "exec", n, "sh", "-c", QUIET), true);
            ns.ip("link set lo up");
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /** A fresh, quiet namespace with bridge br0 and veth v0 (in br0) / v1, all up and settled: v0 forwarding, br0 UP. */
    public static TestNetns withBridgeAndPort() {
        TestNetns ns = create();
        try {
            ns.ip("link add br0 type bridge");
            ns.ip("link add v0 type veth peer name v1");
            ns.ip("link set v0 master br0");
            ns.ip("link set br0 up");
            ns.ip("link set v0 up");
            ns.ip("link set v1 up");
            ns.awaitSettled();
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /**
     * Waits until the kernel has finished what "link set up" starts in the background: the link
     * watch marks the veths' carrier, then the bridge moves v0 to forwarding and br0 goes UP, each
     * with a notification. Done here, those changes come before the test starts, not between its
     * reads or among the events it monitors. The bound is against a hang, not a speed check.
     */
    private void awaitSettled() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS);
        String last = "";
        while (System.nanoTime() < deadline) {
            Object links = json("ip -d -j link show");
            String v0 = "", br0 = "";
            for (Object l : Json.list(links)) {
                if ("v0".equals(Json.at(l, "ifname"))) {
                    v0 = String.valueOf(Json.at(l, "linkinfo", "info_slave_data", "state"));
                } else if ("br0".equals(Json.at(l, "ifname"))) {
                    br0 = String.valueOf(Json.at(l, "operstate"));
                }
            }
            if (v0.equals("forwarding") && br0.equals("UP")) {
                return;
            }
            last = "v0 " + v0 + ", br0 " + br0;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + name + " to settle", e);
            }
        }
        throw new IllegalStateException(name + ": v0 not forwarding in an UP br0 after " + SETTLE_SECONDS + " s: " + last);
    }

    public String name() {
        return name;
    }

    /** Runs {@code ip -n NS ARGS} (ARGS split on spaces); returns stdout, throws on failure. */
    public String ip(String args) {
        return exec("ip " + args);
    }

    /** Runs {@code bridge -n NS ARGS}; returns stdout, throws on failure. */
    public String bridge(String args) {
        return exec("bridge " + args);
    }

    /**
     * Runs a command line (split on spaces) inside the namespace: {@code ip}/{@code bridge} get
     * {@code -n NS} (unless already given), anything else runs under {@code ip netns exec NS}.
     * Returns stdout; throws on a non-zero exit.
     */
    public String exec(String commandLine) {
        Result r = tryExec(commandLine);
        if (r.status != 0) {
            throw new IllegalStateException(commandLine + " (in " + name + ") exited " + r.status + ": " + r.err.trim());
        }
        return r.out;
    }

    /** Like {@link #exec} but returns the exit status and output instead of throwing. */
    public Result tryExec(String commandLine) {
        return runResult(scoped(commandLine));
    }

    /** The argument list that runs {@code commandLine} inside this namespace. */
    List<String> scoped(String commandLine) {
        List<String> cmd = new ArrayList<>(Arrays.asList(commandLine.trim().split("\\s+")));
        boolean iproute = cmd.get(0).equals("ip") || cmd.get(0).equals("bridge");
        if (iproute && !cmd.contains("-n") && !cmd.contains("-netns")) {
            cmd.addAll(1, List.of("-n", name));
        } else if (!iproute) {
            cmd.addAll(0, List.of("ip", "netns", "exec", name));
        }
        return cmd;
    }

    /**
     * Runs a dump ({@code ip ... show}, {@code bridge fdb show}, ...) like {@link #exec}, and runs it
     * again when iproute2 reports the dump was interrupted: the kernel changed the table while it was
     * read, so the output may repeat or miss entries and is not data. Throws after
     * {@value #DUMP_ATTEMPTS} interrupted reads.
     */
    public String read(String commandLine) {
        return readUninterrupted(commandLine + " (in " + name + ")", () -> tryExec(commandLine));
    }

    /** {@link #read}'s loop over any runner: {@code what} names the command in errors. */
    static String readUninterrupted(String what, Supplier<Result> runner) {
        Result r = null;
        for (int i = 0; i < DUMP_ATTEMPTS; i++) {
            r = runner.get();
            if (r.status != 0) {
                throw new IllegalStateException(what + " exited " + r.status + ": " + r.err.trim());
            }
            if (!r.err.contains(DUMP_INTERRUPTED)) {
                return r.out;
            }
        }
        throw new IllegalStateException(what + ": dump interrupted " + DUMP_ATTEMPTS + " times in a row: " + r.err.trim());
    }

    /** Runs a dump with {@code ip}/{@code bridge} (-n NS added) as {@link #read} does and parses its JSON output. */
    public Object json(String commandLine) {
        String out = read(commandLine);
        return Json.parse(out.isBlank() ? "[]" : out);
    }

    /** The exit status, stdout and stderr of a command. */
    public record Result(int status, String out, String err) {}

    static String run(List<String> cmd, boolean check) {
        Result r = runResult(cmd);
        if (check && r.status != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited " + r.status + ": " + r.err.trim());
        }
        return r.out;
    }

    static Result runResult(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).start();
            p.getOutputStream().close();
            byte[][] out = new byte[2][];
            Thread t = new Thread(() -> out[1] = readAll(p.getErrorStream()));
            t.start();
            out[0] = readAll(p.getInputStream());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " did not finish in 60 s");
            }
            t.join();
            return new Result(p.exitValue(), new String(out[0], StandardCharsets.UTF_8),
                    new String(out[1], StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + cmd, e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /**
     * Closes {@code first} (a handle or channel used in this namespace; may be null), then deletes
     * the namespace — also when closing {@code first} failed, whose exception is then rethrown.
     */
    public void close(AutoCloseable first) throws Exception {
        try {
            if (first != null) {
                first.close();
            }
        } finally {
            close();
        }
    }

    /** Deletes the namespace (and with it every device made inside). Idempotent. */
    @Override
    public void close() {
        if (LIVE.remove(name)) {
            run(List.of("ip", "netns", "del", name), false);
        }
    }
}
