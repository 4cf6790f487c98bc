package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vlan commands on any kernel: bad input is refused before anything is sent, and a kernel
 * without bridge VLAN filtering gives one line that says so (exit 1). The VLAN behaviour itself is
 * in {@link VlanCommandVlanKernelTest} (VM lane).
 */
@KernelTest
class VlanCommandKernelTest {
    TestNetns ns;
    boolean kernelHasVlanFiltering;

    @BeforeEach
    void setUp() {
        ns = TestNetns.withBridgeAndPort();
        kernelHasVlanFiltering = ns.tryExec("ip link set dev br0 type bridge vlan_filtering 1").status() == 0;
    }

    @AfterEach
    void tearDown() {
        ns.close();
    }

    @Test
    void vlan4096IsAUsageError() {
        Cli.Result r = Cli.in(ns.name(), "vlan", "add", "v0", "4096");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().isEqualTo(
                "nlbridge: vlan add: Invalid value for positional parameter at index 1 (VID[-VID]): VLAN 4096 is out of range: VLAN IDs are 1-4094");
        Cli.Result sync = Cli.in(ns.name(), "vlan", "sync", "v0", "--vids", "100,4090-4096");
        assertThat(sync.status()).isEqualTo(2);
        assertThat(sync.errLines()).singleElement().asString().contains("VLAN 4096 is out of range");
    }

    @Test
    void pvidOnARangeIsAUsageError() {
        Cli.Result r = Cli.in(ns.name(), "vlan", "add", "v0", "100-110", "--pvid");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString()
                .isEqualTo("nlbridge: vlan add: a PVID cannot be a range (100-110): a port has one PVID");
    }

    @Test
    void syncNeedsVids() {
        Cli.Result r = Cli.in(ns.name(), "vlan", "sync", "v0");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith("nlbridge: vlan sync: Missing required option: '--vids=LIST'");
    }

    @Test
    void unknownDeviceIsOneLine() {
        Cli.Result r = Cli.in(ns.name(), "vlan", "show", "nosuch0");
        assertThat(r.status()).isEqualTo(Failure.NO_SUCH_DEVICE);
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("nlbridge: ").endsWith(": device \"nosuch0\" does not exist (ENODEV)");
    }

    @Test
    void withoutVlanFilteringTheKernelsRefusalIsOneLineThatSaysWhy() {
        assumeFalse(kernelHasVlanFiltering, "this kernel has VLAN filtering: VlanCommandVlanKernelTest covers it");
        Cli.Result r = Cli.in(ns.name(), "vlan", "add", "v0", "100", "--pvid", "--untagged");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().startsWith("nlbridge: add vlan [100 pvid untagged] on v0: ")
                .contains("EOPNOTSUPP", "CONFIG_BRIDGE_VLAN_FILTERING");
        Cli.Result sync = Cli.in(ns.name(), "vlan", "sync", "v0", "--vids", "100", "--pvid", "100");
        assertThat(sync.status()).isEqualTo(1);
        assertThat(sync.errLines()).singleElement().asString().contains("CONFIG_BRIDGE_VLAN_FILTERING");
        // show works and, like bridge -j vlan show, lists nothing
        Cli.Result show = Cli.in(ns.name(), "--json", "vlan", "show");
        assertThat(show.status()).isZero();
        assertThat(show.json()).isEqualTo(ns.json("bridge -j vlan show")).isEqualTo(java.util.List.of());
    }
}
