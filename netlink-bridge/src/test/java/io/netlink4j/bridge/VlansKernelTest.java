package io.netlink4j.bridge;

import static io.netlink4j.bridge.VlanTestSupport.fromBridgeJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every VLAN operation against a kernel with CONFIG_BRIDGE_VLAN_FILTERING (the VM lane:
 * {@code .ci/vm/run-vlan-tests.sh}), each checked through iproute2 ({@code bridge -j [-d] vlan
 * show}, {@code ip -j -d link show}) as well as through our own readers.
 */
@KernelTest
@Tag("vlan")
class VlansKernelTest {
    TestNetns ns;
    BridgeNetlink nl;
    Vlans vlans;

    @BeforeEach
    void setUp() {
        ns = TestNetns.withBridgeAndPort();
        nl = BridgeNetlink.open(ns.name());
        vlans = nl.vlans();
        vlans.setFiltering("br0", true);
    }

    @AfterEach
    void tearDown() throws Exception {
        ns.close(nl); // the netns goes also when closing the handle fails
    }

    /** v0's VLANs as iproute2 sees them, and the same through all three of our readers. */
    private VlanSet v0() {
        return seen("v0");
    }

    private VlanSet seen(String dev) {
        VlanSet iproute2 = fromBridgeJson(ns.json("bridge -j vlan show"), dev);
        assertThat(vlans.get(dev)).as("RTM_GETVLAN of %s", dev).isEqualTo(iproute2);
        assertThat(vlans.list().get(dev)).as("compressed link dump of %s", dev).isEqualTo(iproute2);
        assertThat(vlans.list(false).get(dev)).as("link dump of %s", dev).isEqualTo(iproute2);
        return iproute2;
    }

    private Map<String, Object> brInfoData() {
        return Json.map(Json.at(ns.json("ip -j -d link show dev br0"), 0, "linkinfo", "info_data"));
    }

    @Test
    void bridgeSettingsAreSetAndReadBack() {
        assertThat(brInfoData()).containsEntry("vlan_filtering", 1L);
        vlans.configure("br0", BridgeVlanOptions.builder().protocol(VlanProtocol.IEEE_802_1AD).defaultPvid(10)
                .statsEnabled(true).build());
        Map<String, Object> d = brInfoData();
        assertThat(d).containsEntry("vlan_protocol", "802.1ad").containsEntry("vlan_default_pvid", 10L)
                .containsEntry("vlan_stats_enabled", 1L);
        assertThat(vlans.settings("br0")).isEqualTo(new BridgeVlanSettings(true, VlanProtocol.IEEE_802_1AD, 10, true, true));

        vlans.setProtocol("br0", VlanProtocol.IEEE_802_1Q);
        vlans.setDefaultPvid("br0", 0);
        vlans.setStatsEnabled("br0", false);
        vlans.setFiltering("br0", false);
        d = brInfoData();
        assertThat(d).containsEntry("vlan_filtering", 0L).containsEntry("vlan_protocol", "802.1Q")
                .containsEntry("vlan_default_pvid", 0L).containsEntry("vlan_stats_enabled", 0L);
        assertThat(vlans.settings("br0")).isEqualTo(new BridgeVlanSettings(false, VlanProtocol.IEEE_802_1Q, 0, false, true));
    }

    @Test
    void addPvidUntaggedAndRanges() {
        assertThat(v0()).isEqualTo(VlanSet.builder().untagged(1).pvid(1).build()); // default_pvid 1
        vlans.add("v0", Vlan.of(100).asPvid().asUntagged());
        vlans.add("v0", Vlan.range(200, 210), Vlan.range(300, 302).asUntagged());
        assertThat(v0()).isEqualTo(VlanSet.builder().untagged(1).untagged(100).pvid(100).range(200, 210)
                .untagged(300, 301, 302).build());
    }

    @Test
    void deleteSinglesAndRanges() {
        vlans.add("v0", Vlan.range(200, 210));
        vlans.delete("v0", Vlan.range(203, 205), Vlan.of(210), Vlan.of(1));
        assertThat(v0()).isEqualTo(VlanSet.builder().range(200, 202).range(206, 209).build());
        vlans.delete("v0", Vlan.of(999)); // the kernel (6.1) ACKs deleting a VLAN the port does not have
        assertThat(v0()).isEqualTo(VlanSet.builder().range(200, 202).range(206, 209).build());
    }

    @Test
    void bridgeSelfVlans() {
        vlans.add("br0", Vlan.of(10), Vlan.range(20, 25).asUntagged());
        assertThat(seen("br0")).isEqualTo(VlanSet.builder().untagged(1).pvid(1).vids(10).untagged(20, 21, 22, 23, 24, 25).build());
        vlans.delete("br0", Vlan.range(20, 25));
        assertThat(seen("br0")).isEqualTo(VlanSet.builder().untagged(1).pvid(1).vids(10).build());
    }

    @Test
    void pvidMoves() {
        vlans.add("v0", Vlan.of(100).asPvid());
        vlans.add("v0", Vlan.of(200).asPvid().asUntagged());
        assertThat(v0()).isEqualTo(VlanSet.builder().untagged(1).vids(100).untagged(200).pvid(200).build());
        vlans.add("v0", Vlan.of(200).asUntagged()); // re-added without the flag: no PVID any more
        assertThat(v0().pvid()).isZero();
    }

