package io.netlink4j.examples;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.BulkOptions;
import io.netlink4j.bridge.BulkResult;
import io.netlink4j.bridge.FdbChange;
import io.netlink4j.bridge.FdbSpec;
import io.netlink4j.core.NetlinkException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads static FDB entries from a file through the pipelined bulk API: many requests in flight
 * on one socket, several per datagram, every ACK matched to its request.
 *
 * <pre>
 * java -cp examples/target/nlbridge.jar io.netlink4j.examples.FdbBulkLoad FILE [NETNS]
 * </pre>
 *
 * FILE has one entry per line, {@code MAC DEV [VID]}; {@code #} starts a comment. (The CLI's
 * {@code nlbridge fdb load} does the same with adds and deletes, progress and line numbers.)
 */
public final class FdbBulkLoad {
    private FdbBulkLoad() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 1 || args.length > 2) {
            err.println("usage: FdbBulkLoad FILE [NETNS]   (lines: MAC DEV [VID])");
            return 2;
        }
        List<FdbChange> changes = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of(args[0]))) {
                String[] w = line.replaceAll("#.*", "").trim().split("\\s+");
                if (w.length < 2) {
                    continue;                                  // blank or comment
                }
                FdbSpec s = FdbSpec.of(w[0], w[1]);             // master static on port w[1]
                if (w.length > 2) {
                    s = s.vlan(Integer.parseInt(w[2]));
                }
                changes.add(FdbChange.add(s));
            }
        } catch (IOException | NumberFormatException e) {
            err.println("cannot read " + args[0] + ": " + e.getMessage());
            return 2;
        }

        try (BridgeNetlink nl = BridgeNetlink.open(args.length == 2 ? args[1] : null)) {
            // The whole list is validated first (MACs, VLANs, devices exist and are bridge ports):
            // if anything is wrong, IllegalArgumentException lists it and NOTHING is sent.
            // continueOnError: apply every entry that can be applied and report the others.
            BulkResult r = nl.fdb().apply(changes, BulkOptions.defaults().withWindow(128).continueOnError());
            out.printf("%d entries: %d applied, %d failed, in %d datagrams, %.1f ms%n",
                    r.total(), r.appliedCount(), r.failures().size(), r.datagrams(), r.nanos() / 1e6);
            for (BulkResult.Failure f : r.failures()) {
                // which entry (its index in the list) and the kernel's answer, e.g. EEXIST
                err.println("entry " + (f.index() + 1) + ": " + f.error().getMessage());
            }
            return r.ok() ? 0 : 1;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (NetlinkException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
