package io.netlink4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@KernelTest
class VlanTrunkPortKernelTest {

    @Test
    void badListIsUsage() {
        assertThat(ExampleRun.of(VlanTrunkPort::run, "br0", "v0", "10", "100-4096").status()).isEqualTo(2);
        assertThat(ExampleRun.of(VlanTrunkPort::run, "br0").status()).isEqualTo(2);
    }

    @Test
    void aKernelWithoutVlanFilteringIsSaidSo() {
        try (TestNetns ns = TestNetns.withBridgeAndPort()) {
            boolean has = ns.tryExec("ip link set dev br0 type bridge vlan_filtering 1").status() == 0;
            assumeFalse(has, "this kernel has VLAN filtering: see trunksAPort (VM lane)");
            ExampleRun r = ExampleRun.of(VlanTrunkPort::run, "br0", "v0", "10", "100-110,200", ns.name());
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err()).contains("CONFIG_BRIDGE_VLAN_FILTERING");
        }
    }

    @Test
    @Tag("vlan")
    void trunksAPort() {
        try (TestNetns ns = TestNetns.withBridgeAndPort()) {
            ExampleRun r = ExampleRun.of(VlanTrunkPort::run, "br0", "v0", "10", "100-110,200", ns.name());
            assertThat(r.status()).as(r.toString()).isZero();
            Object v0 = Json.list(ns.json("bridge -compressvlans -j vlan show")).stream()
                    .filter(d -> "v0".equals(Json.at(d, "ifname"))).map(d -> Json.at(d, "vlans")).findFirst().orElseThrow();
            assertThat(v0).isEqualTo(Json.parse("[{\"vlan\":10,\"flags\":[\"PVID\",\"Egress Untagged\"]},"
                    + "{\"vlan\":100,\"vlanEnd\":110,\"flags\":[]},{\"vlan\":200}]"));
            ExampleRun again = ExampleRun.of(VlanTrunkPort::run, "br0", "v0", "10", "100-110,200", ns.name());
            assertThat(again.out()).contains("sync: v0: in sync");
        }
    }
}
