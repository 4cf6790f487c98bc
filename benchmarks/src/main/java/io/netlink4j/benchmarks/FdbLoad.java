package io.netlink4j.benchmarks;

import io.netlink4j.bridge.BridgeNetlink;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stand-in for {@code nlbridge fdb load FILE} when the CLI is not built: reads a
 * {@code bridge -batch} file of {@code fdb add MAC dev PORT master static} lines and applies them
 * in one pipelined bulk call. Prints {@code "load COUNT in SECONDS s"} (file read and apply).
 */
public final class FdbLoad {
    private FdbLoad() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: FdbLoad FILE   (lines: fdb add MAC dev PORT master static)");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        int n = 0;
        byte[][] macs = new byte[1024][];
        String dev = null;
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.US_ASCII)) {
            for (String line; (line = in.readLine()) != null;) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 1 && f[0].isEmpty()) {
                    continue;
                }
                if (f.length != 7 || !f[0].equals("fdb") || !f[1].equals("add") || !f[3].equals("dev")
                        || !f[5].equals("master") || !f[6].equals("static") || (dev != null && !dev.equals(f[4]))) {
                    throw new IllegalArgumentException("line " + (n + 1) + ": expected \"fdb add MAC dev "
                            + (dev == null ? "PORT" : dev) + " master static\": " + line);
                }
                dev = f[4];
                if (n == macs.length) {
                    macs = java.util.Arrays.copyOf(macs, n * 2);
                }
                macs[n++] = io.netlink4j.core.MacAddress.parse(f[2]);
            }
        }
        int ok;
        try (BridgeNetlink nl = BridgeNetlink.open()) {
            ok = n == 0 ? 0 : new LibraryOps(nl).addBulk(dev, macs, n);
        }
        System.out.printf("load %d in %.6fs%n", ok, (System.nanoTime() - t0) / 1e9);
        System.exit(ok == n ? 0 : 1);
    }
}
