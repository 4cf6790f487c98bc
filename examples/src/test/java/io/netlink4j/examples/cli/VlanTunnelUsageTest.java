package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** vlan tunnel refuses bad input with exit status 2 before opening anything (no root needed). */
class VlanTunnelUsageTest {
    private static void refused(String why, String... args) {
        Cli.Result r = Cli.run(args);
        assertThat(r.status()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).contains(why);
    }

    @Test
    void badMappingsAreUsageErrors() {
        refused("differ in length", "vlan", "tunnel", "add", "vxlan0", "200-205", "1200-1203");
        refused("differ in length", "vlan", "tunnel", "del", "vxlan0", "200", "1200-1201");
        refused("invalid tunnel id", "vlan", "tunnel", "add", "vxlan0", "100", "16777216");
        refused("invalid tunnel id", "vlan", "tunnel", "add", "vxlan0", "100", "x");
        refused("backwards", "vlan", "tunnel", "add", "vxlan0", "200-205", "1205-1200");
        refused("outside 0..16777215", "vlan", "tunnel", "add", "vxlan0", "200-205", "16777213");
        refused("VLAN 4095 is out of range", "vlan", "tunnel", "add", "vxlan0", "4095", "1");
        refused("VLAN 0 is out of range", "vlan", "tunnel", "add", "vxlan0", "0", "1");
        refused("Missing required parameter", "vlan", "tunnel", "add", "vxlan0", "100");
        refused("expected on or off", "port", "set", "vxlan0", "--vlan-tunnel", "yes");
    }

    @Test
    void helpListsTheTunnelCommands() {
        assertThat(Cli.run("vlan", "--help").out()).contains("tunnel", "tunnelshow");
        assertThat(Cli.run("vlan", "tunnel", "--help").out()).contains("add", "del");
        assertThat(Cli.run("vlan", "show", "--help").out()).contains("--stats");
        assertThat(Cli.run("port", "set", "--help").out()).contains("--vlan-tunnel");
    }
}
