package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fdb load} tells the exact truth about a refused change: by default the changes already in
 * flight are applied and listed by line; {@code --ordered} applies nothing after the failure.
 * Checked with {@code bridge -j fdb show}.
 */
@KernelTest
class FdbLoadOrderKernelTest extends WithBridgeAndPort {
    static final String A = "02:00:00:00:0a:01";
    static final String B = "02:00:00:00:0b:01";
    static final String C = "02:00:00:00:0c:01";
    static final String D = "02:00:00:00:0d:01";

    @TempDir
    Path dir;

    /** The static entries of br0 that this test adds (MACs 02:00:00:00:..). */
    Set<String> staticMacs() {
        return Json.list(ns.json("bridge -j fdb show br br0")).stream()
                .filter(e -> "static".equals(Json.at(e, "state")))
                .map(e -> (String) Json.at(e, "mac")).collect(Collectors.toSet());
    }

    Path file() throws IOException {
        // line 2 deletes an entry that does not exist: the kernel refuses it (ENOENT)
        return Files.writeString(dir.resolve("order.fdb"),
                "add " + A + " v0\n" + "del " + B + " v0\n" + "add " + C + " v0\n" + "add " + D + " v0\n");
    }

    @Test
    void byDefaultTheChangesInFlightAfterTheFailureAreAppliedAndListedByLine() throws IOException {
        Path f = file();
        Cli.Result r = Cli.in(ns.name(), "fdb", "load", f.toString());
        assertThat(r.status()).as(r.toString()).isNotZero();
        assertThat(r.err()).as(r.toString()).contains(f + ":2: ")
                .contains("applied after the failure (already in flight): lines 3, 4");
        assertThat(r.out()).contains("4 changes: 3 applied, 1 failed, 0 not sent");
        assertThat(staticMacs()).containsExactlyInAnyOrder(A, C, D);
    }

    @Test
    void byDefaultTheJsonSummaryListsTheLinesAppliedAfterTheFailure() throws IOException {
        Cli.Result r = Cli.in(ns.name(), "--json", "fdb", "load", file().toString());
        assertThat(r.status()).as(r.toString()).isNotZero();
        assertThat(Json.list(Json.at(r.json(), "applied_after_failure"))).containsExactly(3L, 4L);
        assertThat(Json.list(Json.at(r.json(), "unknown"))).isEmpty();
        assertThat(staticMacs()).containsExactlyInAnyOrder(A, C, D);
    }

    @Test
    void orderedAppliesNothingAfterTheFailure() throws IOException {
        Path f = file();
        Cli.Result r = Cli.in(ns.name(), "fdb", "load", "--ordered", f.toString());
        assertThat(r.status()).as(r.toString()).isNotZero();
        assertThat(r.err()).as(r.toString()).contains(f + ":2: ").doesNotContain("applied after the failure");
        assertThat(r.out()).contains("4 changes: 1 applied, 1 failed, 2 not sent");
        assertThat(staticMacs()).containsExactly(A);
    }

    @Test
    void orderedAndContinueTogetherAreBadInput() throws IOException {
        Cli.Result r = Cli.in(ns.name(), "fdb", "load", "--ordered", "--continue", file().toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(2);
        assertThat(staticMacs()).isEmpty();
    }
}
