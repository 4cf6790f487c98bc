package io.netlink4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@KernelTest
class LinksKernelTest {
    TestNetns ns;
    RtnlChannel ch;
    Links links;

    @BeforeEach
    void setUp() {
        ns = TestNetns.create();
        ch = RtnlChannel.open(ns.name());
        links = new Links(ch);
    }

    @AfterEach
    void tearDown() {
        if (ch != null) {
            ch.close();
        }
        ns.close();
    }

    private Map<String, Object> ipLink(String dev) {
        return Json.map(Json.list(ns.json("ip -d -j link show dev " + dev)).get(0));
    }

    @Test
    void createsBridgeAndVethEnslavesAndLooksUpByNameAndIndex() {
        links.createBridge("br0");
        links.createVeth("v0", "v1");
        links.setMaster("v0", "br0");
        links.setUp("br0", true);
        links.setUp("v0", true);

        Map<String, Object> br = ipLink("br0");
        Map<String, Object> v0 = ipLink("v0");
        assertThat(Json.at(br, "linkinfo", "info_kind")).isEqualTo("bridge");
        assertThat(Json.at(v0, "master")).isEqualTo("br0");
        assertThat(Json.at(v0, "linkinfo", "info_slave_kind")).isEqualTo("bridge");

        Link bridge = links.get("br0");
        Link port = links.get("v0");
        assertThat(bridge.index()).isEqualTo(((Number) br.get("ifindex")).intValue());
        assertThat(bridge.kind()).isEqualTo("bridge");
        assertThat(bridge.isUp()).isTrue();
        assertThat(bridge.address()).isEqualTo(br.get("address"));
        assertThat(bridge.mtu()).isEqualTo(((Number) br.get("mtu")).intValue());
        assertThat(port.index()).isEqualTo(((Number) v0.get("ifindex")).intValue());
        assertThat(port.kind()).isEqualTo("veth");
        assertThat(port.slaveKind()).isEqualTo("bridge");
        assertThat(port.master()).isEqualTo(bridge.index());
        assertThat(port.isBridgePort()).isTrue();
        assertThat(port.promiscuity()).isEqualTo(((Number) v0.get("promiscuity")).intValue()).isPositive();
        assertThat(port.operState()).isEqualTo(v0.get("operstate"));

        Link byIndex = links.get(port.index());
        assertThat(byIndex).isEqualTo(port);

        List<Link> all = links.list();
        assertThat(all).extracting(Link::name).containsExactlyInAnyOrder("lo", "br0", "v0", "v1");

        links.clearMaster("v0");
        assertThat(Json.at(ipLink("v0"), "master")).isNull();
        assertThat(links.get("v0").master()).isZero();

        links.delete("br0");
        assertThat(links.find("br0")).isEmpty();
        assertThat(ns.tryExec("ip link show dev br0").status()).isNotZero();
    }

    @Test
    void lookupIsOneRequestNotADump() {
        links.createBridge("br0");
        long before = ch.messagesSent();
        links.get("br0");
        assertThat(ch.messagesSent() - before).isEqualTo(1);
        // the request carried IFLA_IFNAME and was not a dump
        NlMsg m = new NlMsg().wrap(ch.writer().buffer(), 0);
        assertThat(m.type()).isEqualTo(Rtnetlink.RTM_GETLINK);
        assertThat(m.flags() & NlMsg.NLM_F_DUMP).isZero();
    }

    @Test
    void unknownDeviceNamesIt() {
        assertThatThrownBy(() -> links.get("nosuchdev"))
                .isInstanceOf(NoSuchDeviceException.class)
                .hasMessageContaining("nosuchdev");
        assertThatThrownBy(() -> links.setUp("nosuchdev", true))
                .isInstanceOf(NoSuchDeviceException.class)
                .hasMessageContaining("nosuchdev")
                .satisfies(e -> assertThat(((NetlinkException) e).errnoName()).isEqualTo("ENODEV"));
    }

