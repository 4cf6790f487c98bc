package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeMonitor;
import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.core.Links;
import io.netlink4j.examples.Nlbridge;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nlbridge demo}: the whole tool in a throwaway network namespace. Builds a bridge with an
 * uplink port and a pod port (veth pairs), then runs nlbridge commands against it — each echoed as
 * you would type it — and removes the namespace at the end, also on failure or Ctrl-C.
 */
@Command(name = "demo", description = {
    "Run a guided demo in a throwaway network namespace (needs root).",
    "A bridge with two ports, the MetalLB problem and its fix, FDB entries, VLAN filtering",
    "(where the kernel has it), events. The namespace is removed at the end, also on failure",
    "or Ctrl-C."})
public final class DemoCommand implements Callable<Integer> {
    static final String BRIDGE = "br0";
    static final String UPLINK = "uplink0";
    static final String SWITCH = "switch0";
    static final String POD = "pod0";
    static final String POD_PEER = "pod0-peer";
    /** Entries in the demo's bulk load. */
    static final int LOAD = 1000;

    @Spec
    CommandSpec spec;

    @Option(names = "--keep", description = {
        "After the last step, keep the namespace until Ctrl-C, to look around in it",
        "(ip -n NAME ..., nlbridge --netns NAME ...); Ctrl-C then removes it."})
    boolean keep;

