package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The vlan commands against a kernel with CONFIG_BRIDGE_VLAN_FILTERING (the VM lane), checked with bridge -compressvlans -j vlan show. */
@KernelTest
@Tag("vlan")
class VlanCommandVlanKernelTest {
    TestNetns ns;

    @BeforeEach
    void setUp() {
        ns = TestNetns.withBridgeAndPort();
        ns.ip("link set dev br0 type bridge vlan_filtering 1");
    }

    @AfterEach
    void tearDown() {
        ns.close();
    }

    void assertShowMatchesBridge() {
        Cli.Result r = Cli.in(ns.name(), "--json", "vlan", "show");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.json()).isEqualTo(ns.json("bridge -compressvlans -j vlan show"));
    }

    Object v0() {
        return Json.list(ns.json("bridge -compressvlans -j vlan show")).stream().filter(d -> "v0".equals(Json.at(d, "ifname")))
                .map(d -> Json.at(d, "vlans")).findFirst().orElse(List.of());
    }

    @Test
    void addShowDelete() {
        assertThat(Cli.in(ns.name(), "vlan", "add", "v0", "100", "--pvid", "--untagged").status()).isZero();
        assertThat(Cli.in(ns.name(), "vlan", "add", "v0", "200-210").status()).isZero();
        // VLAN 1 (the default PVID a port gets) stays, untagged, without the PVID it gave up
        assertThat(v0()).isEqualTo(Json.parse("[{\"vlan\":1,\"flags\":[\"Egress Untagged\"]},"
                + "{\"vlan\":100,\"flags\":[\"PVID\",\"Egress Untagged\"]},{\"vlan\":200,\"vlanEnd\":210,\"flags\":[]}]"));
        assertShowMatchesBridge();
        Cli.Result text = Cli.in(ns.name(), "vlan", "show", "v0");
        assertThat(text.out()).contains("v0                1 Egress Untagged\n", "                  100 PVID Egress Untagged\n",
                "                  200-210\n");

        // --vid: the range that holds the VID, devices without it left out (bridge vlan show vid VID)
        for (String vid : List.of("1", "100", "205", "300")) {
            Cli.Result f = Cli.in(ns.name(), "--json", "vlan", "show", "--vid", vid);
            assertThat(f.status()).as(f.toString()).isZero();
            assertThat(f.json()).as("vid " + vid).isEqualTo(ns.json("bridge -compressvlans -j vlan show vid " + vid));
            assertThat(Cli.in(ns.name(), "vlan", "show", "--vid", vid).out()).as("vid " + vid)
                    .isEqualTo(ns.read("bridge -compressvlans vlan show vid " + vid));
        }

        assertThat(Cli.in(ns.name(), "vlan", "del", "v0", "205-210").status()).isZero();
        assertThat(v0()).isEqualTo(Json.parse("[{\"vlan\":1,\"flags\":[\"Egress Untagged\"]},"
                + "{\"vlan\":100,\"flags\":[\"PVID\",\"Egress Untagged\"]},{\"vlan\":200,\"vlanEnd\":204,\"flags\":[]}]"));
        assertShowMatchesBridge();
    }

    @Test
    void syncDryRunSendsNothingThenSyncConverges() {
        Object before = v0();
        Cli.Result dry = Cli.in(ns.name(), "--json", "vlan", "sync", "v0", "--vids", "100,300-302", "--untagged", "20",
                "--pvid", "20", "--dry-run");
        assertThat(dry.status()).as(dry.toString()).isZero();
        assertThat(Json.at(dry.json(), "applied")).isEqualTo(false);
        assertThat(Json.at(dry.json(), "changed")).isEqualTo(true);
        assertThat(v0()).isEqualTo(before);

        Cli.Result sync = Cli.in(ns.name(), "vlan", "sync", "v0", "--vids", "100,300-302", "--untagged", "20", "--pvid", "20");
        assertThat(sync.status()).as(sync.toString()).isZero();
        assertThat(v0()).isEqualTo(Json.parse("[{\"vlan\":20,\"flags\":[\"PVID\",\"Egress Untagged\"]},"
                + "{\"vlan\":100},{\"vlan\":300,\"vlanEnd\":302,\"flags\":[]}]"));

        Cli.Result again = Cli.in(ns.name(), "vlan", "sync", "v0", "--vids", "100,300-302", "--untagged", "20", "--pvid", "20");
        assertThat(again.out()).isEqualTo("v0: in sync, nothing sent\n");
    }
}
