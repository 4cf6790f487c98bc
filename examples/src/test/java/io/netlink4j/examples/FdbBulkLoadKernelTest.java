package io.netlink4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@KernelTest
class FdbBulkLoadKernelTest {
    @TempDir
    Path dir;

    static Set<String> staticMacs(TestNetns ns) {
        return Json.list(ns.json("bridge -j fdb show br br0")).stream().filter(e -> "static".equals(Json.at(e, "state")))
                .map(e -> (String) Json.at(e, "mac")).collect(Collectors.toSet());
    }

    @Test
    void loadsEveryEntryOfTheFile() throws Exception {
        StringBuilder sb = new StringBuilder("# test entries\n");
        for (int i = 0; i < 2000; i++) {
            sb.append(String.format("02:00:00:00:%02x:%02x v0%n", i >> 8, i & 0xff));
        }
        Path f = Files.writeString(dir.resolve("hosts.txt"), sb);
        try (TestNetns ns = TestNetns.withBridgeAndPort()) {
            ExampleRun r = ExampleRun.of(FdbBulkLoad::run, f.toString(), ns.name());
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(r.out()).startsWith("2000 entries: 2000 applied, 0 failed, in ");
            assertThat(staticMacs(ns)).hasSize(2000).contains("02:00:00:00:00:00", "02:00:00:00:07:cf");

            // the same file again: every add now fails with EEXIST, reported per entry
            ExampleRun again = ExampleRun.of(FdbBulkLoad::run, f.toString(), ns.name());
            assertThat(again.status()).isEqualTo(1);
            assertThat(again.out()).startsWith("2000 entries: 0 applied, 2000 failed");
            assertThat(again.err().lines().findFirst().orElse("")).startsWith("entry 1: ").contains("EEXIST");
        }
    }

    @Test
    void anInvalidEntryMeansNothingIsSent() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.txt"), "02:00:00:00:00:01 v0\n02:00:00:00:00:02 nosuch0\n");
        try (TestNetns ns = TestNetns.withBridgeAndPort()) {
            ExampleRun r = ExampleRun.of(FdbBulkLoad::run, f.toString(), ns.name());
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err()).contains("nothing was sent", "nosuch0");
            assertThat(staticMacs(ns)).isEmpty();
        }
    }
}
