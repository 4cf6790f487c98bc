package io.netlink4j.bridge;

import static io.netlink4j.bridge.VlanTestSupport.fromBridgeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import org.junit.jupiter.api.Test;

/**
 * On a kernel without CONFIG_BRIDGE_VLAN_FILTERING (the host lane) every VLAN operation fails with
 * the clear {@link VlanFilteringUnsupportedException}. Which kernel this is, is asked of iproute2
 * first; on a kernel that has VLAN filtering the same calls must work instead.
 */
@KernelTest
class VlanUnsupportedKernelTest {

    @Test
    void vlanOperationsSayTheKernelLacksVlanFiltering() {
        try (TestNetns ns = TestNetns.withBridgeAndPort(); BridgeNetlink nl = BridgeNetlink.open(ns.name())) {
            TestNetns.Result probe = ns.tryExec("ip -n " + ns.name() + " link set dev br0 type bridge vlan_filtering 1");
            Vlans vlans = nl.vlans();
            if (probe.status() != 0) {
                assertThat(probe.err()).contains("Operation not supported");
                assertThatThrownBy(() -> vlans.add("v0", Vlan.of(100).asPvid().asUntagged()))
                        .isInstanceOf(VlanFilteringUnsupportedException.class)
                        .hasMessageContaining("add vlan [100 pvid untagged] on v0")
                        .hasMessageContaining("CONFIG_BRIDGE_VLAN_FILTERING");
                // found by reading the bridge, nothing sent: no errno the kernel did not return
                assertThatThrownBy(() -> vlans.setFiltering("br0", true))
                        .isInstanceOf(VlanFilteringUnsupportedException.class)
                        .hasMessage("set bridge br0 vlan_filtering 1: " + VlanFilteringUnsupportedException.HINT)
                        .satisfies(e -> assertThat(((VlanFilteringUnsupportedException) e).errno()).isZero());
                assertThatThrownBy(() -> vlans.setDefaultPvid("br0", 10))   // the kernel would ignore it silently
                        .isInstanceOf(VlanFilteringUnsupportedException.class);
                assertThatThrownBy(() -> vlans.sync("v0", VlanSet.builder().untagged(5).pvid(5).build()))
                        .isInstanceOf(VlanFilteringUnsupportedException.class);
                assertThatThrownBy(vlans::entries).isInstanceOf(VlanFilteringUnsupportedException.class);
                assertThat(vlans.settings("br0").supported()).isFalse();
                assertThat(vlans.list()).containsOnlyKeys("br0", "v0").allSatisfy((k, v) -> assertThat(v.isEmpty()).isTrue());
            } else {
                vlans.add("v0", Vlan.of(100).asPvid().asUntagged());
                assertThat(fromBridgeJson(ns.json("bridge -j vlan show"), "v0").pvid()).isEqualTo(100);
            }
        }
    }
}
