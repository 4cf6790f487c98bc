package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.KernelTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The demo on a kernel with VLAN filtering (the VM lane) runs its VLAN steps too. */
@KernelTest
@Tag("vlan")
class DemoCommandVlanKernelTest {

    @Test
    void runsTheVlanSteps() throws Exception {
        Cli.Result r = Cli.run("demo");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("$ nlbridge bridge set br0 --vlan-filtering on",
                "$ nlbridge vlan add pod0 100 --pvid --untagged", "$ nlbridge vlan add uplink0 100-110",
                "uplink0 (dry run, nothing sent)", "$ nlbridge vlan show", "pod0", "100 PVID Egress Untagged",
                "== demo complete").doesNotContain("VLAN steps skipped");
        assertThat(DemoCommandKernelTest.netnsList()).isEmpty();
    }
}
