package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.AlreadyExistsException;
import io.netlink4j.core.NoSuchDeviceException;
import io.netlink4j.core.NotSupportedException;
import io.netlink4j.core.testing.Golden;
import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bridges against the real kernel, in a throw-away netns with br0, v0 (in br0) and v1. */
@KernelTest
class BridgesKernelTest {
    TestNetns ns;
    BridgeNetlink nl;

    @BeforeEach
    void setUp() {
        ns = TestNetns.withBridgeAndPort();
        nl = BridgeNetlink.open(ns.name());
    }

    @AfterEach
    void tearDown() throws Exception {
        ns.close(nl); // the netns goes also when closing the handle fails
    }

    private Map<String, Object> infoData(String dev) {
        return Json.map(Json.at(Json.list(ns.json("ip -d -j link show dev " + dev)).get(0), "linkinfo", "info_data"));
    }

    /** Asked of iproute2 inside the namespace. */
    private boolean linkExists(String dev) {
        return ns.tryExec("ip -n " + ns.name() + " link show dev " + dev).status() == 0;
    }

    /** "8000.0:1:a:..." (iproute2 drops leading zeros) -> "8000.00:01:0a:...". */
    private static String normalizeId(String id) {
        String[] p = id.split("\\.");
        StringBuilder sb = new StringBuilder(p[0]).append('.');
        String[] mac = p[1].split(":");
        for (int i = 0; i < mac.length; i++) {
            sb.append(i == 0 ? "" : ":").append(String.format("%02x", Integer.parseInt(mac[i], 16)));
        }
        return sb.toString();
    }

