package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.core.Links;
import io.netlink4j.examples.Nlbridge;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code nlbridge demo}: the whole tool in a throwaway network namespace. Builds a bridge with an
 * uplink port and a pod port (veth pairs), then runs nlbridge commands against it — each echoed as
 * you would type it — and removes the namespace at the end, also on failure or Ctrl-C.
 */
@Command(name = "demo", description = {
    "Run a guided demo in a throwaway network namespace (needs root): a bridge with two ports,",
    "the MetalLB problem and its fix, FDB entries, VLAN filtering (where the kernel has it),",
    "events. The namespace is removed at the end, also on failure or Ctrl-C."})
public final class DemoCommand implements Callable<Integer> {
    static final String BRIDGE = "br0";
    static final String UPLINK = "uplink0";
    static final String SWITCH = "switch0";
    static final String POD = "pod0";
    static final String POD_PEER = "pod0-peer";

    @Spec
    CommandSpec spec;

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
            return new Script(ns.name(), out, err, app.json()).run();
        } finally {
            out.println("== removed network namespace " + name);
            out.flush();
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
            nlbridge("doctor", UPLINK);

            heading("the fix: proxy_arp and hairpin on " + UPLINK + ", in one request, checked again");
            nlbridge("doctor", UPLINK, "--fix");

            heading("VLAN filtering");
            if (tolerated("bridge", "set", BRIDGE, "--vlan-filtering", "on") != 0) {
                say("this kernel has no bridge VLAN filtering (CONFIG_BRIDGE_VLAN_FILTERING): VLAN steps skipped");
            } else {
                nlbridge("bridge", "set", BRIDGE, "--vlan-filtering", "off");
                say("VLAN filtering works on this kernel (turned off again for the rest of the demo)");
            }
            out.println();
            out.println("== demo complete");
            return 0;
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
