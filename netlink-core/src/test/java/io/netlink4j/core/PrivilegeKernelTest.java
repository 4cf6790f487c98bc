package io.netlink4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Without CAP_NET_ADMIN, writes fail with a {@link PermissionDeniedException} that says the
 * capability is needed, and reads still work. The unprivileged side is a child JVM (same test
 * class path) started under {@code setpriv} with CAP_NET_ADMIN dropped from the bounding,
 * inheritable and ambient sets — so even though it runs as root, its effective set lacks it
 * (CAP_SYS_ADMIN stays, for entering the test namespace).
 */
@KernelTest
class PrivilegeKernelTest {

    @Test
    void withoutNetAdminWritesAreRefusedClearlyAndReadsWork() throws Exception {
        Path setpriv = Path.of("/usr/bin/setpriv");
        Assumptions.assumeTrue(Files.isExecutable(setpriv), "needs setpriv (util-linux)");
        try (TestNetns ns = TestNetns.create()) {
            List<String> cmd = new ArrayList<>(List.of(setpriv.toString(), "--inh-caps=-net_admin",
                    "--bounding-set=-net_admin", "--ambient-caps=-net_admin",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path")));
            if (Runtime.version().feature() >= 22) {
                cmd.add("--enable-native-access=ALL-UNNAMED");
            }
            cmd.addAll(List.of(PrivilegeProbe.class.getName(), ns.name()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();

            assertThat(out).contains("CAP_NET_ADMIN false");
            assertThat(out).contains("READ OK lo index 1");
            assertThat(out).containsPattern("LIST OK [1-9]\\d* links");
            assertThat(line(out, "WRITE")).startsWith("WRITE FAILED PermissionDeniedException: create bridge nl4jpriv0")
                    .contains("EPERM").contains("needs CAP_NET_ADMIN");
            assertThat(line(out, "SETUP")).startsWith("SETUP FAILED PermissionDeniedException: set link lo down")
                    .contains("needs CAP_NET_ADMIN");
            // nothing changed, as iproute2 sees it
            assertThat(ns.tryExec("ip link show dev nl4jpriv0").status()).isNotZero();
            Object lo = Json.list(ns.json("ip -j link show dev lo")).get(0);
            assertThat(Json.at(lo, "operstate")).isEqualTo("UNKNOWN");
            assertThat(Json.list(Json.at(lo, "flags"))).contains((Object) "UP");
        }
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix + " ")).findFirst().orElse("(no " + prefix + " line in: " + out + ")");
    }
}
