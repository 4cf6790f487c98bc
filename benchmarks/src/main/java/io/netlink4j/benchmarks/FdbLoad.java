package io.netlink4j.benchmarks;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.BulkOptions;
import io.netlink4j.bridge.BulkResult;
import io.netlink4j.bridge.FdbSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stand-in for {@code nlbridge fdb load FILE} when the CLI is not built: reads a
 * {@code bridge -batch} file of {@code fdb add MAC dev PORT master static} lines and applies them
 * with one {@code fdb().addAll} (pipelined bulk). Prints {@code "load COUNT in SECONDS s"} (file
 * read and apply; the runner also takes the whole process's wall time).
 */
public final class FdbLoad {
    private FdbLoad() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: FdbLoad FILE   (lines: fdb add MAC dev PORT master static)");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        List<FdbSpec> entries = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.US_ASCII)) {
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null;) {
                lineNo++;
                String[] f = line.trim().split(" +");
                if (f.length == 1 && f[0].isEmpty()) {
                    continue;
                }
                if (f.length != 7 || !f[0].equals("fdb") || !f[1].equals("add") || !f[3].equals("dev")
                        || !f[5].equals("master") || !f[6].equals("static")) {
                    System.err.println("line " + lineNo + ": expected \"fdb add MAC dev PORT master static\": " + line);
                    System.exit(2);
                }
                entries.add(FdbSpec.of(f[2], f[4]));
            }
        }
        BulkResult r;
        try (BridgeNetlink nl = BridgeNetlink.open()) {
            r = nl.fdb().addAll(entries, BulkOptions.defaults());
        }
        System.out.printf("load %d in %.6fs%n", r.appliedCount(), (System.nanoTime() - t0) / 1e9);
        if (!r.ok()) {
            System.err.println(r);
            System.exit(1);
        }
    }
}