    @Override
    public Integer call() {
        Nlbridge app = (Nlbridge) spec.root().userObject();
        if (app.netns() != null) {
            throw new IllegalArgumentException("the demo makes its own network namespace; leave out --netns");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name = "nlbridge-demo-" + ProcessHandle.current().pid();
        out.println("== creating network namespace " + name + " (removed at the end, also on Ctrl-C)");
        out.flush();
        try (DemoNetns ns = DemoNetns.create(name)) {
            int status = new Script(ns.name(), out, err, app.json()).run();
            if (keep) {
                out.println("== keeping network namespace " + name + "; press Ctrl-C to remove it");
                out.flush();
                waitForInterrupt();   // Ctrl-C runs the namespace's shutdown hook
            }
            return status;
        } finally {
            out.println("== removed network namespace " + name);
            out.flush();
        }
    }

    /** Blocks until the JVM is stopped (Ctrl-C); returns if the thread is interrupted. */
    private static void waitForInterrupt() {
        try {
            new java.util.concurrent.CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The demo's steps, in one namespace. */
    static final class Script {
        private final String netns;
        private final PrintWriter out;
        private final PrintWriter err;
        private final boolean json;
        private int step;

        Script(String netns, PrintWriter out, PrintWriter err, boolean json) {
            this.netns = netns;
            this.out = out;
            this.err = err;
            this.json = json;
        }

        int run() {
            setUp();
            heading("the bridge and its ports");
            nlbridge("port", "show");

            heading("MetalLB L2: can replies for service IPs get through " + BRIDGE + " via " + UPLINK + "?");
            // the doctor's exit status is its verdict: here NEEDS_FIX, which a script can branch on
            nlbridgeExpecting(Failure.NEEDS_FIX, "doctor", UPLINK);
            say("exit status " + Failure.NEEDS_FIX + ": NEEDS_FIX");

            heading("the fix: proxy_arp and hairpin on " + UPLINK + ", in one request, checked again");
            nlbridge("doctor", UPLINK, "--fix");

            heading("FDB: static entries by hand, then a file of " + LOAD + " through the pipelined bulk path");
            nlbridge("fdb", "add", "02:00:00:00:aa:01", POD);
            nlbridge("fdb", "add", "02:00:00:00:aa:02", POD, "--permanent");
            nlbridge("fdb", "show", "--dev", POD);
            Path file = loadFile();
            try {
                say("the file (" + LOAD + " lines): add 02:00:00:01:00:01 " + UPLINK + " ...");
                nlbridge("fdb", "load", file.toString());
            } finally {
                deleteQuietly(file);
            }

            heading("VLAN filtering");
            if (tolerated("bridge", "set", BRIDGE, "--vlan-filtering", "on") != 0) {
                say("this kernel has no bridge VLAN filtering (CONFIG_BRIDGE_VLAN_FILTERING): VLAN steps skipped");
            } else {
                nlbridge("vlan", "add", POD, "100", "--pvid", "--untagged");
                nlbridge("vlan", "add", UPLINK, "100-110");
                nlbridge("vlan", "sync", UPLINK, "--vids", "100-105,200", "--dry-run");
                nlbridge("vlan", "show");
            }

            heading("events: a monitor watches while the demo changes things");
            monitor();
            out.println();
            out.println("== demo complete");
            return 0;
        }

        /** Runs a monitor (subscribed before the first change) while three changes are made; prints what it saw. */
        void monitor() {
            echo("nlbridge monitor   (in the background while the next commands run)");
            List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
            try (BridgeNetlink nl = BridgeNetlink.open(netns); BridgeMonitor mon = nl.monitor()) {
                Map<Integer, String> names = new HashMap<>();
                nl.call(ch -> new Links(ch).list()).forEach(l -> names.put(l.index(), l.name()));
                Thread t = new Thread(() -> mon.run(e -> {
                    seen.add(EventFormat.text(e, i -> names.getOrDefault(i, "if" + i)));
                    if (seen.size() >= 3) {
                        mon.stop();
                    }
                }), "nlbridge-demo-monitor");
                t.setDaemon(true);
                t.start();
                nlbridge("fdb", "add", "02:00:00:00:aa:03", POD);
                nlbridge("port", "set", POD, "--learning", "off");
                nlbridge("fdb", "del", "02:00:00:00:aa:03", POD);
                try {
                    t.join(5000); // the events are queued on the monitor's socket already
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                mon.stop();
            }
            say("the monitor saw:");
            synchronized (seen) {
                seen.forEach(l -> out.println("   " + l));
            }
        }

        /** A temporary load file: LOAD static entries on the uplink. */
        Path loadFile() {
            try {
                Path f = Files.createTempFile("nlbridge-demo-", ".fdb");
                StringBuilder sb = new StringBuilder("# generated by nlbridge demo\n");
                for (int i = 1; i <= LOAD; i++) {
                    sb.append(String.format("add 02:00:00:01:%02x:%02x %s%n", i >> 8, i & 0xff, UPLINK));
                }
                Files.writeString(f, sb);
                return f;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the demo's load file", e);
            }
        }

        static void deleteQuietly(Path f) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                // a temp file: the OS cleans up
            }
        }

        /** A line of commentary. */
        void say(String text) {
            out.println("   " + text);
        }

        /**
         * Runs a step that may fail on some kernels: its error goes to stdout as part of the story
         * (not to stderr), and the demo goes on. Returns the exit status.
         */
        int tolerated(String... args) {
            StringWriter buf = new StringWriter();
            int status = tryNlbridge(new PrintWriter(buf), args);
            buf.toString().lines().forEach(l -> out.println("   ! " + l));
            return status;
        }

        /** br0 with uplink0 (its peer switch0 plays the physical switch) and pod0 (peer pod0-peer), all up. */
        void setUp() {
            heading("set-up: bridge " + BRIDGE + ", ports " + UPLINK + " and " + POD);
            echo("ip link add " + BRIDGE + " type bridge");
            echo("ip link add " + UPLINK + " type veth peer name " + SWITCH);
            echo("ip link add " + POD + " type veth peer name " + POD_PEER);
            echo("ip link set " + UPLINK + " master " + BRIDGE + "; ip link set " + POD + " master " + BRIDGE);
            echo("ip link set ... up");
            try (BridgeNetlink nl = BridgeNetlink.open(netns)) {
                nl.call(ch -> {
                    Links links = new Links(ch);
                    links.createBridge(BRIDGE);
                    links.createVeth(UPLINK, SWITCH);
                    links.createVeth(POD, POD_PEER);
                    links.setMaster(UPLINK, BRIDGE);
                    links.setMaster(POD, BRIDGE);
                    for (String dev : List.of(BRIDGE, UPLINK, SWITCH, POD, POD_PEER)) {
                        links.setUp(dev, true);
                    }
                    return null;
                });
            }
        }

        void heading(String title) {
            out.println();
            out.println("== " + (++step) + ". " + title);
            out.flush();
        }

        void echo(String command) {
            out.println("$ " + command);
        }

        /**
         * Runs {@code nlbridge --netns NS ARGS} in-process, echoing it first; throws when it fails
         * so the demo stops (the namespace is removed on the way out).
         */
        int nlbridge(String... args) {
            int status = tryNlbridge(args);
            if (status != 0) {
                throw new DemoStepFailed(String.join(" ", args), status);
            }
            return status;
        }

        /** As {@link #nlbridge}, for a step whose expected exit status is {@code expected}. */
        int nlbridgeExpecting(int expected, String... args) {
            int status = tryNlbridge(args);
            if (status != expected) {
                throw new DemoStepFailed(String.join(" ", args), status);
            }
            return status;
        }

        /** As {@link #nlbridge} but returns the exit status instead of stopping the demo. */
        int tryNlbridge(String... args) {
            return tryNlbridge(err, args);
        }

        int tryNlbridge(PrintWriter errTo, String... args) {
            List<String> all = new ArrayList<>(List.of("--netns", netns));
            if (json) {
                all.add("--json");
            }
            all.addAll(List.of(args));
            echo("nlbridge " + String.join(" ", args));
            out.flush();
            int status = Nlbridge.run(out, errTo, all.toArray(String[]::new));
            out.flush();
            return status;
        }
    }

    /** A step of the demo failed; its error line was printed already. */
    static final class DemoStepFailed extends OperationFailedException {
        private static final long serialVersionUID = 1L;

        DemoStepFailed(String command, int status) {
            super("step \"nlbridge " + command + "\" failed (exit " + status + "); the namespace is removed");
        }
    }
}
