package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nlbridge -batch FILE}: many commands in one run, checked with {@code ip -d -j link show}. */
@KernelTest
class BatchKernelTest extends WithBridgeAndPort {
    @TempDir
    Path dir;

    private Object slave(String key) {
        return Json.at(Json.at(ns.json("ip -d -j link show dev v0"), 0), "linkinfo", "info_slave_data", key);
    }

    @Test
    void everyLineRunsInOrder() throws Exception {
        Path f = dir.resolve("b");
        Files.write(f, List.of("# comment", "", "--netns " + ns.name() + " port set v0 --proxy-arp on --hairpin on",
                "--netns " + ns.name() + " port set v0 --hairpin off", "--netns " + ns.name() + " --json port show v0"));
        Cli.Result r = Cli.run("-batch", f.toString());
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(slave("proxy_arp")).isEqualTo(true);
        assertThat(slave("hairpin")).isEqualTo(false);
        assertThat(r.out()).contains("\"proxy_arp\":true");
    }

    @Test
    void theFirstFailingLineStopsTheRunAndIsNamed() throws Exception {
        Path f = dir.resolve("b");
        Files.write(f, List.of("--netns " + ns.name() + " port set nosuch0 --hairpin on",
                "--netns " + ns.name() + " port set v0 --hairpin on"));
        Cli.Result r = Cli.run("-batch", f.toString());
        assertThat(r.status()).isEqualTo(Failure.NO_SUCH_DEVICE); // the status of the failed line
        assertThat(r.err()).contains(f + ":1: command failed");
        assertThat(slave("hairpin")).isEqualTo(false); // line 2 never ran
        Cli.Result forced = Cli.run("-force", "-batch", f.toString());
        assertThat(forced.status()).isEqualTo(Failure.NO_SUCH_DEVICE);
        assertThat(slave("hairpin")).isEqualTo(true); // -force: line 2 ran
    }

    /**
     * Options are per line: --json, --netns and a command's own settings of one line do not stick
     * to the next, also when the run switches between the grown command tree and the whole one
     * (the help line) and when a line names a command the run has not built yet.
     */
    @Test
    void optionsOfOneLineDoNotStickToTheNext() throws Exception {
        String n = "--netns " + ns.name() + " ";
        Path f = dir.resolve("b");
        Files.write(f, List.of(n + "--json port show v0", n + "port show v0", n + "port set v0 --hairpin on",
                "port set --help", n + "port set v0 --proxy-arp on", n + "port list v0",
                n + "port set v0"));
        Cli.Result r = Cli.run("-force", "-batch", f.toString());
        List<String> out = r.out().lines().toList();
        assertThat(out.get(0)).as(r.toString()).startsWith("[{"); // line 1: JSON
        assertThat(out.get(1)).as(r.toString()).matches("\\d+: v0.*"); // line 2: text again
        assertThat(r.out()).as(r.toString()).contains("Usage: nlbridge port set");
        assertThat(slave("hairpin")).isEqualTo(true);
        assertThat(slave("proxy_arp")).isEqualTo(true);
        // the last line gives no setting: had --proxy-arp of line 5 stuck, it would have succeeded
        assertThat(r.status()).as(r.toString()).isEqualTo(Failure.USAGE);
        assertThat(r.err()).as(r.toString()).contains("nothing to change", f + ":7: command failed");
        assertThat(r.err().lines().count()).as(r.toString()).isEqualTo(2);
    }

