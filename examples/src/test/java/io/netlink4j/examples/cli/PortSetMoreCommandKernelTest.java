package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * nlbridge port set with the bridge link set options of iproute2 6.1 that the first set of
 * options left out: locked, mcast_router, backup_port / nobackup_port; each read back through
 * iproute2. (--learning-sync is not tested here: the software bridge never reports
 * IFLA_BRPORT_LEARNING_SYNC, so nothing independent can read it back.)
 */
@KernelTest
class PortSetMoreCommandKernelTest extends WithBridgeAndPort {

    private Map<String, Object> slaveData(String dev) {
        return Json.map(Json.at(ns.json("ip -d -j link show " + dev), 0, "linkinfo", "info_slave_data"));
    }

    @Test
    void lockedMcastRouterAndBackupPort() {
        ns.ip("link add v2 type veth peer name v3");
        ns.ip("link set v2 master br0");
        Cli.Result r = Cli.in(ns.name(), "port", "set", "v0", "--locked", "on", "--mcast-router", "2", "--backup-port", "v2");
        assertThat(r.status()).as(r.toString()).isZero();
        Map<String, Object> d = slaveData("v0");
        assertThat(d).containsEntry("locked", true).containsEntry("backup_port", "v2");
        assertThat(((Number) d.get("multicast_router")).intValue()).isEqualTo(2);

        r = Cli.in(ns.name(), "port", "set", "v0", "--nobackup-port", "--locked", "off", "--mcast-router", "0");
        assertThat(r.status()).as(r.toString()).isZero();
        d = slaveData("v0");
        assertThat(d).containsEntry("locked", false).doesNotContainKey("backup_port");
        assertThat(((Number) d.get("multicast_router")).intValue()).isZero();
    }

    @Test
    void badValuesAreStatus2AndAMissingBackupPortIs3() {
        assertThat(Cli.in(ns.name(), "port", "set", "v0", "--mcast-router", "4").status()).isEqualTo(2);
        assertThat(Cli.in(ns.name(), "port", "set", "v0", "--backup-port", "v1", "--nobackup-port").status()).isEqualTo(2);
        assertThat(Cli.in(ns.name(), "port", "set", "v0", "--backup-port", "nosuch0").status()).isEqualTo(3);
        assertThat(slaveData("v0")).doesNotContainKey("backup_port");
    }
}