    @Test
    void enslavingABridgeToABridgeCarriesTheKernelText() {
        links.createBridge("br0");
        links.createBridge("br1");
        assertThatThrownBy(() -> links.setMaster("br1", "br0"))
                .isInstanceOf(NetlinkException.class)
                .satisfies(e -> {
                    NetlinkException ne = (NetlinkException) e;
                    assertThat(ne.kernelMessage()).isEqualTo("Can not enslave a bridge to a bridge");
                    assertThat(ne.errnoName()).isEqualTo("ELOOP");
                    assertThat(ne.operation()).isEqualTo("set link br1 master br0");
                })
                .hasMessageContaining("Can not enslave a bridge to a bridge");
    }

    @Test
    void kernelTextWithoutOffsetIsCarried() {
        // this check is done by hand in rtnetlink (no policy): text, no offset
        MessageWriter w = ch.request(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_CREATE | NlMsg.NLM_F_EXCL);
        IfInfoMsg.put(w, Rtnetlink.AF_UNSPEC, 0, 0, 0);
        w.putString(LinkCodec.IFLA_IFNAME, "dummy0");
        w.putU32(LinkCodec.IFLA_GSO_MAX_SEGS, 1_000_000);
        int info = w.beginNest(LinkCodec.IFLA_LINKINFO, false);
        w.putString(LinkCodec.IFLA_INFO_KIND, "bridge");
        w.endNest(info);
        assertThatThrownBy(() -> ch.execute("create bridge dummy0"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("create bridge dummy0: too big gso_max_segs (EINVAL)");
    }

    @Test
    void attributeRejectedByPolicyIsNamedWithItsOffsetAndPolicy() {
        // IFLA_MTU is NLA_U32: a 1-byte payload fails policy validation, and the kernel points at it
        MessageWriter w = ch.request(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_CREATE | NlMsg.NLM_F_EXCL);
        IfInfoMsg.put(w, Rtnetlink.AF_UNSPEC, 0, 0, 0);
        w.putString(LinkCodec.IFLA_IFNAME, "dummy0");
        w.putU8(LinkCodec.IFLA_MTU, 9);
        int info = w.beginNest(LinkCodec.IFLA_LINKINFO, false);
        w.putString(LinkCodec.IFLA_INFO_KIND, "bridge");
        w.endNest(info);
        assertThatThrownBy(() -> ch.execute("create bridge dummy0"))
                .isInstanceOf(InvalidArgumentException.class)
                .satisfies(e -> {
                    NetlinkException ne = (NetlinkException) e;
                    // 16 (nlmsghdr) + 16 (ifinfomsg) + 12 (IFLA_IFNAME "dummy0\0" padded) = 44
                    assertThat(ne.badAttribute()).isEqualTo("IFLA_MTU (path 4, offset 44), expected u32 in [0..4294967295]");
                    assertThat(ne.kernelMessage()).isEqualTo("Attribute failed policy validation");
                });
        assertThat(ns.tryExec("ip link show dev dummy0").status()).isNotZero();
    }

    @Test
    void invalidNamesAreRefusedBeforeSending() {
        long before = ch.datagramsSent();
        assertThatThrownBy(() -> links.createBridge("a-name-that-is-too-long"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than 15");
        assertThatThrownBy(() -> links.get("bad/name")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> links.get("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ch.datagramsSent()).isEqualTo(before);
    }

    @Test
    void channelInNetnsLeavesTheThreadWhereItWas() {
        long before = Netns.currentInode();
        try (RtnlChannel other = RtnlChannel.open(ns.name())) {
            assertThat(Netns.currentInode()).isEqualTo(before);
            assertThat(new Links(other).find("lo")).isPresent();
        }
        assertThatThrownBy(() -> RtnlChannel.open("nl4j-no-such-netns"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("nl4j-no-such-netns");
        assertThat(Netns.currentInode()).isEqualTo(before);
    }
}
