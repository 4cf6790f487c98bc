package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.InvalidArgumentException;
import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * VLAN-to-tunnel mapping against a kernel with VLAN filtering (the VM lane, which loads vxlan): a
 * collect-metadata VXLAN port of a VLAN-filtering bridge, every write checked through
 * {@code bridge -j vlan tunnelshow} as well as our own reader.
 */
@KernelTest
@Tag("vlan")
class VlanTunnelsKernelTest {
    TestNetns ns;
    BridgeNetlink nl;
    VlanTunnels tunnels;

    @BeforeEach
    void setUp() {
        ns = TestNetns.create();
        nl = BridgeNetlink.open(ns.name());
        ns.ip("link add br0 type bridge vlan_filtering 1");
        ns.ip("link add vxlan0 type vxlan dstport 4789 external");
        ns.ip("link set vxlan0 master br0");
        ns.ip("link set br0 up");
        ns.ip("link set vxlan0 up");
        nl.ports().set("vxlan0", PortSettings.builder().vlanTunnel(true).build());
        nl.vlans().add("vxlan0", Vlan.of(100), Vlan.range(200, 205));
        tunnels = nl.vlans().tunnels();
    }

    @AfterEach
    void tearDown() throws Exception {
        ns.close(nl);
    }

    /** vxlan0's mappings as {@code bridge -j vlan tunnelshow} prints them: {"vlan", "vlanEnd"?, "tunid", "tunidEnd"?}. */
    private List<VlanTunnel> iproute2() {
        List<VlanTunnel> out = new ArrayList<>();
        for (Object dev : Json.list(ns.json("bridge -j vlan tunnelshow"))) {
            Map<String, Object> d = Json.map(dev);
            if (!"vxlan0".equals(d.get("ifname"))) {
                continue;
            }
            for (Object o : Json.list(d.get("tunnels"))) {
                Map<String, Object> t = Json.map(o);
                long vid = (Long) t.get("vlan");
                long vidEnd = (Long) t.getOrDefault("vlanEnd", vid);
                long id = (Long) t.get("tunid");
                long idEnd = (Long) t.getOrDefault("tunidEnd", id);
                assertThat(idEnd - id).as("iproute2 range %s", t).isEqualTo(vidEnd - vid);
                out.add(VlanTunnel.range((int) vid, (int) vidEnd, (int) id));
            }
        }
        return out;
    }

    /** Ours and iproute2's view of vxlan0, both equal to {@code expected}. */
    private void assertMappings(VlanTunnel... expected) {
        assertThat(iproute2()).containsExactly(expected);
        assertThat(tunnels.get("vxlan0")).containsExactly(expected);
        if (expected.length == 0) {
            assertThat(tunnels.list()).doesNotContainKey("vxlan0");
        } else {
            assertThat(tunnels.list()).containsOnlyKeys("vxlan0").containsEntry("vxlan0", List.of(expected));
        }
    }

    @Test
    void vlanTunnelOnIsSeenByIproute2() {
        Object link = Json.list(ns.json("ip -d -j link show dev vxlan0")).get(0);
        assertThat(Json.at(link, "linkinfo", "info_slave_data", "vlan_tunnel")).isEqualTo(true);
        assertThat(nl.ports().get("vxlan0").settings().vlanTunnel()).isTrue();
    }

    @Test
    void aSingleMappingAndARangeAreAddedInOneRequest() {
        assertMappings();
        tunnels.add("vxlan0", VlanTunnel.of(100, 1100), VlanTunnel.range(200, 205, 1200));
        assertMappings(VlanTunnel.of(100, 1100), VlanTunnel.range(200, 205, 1200));
        assertThat(tunnels.get("vxlan0").get(1).tunnelIdOf(203)).isEqualTo(1203);
    }

    @Test
    void deletingOneVidOfARangeSplitsItAndKeepsTheVlan() {
        tunnels.add("vxlan0", VlanTunnel.of(100, 1100), VlanTunnel.range(200, 205, 1200));
        tunnels.delete("vxlan0", VlanTunnel.of(202, 1202));
        assertMappings(VlanTunnel.of(100, 1100), VlanTunnel.range(200, 201, 1200), VlanTunnel.range(203, 205, 1203));
        tunnels.delete("vxlan0", VlanTunnel.of(100, 1100));
        assertMappings(VlanTunnel.range(200, 201, 1200), VlanTunnel.range(203, 205, 1203));
        // the VLANs themselves stay: only the mapping went
        assertThat(VlanTestSupport.fromBridgeJson(ns.json("bridge -j vlan show"), "vxlan0").contains(100)).isTrue();
        assertThat(VlanTestSupport.fromBridgeJson(ns.json("bridge -j vlan show"), "vxlan0").contains(202)).isTrue();
    }

    @Test
    void deletingTheVlanDeletesItsMapping() {
        tunnels.add("vxlan0", VlanTunnel.of(100, 1100), VlanTunnel.range(200, 205, 1200));
        nl.vlans().delete("vxlan0", Vlan.of(100));
        assertMappings(VlanTunnel.range(200, 205, 1200));
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() {
        tunnels.add("vxlan0", VlanTunnel.of(100, 1100));
        // each of these fails while the mapping is built or checked, so no request can carry it
        assertThatThrownBy(() -> VlanTunnel.of(0, 1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VlanTunnel.of(4095, 1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VlanTunnel.of(200, VlanTunnel.MAX_TUNNEL_ID + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16777215");
        assertThatThrownBy(() -> VlanTunnel.of(200, -1)).isInstanceOf(IllegalArgumentException.class);
        // a range whose tunnel ids would run past 2^24-1
        assertThatThrownBy(() -> VlanTunnel.range(200, 205, VlanTunnel.MAX_TUNNEL_ID - 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VlanTunnel.range(205, 200, 1200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tunnels.add("vxlan0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tunnels.add("vxlan0", VlanTunnel.of(200, 1200), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tunnels.add("br0", VlanTunnel.of(200, 1200)))
                .isInstanceOf(NotABridgePortException.class);
        // the valid first element of the refused lists was not sent either
        assertMappings(VlanTunnel.of(100, 1100));
    }

    @Test
    void aVlanThePortDoesNotHaveIsRefusedByTheKernelWithTheRules() {
        assertThatThrownBy(() -> tunnels.add("vxlan0", VlanTunnel.of(300, 1300)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("vlan_tunnel on");
        assertMappings();
    }

    @Test
    void vlanTunnelOffIsRefusedThenFlushesTheMappings() {
        tunnels.add("vxlan0", VlanTunnel.of(100, 1100));
        nl.ports().set("vxlan0", PortSettings.builder().vlanTunnel(false).build());
        assertThat(Json.at(Json.list(ns.json("ip -d -j link show dev vxlan0")).get(0),
                "linkinfo", "info_slave_data", "vlan_tunnel")).isEqualTo(false);
        // turning vlan_tunnel off drops the port's mappings, and new ones are refused
        assertMappings();
        assertThatThrownBy(() -> tunnels.add("vxlan0", VlanTunnel.of(100, 1100)))
                .isInstanceOf(InvalidArgumentException.class);
        assertMappings();
    }
}
