package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.bridge.BridgeEvent;
import io.netlink4j.bridge.VlanEntry;
import io.netlink4j.bridge.VlanGlobalEntry;
import io.netlink4j.bridge.VlanGlobalOptions;
import io.netlink4j.core.testing.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * VLAN events and {@code vlan show -d} in iproute2's words. The expected text is what iproute2 6.1
 * printed in the VM lane (kernel 6.1) for the notifications of golden monitor_vlan_vm
 * ({@code bridge monitor vlan}) and for {@code bridge -d [-j] vlan show}, trailing blanks removed.
 */
class VlanEventFormatTest {
    static final IntFunction<String> NAMES = i -> i == 2 ? "br0" : i == 4 ? "v0" : "if" + i;

    static BridgeEvent.VlanEvent event(BridgeEvent.VlanKind kind, VlanEntry e) {
        return new BridgeEvent.VlanEvent(kind, e.ifindex(), List.of(e));
    }

    @Test
    void vlanEventsReadAsBridgeMonitorVlan() {
        assertThat(EventFormat.text(event(BridgeEvent.VlanKind.NEW, new VlanEntry(4, 100, 100, true, true, 3, 1)), NAMES))
                .isEqualTo("v0                100 PVID Egress Untagged\n"
                        + "                    state forwarding mcast_router 1");
        assertThat(EventFormat.text(event(BridgeEvent.VlanKind.NEW, new VlanEntry(4, 200, 202, false, false, 3, 2)), NAMES))
                .isEqualTo("v0                200-202\n"
                        + "                    state forwarding mcast_router 2");
        assertThat(EventFormat.text(event(BridgeEvent.VlanKind.NEW, new VlanEntry(4, 205, 205, false, false, 4, 1)), NAMES))
                .isEqualTo("v0                205\n"
                        + "                    state blocking mcast_router 1");
        // a deletion carries no state: iproute2 prints the zero of it
        assertThat(EventFormat.text(event(BridgeEvent.VlanKind.DELETED, new VlanEntry(4, 200, 210, false, false, -1, -1)), NAMES))
                .isEqualTo("Deleted v0                200-210\n"
                        + "                    state disabled");
    }

    @Test
    void globalOptionEventsReadAsBridgeMonitorVlan() {
        VlanGlobalOptions o = VlanGlobalOptions.builder().mcastSnooping(false).mcastQuerier(false).mcastIgmpVersion(2)
                .mcastMldVersion(1).mcastLastMemberCount(2).mcastLastMemberInterval(100).mcastStartupQueryCount(2)
                .mcastStartupQueryInterval(3124).mcastMembershipInterval(26000).mcastQuerierInterval(25500)
                .mcastQueryInterval(12500).mcastQueryResponseInterval(1000).msti(0).build();
        BridgeEvent.VlanGlobalEvent e = new BridgeEvent.VlanGlobalEvent(2, List.of(new VlanGlobalEntry(2, 10, 10, o)));
        // iproute2 6.1 does not print msti (6.1's kernel sends it); we do, as vlan global show does
        assertThat(EventFormat.text(e, NAMES)).isEqualTo("br0               10\n"
                + "                    mcast_snooping 0 mcast_querier 0 mcast_igmp_version 2 mcast_mld_version 1"
                + " mcast_last_member_count 2 mcast_last_member_interval 100 mcast_startup_query_count 2"
                + " mcast_startup_query_interval 3124 mcast_membership_interval 26000 mcast_querier_interval 25500"
                + " mcast_query_interval 12500 mcast_query_response_interval 1000 msti 0");
        Object json = json(e);
        assertThat(Json.at(json, "event")).isEqualTo("vlan_global");
        assertThat(Json.at(json, "ifname")).isEqualTo("br0");
        assertThat(Json.at(json, "vlans", 0, "vlan")).isEqualTo(10L);
        assertThat(Json.at(json, "vlans", 0, "mcast_snooping")).isEqualTo(0L);
    }

    static Object json(BridgeEvent e) {
        StringWriter s = new StringWriter();
        try (PrintWriter out = new PrintWriter(s)) {
            JsonOut.write(out, g -> EventFormat.json(g, e, NAMES));
        }
        return Json.parse(s.toString());
    }

