package io.netlink4j.bridge;

import static io.netlink4j.bridge.VlanTestSupport.fromBridgeJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.KernelTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The VLAN part of a desired state against a kernel with VLAN filtering (the VM lane), checked
 * with {@code bridge -j vlan show} and {@code ip -d -j link show}; a second apply sends no change.
 */
@KernelTest
@Tag("vlan")
class BridgeStatesVlanKernelTest {
    StateKernelSupport k;
    BridgeStates states;

    @BeforeEach
    void setUp() {
        k = new StateKernelSupport();
        states = new BridgeStates(k.nl);
    }

    @AfterEach
    void tearDown() throws Exception {
        k.close();
    }

    @Test
    void filteringVlansAndVlanFdbEntriesAreAppliedOnceAndHeld() {
        VlanSet v0 = VlanSet.builder().untagged(300).pvid(300).range(100, 102).build();
        VlanSet v2 = VlanSet.builder().vids(100).build();
        BridgeState want = BridgeState.builder()
                .bridge(DesiredBridge.of("br0", BridgeSettings.builder().vlanFiltering(true).build())
                        .withPort(DesiredPort.builder("v0").vlans(v0, true).build())
                        .withPort(DesiredPort.builder("v2").vlans(v2, false)
                                .fdb(new StaticFdbEntry("02:00:00:00:00:02", 100, FdbState.STATIC)).build()))
                .build();
        StateResult r = states.apply(want);
        assertThat(r.failures()).isEmpty();
        assertThat(k.bridgeData("br0")).containsEntry("vlan_filtering", 1L);
        assertThat(fromBridgeJson(k.ns.json("bridge -j vlan show"), "v0")).isEqualTo(v0);
        // v2 keeps its default VLAN 1 (not exclusive) and gains 100
        assertThat(fromBridgeJson(k.ns.json("bridge -j vlan show"), "v2"))
                .isEqualTo(VlanSet.builder().untagged(1).pvid(1).vids(100).build());
        assertThat(k.userFdb("br0", k.mac("v0"), k.mac("v2"), k.mac("br0")))
                .containsEntry("02:00:00:00:00:02/100", "v2 static");

        long before = k.messagesSent();
        assertThat(states.apply(want).results()).isEmpty();
        assertThat(k.messagesSent() - before).as("link, FDB and VLAN dumps only").isEqualTo(3);

        k.ns.bridge("vlan del dev v0 vid 101");
        assertThat(states.plan(want).changes()).extracting(Object::toString)
                .containsExactly("port v0: vlans [100, 102, 300 pvid untagged] -> [100-102, 300 pvid untagged]");
        states.apply(want);
        assertThat(fromBridgeJson(k.ns.json("bridge -j vlan show"), "v0")).isEqualTo(v0);
    }
}
