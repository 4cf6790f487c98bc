package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** vlan global and mst refuse bad input with exit status 2 before opening anything (no root needed). */
class VlanGlobalMstUsageTest {
    private static void refused(String why, String... args) {
        Cli.Result r = Cli.run(args);
        assertThat(r.status()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).contains(why);
    }

    @Test
    void badValuesAreUsageErrors() {
        refused("nothing to change", "vlan", "global", "set", "br0", "100");
        refused("mcast_igmp_version must be 2 or 3", "vlan", "global", "set", "br0", "100", "--mcast-igmp-version", "4");
        refused("expected 0|1", "vlan", "global", "set", "br0", "100", "--mcast-snooping", "yes");
        refused("msti must be", "vlan", "global", "set", "br0", "100", "--msti", "5000");
        refused("expected disabled", "mst", "set", "v0", "5", "frozen");
        refused("msti must be", "mst", "set", "v0", "4095", "blocking");
    }

    @Test
    void helpNamesTheIproute2Options() {
        Cli.Result r = Cli.run("vlan", "global", "set", "--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("--mcast-query-response-interval", "--msti", "--mcast-mld-version");
        assertThat(Cli.run("mst", "--help").out()).contains("show", "set");
    }
}