    @Test
    void vlanEventsAsJsonUseTheKeysOfBridgeDetailJsonVlanShow() {
        Object added = json(event(BridgeEvent.VlanKind.NEW, new VlanEntry(4, 100, 100, true, true, 3, 1)));
        assertThat(added).isEqualTo(Json.parse("{\"event\":\"vlan\",\"kind\":\"new\",\"ifname\":\"v0\",\"vlans\":"
                + "[{\"vlan\":100,\"flags\":[\"PVID\",\"Egress Untagged\"],\"state\":\"forwarding\",\"mcast_router\":1}]}"));
        Object deleted = json(event(BridgeEvent.VlanKind.DELETED, new VlanEntry(4, 200, 210, false, false, -1, -1)));
        assertThat(deleted).isEqualTo(Json.parse("{\"event\":\"vlan\",\"kind\":\"deleted\",\"ifname\":\"v0\",\"vlans\":"
                + "[{\"vlan\":200,\"vlanEnd\":210}]}"));
    }

    /** The entries of the VM capture of {@code bridge -d vlan show} (setup of .ci/vm/capture-vlan-golden.sh plus sets). */
    static Map<String, List<VlanEntry>> shown() {
        Map<String, List<VlanEntry>> m = new LinkedHashMap<>();
        m.put("br0", List.of(new VlanEntry(2, 1, 1, true, true, 3, 1), new VlanEntry(2, 10, 10, false, false, 3, 1)));
        m.put("v0", List.of(new VlanEntry(4, 1, 1, false, true, 3, 1), new VlanEntry(4, 100, 100, true, true, 3, 1),
                new VlanEntry(4, 200, 202, false, false, 3, 2), new VlanEntry(4, 205, 205, false, false, 4, 1)));
        return m;
    }

    @Test
    void showDetailsIsBridgeDashDVlanShow() {
        StringWriter s = new StringWriter();
        try (PrintWriter out = new PrintWriter(s)) {
            VlanDetailFormat.text(out, shown());
        }
        assertThat(s.toString().lines().toList()).containsExactly(
                "port              vlan-id  ", // iproute2 pads the header to VLAN_ID_LEN (9)
                "br0               1 PVID Egress Untagged",
                "                    state forwarding mcast_router 1",
                "                  10",
                "                    state forwarding mcast_router 1",
                "v0                1 Egress Untagged",
                "                    state forwarding mcast_router 1",
                "                  100 PVID Egress Untagged",
                "                    state forwarding mcast_router 1",
                "                  200-202",
                "                    state forwarding mcast_router 2",
                "                  205",
                "                    state blocking mcast_router 1");
        StringWriter j = new StringWriter();
        try (PrintWriter out = new PrintWriter(j)) {
            JsonOut.write(out, g -> VlanDetailFormat.json(g, shown()));
        }
        assertThat(Json.parse(j.toString())).isEqualTo(Json.parse("[{\"ifname\":\"br0\",\"vlans\":["
                + "{\"vlan\":1,\"flags\":[\"PVID\",\"Egress Untagged\"],\"state\":\"forwarding\",\"mcast_router\":1},"
                + "{\"vlan\":10,\"state\":\"forwarding\",\"mcast_router\":1}]},"
                + "{\"ifname\":\"v0\",\"vlans\":[{\"vlan\":1,\"flags\":[\"Egress Untagged\"],\"state\":\"forwarding\",\"mcast_router\":1},"
                + "{\"vlan\":100,\"flags\":[\"PVID\",\"Egress Untagged\"],\"state\":\"forwarding\",\"mcast_router\":1},"
                + "{\"vlan\":200,\"vlanEnd\":202,\"state\":\"forwarding\",\"mcast_router\":2},"
                + "{\"vlan\":205,\"state\":\"blocking\",\"mcast_router\":1}]}]"));
    }

    @Test
    void vlanSetRefusesBadInputBeforeSending() {
        refused("nothing to change: give --state and/or --mcast-router", "vlan", "set", "v0", "100");
        refused("--mcast-router 7 is out of range: 0-3", "vlan", "set", "v0", "100", "--mcast-router", "7");
        refused("expected disabled, listening, learning, forwarding, blocking or 0..4", "vlan", "set", "v0", "100",
                "--state", "frozen");
        refused("VLAN 4095 is out of range: VLAN IDs are 1-4094", "vlan", "set", "v0", "4095", "--state", "blocking");
        refused("unknown object \"vlans\"", "monitor", "vlans");
        refused("-d and -s together are not supported", "vlan", "show", "-d", "-s");
    }

    private static void refused(String why, String... args) {
        Cli.Result r = Cli.run(args);
        assertThat(r.status()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).contains(why);
    }

    @Test
    void helpListsSetAndDetails() {
        assertThat(Cli.run("vlan", "--help").out()).contains("set");
        assertThat(Cli.run("vlan", "set", "--help").out()).contains("--state", "--mcast-router");
        assertThat(Cli.run("vlan", "show", "--help").out()).contains("--details");
        assertThat(Cli.run("monitor", "--help").out()).contains("vlan");
    }
}
