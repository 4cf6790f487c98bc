package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@KernelTest
class FdbLoadCommandKernelTest extends WithBridgeAndPort {
    @TempDir
    Path dir;

    /** MACs of the static entries of br0 (what a load adds), as bridge reports them. */
    Set<String> staticMacs() {
        return Json.list(ns.json("bridge -j fdb show br br0")).stream()
                .filter(e -> "static".equals(Json.at(e, "state")))
                .map(e -> (String) Json.at(e, "mac")).collect(Collectors.toSet());
    }

    static String mac(int i) {
        return String.format("02:00:00:%02x:%02x:%02x", (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
    }

    Path file(String text) throws IOException {
        Path f = dir.resolve("entries.fdb");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void loadsAFileThroughTheBulkPathAndSummarises() throws IOException {
        StringBuilder sb = new StringBuilder("# 5000 hosts behind v0\n");
        for (int i = 1; i <= 5000; i++) {
            sb.append("add ").append(mac(i)).append(" v0\n");
        }
        Path f = file(sb.toString());
        Cli.Result r = Cli.in(ns.name(), "fdb", "load", f.toString());
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("fdb load " + f + ": 5000 changes: 5000 applied, 0 failed, 0 not sent in ");
        Set<String> macs = staticMacs();
        assertThat(macs).hasSize(5000).contains(mac(1), mac(2500), mac(5000));

        // and delete them again, JSON summary
        StringBuilder del = new StringBuilder();
        for (int i = 1; i <= 5000; i++) {
            del.append("del ").append(mac(i)).append(" v0\n");
        }
        Cli.Result d = Cli.in(ns.name(), "--json", "fdb", "load", file(del.toString()).toString());
        assertThat(d.status()).as(d.toString()).isZero();
        assertThat(Json.at(d.json(), "applied")).isEqualTo(5000L);
        assertThat(Json.at(d.json(), "failed")).isEqualTo(0L);
        assertThat((Long) Json.at(d.json(), "datagrams")).isPositive().isLessThan(5000L);
        assertThat(staticMacs()).isEmpty();
    }

    @Test
    void malformedFileAppliesNothingAndNamesEveryBadLine() throws IOException {
        Path f = file("""
                add 02:00:00:00:00:01 v0
                add 02:00:00:00:00:zz v0
                add 02:00:00:00:00:03 v0 vlan 4096
                add 02:00:00:00:00:04 v0
                """);
        Cli.Result r = Cli.in(ns.name(), "fdb", "load", f.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(
                "nlbridge: fdb load: " + f + ":2: invalid MAC address \"02:00:00:00:00:zz\": 'z' is not hex",
                "nlbridge: fdb load: " + f + ":3: VLAN 4096 is out of range: VLAN IDs are 1-4094",
                "nlbridge: fdb load: 2 bad lines in " + f + ", nothing applied");
        assertThat(r.out()).isEmpty();
        assertThat(staticMacs()).isEmpty();
    }

    @Test
    void unknownAndNonPortDevicesAreBadLinesToo() throws IOException {
        Path f = file("add 02:00:00:00:00:01 v0\nadd 02:00:00:00:00:02 nosuch0\nadd 02:00:00:00:00:03 v1\n");
        Cli.Result r = Cli.in(ns.name(), "fdb", "load", f.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(
                "nlbridge: fdb load: " + f + ":2: device \"nosuch0\" does not exist",
                "nlbridge: fdb load: " + f + ":3: v1 is not a bridge port",
                "nlbridge: fdb load: 2 bad lines in " + f + ", nothing applied");
        assertThat(staticMacs()).isEmpty();
    }

    @Test
    void syntaxAndDeviceErrorsAreAllReportedInOneRunAndNothingIsApplied() throws IOException {
        Path f = file("""
                add 02:00:00:00:00:01 v0
                add 02:00:00:00:00:zz v0
                add 02:00:00:00:00:03 v1
                del 02:00:00:00:00:04 v0 static
                add 02:00:00:00:00:05 nosuch9
                add 02:00:00:00:00:06 br0
                add 02:00:00:00:00:07 v0 vlan 4096
                """);
        Cli.Result r = Cli.in(ns.name(), "fdb", "load", f.toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(Failure.USAGE);
        assertThat(r.errLines()).containsExactly(
                "nlbridge: fdb load: " + f + ":2: invalid MAC address \"02:00:00:00:00:zz\": 'z' is not hex",
                "nlbridge: fdb load: " + f + ":3: v1 is not a bridge port",
                "nlbridge: fdb load: " + f + ":4: del takes no state (static)",
                "nlbridge: fdb load: " + f + ":5: device \"nosuch9\" does not exist",
                "nlbridge: fdb load: " + f + ":6: br0 is a bridge, not a bridge port",
                "nlbridge: fdb load: " + f + ":7: VLAN 4096 is out of range: VLAN IDs are 1-4094",
                "nlbridge: fdb load: 6 bad lines in " + f + ", nothing applied");
        assertThat(r.out()).isEmpty();
        assertThat(staticMacs()).isEmpty();
    }

    @Test
    void kernelRefusalsStopTheRunOrAreSkippedWithContinue() throws IOException {
        // line 2 deletes an entry that is not there: ENOENT from the kernel
        String text = "add 02:00:00:00:00:01 v0\ndel 02:00:00:00:00:0f v0\nadd 02:00:00:00:00:03 v0\n";
        Cli.Result keepGoing = Cli.in(ns.name(), "fdb", "load", file(text).toString(), "--continue");
        assertThat(keepGoing.status()).isEqualTo(1);
        assertThat(keepGoing.out()).contains(": 3 changes: 2 applied, 1 failed, 0 not sent");
        List<String> err = keepGoing.errLines();
        assertThat(err).hasSize(2);
        assertThat(err.get(0)).startsWith("nlbridge: fdb load: " + dir.resolve("entries.fdb") + ":2: ").contains("ENOENT")
                .contains("fdb delete 02:00:00:00:00:0f dev v0 master").doesNotContain("static"); // a delete has no state
        assertThat(err.get(1)).isEqualTo("nlbridge: fdb load: 1 of 3 changes failed");
        assertThat(staticMacs()).containsExactlyInAnyOrder("02:00:00:00:00:01", "02:00:00:00:00:03");

        ns.bridge("fdb del 02:00:00:00:00:01 dev v0 master");
        ns.bridge("fdb del 02:00:00:00:00:03 dev v0 master");
        Cli.Result stop = Cli.in(ns.name(), "fdb", "load", file(text).toString());
        assertThat(stop.status()).isEqualTo(1);
        assertThat(stop.errLines().get(stop.errLines().size() - 1))
                .isEqualTo("nlbridge: fdb load: 1 of 3 changes failed (stopped at the first; --continue goes on)");
        assertThat(staticMacs()).contains("02:00:00:00:00:01");
    }

    @Test
    void readsStandardInput() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("add 02:00:00:00:00:21 v0 vlan 1\n# done\n".replace(" vlan 1", "")
                    .getBytes(StandardCharsets.UTF_8)));
            Cli.Result r = Cli.in(ns.name(), "fdb", "load", "-");
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(r.out()).startsWith("fdb load <stdin>: 1 change: 1 applied");
        } finally {
            System.setIn(saved);
        }
        assertThat(staticMacs()).containsExactly("02:00:00:00:00:21");
    }

    @Test
    void missingFileIsBadInput() {
        Cli.Result r = Cli.in(ns.name(), "fdb", "load", dir.resolve("nope.fdb").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString()
                .isEqualTo("nlbridge: fdb load: cannot read " + dir.resolve("nope.fdb") + ": No such file or directory");
        Cli.Result d = Cli.in(ns.name(), "fdb", "load", dir.toString());
        assertThat(d.status()).isEqualTo(2);
        assertThat(d.errLines()).singleElement().asString()
                .isEqualTo("nlbridge: fdb load: cannot read " + dir + ": Is a directory");
    }
}
