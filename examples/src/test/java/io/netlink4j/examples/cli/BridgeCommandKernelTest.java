package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@KernelTest
class BridgeCommandKernelTest {
    TestNetns ns;

    @BeforeEach
    void setUp() {
        ns = TestNetns.create();
    }

    @AfterEach
    void tearDown() {
        ns.close();
    }

    @Test
    void addsAndDeletesABridge() {
        Cli.Result add = Cli.in(ns.name(), "bridge", "add", "br7");
        assertThat(add.status()).as(add.toString()).isZero();
        assertThat(add.out()).isEmpty();
        assertThat(add.err()).isEmpty();
        assertThat(Json.at(ns.json("ip -d -j link show dev br7"), 0, "linkinfo", "info_kind")).isEqualTo("bridge");

        Cli.Result del = Cli.in(ns.name(), "bridge", "del", "br7");
        assertThat(del.status()).as(del.toString()).isZero();
        assertThat(ns.tryExec("ip -n " + ns.name() + " link show dev br7").status()).isNotZero();
    }

    @Test
    void addingAnExistingBridgeFailsWithTheKernelsAnswer() {
        ns.ip("link add br7 type bridge");
        Cli.Result r = Cli.in(ns.name(), "bridge", "add", "br7");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().startsWith("nlbridge: create bridge br7: ").contains("EEXIST");
    }

    @Test
    void deletingAnUnknownDeviceIsNoSuchDeviceWithOneLine() {
        Cli.Result r = Cli.in(ns.name(), "bridge", "del", "nosuch0");
        assertThat(r.status()).isEqualTo(Failure.NO_SUCH_DEVICE);
        assertThat(r.errLines()).singleElement().asString()
                .isEqualTo("nlbridge: delete bridge nosuch0: device \"nosuch0\" does not exist (ENODEV)");
    }

    @Test
    void deletingSomethingThatIsNotABridgeIsRefusedAndLeavesIt() {
        ns.ip("link add v0 type veth peer name v1");
        Cli.Result r = Cli.in(ns.name(), "bridge", "del", "v0");
        assertThat(r.status()).isEqualTo(Failure.NOT_A_BRIDGE);
        assertThat(r.errLines()).singleElement().asString().isEqualTo("nlbridge: delete bridge v0: v0 is not a bridge (kind veth)");
        assertThat(ns.tryExec("ip -n " + ns.name() + " link show dev v0").status()).isZero();
    }

    Object brInfo(String dev, String key) {
        return Json.at(ns.json("ip -d -j link show dev " + dev), 0, "linkinfo", "info_data", key);
    }

    @Test
    void addsABridgeWithSettingsAndChangesThem() {
        Cli.Result add = Cli.in(ns.name(), "bridge", "add", "br7", "--stp", "on", "--priority", "4096",
                "--ageing-time", "6000", "--mcast-snooping", "off");
        assertThat(add.status()).as(add.toString()).isZero();
        assertThat(brInfo("br7", "stp_state")).isEqualTo(1L);
        assertThat(brInfo("br7", "priority")).isEqualTo(4096L);
        assertThat(brInfo("br7", "ageing_time")).isEqualTo(6000L);
        assertThat(brInfo("br7", "mcast_snooping")).isEqualTo(0L);

        Cli.Result set = Cli.in(ns.name(), "bridge", "set", "br7", "--stp", "off", "--priority", "32768");
        assertThat(set.status()).as(set.toString()).isZero();
        assertThat(brInfo("br7", "stp_state")).isEqualTo(0L);
        assertThat(brInfo("br7", "priority")).isEqualTo(32768L);
        assertThat(brInfo("br7", "ageing_time")).isEqualTo(6000L);
    }

    @Test
    void badSettingsAreRefusedBeforeAnythingIsSent() {
        Cli.Result r = Cli.in(ns.name(), "bridge", "add", "br7", "--hello-time", "5");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith("nlbridge: bridge add: hello_time");
        assertThat(ns.tryExec("ip -n " + ns.name() + " link show dev br7").status()).isNotZero();

        Cli.Result onOff = Cli.in(ns.name(), "bridge", "add", "br7", "--stp", "yes");
        assertThat(onOff.status()).isEqualTo(2);
        assertThat(onOff.errLines()).singleElement().asString()
                .isEqualTo("nlbridge: bridge add: Invalid value for option '--stp': expected on or off, not \"yes\"");

        ns.ip("link add br7 type bridge");
        Cli.Result nothing = Cli.in(ns.name(), "bridge", "set", "br7");
        assertThat(nothing.status()).isEqualTo(2);
        assertThat(nothing.errLines()).singleElement().asString()
                .isEqualTo("nlbridge: bridge set: nothing to change: give at least one setting (see --help)");
    }

    @Test
    void vlanFilteringWhereTheKernelLacksItIsAKernelErrorThatSaysSo() {
        ns.ip("link add br7 type bridge");
        boolean kernelHasIt = ns.tryExec("ip -n " + ns.name() + " link set br7 type bridge vlan_filtering 1").status() == 0;
        if (kernelHasIt) {
            ns.ip("link set br7 type bridge vlan_filtering 0");
        }
        Cli.Result r = Cli.in(ns.name(), "bridge", "set", "br7", "--vlan-filtering", "on");
        if (kernelHasIt) {
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(brInfo("br7", "vlan_filtering")).isEqualTo(1L);
        } else {
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.errLines()).singleElement().asString().startsWith("nlbridge: set bridge br7: ")
                    .contains("EOPNOTSUPP", "CONFIG_BRIDGE_VLAN_FILTERING");
        }
    }

    @Test
    void debugAddsTheStackTrace() {
        Cli.Result r = Cli.in(ns.name(), "--debug", "bridge", "del", "nosuch0");
        assertThat(r.status()).isEqualTo(Failure.NO_SUCH_DEVICE);
        assertThat(r.errLines().get(0)).startsWith("nlbridge: delete bridge nosuch0:");
        assertThat(r.err()).contains("NoSuchDeviceException", "\tat io.netlink4j.bridge.Bridges");
    }
}
