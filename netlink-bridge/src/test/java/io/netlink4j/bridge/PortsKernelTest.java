package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.InvalidArgumentException;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.Links;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NetlinkException;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.NoSuchDeviceException;
import io.netlink4j.core.NotFoundException;
import io.netlink4j.core.NotSupportedException;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.IfInfoMsg;
import io.netlink4j.core.testing.Golden;
import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bridge ports against the real kernel, in a throw-away netns with br0, v0 (in br0) and v1. */
@KernelTest
class PortsKernelTest {
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

    /** iproute2's view of a port: linkinfo.info_slave_data of {@code ip -d -j link show}. */
    private Map<String, Object> slaveData(String dev) {
        return Json.map(Json.at(Json.list(ns.json("ip -d -j link show dev " + dev)).get(0), "linkinfo", "info_slave_data"));
    }

    private int index(String dev) {
        return nl.call(ch -> new Links(ch).get(dev).index());
    }

    @Test
    void everyWritableSettingIsWrittenAndReadBackByIproute2AndByOurParser() {
        ns.ip("link add v2 type veth peer name v3");
        ns.ip("link set v2 master br0");
        int v2 = index("v2");
        // every writable IFLA_BRPORT_* away from its default, in one request
        PortSettings on = PortSettings.builder().state(PortState.LEARNING).priority(5).cost(1234).hairpin(true)
                .bpduGuard(true).rootBlock(true).fastLeave(true).learning(true).unicastFlood(false).proxyArp(true)
                .proxyArpWifi(true).multicastRouter(MulticastRouter.PERM).mcastFlood(false).mcastToUnicast(true).vlanTunnel(true)
                .broadcastFlood(false).groupFwdMask(0x4000).neighSuppress(true).isolated(true).backupPort(v2)
                .mcastEhtHostsLimit(77).locked(true).mab(true).mcastMaxGroups(9).neighVlanSuppress(true)
                .backupNhid(7).build();
        nl.ports().set("v0", on);

        Map<String, Object> j = slaveData("v0");
        assertThat(j).containsEntry("state", "learning").containsEntry("priority", 5L).containsEntry("cost", 1234L)
                .containsEntry("hairpin", true).containsEntry("guard", true).containsEntry("root_block", true)
                .containsEntry("fastleave", true).containsEntry("learning", true).containsEntry("flood", false)
                .containsEntry("proxy_arp", true).containsEntry("proxy_arp_wifi", true)
                .containsEntry("multicast_router", 2L).containsEntry("mcast_flood", false)
                .containsEntry("mcast_to_unicast", true).containsEntry("vlan_tunnel", true)
                .containsEntry("bcast_flood", false).containsEntry("group_fwd_mask", "0x4000")
                .containsEntry("neigh_suppress", true).containsEntry("isolated", true)
                .containsEntry("backup_port", "v2").containsEntry("locked", true);

        PortInfo p = nl.ports().get("v0");
        PortConfig s = p.settings();
        assertThat(p.state()).isEqualTo(PortState.LEARNING);
        assertThat(s.priority()).isEqualTo(5);
        assertThat(s.cost()).isEqualTo(1234L);
        assertThat(s.hairpin()).isTrue();
        assertThat(s.bpduGuard()).isTrue();
        assertThat(s.rootBlock()).isTrue();
        assertThat(s.fastLeave()).isTrue();
        assertThat(s.learning()).isTrue();
        assertThat(s.unicastFlood()).isFalse();
        assertThat(s.proxyArp()).isTrue();
        assertThat(s.proxyArpWifi()).isTrue();
        assertThat(s.multicastRouter()).contains(MulticastRouter.PERM);
        assertThat(s.mcastFlood()).isFalse();
        assertThat(s.mcastToUnicast()).isTrue();
        assertThat(s.vlanTunnel()).isTrue();
        assertThat(s.broadcastFlood()).isFalse();
        assertThat(s.groupFwdMask()).isEqualTo(0x4000);
        assertThat(s.neighSuppress()).isTrue();
        assertThat(s.isolated()).isTrue();
        assertThat(s.backupPort()).isEqualTo(v2);
        assertThat(s.locked()).contains(true);
        // not shown by iproute2 6.1 nor in sysfs: the kernel's own report is the reader here
        assertThat(s.mcastEhtHostsLimit()).hasValue(77L);
        assertThat(s.mab()).contains(true);
        assertThat(s.mcastMaxGroups()).hasValue(9L);
        assertThat(s.neighVlanSuppress()).contains(true);
        assertThat(s.backupNhid()).isEqualTo(7L);
        // the port id and number agree with iproute2
        assertThat("0x" + Integer.toHexString(p.portId())).isEqualTo(j.get("id"));
        assertThat("0x" + Integer.toHexString(p.portNo())).isEqualTo(j.get("no"));

        // and every flag back the other way (MAB first: the kernel wants it off before the port is unlocked)
        PortSettings off = PortSettings.builder().mab(false).state(PortState.FORWARDING).hairpin(false)
                .bpduGuard(false).rootBlock(false).fastLeave(false).learning(false).unicastFlood(true)
                .proxyArp(false).proxyArpWifi(false).multicastRouter(MulticastRouter.DISABLED).mcastFlood(true).mcastToUnicast(false)
                .vlanTunnel(false).broadcastFlood(true).groupFwdMask(0).neighSuppress(false).isolated(false)
                .backupPort(0).locked(false).neighVlanSuppress(false).backupNhid(0).build();
        nl.ports().set("v0", off);
        j = slaveData("v0");
        assertThat(j).containsEntry("state", "forwarding").containsEntry("hairpin", false).containsEntry("guard", false)
                .containsEntry("root_block", false).containsEntry("fastleave", false).containsEntry("learning", false)
                .containsEntry("flood", true).containsEntry("proxy_arp", false).containsEntry("proxy_arp_wifi", false)
                .containsEntry("multicast_router", 0L).containsEntry("mcast_flood", true)
                .containsEntry("mcast_to_unicast", false).containsEntry("vlan_tunnel", false)
                .containsEntry("bcast_flood", true).containsEntry("group_fwd_mask", "0")
                .containsEntry("neigh_suppress", false).containsEntry("isolated", false)
                .containsEntry("locked", false).doesNotContainKey("backup_port");
        s = nl.ports().get("v0").settings();
        assertThat(s.hairpin()).isFalse();
        assertThat(s.learning()).isFalse();
        assertThat(s.unicastFlood()).isTrue();
        assertThat(s.mab()).contains(false);
        assertThat(s.neighVlanSuppress()).contains(false);
        assertThat(s.backupPort()).isZero();
        assertThat(s.backupNhid()).isZero();
        assertThat(s.reported(PortCodec.IFLA_BRPORT_BACKUP_PORT)).isFalse(); // sent only when set
        assertThat(s.multicastRouter()).contains(MulticastRouter.DISABLED);
        // the untouched value stayed: a partial update changes only what it carries
        assertThat(s.cost()).isEqualTo(1234L);
        assertThat(s.priority()).isEqualTo(5);
    }

