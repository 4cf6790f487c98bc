package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@KernelTest
class BridgeCommandKernelTest {
    TestNetns ns;

    @BeforeEach
    void setUp() {
        ns = TestNetns.create();
    }

    @AfterEach
    void tearDown() {
        ns.close();
    }

    @Test
    void addsAndDeletesABridge() {
        Cli.Result add = Cli.in(ns.name(), "bridge", "add", "br7");
        assertThat(add.status()).as(add.toString()).isZero();
        assertThat(add.out()).isEmpty();
        assertThat(add.err()).isEmpty();
        assertThat(Json.at(ns.json("ip -d -j link show dev br7"), 0, "linkinfo", "info_kind")).isEqualTo("bridge");

        Cli.Result del = Cli.in(ns.name(), "bridge", "del", "br7");
        assertThat(del.status()).as(del.toString()).isZero();
        assertThat(ns.tryExec("ip -n " + ns.name() + " link show dev br7").status()).isNotZero();
    }

    @Test
    void addingAnExistingBridgeFailsWithTheKernelsAnswer() {
        ns.ip("link add br7 type bridge");
        Cli.Result r = Cli.in(ns.name(), "bridge", "add", "br7");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().startsWith("nlbridge: create bridge br7: ").contains("EEXIST");
    }

    @Test
    void deletingAnUnknownDeviceIsExitOneWithOneLine() {
        Cli.Result r = Cli.in(ns.name(), "bridge", "del", "nosuch0");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString()
                .isEqualTo("nlbridge: show link nosuch0: device \"nosuch0\" does not exist (ENODEV)");
    }

    @Test
    void deletingSomethingThatIsNotABridgeIsRefusedAndLeavesIt() {
        ns.ip("link add v0 type veth peer name v1");
        Cli.Result r = Cli.in(ns.name(), "bridge", "del", "v0");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().isEqualTo("nlbridge: bridge del: v0 is not a bridge (nothing deleted)");
        assertThat(ns.tryExec("ip -n " + ns.name() + " link show dev v0").status()).isZero();
    }

    @Test
    void debugAddsTheStackTrace() {
        Cli.Result r = Cli.in(ns.name(), "--debug", "bridge", "del", "nosuch0");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines().get(0)).startsWith("nlbridge: show link nosuch0:");
        assertThat(r.err()).contains("NoSuchDeviceException", "\tat io.netlink4j.core.Links");
    }
}
