package io.netlink4j.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Checks the privileges of a {@link KernelTest} before it runs. */
public final class KernelTestGuard implements BeforeAllCallback {
    private static final int CAP_NET_ADMIN = 12;
    private static final int CAP_SYS_ADMIN = 21;

    @Override
    public void beforeAll(ExtensionContext context) {
        String missing = missing();
        if (missing == null) {
            return;
        }
        String why = "kernel test skipped: " + missing;
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(why.replace("skipped", "cannot run") + " (CI=true: kernel tests must run, not skip)");
        }
        Assumptions.abort(why);
    }

    /** What keeps kernel tests from running here, or null. */
    public static String missing() {
        long caps = effectiveCapabilities();
        if ((caps & (1L << CAP_NET_ADMIN)) == 0 || (caps & (1L << CAP_SYS_ADMIN)) == 0) {
            return "needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN to create network namespaces)";
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/ip")) && !Files.isExecutable(Path.of("/sbin/ip"))
                && !Files.isExecutable(Path.of("/usr/bin/ip"))) {
            return "needs iproute2 (ip, bridge)";
        }
        return null;
    }

    static long effectiveCapabilities() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    return Long.parseUnsignedLong(line.substring(7).trim(), 16);
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }
}
