package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** nlbridge bridge set with the multicast, netfilter, group and bool options, checked with ip -d -j link show. */
@KernelTest
class BridgeOptionsCommandKernelTest {
    TestNetns ns;

    @BeforeEach
    void setUp() {
        ns = TestNetns.create();
        try {
            ns.ip("link add br0 type bridge");
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    @AfterEach
    void tearDown() {
        ns.close();
    }

    private Map<String, Object> infoData() {
        Map<String, Object> link = Json.map(Json.list(ns.json("ip -d -j link show br0")).get(0));
        return Json.map(Json.map(link.get("linkinfo")).get("info_data"));
    }

    @Test
    void setsEveryOptionInOneRequest() {
        Cli.Result r = Cli.in(ns.name(), "bridge", "set", "br0", "--no-linklocal-learn", "on", "--mcast-querier", "on",
                "--mcast-query-use-ifaddr", "on", "--mcast-router", "2", "--mcast-hash-max", "2048",
                "--mcast-last-member-count", "5", "--mcast-startup-query-count", "6",
                "--mcast-last-member-interval", "150", "--mcast-membership-interval", "27000",
                "--mcast-querier-interval", "25600", "--mcast-query-interval", "12600",
                "--mcast-query-response-interval", "900", "--mcast-startup-query-interval", "3000",
                "--mcast-stats", "on", "--mcast-igmp-version", "3", "--mcast-mld-version", "2",
                "--nf-call-iptables", "on", "--nf-call-ip6tables", "on", "--nf-call-arptables", "on",
                "--group-fwd-mask", "0x4000", "--group-address", "01:80:c2:00:00:0e", "--fdb-max-learned", "50");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(infoData()).containsEntry("no_linklocal_learn", 1L).containsEntry("mcast_querier", 1L)
                .containsEntry("mcast_query_use_ifaddr", 1L).containsEntry("mcast_router", 2L)
                .containsEntry("mcast_hash_max", 2048L).containsEntry("mcast_last_member_cnt", 5L)
                .containsEntry("mcast_startup_query_cnt", 6L).containsEntry("mcast_last_member_intvl", 150L)
                .containsEntry("mcast_membership_intvl", 27000L).containsEntry("mcast_querier_intvl", 25600L)
                .containsEntry("mcast_query_intvl", 12600L).containsEntry("mcast_query_response_intvl", 900L)
                .containsEntry("mcast_startup_query_intvl", 3000L).containsEntry("mcast_stats_enabled", 1L)
                .containsEntry("mcast_igmp_version", 3L).containsEntry("mcast_mld_version", 2L)
                .containsEntry("nf_call_iptables", 1L).containsEntry("nf_call_ip6tables", 1L)
                .containsEntry("nf_call_arptables", 1L).containsEntry("group_fwd_mask", "0x4000")
                .containsEntry("group_addr", "01:80:c2:00:00:0e");

        assertThat(Cli.in(ns.name(), "bridge", "set", "br0", "--no-linklocal-learn", "off").status()).isZero();
        assertThat(infoData()).containsEntry("no_linklocal_learn", 0L).containsEntry("mcast_querier", 1L);
    }

    @Test
    void badValuesAreUsageErrorsAndVlanOnlyOptionsAKernelRefusal() {
        Cli.Result bad = Cli.in(ns.name(), "bridge", "set", "br0", "--group-address", "01:80:c2:00:00:01");
        assertThat(bad.status()).as(bad.toString()).isEqualTo(2);
        Cli.Result hash = Cli.in(ns.name(), "bridge", "set", "br0", "--mcast-hash-max", "1000");
        assertThat(hash.status()).as(hash.toString()).isEqualTo(2);
        assertThat(hash.err()).contains("power of two");
        Cli.Result vlan = Cli.in(ns.name(), "bridge", "set", "br0", "--mcast-vlan-snooping", "on");
        assertThat(vlan.status()).as(vlan.toString()).isEqualTo(1);
        assertThat(vlan.err()).contains("vlan filtering disabled");
        assertThat(infoData()).containsEntry("mcast_vlan_snooping", 0L).containsEntry("group_addr", "01:80:c2:00:00:00");
    }
}
