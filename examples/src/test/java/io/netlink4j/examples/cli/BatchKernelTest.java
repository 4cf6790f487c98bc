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
