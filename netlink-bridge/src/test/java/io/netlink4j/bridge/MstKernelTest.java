package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.NetlinkException;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * MST against a kernel with VLAN filtering (the VM lane). iproute2 6.1 has no {@code bridge mst},
 * so the independent reader is {@code bridge -d -j vlan show}: with mst_enable on, a VLAN's state
 * on a port is the state of that VLAN's MSTI.
 */
@KernelTest
@Tag("vlan")
class MstKernelTest {
    TestNetns ns;
    BridgeNetlink nl;

    @BeforeEach
    void setUp() {
        ns = TestNetns.withBridgeAndPort();
        nl = BridgeNetlink.open(ns.name());
        nl.vlans().setFiltering("br0", true);
    }

    @AfterEach
    void tearDown() throws Exception {
        ns.close(nl);
    }

    /** v0's state of {@code vid} as {@code bridge -d -j vlan show} prints it. */
    private String iproute2State(int vid) {
        return (String) VlanTestSupport.jsonVlanEntry(ns.json("bridge -d -j vlan show"), "v0", vid).get("state");
    }

    private void enableMst() {
        // the kernel lets mst_enable change only while no port has VLANs: drop v0's default PVID 1 first
        nl.vlans().delete("v0", Vlan.of(1));
        nl.bridges().set("br0", BridgeSettings.builder().mstEnable(true).build());
        // iproute2 6.1 neither sets nor prints mst_enable: that it is on shows in Mst.set being accepted
        // (the kernel refuses it with EBUSY otherwise, see withoutMstEnableTheKernelRefusesAndReportsNothing)
    }

    @Test
    void aPortsMstiStateIsWhatItsVlansShow() {
        enableMst();
        nl.vlans().add("v0", Vlan.of(100), Vlan.of(200));
        nl.vlans().global().set("br0", Vlan.of(100), VlanGlobalOptions.builder().msti(5).build());
        assertThat(nl.vlans().global().get("br0")).filteredOn(e -> e.contains(100)).singleElement()
                .satisfies(e -> assertThat(e.options().msti()).isEqualTo(5));

        nl.mst().set("v0", 5, PortState.BLOCKING);
        assertThat(iproute2State(100)).isEqualTo("blocking");
        String cist = iproute2State(200); // VLAN 200 stays in the CIST (msti 0)
        assertThat(cist).isNotEqualTo("blocking");
        assertThat(nl.mst().get("v0")).containsExactlyInAnyOrder(new MstState(0, PortState.valueOf(cist.toUpperCase())),
                new MstState(5, PortState.BLOCKING));

        nl.mst().set("v0", 5, PortState.LEARNING);
        assertThat(iproute2State(100)).isEqualTo("learning");
        assertThat(nl.mst().list().get("v0")).contains(new MstState(5, PortState.LEARNING));
        assertThat(nl.vlans().entries("v0")).filteredOn(e -> e.covers(100)).singleElement()
                .satisfies(e -> assertThat(e.state()).isEqualTo(PortState.LEARNING.value()));
    }

    @Test
    void withoutMstEnableTheKernelRefusesAndReportsNothing() {
        assertThatThrownBy(() -> nl.mst().set("v0", 5, PortState.BLOCKING))
                .isInstanceOf(NetlinkException.class)
                .satisfies(t -> assertThat(((NetlinkException) t).kernelMessage()).contains("MST"));
        assertThat(nl.mst().get("v0")).isEmpty();
        assertThat(iproute2State(1)).isNotEqualTo("blocking");
    }

    @Test
    void aDeviceThatIsNoPortIsRefusedBeforeSending() {
        assertThatThrownBy(() -> nl.mst().set("br0", 1, PortState.BLOCKING)).isInstanceOf(NotABridgePortException.class);
    }
}