    @Test
    void proxyArpAndHairpinAreOneRequestOnTheSocket() {
        PortSettings fix = PortSettings.builder().proxyArp(true).hairpin(true).build();
        long[] delta = nl.call(ch -> {
            long m = ch.messagesSent();
            long d = ch.datagramsSent();
            BridgePorts.set(ch, 0, "v0", fix);
            return new long[] {ch.messagesSent() - m, ch.datagramsSent() - d};
        });
        assertThat(delta).containsExactly(1, 1);
        Map<String, Object> j = slaveData("v0");
        assertThat(j).containsEntry("proxy_arp", true).containsEntry("hairpin", true);
        PortInfo p = nl.ports().get("v0");
        assertThat(p.settings().proxyArp()).isTrue();
        assertThat(p.settings().hairpin()).isTrue();
    }

    @Test
    void aLaterFailingSettingLeavesTheFlagsAppliedAndTheExceptionSaysSo() {
        // br_setport sets the flags, then backup_port: v1 is no port of br0 -> ENOENT, flags stay on
        PortSettings s = PortSettings.builder().proxyArp(true).hairpin(true).backupPort(index("v1")).build();
        assertThatThrownBy(() -> nl.ports().set("v0", s)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("set port v0")
                .hasMessageContaining("some settings of this request may already be in effect");
        assertThat(slaveData("v0")).containsEntry("proxy_arp", true).containsEntry("hairpin", true)
                .doesNotContainKey("backup_port");
    }

    @Test
    void aFailingFlagsOnlyUpdateAppliesNothingAndSaysNothingOfAPartialUpdate() {
        // MAB without a locked port: the kernel restores every flag of the request (EINVAL with text)
        PortSettings s = PortSettings.builder().proxyArp(true).hairpin(true).mab(true).build();
        assertThatThrownBy(() -> nl.ports().set("v0", s)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("must be locked")
                .hasMessageNotContaining("may already be in effect");
        assertThat(slaveData("v0")).containsEntry("proxy_arp", false).containsEntry("hairpin", false);
    }

    @Test
    void theRequestSentToTheKernelIsIproute2sCapture() {
        // in the "std" namespace v0 has ifindex 4, as in the capture
        assertThat(index("v0")).isEqualTo(4);
        byte[] ours = nl.call(ch -> {
            BridgePorts.set(ch, 4, null, PortSettings.builder().hairpin(true).build());
            byte[] b = new byte[ch.writer().length()];
            ch.writer().buffer().get(0, b);
            return b;
        });
        // by ifindex the update goes as bridge link set does it (AF_BRIDGE RTM_SETLINK)
        List<byte[]> sent = Golden.load("bridge_link_set_hairpin").allSent();
        assertThat(Golden.hex(Golden.withoutSeqAndPid(ours)))
                .isEqualTo(Golden.hex(Golden.withoutSeqAndPid(sent.get(sent.size() - 1))));
        assertThat(slaveData("v0")).containsEntry("hairpin", true);
    }

    @Test
    void getIsOneRequestAndNotADump() {
        long sent = nl.call(ch -> {
            long m = ch.messagesSent();
            PortInfo p = BridgePorts.get(ch, 0, "v0");
            assertThat(p.name()).isEqualTo("v0");
            NlMsg req = new NlMsg().wrap(ch.writer().buffer(), 0);
            assertThat(req.type()).isEqualTo(Rtnetlink.RTM_GETLINK);
            assertThat(req.flags() & NlMsg.NLM_F_DUMP).isZero();
            return ch.messagesSent() - m;
        });
        assertThat(sent).isEqualTo(1);
        PortInfo byIndex = nl.ports().get(index("v0"));
        assertThat(byIndex.name()).isEqualTo("v0");
        assertThat(byIndex.bridgeIndex()).isEqualTo(index("br0"));
        assertThat(byIndex.state()).isEqualTo(PortState.FORWARDING);
        assertThat(byIndex.state().label()).isEqualTo(slaveData("v0").get("state"));
    }

    @Test
    void listReturnsExactlyThePortsOfThatBridge() {
        ns.ip("link add br1 type bridge");
        ns.ip("link add v2 type veth peer name v3");
        ns.ip("link add v4 type veth peer name v5");
        ns.ip("link set v2 master br0");
        ns.ip("link set v4 master br1");
        assertThat(nl.ports().list("br0")).extracting(PortInfo::name).containsExactlyInAnyOrder("v0", "v2");
        assertThat(nl.ports().list("br1")).extracting(PortInfo::name).containsExactly("v4");
        int br1 = index("br1");
        long sent = nl.call(ch -> {
            long m = ch.messagesSent();
            List<PortInfo> ports = BridgePorts.list(ch, br1);
            assertThat(ports).extracting(PortInfo::bridgeIndex).containsOnly(br1);
            // the filter went to the kernel: the dump request carried IFLA_MASTER
            NlMsg req = new NlMsg().wrap(ch.writer().buffer(), 0);
            assertThat(req.flags() & NlMsg.NLM_F_DUMP).isEqualTo(NlMsg.NLM_F_DUMP);
            long sentByList = ch.messagesSent() - m;
            // the same request bytes again, counting what the kernel sends back: only br1's one port
            // of the namespace's 9 links, so the filter ran in the kernel (not only in our decoder)
            int answered = ch.dump("list again", msg -> { });
            assertThat(answered).isEqualTo(1);
            return sentByList;
        });
        assertThat(sent).isEqualTo(1);
        List<Object> iproute2 = Json.list(ns.json("ip -j link show master br0"));
        assertThat(iproute2).extracting(o -> Json.at(o, "ifname")).containsExactlyInAnyOrder("v0", "v2");
        assertThatThrownBy(() -> nl.ports().list("v0")).isInstanceOf(NotABridgeException.class)
                .hasMessage("list ports of v0: v0 is not a bridge (kind veth)");
    }

    @Test
    void unknownDeviceIsNamed() {
        PortSettings s = PortSettings.builder().hairpin(true).build();
        assertThatThrownBy(() -> nl.ports().set("nosuchdev", s)).isInstanceOf(NoSuchDeviceException.class)
                .hasMessageContaining("nosuchdev");
        assertThatThrownBy(() -> nl.ports().get("nosuchdev")).isInstanceOf(NoSuchDeviceException.class)
                .hasMessageContaining("nosuchdev");
        assertThatThrownBy(() -> nl.ports().list("nosuchbr")).isInstanceOf(NoSuchDeviceException.class)
                .hasMessageContaining("nosuchbr");
    }

    @Test
    void aDeviceThatIsNoPortIsSaidToBeNoPort() {
        PortSettings s = PortSettings.builder().proxyArp(true).build();
        assertThatThrownBy(() -> nl.ports().set("v1", s)).isInstanceOf(NotABridgePortException.class)
                .isInstanceOf(NotSupportedException.class)
                .hasMessageContaining("v1 is not a bridge port")
                .satisfies(e -> assertThat(((NetlinkException) e).errnoName()).isEqualTo("EOPNOTSUPP"));
        assertThatThrownBy(() -> nl.ports().get("v1")).isInstanceOf(NotABridgePortException.class)
                .hasMessageContaining("v1 is not a bridge port");
        assertThat(Json.at(Json.list(ns.json("ip -d -j link show dev v1")).get(0), "linkinfo", "info_slave_data")).isNull();
    }

    @Test
    void aBridgeGivenAsPortIsSaidToBeABridge() {
        PortSettings s = PortSettings.builder().hairpin(true).build();
        assertThatThrownBy(() -> nl.ports().set("br0", s)).isInstanceOf(NotABridgePortException.class)
                .hasMessageContaining("br0 is a bridge, not a bridge port");
        assertThatThrownBy(() -> nl.ports().get("br0")).isInstanceOf(NotABridgePortException.class)
                .hasMessageContaining("br0 is a bridge, not a bridge port");
    }

    @Test
    void badNamesAndIndexesAreRefusedBeforeSending() {
        PortSettings s = PortSettings.builder().hairpin(true).build();
        assertThatThrownBy(() -> nl.ports().set("a/b", s)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nl.ports().set("", s)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nl.ports().set(0, s)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nl.ports().set("v0", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PortSettings.builder().cost(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThat(slaveData("v0")).containsEntry("hairpin", false);
    }

    @Test
    void aValueTheKernelRefusesIsNamedInTheError() {
        // bypass our encoder: IFLA_BRPORT_COST as one byte (the kernel's policy wants a u32)
        assertThatThrownBy(() -> nl.call(ch -> {
            MessageWriter w = ch.request(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_ACK);
            IfInfoMsg.put(w, Rtnetlink.AF_UNSPEC, 0, 0, 0);
            w.putString(LinkCodec.IFLA_IFNAME, "v0");
            int info = w.beginNest(LinkCodec.IFLA_LINKINFO, false);
            w.putBytes(LinkCodec.IFLA_INFO_KIND, PortCodec.SLAVE_KIND);
            int data = w.beginNest(LinkCodec.IFLA_INFO_SLAVE_DATA, false);
            w.putU8(PortCodec.IFLA_BRPORT_COST, 7);
            w.endNest(data);
            w.endNest(info);
            ch.execute("set port v0");
            return null;
        })).isInstanceOf(InvalidArgumentException.class)
                .satisfies(e -> assertThat(((NetlinkException) e).badAttribute()).startsWith("IFLA_BRPORT_COST (path 18.5.3"))
                .hasMessageContaining("set port v0: Attribute failed policy validation");
        // the kernel's own checks beyond the policy come back with its text
        assertThatThrownBy(() -> nl.ports().set("v0", PortSettings.builder().mab(true).build()))
                .isInstanceOf(InvalidArgumentException.class)
                .satisfies(e -> assertThat(((NetlinkException) e).kernelMessage()).contains("MAB"));
        assertThat(Arrays.asList(slaveData("v0").get("state"))).containsExactly("forwarding");
    }
}
