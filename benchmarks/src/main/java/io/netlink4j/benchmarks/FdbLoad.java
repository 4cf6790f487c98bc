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
 * Stand-in for {@code nlbridge fdb load FILE} when the CLI is not built: reads the CLI's file
 * format ({@code add MAC DEV} lines, static entries; blank lines and # comments skipped) and
 * applies it with one {@code fdb().addAll} (pipelined bulk). Prints {@code "load COUNT in SECONDS s"} (file
 * read and apply; the runner also takes the whole process's wall time).
 */
public final class FdbLoad {
    private FdbLoad() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: FdbLoad FILE   (lines: add MAC DEV)");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        List<FdbSpec> entries = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.US_ASCII)) {
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null;) {
                lineNo++;
                String t = line.trim();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] f = t.split(" +");
                if (f.length != 3 || !f[0].equals("add")) {
                    System.err.println("line " + lineNo + ": expected \"add MAC DEV\": " + line);
                    System.exit(2);
                }
                entries.add(FdbSpec.of(f[1], f[2]));
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
