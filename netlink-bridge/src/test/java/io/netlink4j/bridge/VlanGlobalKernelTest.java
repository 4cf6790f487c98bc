package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.NetlinkException;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Global per-VLAN options against a kernel with VLAN filtering (the VM lane), each write checked
 * through {@code bridge -j vlan global show} as well as our own reader.
 */
@KernelTest
@Tag("vlan")
class VlanGlobalKernelTest {
    TestNetns ns;
    BridgeNetlink nl;
    VlanGlobals global;

    @BeforeEach
    void setUp() {
        ns = TestNetns.withBridgeAndPort();
        nl = BridgeNetlink.open(ns.name());
        nl.vlans().setFiltering("br0", true);
        nl.vlans().add("v0", Vlan.of(100), Vlan.range(200, 210));
        global = nl.vlans().global();
    }

    @AfterEach
    void tearDown() throws Exception {
        ns.close(nl);
    }

    /** br0's entry for {@code vid} in {@code bridge -j vlan global show}. */
    static Map<String, Object> iproute2Entry(TestNetns ns, int vid) {
        return VlanTestSupport.jsonVlanEntry(ns.json("bridge -j vlan global show"), "br0", vid);
    }

    private VlanGlobalEntry ours(int vid) {
        return global.get("br0").stream().filter(e -> e.contains(vid)).findFirst()
                .orElseThrow(() -> new AssertionError("no VLAN " + vid + " in " + global.get("br0")));
    }

    @Test
    void everyMulticastOptionIsSetAndReadBack() {
        global.set("br0", Vlan.of(100), VlanGlobalOptions.builder()
                .mcastSnooping(true).mcastQuerier(true).mcastIgmpVersion(3).mcastMldVersion(2)
                .mcastLastMemberCount(3).mcastLastMemberInterval(200).mcastStartupQueryCount(4)
                .mcastStartupQueryInterval(3000).mcastMembershipInterval(25000).mcastQuerierInterval(24000)
                .mcastQueryInterval(12000).mcastQueryResponseInterval(900).build());
        assertThat(iproute2Entry(ns, 100)).containsEntry("vlan", 100L)
                .containsEntry("mcast_snooping", 1L).containsEntry("mcast_querier", 1L)
                .containsEntry("mcast_igmp_version", 3L).containsEntry("mcast_mld_version", 2L)
                .containsEntry("mcast_last_member_count", 3L).containsEntry("mcast_last_member_interval", 200L)
                .containsEntry("mcast_startup_query_count", 4L).containsEntry("mcast_startup_query_interval", 3000L)
                .containsEntry("mcast_membership_interval", 25000L).containsEntry("mcast_querier_interval", 24000L)
                .containsEntry("mcast_query_interval", 12000L).containsEntry("mcast_query_response_interval", 900L);
        VlanGlobalEntry e = ours(100);
        assertThat(e.first()).isEqualTo(100);
        assertThat(e.last()).isEqualTo(100);
        VlanGlobalOptions o = e.options();
        assertThat(o.mcastSnooping()).isTrue();
        assertThat(o.mcastQuerier()).isTrue();
        assertThat(o.mcastIgmpVersion()).isEqualTo(3);
        assertThat(o.mcastMldVersion()).isEqualTo(2);
        assertThat(o.mcastLastMemberCount()).isEqualTo(3L);
        assertThat(o.mcastLastMemberInterval()).isEqualTo(200L);
        assertThat(o.mcastStartupQueryCount()).isEqualTo(4L);
        assertThat(o.mcastStartupQueryInterval()).isEqualTo(3000L);
        assertThat(o.mcastMembershipInterval()).isEqualTo(25000L);
        assertThat(o.mcastQuerierInterval()).isEqualTo(24000L);
        assertThat(o.mcastQueryInterval()).isEqualTo(12000L);
        assertThat(o.mcastQueryResponseInterval()).isEqualTo(900L);
        assertThat(o.msti()).isZero();
    }

    @Test
    void aRangeIsSetAsOne() {
        global.set("br0", Vlan.range(200, 210), VlanGlobalOptions.builder().mcastSnooping(false).mcastIgmpVersion(3).build());
        Map<String, Object> e = iproute2Entry(ns, 205);
        assertThat(e).containsEntry("vlan", 200L).containsEntry("vlanEnd", 210L)
                .containsEntry("mcast_snooping", 0L).containsEntry("mcast_igmp_version", 3L);
        assertThat(iproute2Entry(ns, 100)).containsEntry("mcast_snooping", 1L).containsEntry("mcast_igmp_version", 2L);
        VlanGlobalEntry ours = ours(205);
        assertThat(ours.first()).isEqualTo(200);
        assertThat(ours.last()).isEqualTo(210);
        assertThat(ours.options().mcastSnooping()).isFalse();
        assertThat(ours.options().mcastIgmpVersion()).isEqualTo(3);
        assertThat(global.list()).extracting(VlanGlobalEntry::first).contains(100, 200);
    }

    @Test
    void aVlanTheBridgeDoesNotHaveIsRefusedByTheKernel() {
        assertThatThrownBy(() -> global.set("br0", Vlan.of(300), VlanGlobalOptions.builder().mcastSnooping(false).build()))
                .isInstanceOf(NetlinkException.class)
                .satisfies(t -> assertThat(((NetlinkException) t).errno()).isPositive());
        assertThat(global.get("br0")).noneMatch(e -> e.contains(300));
    }

    @Test
    void mstiIsStoredEvenWithoutMstEnable() {
        // the 6.1 kernel keeps a VLAN's MSTI while mst_enable is off; it takes effect once MST is on
        global.set("br0", Vlan.of(100), VlanGlobalOptions.builder().msti(5).build());
        assertThat(ours(100).options().msti()).isEqualTo(5);
        assertThat(ours(205).options().msti()).isZero();
    }
}
