package io.netlink4j.benchmarks;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.FdbSpec;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The library side of the end-to-end benchmark (benchmarks/run-e2e.sh), run inside the
 * benchmark's netns on bridge br0 with port v0. The JVM is warmed up first (the same operation a
 * few times, on a scratch bridge for writes), then the operation is timed once with its own clock
 * and printed as {@code "<mode> COUNT in SECONDS s"} like the peers; the runner checks the
 * result with iproute2.
 *
 * <pre>
 *   E2eBench add N        N static FDB adds on v0, bulk pipelined (window 64)
 *   E2eBench add1 N       the same, one request and ACK at a time
 *   E2eBench add1idx N    the same by ifindex, resolved once before the clock (as the Go and C peers do)
 *   E2eBench dump         stream br0's FDB, count the static entries on v0; also prints
 *                         "alloc BYTES" — bytes this thread allocated during the timed dump
 *   E2eBench port N       N proxy_arp+hairpin updates of v0, alternating off/on and ending on;
 *                         also prints "requests R" — netlink requests the first (warm-up) N took
 *   E2eBench portidx N    the same by ifindex, resolved once before the clock (as the Go and C peers do)
 *   E2eBench addforms N   diagnostic: N adds on a scratch bridge through fdb().addAll, then the same
 *                         requests through RtnlChannel.pipeline directly (no plan, no result object)
 *   E2eBench portbulk N   N proxy_arp+hairpin updates of v0 in one ports().setAll (window 64),
 *                         alternating off/on and ending on
 *   E2eBench layers N     diagnostic: the cost of one port update layer by layer (RequestLayers)
 *   E2eBench portforms N  diagnostic: N updates in each message form, timed one after the other —
 *                         RTM_NEWLINK bridge_slave by name (what ports().set(name) sends), by
 *                         ifindex, and AF_BRIDGE RTM_SETLINK + IFLA_PROTINFO (bridge link set)
 * </pre>
 */
public final class E2eBench {
    private static final int WARMUPS = 4;
    /**
     * Warm-up passes of an add: C2 compiles the FDB path only after tens of thousands of entries
     * (with 4 passes of 10k it still compiled FdbPlan.check, parseMac and the encoder during the
     * timed run, -XX:+PrintCompilation showed).
     */
    private static final int ADD_WARMUPS = 10;
    private static final String DEV = "v0";
    /**
     * Warm-up rounds of the port updates: with 4 rounds of 1,000 (4,000 calls) the update path was
     * not yet compiled by C2 when the clock ran; 20 rounds take about 0.2 s.
     */
    private static final int PORT_WARMUPS = 20;
    /** Warm-up dumps before the timed one (see dump). */
    private static final int DUMP_WARMUPS = 50;

