package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.AlreadyExistsException;
import io.netlink4j.core.testing.KernelTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@KernelTest
class DemoCommandKernelTest {

    static List<String> netnsList() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.lines().map(l -> l.split("\\s+")[0]).filter(n -> n.startsWith("nlbridge-demo-")).toList();
    }

    @Test
    void runsToCompletionAndLeavesNoNamespace() throws Exception {
        List<String> before = netnsList();
        Cli.Result r = Cli.run("demo");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out()).contains("== creating network namespace nlbridge-demo-" + ProcessHandle.current().pid(),
                "$ nlbridge port show", "uplink0", "pod0",
                "$ nlbridge doctor uplink0", "verdict: NEEDS_FIX",
                "$ nlbridge doctor uplink0 --fix", "--fix: applied to uplink0 in one request:", "verdict: OK",
                "$ nlbridge fdb add 02:00:00:00:aa:01 pod0", "02:00:00:00:aa:02 master br0 permanent",
                ": 1000 changes: 1000 applied, 0 failed, 0 not sent",
                "$ nlbridge bridge set br0 --vlan-filtering on",
                "the monitor saw:", "fdb added 02:00:00:00:aa:03 dev pod0 master br0 static",
                "port changed pod0 master br0", "fdb removed 02:00:00:00:aa:03 dev pod0 master br0",
                "== demo complete", "== removed network namespace");
        // the doctor's verdict before the fix comes before the one after it
        assertThat(r.out().indexOf("verdict: NEEDS_FIX")).isLessThan(r.out().indexOf("verdict: OK"));
        // nothing left behind; other processes' namespaces may come and go meanwhile (seen: a
        // concurrent run's demo namespace was in "before" and gone after), so compare only ours
        assertThat(netnsList()).doesNotContain("nlbridge-demo-" + ProcessHandle.current().pid())
                .allMatch(before::contains);
    }

    @Test
    void aFailingStepStillRemovesTheNamespace() throws Exception {
        String name = "nlbridge-demo-test-" + ProcessHandle.current().pid();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThatThrownBy(() -> {
            try (DemoNetns ns = DemoNetns.create(name)) {
                // a br0 already there: the demo's set-up fails at its first step
                assertThat(new ProcessBuilder("ip", "-n", name, "link", "add", "br0", "type", "bridge").start().waitFor()).isZero();
                new DemoCommand.Script(ns.name(), new PrintWriter(out), new PrintWriter(err), false).run();
            }
        }).isInstanceOf(AlreadyExistsException.class).hasMessageContaining("create bridge br0");
        assertThat(netnsList()).doesNotContain(name);
    }

    @Test
    void theDemosNamespaceIsQuietIpv6IsOffForEveryDevice() throws Exception {
        String name = "nlbridge-demo-test-" + ProcessHandle.current().pid();
        try (DemoNetns ns = DemoNetns.create(name)) {
            assertThat(new ProcessBuilder("ip", "-n", name, "link", "add", "v0", "type", "veth", "peer", "name", "v1")
                    .start().waitFor()).isZero();
            for (String dev : List.of("all", "default", "lo", "v0", "v1")) {
                Process p = new ProcessBuilder("ip", "netns", "exec", name, "cat", "/proc/sys/net/ipv6/conf/" + dev + "/disable_ipv6")
                        .redirectErrorStream(true).start();
                assertThat(new String(p.getInputStream().readAllBytes()).trim()).as(dev).isEqualTo("1");
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
        }
        assertThat(netnsList()).doesNotContain(name);
    }

    @Test
    void refusesNetnsBecauseItMakesItsOwn() {
        Cli.Result r = Cli.run("--netns", "x", "demo");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString()
                .isEqualTo("nlbridge: demo: the demo makes its own network namespace; leave out --netns");
    }
}