    @Test
    void createWithOptionsSendsIproute2sBytesAndTheBridgeHasThem() {
        byte[] ours = nl.call(ch -> {
            Bridges.create(ch, "br1", BridgeCodecTest.addOptions());
            byte[] b = new byte[ch.writer().length()];
            ch.writer().buffer().get(0, b);
            return b;
        });
        List<byte[]> sent = Golden.load("bridge_add_options").allSent();
        assertThat(Golden.hex(Golden.withoutSeqAndPid(ours)))
                .isEqualTo(Golden.hex(Golden.withoutSeqAndPid(sent.get(sent.size() - 1))));

        Map<String, Object> j = infoData("br1");
        assertThat(j).containsEntry("stp_state", 1L).containsEntry("forward_delay", 400L)
                .containsEntry("hello_time", 200L).containsEntry("max_age", 2000L)
                .containsEntry("ageing_time", 30000L).containsEntry("priority", 4096L)
                .containsEntry("mcast_snooping", 0L);
        BridgeInfo b = nl.bridges().get("br1");
        BridgeSettings s = b.settings();
        assertThat(s.stpState()).isEqualTo(1);
        assertThat(s.forwardDelayCentis()).isEqualTo(400L);
        assertThat(s.helloTimeCentis()).isEqualTo(200L);
        assertThat(s.maxAgeCentis()).isEqualTo(2000L);
        assertThat(s.ageingTimeCentis()).isEqualTo(30000L);
        assertThat(s.priority()).isEqualTo(4096);
        assertThat(s.mcastSnooping()).isFalse();
        assertThat(b.bridgeId()).startsWith("1000.");
        assertThat(b.bridgeId()).isEqualTo(normalizeId((String) j.get("bridge_id")));
        assertThat(b.rootId()).isEqualTo(normalizeId((String) j.get("root_id")));
        assertThatThrownBy(() -> nl.bridges().create("br1")).isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void setChangesOnlyWhatItCarriesAndIproute2SeesIt() {
        BridgeSettings s = BridgeSettings.builder().stpState(1).priority(8192).ageingTime(Duration.ofSeconds(120))
                .groupFwdMask(0x4000).mcastRouter(2).mcastQuerier(true).mcastQueryUseIfaddr(true)
                .mcastHashMax(8192).mcastLastMemberCount(3).mcastStartupQueryCount(4)
                .mcastLastMemberIntervalCentis(200).mcastMembershipIntervalCentis(30000)
                .mcastQuerierIntervalCentis(26000).mcastQueryIntervalCentis(13000)
                .mcastQueryResponseIntervalCentis(900).mcastStartupQueryIntervalCentis(3000)
                .mcastStatsEnabled(true).mcastIgmpVersion(3).mcastMldVersion(2)
                .nfCallIptables(true).nfCallIp6tables(true).nfCallArptables(true).build();
        nl.bridges().set("br0", s);
        Map<String, Object> j = infoData("br0");
        assertThat(j).containsEntry("stp_state", 1L).containsEntry("priority", 8192L)
                .containsEntry("ageing_time", 12000L).containsEntry("group_fwd_mask", "0x4000")
                .containsEntry("mcast_router", 2L).containsEntry("mcast_querier", 1L)
                .containsEntry("mcast_query_use_ifaddr", 1L).containsEntry("mcast_hash_max", 8192L)
                .containsEntry("mcast_last_member_cnt", 3L).containsEntry("mcast_startup_query_cnt", 4L)
                .containsEntry("mcast_last_member_intvl", 200L).containsEntry("mcast_membership_intvl", 30000L)
                .containsEntry("mcast_querier_intvl", 26000L).containsEntry("mcast_query_intvl", 13000L)
                .containsEntry("mcast_query_response_intvl", 900L).containsEntry("mcast_startup_query_intvl", 3000L)
                .containsEntry("mcast_stats_enabled", 1L).containsEntry("mcast_igmp_version", 3L)
                .containsEntry("mcast_mld_version", 2L).containsEntry("nf_call_iptables", 1L)
                .containsEntry("nf_call_ip6tables", 1L).containsEntry("nf_call_arptables", 1L)
                .containsEntry("forward_delay", 1500L); // untouched
        BridgeSettings r = nl.bridges().get("br0").settings();
        assertThat(r.stpState()).isEqualTo(1);
        assertThat(r.priority()).isEqualTo(8192);
        assertThat(r.ageingTimeCentis()).isEqualTo(12000L);
        assertThat(r.groupFwdMask()).isEqualTo(0x4000);
        assertThat(r.mcastRouter()).isEqualTo(2);
        assertThat(r.mcastQuerier()).isTrue();
        assertThat(r.mcastHashMax()).isEqualTo(8192L);
        assertThat(r.mcastQueryIntervalCentis()).isEqualTo(13000L);
        assertThat(r.mcastIgmpVersion()).isEqualTo(3);
        assertThat(r.nfCallArptables()).isTrue();
        assertThat(r.forwardDelayCentis()).isEqualTo(1500L);

        nl.bridges().set("br0", BridgeSettings.builder().stpState(0).build());
        assertThat(infoData("br0")).containsEntry("stp_state", 0L).containsEntry("priority", 8192L);
    }

    @Test
    void vlanFilteringOnThisKernelSaysWhatIsMissing() {
        // the host kernel has no CONFIG_BRIDGE_VLAN_FILTERING: even "off" is refused
        assertThatThrownBy(() -> nl.bridges().set("br0", BridgeSettings.builder().vlanFiltering(true).build()))
                .isInstanceOf(VlanFilteringUnsupportedException.class)
                .isInstanceOf(NotSupportedException.class)
                .hasMessageContaining("CONFIG_BRIDGE_VLAN_FILTERING");
        assertThatThrownBy(() -> nl.bridges().create("br2", BridgeSettings.builder().vlanFiltering(false).build()))
                .isInstanceOf(VlanFilteringUnsupportedException.class);
        assertThat(linkExists("br2")).isFalse();
        assertThat(infoData("br0")).containsEntry("vlan_filtering", 0L);
    }

    @Test
    void aBridgeUpdateFailingHalfWayKeepsWhatCameBeforeAndTheExceptionSaysSo() {
        // br_changelink sets hello_time, then fails on vlan_filtering (not in this kernel)
        assertThatThrownBy(() -> nl.bridges().set("br0",
                BridgeSettings.builder().helloTimeCentis(300).vlanFiltering(false).build()))
                .isInstanceOf(VlanFilteringUnsupportedException.class)
                .hasMessageContaining("CONFIG_BRIDGE_VLAN_FILTERING")
                .hasMessageContaining("some settings of this request may already be in effect");
        assertThat(infoData("br0")).containsEntry("hello_time", 300L);
    }

    @Test
    void deleteRemovesOnlyBridges() {
        nl.bridges().create("br1");
        assertThat(infoData("br1")).containsKey("stp_state");
        nl.bridges().delete("br1");
        assertThat(linkExists("br1")).isFalse();
        assertThatThrownBy(() -> nl.bridges().delete("v0")).isInstanceOf(NotABridgeException.class)
                .hasMessage("delete bridge v0: v0 is not a bridge (kind veth)");
        assertThat(linkExists("v0")).isTrue();
        assertThatThrownBy(() -> nl.bridges().delete("nosuchbr")).isInstanceOf(NoSuchDeviceException.class)
                .hasMessageContaining("nosuchbr");
    }

    @Test
    void aDeviceThatIsNoBridgeIsSaidToBeNoBridge() {
        assertThatThrownBy(() -> nl.bridges().get("v0")).isInstanceOf(NotSupportedException.class)
                .hasMessageContaining("v0 is not a bridge (kind veth)");
        assertThatThrownBy(() -> nl.bridges().set("v0", BridgeSettings.builder().stpState(1).build()))
                .isInstanceOf(NotSupportedException.class).hasMessageContaining("v0 is not a bridge (kind veth)");
        assertThatThrownBy(() -> nl.bridges().set("nosuchbr", BridgeSettings.builder().stpState(1).build()))
                .isInstanceOf(NoSuchDeviceException.class).hasMessageContaining("nosuchbr");
    }
}
