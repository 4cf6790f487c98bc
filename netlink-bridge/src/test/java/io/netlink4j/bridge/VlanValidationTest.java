package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.ScriptedKernel;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad input is refused locally, before anything reaches the kernel. */
class VlanValidationTest {
    final ScriptedKernel kernel = new ScriptedKernel();
    final BridgeNetlink nl = BridgeNetlink.over(() -> RtnlChannel.over(kernel, ChannelOptions.defaults()));

    @AfterEach
    void nothingWasSent() {
        assertThat(kernel.sent()).isEmpty();
        nl.close();
    }

    @Test
    void vidsOutside1To4094AreRefused() {
        assertThatThrownBy(() -> Vlan.of(0)).isInstanceOf(IllegalArgumentException.class).hasMessage("VLAN id 0 is outside 1..4094");
        assertThatThrownBy(() -> Vlan.of(4095)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4095");
        assertThatThrownBy(() -> Vlan.range(4000, 5000)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5000");
        assertThatThrownBy(() -> VlanSet.builder().vids(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VlanSet.builder().pvid(4095)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nl.vlans().setDefaultPvid("br0", 4095)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Vlan.of(1).first()).isEqualTo(1);
        assertThat(Vlan.of(4094).last()).isEqualTo(4094);
    }

    @Test
    void invertedRangeIsRefused() {
        assertThatThrownBy(() -> Vlan.range(210, 200)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inverted VLAN range 210-200");
        assertThatThrownBy(() -> VlanSet.builder().range(20, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pvidOnARangeIsRefused() {
        assertThatThrownBy(() -> Vlan.range(200, 210).asPvid()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PVID cannot be a range");
        assertThatThrownBy(() -> new Vlan(1, 2, true, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badArgumentsToTheApiAreRefusedBeforeSending() {
        assertThatThrownBy(() -> nl.vlans().add("v0")).isInstanceOf(IllegalArgumentException.class).hasMessage("no VLANs given");
        assertThatThrownBy(() -> nl.vlans().add("bad/name", Vlan.of(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nl.vlans().setState("v0", Vlan.of(10), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("state is null");
        assertThatThrownBy(() -> nl.vlans().setMulticastRouter("v0", Vlan.of(10), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nl.vlans().setOptions("v0", Vlan.of(10), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no per-VLAN option given (state, mcast_router)");
        assertThatThrownBy(() -> nl.vlans().setOptions("v0", null, PortState.BLOCKING, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no VLANs given");
        assertThatThrownBy(() -> nl.vlans().configure("br0", BridgeVlanOptions.builder().build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no bridge VLAN setting given");
        assertThatThrownBy(() -> nl.vlans().configure("br0", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BridgeVlanOptions.builder().defaultPvid(4095)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nl.vlans().sync("v0", null)).isInstanceOf(IllegalArgumentException.class);
        Vlan[] tooMany = new Vlan[VlanSyncPlan.MAX_ENTRIES_PER_REQUEST + 1];
        java.util.Arrays.fill(tooMany, Vlan.of(5));
        assertThatThrownBy(() -> nl.vlans().add("v0", tooMany)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void setsCompressLikeBridgeDashC() {
        VlanSet s = VlanSet.builder().range(10, 20).untagged(21, 22).pvid(15).vids(30).build();
        assertThat(s.ranges()).containsExactly(Vlan.range(10, 14), Vlan.of(15).asPvid(), Vlan.range(16, 20),
                Vlan.range(21, 22).asUntagged(), Vlan.of(30));
        assertThat(s.size()).isEqualTo(14);
        assertThat(s.pvid()).isEqualTo(15);
        assertThat(VlanSet.of(s.ranges().toArray(new Vlan[0]))).isEqualTo(s);
        assertThat(VlanSet.builder().range(1, 4094).build().ranges()).isEqualTo(List.of(Vlan.range(1, 4094)));
        assertThat(VlanSet.builder().pvid(5).remove(1, 10).build()).isEqualTo(VlanSet.empty());
    }
}