    /**
     * Lines that QuickLine parses (port set, port show) and lines that go to picocli (fdb show;
     * fdb add with "--") share one run and one handle, and a line's --json sticks to neither
     * kind of the next line.
     */
    @Test
    void quickAndPicocliLinesShareARun() throws Exception {
        String n = "--netns " + ns.name() + " ";
        List<String> lines = List.of(n + "--json port show v0", n + "fdb add --permanent -- 02:00:00:00:00:31 v0",
                n + "port set v0 --hairpin on", n + "--json fdb show --dev v0", n + "port show v0",
                n + "fdb add -- 02:00:00:00:00:32 v0", n + "fdb show --dev v0");
        List<Boolean> quick = lines.stream().map(l -> QuickLine.parse(l.split(" ")).isPresent()).toList();
        assertThat(quick).containsExactly(true, false, true, false, true, false, false);
        Path f = dir.resolve("b");
        Files.write(f, lines);
        Cli.Result r = Cli.run("-batch", f.toString());
        assertThat(r.status()).as(r.toString()).isZero();
        List<String> out = r.out().lines().toList();
        assertThat(out.get(0)).as(r.toString()).startsWith("[{"); // quick line, --json
        assertThat(out.get(1)).as(r.toString()).startsWith("[{").contains("02:00:00:00:00:31"); // picocli, --json
        assertThat(out.get(2)).as(r.toString()).matches("\\d+: v0.*"); // quick line after a JSON one: text
        assertThat(out).as(r.toString()).contains("02:00:00:00:00:32 master br0 static"); // picocli line after a JSON one: text
        assertThat(slave("hairpin")).isEqualTo(true);
        String fdb = ns.read("bridge -j fdb show dev v0");
        assertThat(fdb).contains("02:00:00:00:00:31", "02:00:00:00:00:32");
    }

    /**
     * picocli keeps a reused command line's argument groups from one parse to the next: a line's
     * --permanent must not reach the next line that goes to picocli ("--" keeps these two lines
     * from QuickLine).
     */
    @Test
    void argumentGroupsOfOneLineDoNotStickToTheNext() throws Exception {
        String[] first = {"--netns", ns.name(), "fdb", "add", "--permanent", "--", "02:00:00:00:00:41", "v0"};
        assertThat(QuickLine.parse(first)).isEmpty();
        String n = "--netns " + ns.name() + " ";
        Path f = dir.resolve("b");
        Files.write(f, List.of(n + "fdb add --permanent -- 02:00:00:00:00:41 v0", n + "fdb add -- 02:00:00:00:00:42 v0",
                n + "fdb add 02:00:00:00:00:43 v0 --dynamic", n + "fdb add -- 02:00:00:00:00:44 v0"));
        Cli.Result r = Cli.run("-batch", f.toString());
        assertThat(r.status()).as(r.toString()).isZero();
        Object entries = ns.json("bridge -j fdb show dev v0");
        assertThat(state(entries, "02:00:00:00:00:41")).isEqualTo("permanent");
        assertThat(state(entries, "02:00:00:00:00:42")).isEqualTo("static");
        assertThat(state(entries, "02:00:00:00:00:43")).isEqualTo(""); // dynamic: iproute2 prints no state
        assertThat(state(entries, "02:00:00:00:00:44")).isEqualTo("static");
    }

    /** The "state" iproute2 gives the entry for {@code mac} ("" for none). */
    private static String state(Object entries, String mac) {
        for (Object e : (List<?>) entries) {
            if (mac.equals(Json.at(e, "mac"))) {
                Object s = ((java.util.Map<?, ?>) e).get("state");
                return s == null ? "" : s.toString();
            }
        }
        throw new AssertionError(mac + " not in " + entries);
    }

    @Test
    void wordsSplitOnBlanksWithQuotesAndComments() {
        assertThat(Batch.words("  port  set \"v 0\" --hairpin on # tail")).containsExactly("port", "set", "v 0", "--hairpin", "on");
        assertThat(Batch.words("# only a comment")).isEmpty();
        assertThatThrownBy(() -> Batch.words("port \"v0")).hasMessageContaining("unterminated quote");
    }

    @Test
    void badUsageIsStatus2() {
        assertThat(Cli.run("-batch").status()).isEqualTo(2);
        assertThat(Cli.run("-batch", dir.resolve("missing").toString()).status()).isEqualTo(2);
    }
}