    private E2eBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            usage();
        }
        String mode = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        try (BridgeNetlink nl = BridgeNetlink.open()) {
            LibraryOps ops = new LibraryOps(nl);
            switch (mode) {
                case "add":
                case "add1":
                case "add1idx":
                    add(ops, mode, n);
                    break;
                case "dump":
                    dump(ops);
                    break;
                case "port":
                case "portidx":
                    port(ops, n, mode.equals("portidx"));
                    break;
                case "addforms":
                    addForms(nl, ops, n);
                    break;
                case "portforms":
                    portForms(nl, n);
                    break;
                case "portbulk":
                    portBulk(ops, n);
                    break;
                case "layers":
                    RequestLayers.run(nl, n);
                    break;
                default:
                    usage();
            }
        }
    }

    private static void usage() {
        System.err.println("usage: E2eBench add N | add1 N | dump | port N   (inside the benchmark netns)");
        System.exit(2);
    }

    private static int addOp(LibraryOps ops, String mode, List<FdbSpec> entries) {
        return mode.equals("add") ? ops.addBulk(entries) : ops.addOneByOne(entries);
    }

    private static void add(LibraryOps ops, String mode, int n) throws InterruptedException {
        // warm-up on a scratch bridge, deleted again before the timed run on br0/v0
        warmUp("add", ADD_WARMUPS, k -> {
            ops.createScratch("wbr0", "wv0", "wv1");
            try {
                // one-at-a-time runs 10k round trips per pass: 3k per pass warm it up as well
                int wn = Math.min(n, mode.equals("add") ? 10_000 : 3_000);
                List<FdbSpec> w = mode.equals("add1idx") ? LibraryOps.entries(ops.ifindex("wv0"), wn)
                        : LibraryOps.entries("wv0", wn);
                long w0 = start();
                addOp(ops, mode, w);
                if (System.getenv("E2E_VERBOSE") != null) {
                    System.err.printf("warm-up %d: %.6fs cpu %.6f%n", k, (System.nanoTime() - w0) / 1e9,
                            (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9);
                }
            } finally {
                ops.deleteLink("wv0");
                ops.deleteLink("wbr0");
            }
        });
        // the caller's input, built before the clock
        List<FdbSpec> entries = mode.equals("add1idx") ? LibraryOps.entries(ops.ifindex(DEV), n) : LibraryOps.entries(DEV, n);
        settle(); // also lets the kernel free the scratch entries (RCU) before the clock runs
        profileStart();
        long t0 = start();
        int ok = addOp(ops, mode, entries);
        long t1 = System.nanoTime();
        profileStop(mode + "-" + n);
        print(mode, ok, t1 - t0);
        if (ok != n) {
            System.exit(1);
        }
    }

    private static void dump(LibraryOps ops) {
        int ifindex = ops.ifindex(DEV);
        // 8 warm-up dumps left the timed one at 3.1-3.4 or 4.9-7.0 ms from run to run (C2 had not
        // settled on the decoder loop); 50 cost 0.2 s and leave it at the JVM's steady state
        warmUp("dump", DUMP_WARMUPS, k -> ops.dumpCountStatic(ifindex));
        settle();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long a0 = mx.getThreadAllocatedBytes(tid);
        long t0 = start();
        int count = ops.dumpCountStatic(ifindex);
        long t1 = System.nanoTime();
        long a1 = mx.getThreadAllocatedBytes(tid);
        print("dump", count, t1 - t0);
        System.out.println("alloc " + (a1 - a0));
    }

    private static void port(LibraryOps ops, int n, boolean byIndex) {
        // warm-up: the first round through the conversation form, counting the requests sent
        long requests = 0;
        for (int i = 0; i < n; i++) {
            requests += ops.portCounted(DEV, i % 2 == 1);
        }
        int index = byIndex ? ops.ifindex(DEV) : 0; // resolved once, as the Go and C peers do
        int passes = warmUp("port", PORT_WARMUPS - 1, k -> portRound(ops, n, index));
        settle();
        long t0 = start();
        portRound(ops, n, index);
        long t1 = System.nanoTime();
        print(byIndex ? "portidx" : "port", n, t1 - t0);
        System.out.println("requests " + requests);
        System.out.println("rounds " + (passes + 2)); // the counted one, the warm-up passes, the timed one
    }

    /** {@code n} updates of v0, by name ({@code index} 0) or by ifindex, alternating off/on and ending on. */
    private static void portRound(LibraryOps ops, int n, int index) {
        for (int i = 0; i < n; i++) {
            if (index > 0) {
                ops.port(index, i % 2 == 1);
            } else {
                ops.port(DEV, i % 2 == 1);
            }
        }
    }

    private static void portBulk(LibraryOps ops, int n) {
        warmUp("portbulk", PORT_WARMUPS, k -> ops.portBulk(DEV, n));
        settle();
        long t0 = start();
        int ok = ops.portBulk(DEV, n);
        long t1 = System.nanoTime();
        print("portbulk", ok, t1 - t0);
        if (ok != n) {
            System.exit(1);
        }
    }

    /** Passes after the first {@code passes} of {@link #warmUp}, at most. */
    private static final int MAX_EXTRA_WARMUPS = 20;

    /**
     * Runs {@code passes} warm-up passes, then more, each after the JIT compilers went idle, until
     * a whole pass sets off no compilation (at most {@link #MAX_EXTRA_WARMUPS} more). A fixed
     * number of passes was not enough: while the C2 queue is long the JIT raises the tier-4
     * thresholds, so hot methods stayed at tier 2 or 3 and reached C2 only during the timed run
     * (-XX:+PrintCompilation showed RtnlChannel.exchange, MessageWriter.putHeader and
     * NetlinkSocket.receive compiled inside the timed 10k adds, which then took 6.3 to 8.5 ms
     * from run to run against 6.0 µs an add in a long steady loop). Returns the passes run.
     */
    private static int warmUp(String what, int passes, java.util.function.IntConsumer pass) {
        int run = 0;
        while (run < passes) {
            pass.accept(run++);
        }
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        settle(); // once here, then once after each pass: the compilers are idle before every pass
        for (int extra = 0; extra < MAX_EXTRA_WARMUPS; extra++) {
            long before = jit.getTotalCompilationTime();
            pass.accept(run++);
            settle();
            if (jit.getTotalCompilationTime() == before) {
                break;
            }
        }
        if (System.getenv("E2E_VERBOSE") != null) {
            System.err.printf("%s: %d warm-up passes%n", what, run);
        }
        return run;
    }

    /**
     * Before a timed run: collect the warm-up's garbage, then wait until the JIT compilers are
     * idle (total compilation time unchanged for 200 ms, at most 10 s), so that the timed run
     * executes compiled code and no compiler thread competes with it for the CPU.
     */
    private static void settle() {
        System.gc();
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long deadline = System.nanoTime() + 10_000_000_000L;
        long last = -1;
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() < deadline) {
            long t = jit.getTotalCompilationTime();
            quiet = t == last ? quiet + 1 : 0;
            last = t;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static long cpu0;

    /** Starts the clocks: wall time and this thread's CPU time (user + system: netlink requests run in the sender's context). */
    private static long start() {
        cpu0 = THREADS.getCurrentThreadCpuTime();
        return System.nanoTime();
    }

    /** Prints "MODE COUNT in SECONDS s" and "cpu SECONDS" (the thread's CPU time; wall minus cpu is time spent waiting or descheduled). */
    private static void addForms(BridgeNetlink nl, LibraryOps ops, int n) {
        String[] forms = {"addAll", "core-pipeline"};
        for (int round = 0; round <= WARMUPS; round++) {
            for (int f = 0; f < forms.length; f++) {
                List<FdbSpec> entries = LibraryOps.entries("wv0", n);
                byte[][] macs = new byte[n][];
                for (int i = 0; i < n; i++) {
                    macs[i] = io.netlink4j.core.MacAddress.parse(entries.get(i).mac());
                }
                ops.createScratch("wbr0", "wv0", "wv1");
                int ifindex = ops.ifindex("wv0");
                if (round == WARMUPS) {
                    settle();
                }
                if (round == WARMUPS) {
                    profileStart();
                }
                long t0 = start();
                int ok;
                if (f == 0) {
                    ok = ops.addBulk(entries);
                } else {
                    int[] acks = new int[1];
                    nl.call(ch -> ch.pipeline("fdb add", n, 64, (i, w, seq) -> {
                        w.begin(io.netlink4j.core.Rtnetlink.RTM_NEWNEIGH,
                                io.netlink4j.core.NlMsg.NLM_F_CREATE | io.netlink4j.core.NlMsg.NLM_F_EXCL, seq, 0);
                        io.netlink4j.core.NdMsg.put(w, io.netlink4j.core.Rtnetlink.AF_BRIDGE, ifindex,
                                io.netlink4j.core.NdMsg.NUD_NOARP | io.netlink4j.core.NdMsg.NUD_REACHABLE,
                                io.netlink4j.core.NdMsg.NTF_MASTER, 0);
                        w.putBytes(2, macs[i]);
                        w.end();
                    }, (i, e) -> {
                        if (e == null) {
                            acks[0]++;
                        }
                        return true;
                    }));
                    ok = acks[0];
                }
                long t1 = System.nanoTime();
                if (round == WARMUPS) {
                    profileStop("add-" + forms[f]);
                    print("add-" + forms[f], ok, t1 - t0);
                }
                ops.deleteLink("wv0");
                ops.deleteLink("wbr0");
            }
        }
    }

    private static void portForms(BridgeNetlink nl, int n) {
        int ifindex = nl.call(ch -> new io.netlink4j.core.Links(ch).get(DEV).index());
        String[] forms = {"newlink-byname", "newlink-byindex", "setlink-protinfo"};
        for (int round = 0; round <= WARMUPS; round++) {
            for (int f = 0; f < forms.length; f++) {
                int form = f;
                if (round == WARMUPS) {
                    settle();
                }
                long t0 = start();
                nl.call(ch -> {
                    for (int i = 0; i < n; i++) {
                        io.netlink4j.bridge.PortSettings s = i % 2 == 1 ? LibraryOps.ON : LibraryOps.OFF;
                        if (form == 2) {
                            io.netlink4j.core.MessageWriter w = ch.request(io.netlink4j.core.Rtnetlink.RTM_SETLINK, 0);
                            io.netlink4j.bridge.PortCodec.encodeProtinfoSet(w, ifindex, s);
                            ch.execute("bridge link set");
                        } else {
                            io.netlink4j.bridge.BridgePorts.set(ch, form == 1 ? ifindex : 0, form == 1 ? null : DEV, s);
                        }
                    }
                    return null;
                });
                long t1 = System.nanoTime();
                if (round == WARMUPS) {
                    print("port-" + forms[f], n, t1 - t0);
                }
            }
        }
    }

    private static jdk.jfr.Recording recording;

    /** With E2E_JFR=DIR set: records CPU samples (1 ms) of the timed run only, to DIR/MODE.jfr. */
    private static void profileStart() {
        if (System.getenv("E2E_JFR") != null) {
            recording = new jdk.jfr.Recording();
            recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(1));
            recording.enable("jdk.NativeMethodSample").withPeriod(java.time.Duration.ofMillis(1));
            recording.enable("jdk.Deoptimization");
            recording.enable("jdk.Compilation").withThreshold(java.time.Duration.ZERO);
            recording.enable("jdk.GarbageCollection");
            recording.enable("jdk.SafepointBegin");
            recording.start();
        }
    }

    private static void profileStop(String mode) {
        if (recording != null) {
            recording.stop();
            try {
                recording.dump(java.nio.file.Path.of(System.getenv("E2E_JFR"), mode + ".jfr"));
            } catch (java.io.IOException e) {
                System.err.println("E2E_JFR: " + e);
            }
            recording.close();
            recording = null;
        }
    }

    private static void print(String mode, int count, long nanos) {
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        System.out.printf("%s %d in %.6fs%n", mode, count, nanos / 1e9);
        System.out.printf("cpu %.6f%n", cpu / 1e9);
    }
}
