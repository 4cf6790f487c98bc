package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per row of the exit-status table (Nlbridge's exit-code list, docs/cli.md), through the
 * real CLI in a throwaway namespace: each condition gives its status, on every command that can
 * meet it, with the same wording. Namespace: br0 with port v0; v1 (v0's peer) is no port.
 */
@KernelTest
class ExitStatusKernelTest extends WithBridgeAndPort {
    static final String MAC = "02:00:00:00:77:01";

    @TempDir
    Path dir;

    Cli.Result run(String... args) {
        return Cli.in(ns.name(), args);
    }

    int fdbEntries(String mac) {
        return (int) Json.list(ns.json("bridge -j fdb show br br0")).stream()
                .filter(e -> mac.equals(Json.at(e, "mac"))).count();
    }

    @Test
    void row0SuccessAndDoctorOk() {
        Cli.Result show = run("port", "show", "v0");
        assertThat(show.status()).as(show.toString()).isEqualTo(Failure.OK);
        ns.ip("link set dev v0 type bridge_slave proxy_arp on hairpin on");
        Cli.Result doctor = run("doctor", "v0");
        assertThat(doctor.status()).as(doctor.toString()).isEqualTo(Failure.OK);
        assertThat(doctor.out()).contains("verdict: OK");
    }

    @Test
    void row1TheKernelRefusedOrASystemCallFailed() throws IOException {
        assertThat(run("fdb", "add", MAC, "v0").status()).isEqualTo(Failure.OK);
        Cli.Result again = run("fdb", "add", MAC, "v0");
        assertThat(again.status()).as(again.toString()).isEqualTo(Failure.FAILED);
        assertThat(again.errLines()).singleElement().asString()
                .startsWith("nlbridge: fdb add " + MAC + " dev v0 master static: File exists (EEXIST)");
        assertThat(fdbEntries(MAC)).isEqualTo(1);

        // --netns naming a regular file: the path and why, not a bare EINVAL
        Path file = Files.writeString(dir.resolve("file"), "not a namespace\n");
        Cli.Result netns = Cli.run("--netns", file.toString(), "port", "show");
        assertThat(netns.status()).as(netns.toString()).isEqualTo(Failure.FAILED);
        assertThat(netns.errLines()).singleElement().asString().isEqualTo("nlbridge: enter network namespace " + file
                + ": Invalid argument (EINVAL): " + file + " is not a network namespace (expected a name from ip netns"
                + " list, or a path such as /proc/PID/ns/net)");
    }

    @Test
    void row2BadInputBeforeAnythingIsSent() throws IOException {
        Cli.Result mac = run("fdb", "add", "02:00:00:00:00", "v0");
        assertThat(mac.status()).as(mac.toString()).isEqualTo(Failure.USAGE);
        Path missing = dir.resolve("nope.fdb");
        Cli.Result unreadable = run("fdb", "load", missing.toString());
        assertThat(unreadable.status()).isEqualTo(Failure.USAGE);
        assertThat(unreadable.errLines()).singleElement().asString()
                .isEqualTo("nlbridge: fdb load: cannot read " + missing + ": No such file or directory");
        // a load file with a bad line, whatever the reason (here a device that is no port): 2, nothing applied
        Path f = Files.writeString(dir.resolve("bad.fdb"), "add " + MAC + " v0\nadd 02:00:00:00:77:02 v1\n");
        Cli.Result load = run("fdb", "load", f.toString());
        assertThat(load.status()).as(load.toString()).isEqualTo(Failure.USAGE);
        assertThat(fdbEntries(MAC)).isZero();
    }

    @Test
    void row3NoSuchDeviceOneStatusOneWording() {
        List<List<String>> commands = List.of(
                List.of("port", "show", "nosuch9"),
                List.of("port", "set", "nosuch9", "--hairpin", "on"),
                List.of("fdb", "add", MAC, "nosuch9"),
                List.of("fdb", "del", MAC, "nosuch9"),
                List.of("fdb", "show", "--dev", "nosuch9"),
                List.of("vlan", "add", "nosuch9", "100"),
                List.of("bridge", "set", "nosuch9", "--stp", "on"),
                List.of("bridge", "del", "nosuch9"),
                List.of("doctor", "nosuch9"),
                List.of("doctor", "nosuch9", "--fix"));
        for (List<String> c : commands) {
            Cli.Result r = run(c.toArray(String[]::new));
            assertThat(r.status()).as(c + ": " + r).isEqualTo(Failure.NO_SUCH_DEVICE);
            assertThat(r.errLines()).as(c.toString()).singleElement().asString()
                    .startsWith("nlbridge: ").endsWith(": device \"nosuch9\" does not exist (ENODEV)");
            assertThat(r.out()).as(c.toString()).isEmpty();
        }
    }

    @Test
    void row4NotABridgePortOneStatusAndNoInventedErrnoOnReads() {
        Cli.Result show = run("port", "show", "v1");
        assertThat(show.status()).as(show.toString()).isEqualTo(Failure.NOT_A_BRIDGE_PORT);
        // a read: the kernel returned the link, no errno
        assertThat(show.errLines()).singleElement().asString().isEqualTo("nlbridge: show port v1: v1 is not a bridge port");

        Cli.Result set = run("port", "set", "v1", "--hairpin", "on");
        assertThat(set.status()).isEqualTo(Failure.NOT_A_BRIDGE_PORT);
        // a write: the kernel's own answer is named
        assertThat(set.errLines()).singleElement().asString()
                .isEqualTo("nlbridge: set port v1: Operation not supported (EOPNOTSUPP): v1 is not a bridge port");

        Cli.Result fdb = run("fdb", "add", MAC, "v1");
        assertThat(fdb.status()).as(fdb.toString()).isEqualTo(Failure.NOT_A_BRIDGE_PORT);
        // a write the kernel refused (EOPNOTSUPP, no text); the lookup after it says why
        assertThat(fdb.errLines()).singleElement().asString()
                .startsWith("nlbridge: fdb add " + MAC + " dev v1 master static: Operation not supported (EOPNOTSUPP):"
                        + " v1 is not a bridge port")
                .doesNotContain("self()");
        assertThat(fdbEntries(MAC)).isZero();

        Cli.Result vlan = run("vlan", "add", "v1", "100");
        assertThat(vlan.status()).as(vlan.toString()).isEqualTo(Failure.NOT_A_BRIDGE_PORT);

        Cli.Result doctor = run("doctor", "v1");
        assertThat(doctor.status()).as(doctor.toString()).isEqualTo(Failure.NOT_A_BRIDGE_PORT);
        assertThat(doctor.out()).contains("verdict: NOT_A_BRIDGE_PORT");
        assertThat(doctor.err()).isEmpty();

        Cli.Result fix = run("doctor", "v1", "--fix");
        assertThat(fix.status()).as(fix.toString()).isEqualTo(Failure.NOT_A_BRIDGE_PORT);
        assertThat(fix.errLines()).singleElement().asString()
                .isEqualTo("nlbridge: fix port v1 for MetalLB: v1 is not a bridge port");
        assertThat(Json.at(ns.json("ip -d -j link show dev v1"), 0, "linkinfo", "info_slave_data")).isNull();
    }

    @Test
    void row5NotABridge() {
        for (List<String> c : List.of(List.of("bridge", "set", "v0", "--stp", "on"), List.of("bridge", "del", "v0"),
                List.of("fdb", "show", "--br", "v0"))) {
            Cli.Result r = run(c.toArray(String[]::new));
            assertThat(r.status()).as(c + ": " + r).isEqualTo(Failure.NOT_A_BRIDGE);
            assertThat(r.errLines()).as(c.toString()).singleElement().asString()
                    .endsWith(": v0 is not a bridge (kind veth)");
        }
        // still there: nothing was deleted
        assertThat(Json.list(ns.json("ip -j link show dev v0"))).hasSize(1);
    }

    @Test
    void row6DoctorNeedsFix() {
        Cli.Result r = run("doctor", "v0");
        assertThat(r.status()).as(r.toString()).isEqualTo(Failure.NEEDS_FIX);
        assertThat(r.out()).contains("verdict: NEEDS_FIX");
        assertThat(r.err()).isEmpty();
        Cli.Result json = run("--json", "doctor", "v0");
        assertThat(json.status()).isEqualTo(Failure.NEEDS_FIX);
        assertThat(Json.at(json.json(), "verdict")).isEqualTo("needs_fix");
    }

    @Test
    void row7DoctorBlocked() {
        ns.ip("link set v0 down");
        Cli.Result r = run("doctor", "v0");
        assertThat(r.status()).as(r.toString()).isEqualTo(Failure.BLOCKED);
        assertThat(r.out()).contains("verdict: BLOCKED");
        // --fix applies proxy_arp and hairpin, but the verdict after it is still BLOCKED
        Cli.Result fix = run("doctor", "v0", "--fix");
        assertThat(fix.status()).as(fix.toString()).isEqualTo(Failure.BLOCKED);
        assertThat(Json.at(ns.json("ip -d -j link show dev v0"), 0, "linkinfo", "info_slave_data", "hairpin"))
                .isEqualTo(true);
    }
}