    @Test
    void perVlanStateAndMulticastRouter() {
        vlans.add("v0", Vlan.range(200, 210));
        vlans.setState("v0", Vlan.of(205), PortState.BLOCKING);
        vlans.setMulticastRouter("v0", Vlan.range(200, 202), MulticastRouter.PERM);
        // iproute2's view
        List<Object> ours = Json.list(Json.at(ns.json("bridge -j -d vlan show"), 1, "vlans"));
        assertThat(Json.at(ns.json("bridge -j -d vlan show"), 1, "ifname")).isEqualTo("v0");
        Map<String, Object> e200 = Json.map(ours.stream().filter(o -> Long.valueOf(200).equals(Json.map(o).get("vlan"))).findFirst().orElseThrow());
        Map<String, Object> e205 = Json.map(ours.stream().filter(o -> Long.valueOf(205).equals(Json.map(o).get("vlan"))).findFirst().orElseThrow());
        assertThat(e200).containsEntry("vlanEnd", 202L).containsEntry("mcast_router", 2L).containsEntry("state", "forwarding");
        assertThat(e205).containsEntry("state", "blocking").containsEntry("mcast_router", 1L);
        // ours
        assertThat(vlans.entries("v0")).containsExactly(
                new VlanEntry(entryIndex(), 1, 1, true, true, 3, 1),
                new VlanEntry(entryIndex(), 200, 202, false, false, 3, 2),
                new VlanEntry(entryIndex(), 203, 204, false, false, 3, 1),
                new VlanEntry(entryIndex(), 205, 205, false, false, 4, 1),
                new VlanEntry(entryIndex(), 206, 210, false, false, 3, 1));
        assertThat(vlans.entries()).filteredOn(e -> e.ifindex() == entryIndex()).hasSize(5);
    }

    private int entryIndex() {
        return ((Long) Json.at(ns.json("ip -j link show dev v0"), 0, "ifindex")).intValue();
    }

    // ------------------------------------------------------------------ sync

    static final VlanSet DESIRED = VlanSet.builder().untagged(20).pvid(20).range(100, 110).vids(300).untagged(400, 401).build();

    /** Recreates v0 and gives it {@code start} through iproute2, the independent writer. */
    private void resetPort(VlanSet start) {
        ns.ip("link del v0");
        ns.ip("link add v0 type veth peer name v1");
        ns.ip("link set v0 master br0");
        ns.ip("link set v0 up");
        ns.bridge("vlan del dev v0 vid 1");
        for (Vlan v : start.ranges()) {
            ns.bridge("vlan add dev v0 vid " + (v.isRange() ? v.first() + "-" + v.last() : v.first())
                    + (v.pvid() ? " pvid" : "") + (v.untagged() ? " untagged" : ""));
        }
        assertThat(fromBridgeJson(ns.json("bridge -j vlan show"), "v0")).isEqualTo(start);
    }

    @Test
    void syncFromSeveralStartingStatesEndsEqual() {
        List<VlanSet> starts = List.of(
                VlanSet.builder().untagged(1).pvid(1).build(),
                VlanSet.empty(),
                VlanSet.builder().range(100, 110).vids(20, 300).untagged(400, 401).pvid(300).build(),
                VlanSet.builder().untagged(1, 2, 3).pvid(2).range(105, 200).untagged(300).build(),
                DESIRED);
        for (VlanSet start : starts) {
            resetPort(start);
            VlanSyncResult dry = vlans.plan("v0", DESIRED);
            assertThat(dry.before()).isEqualTo(start);
            assertThat(v0()).as("a dry run changes nothing").isEqualTo(start);

            VlanSyncResult r = vlans.sync("v0", DESIRED);
            assertThat(r.written()).isEqualTo(dry.written());
            assertThat(r.removed()).isEqualTo(dry.removed());
            assertThat(r.changed()).isEqualTo(!start.equals(DESIRED));
            assertThat(v0()).as("after sync from %s", start).isEqualTo(DESIRED);

            VlanSyncResult again = vlans.sync("v0", DESIRED);
            assertThat(again.changed()).isFalse();
            assertThat(again.requests()).isZero();
        }
    }

    @Test
    void syncOfALargeSetSplitsRequests() {
        VlanSet.Builder b = VlanSet.builder().untagged(2).pvid(2);
        for (int v = 1001; v <= 2200; v += 2) {
            b.vids(v); // 600 separate entries: several requests
        }
        VlanSet want = b.build();
        VlanSyncResult r = vlans.sync("v0", want);
        assertThat(r.requests()).isEqualTo(4); // 3 SETLINK (601 entries), 1 DELLINK (vid 1)
        assertThat(v0()).isEqualTo(want);
        assertThat(vlans.sync("v0", VlanSet.builder().untagged(2).pvid(2).build()).removed())
                .hasSize(600);
        assertThat(v0()).isEqualTo(VlanSet.builder().untagged(2).pvid(2).build());
    }

    @Test
    void syncOfTheBridgeItself() {
        VlanSet want = VlanSet.builder().untagged(1).pvid(1).range(10, 12).build();
        VlanSyncResult r = vlans.sync("br0", want);
        assertThat(r.written()).containsExactly(Vlan.range(10, 12));
        assertThat(seen("br0")).isEqualTo(want);
    }
}
