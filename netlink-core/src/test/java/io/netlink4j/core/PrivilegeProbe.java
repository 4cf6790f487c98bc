package io.netlink4j.core;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by {@link PrivilegeKernelTest} in a child JVM without CAP_NET_ADMIN: reads a link, then
 * tries to create one, and prints one line per outcome for the parent to assert on.
 * Usage: PrivilegeProbe NETNS
 */
public final class PrivilegeProbe {
    private PrivilegeProbe() {}

    public static void main(String[] args) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("CapEff:")) {
                long caps = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                System.out.println("CAP_NET_ADMIN " + ((caps & (1L << 12)) != 0));
            }
        }
        try (RtnlChannel ch = RtnlChannel.open(args[0])) {
            Links links = new Links(ch);
            report("READ", () -> "lo index " + links.get("lo").index());
            report("LIST", () -> links.list().size() + " links");
            report("WRITE", () -> {
                links.createBridge("nl4jpriv0");
                return "created";
            });
            report("SETUP", () -> {
                links.setUp("lo", false);
                return "set";
            });
        }
    }

    private static void report(String what, java.util.function.Supplier<String> action) {
        try {
            System.out.println(what + " OK " + action.get());
        } catch (RuntimeException e) {
            System.out.println(what + " FAILED " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
