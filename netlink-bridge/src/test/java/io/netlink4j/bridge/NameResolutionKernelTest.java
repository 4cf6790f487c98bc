package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.Links;
import io.netlink4j.core.Netns;
import io.netlink4j.core.NoSuchDeviceException;
import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A single FDB change and a port update name their device without an RTM_GETLINK (ioctl
 * SIOCGIFINDEX on the handle's socket). Nothing may be remembered between calls: each test changes what a name
 * means between two calls of one handle and checks with {@code bridge -j fdb show} that the
 * entry landed on the device that has the name now, in the handle's namespace.
 */
@KernelTest
class NameResolutionKernelTest {
    TestNetns ns;
    BridgeNetlink nl;

    @BeforeEach
    void setUp() {
        ns = TestNetns.withBridgeAndPort();
        ns.ip("link add v2 type veth peer name v3");
        ns.ip("link set v2 master br0");
        ns.ip("link set v2 up");
        nl = BridgeNetlink.open(ns.name());
    }

    @AfterEach
    void tearDown() throws Exception {
        ns.close(nl);
    }

    /** (ifname, ifindex as `ip` reports it) of every static entry with {@code mac} in br0's FDB. */
    private List<String> where(TestNetns in, String mac) {
        List<String> out = new ArrayList<>();
        for (Object o : Json.list(in.json("bridge -j fdb show br br0"))) {
            Map<String, Object> m = Json.map(o);
            if (mac.equals(m.get("mac")) && "static".equals(m.get("state"))) {
                out.add((String) m.get("ifname"));
            }
        }
        return out;
    }

    private static int ifindex(TestNetns in, String dev) {
        return ((Number) Json.map(Json.list(in.json("ip -j link show dev " + dev)).get(0)).get("ifindex")).intValue();
    }

    private static int indexOf(BridgeNetlink h, String name) {
        return h.call(ch -> new Links(ch).indexOf(name));
    }

    @Test
    void indexOfAnswersWhatIpSees() {
        int v2 = ifindex(ns, "v2");
        assertThat(indexOf(nl, "v2")).isEqualTo(v2);
        assertThat(indexOf(nl, "nosuch0")).isZero();
        assertThatThrownBy(() -> nl.call(ch -> new Links(ch).indexOf("a/b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contains '/'");
    }

    @Test
    void renameMovesTheNameToAnotherPort() {
        nl.fdb().add(FdbSpec.of("02:00:00:00:10:01", "v0"));
        assertThat(where(ns, "02:00:00:00:10:01")).containsExactly("v0");
        int oldV0 = ifindex(ns, "v0");
        int oldV2 = ifindex(ns, "v2");
        // v0 becomes v0x, and v2 takes the name v0
        ns.ip("link set v0 down");
        ns.ip("link set v0 name v0x");
        ns.ip("link set v2 down");
        ns.ip("link set v2 name v0");
        ns.ip("link set v0 up");
        ns.ip("link set v0x up");
        assertThat(ifindex(ns, "v0")).isEqualTo(oldV2).isNotEqualTo(oldV0);

        nl.fdb().add(FdbSpec.of("02:00:00:00:10:02", "v0"));
        assertThat(where(ns, "02:00:00:00:10:02")).containsExactly("v0");
        assertThat(ifindex(ns, "v0")).isEqualTo(oldV2);
        // and the old name is gone: refused before anything is sent (the ioctl finds no such device)
        assertThatThrownBy(() -> nl.fdb().add(FdbSpec.of("02:00:00:00:10:03", "v2")))
                .isInstanceOf(NoSuchDeviceException.class).hasMessageContaining("device \"v2\" does not exist");
        assertThat(where(ns, "02:00:00:00:10:03")).isEmpty();
        nl.fdb().delete(FdbSpec.of("02:00:00:00:10:01", "v0x"));
        assertThat(where(ns, "02:00:00:00:10:01")).isEmpty();
    }

    @Test
    void deletedDeviceIsNoDeviceBeforeSending() {
        nl.fdb().add(FdbSpec.of("02:00:00:00:20:01", "v2"));
        assertThat(where(ns, "02:00:00:00:20:01")).containsExactly("v2");
        ns.ip("link del v2");
        assertThatThrownBy(() -> nl.fdb().add(FdbSpec.of("02:00:00:00:20:02", "v2")))
                .isInstanceOf(NoSuchDeviceException.class).hasMessageContaining("device \"v2\" does not exist");
        assertThat(where(ns, "02:00:00:00:20:02")).isEmpty();
    }

    @Test
    void recreatedDeviceWithTheSameNameIsTheNewOne() {
        nl.fdb().add(FdbSpec.of("02:00:00:00:30:01", "v2"));
        int before = ifindex(ns, "v2");
        ns.ip("link del v2");
        // re-created, not yet a port: the kernel refuses the master entry, and we say why
        ns.ip("link add v2 type veth peer name v3");
        int after = ifindex(ns, "v2");
        assertThat(after).isNotEqualTo(before);
        assertThatThrownBy(() -> nl.fdb().add(FdbSpec.of("02:00:00:00:30:02", "v2")))
                .isInstanceOf(NotABridgePortException.class).hasMessageContaining("v2 is not a bridge port");
        assertThat(where(ns, "02:00:00:00:30:02")).isEmpty();
        // once in the bridge, the entry lands on the new device
        ns.ip("link set v2 master br0");
        ns.ip("link set v2 up");
        nl.fdb().add(FdbSpec.of("02:00:00:00:30:03", "v2"));
        assertThat(where(ns, "02:00:00:00:30:03")).containsExactly("v2");
        assertThat(ifindex(ns, "v2")).isEqualTo(after);
        // the bridge itself as a master entry's device: the kernel's bare EOPNOTSUPP, explained
        assertThatThrownBy(() -> nl.fdb().add(FdbSpec.of("02:00:00:00:30:04", "br0")))
                .isInstanceOf(NotABridgePortException.class).hasMessageContaining("br0 is a bridge, not a bridge port");
    }

    /** proxy_arp of {@code dev} as {@code ip -d -j link show} reports it. */
    private static Object proxyArp(TestNetns in, String dev) {
        Object info = Json.map(Json.list(in.json("ip -d -j link show dev " + dev)).get(0)).get("linkinfo");
        return Json.map(Json.map(info).get("info_slave_data")).get("proxy_arp");
    }

    @Test
    void portUpdateByNameFollowsRenameDeleteAndRecreate() {
        PortSettings on = PortSettings.builder().proxyArp(true).build();
        PortSettings off = PortSettings.builder().proxyArp(false).build();
        nl.ports().set("v0", on);
        assertThat(proxyArp(ns, "v0")).isEqualTo(true);
        // the name moves to the other port: the update must reach the device called v0 now
        ns.ip("link set v0 down");
        ns.ip("link set v0 name v0x");
        ns.ip("link set v2 down");
        ns.ip("link set v2 name v0");
        nl.ports().set("v0", on);
        assertThat(proxyArp(ns, "v0")).isEqualTo(true);
        nl.ports().set("v0x", off);
        assertThat(proxyArp(ns, "v0x")).isEqualTo(false);
        assertThat(proxyArp(ns, "v0")).isEqualTo(true);
        // deleted: no such device, nothing sent
        ns.ip("link del v0");
        assertThatThrownBy(() -> nl.ports().set("v0", off)).isInstanceOf(io.netlink4j.core.NoSuchDeviceException.class)
                .hasMessageContaining("v0");
        // re-created, not a port: the kernel's EOPNOTSUPP, explained; then enslaved, updated
        ns.ip("link add v0 type veth peer name v9");
        assertThatThrownBy(() -> nl.ports().set("v0", on)).isInstanceOf(NotABridgePortException.class)
                .hasMessageContaining("v0 is not a bridge port");
        ns.ip("link set v0 master br0");
        nl.ports().set("v0", on);
        assertThat(proxyArp(ns, "v0")).isEqualTo(true);
    }

    @Test
    void namesResolveInTheHandlesNamespaceNotTheCallers() throws Exception {
        try (TestNetns other = TestNetns.create()) {
            // the same names in another namespace, with other ifindexes (a veth pair shifts them)
            other.ip("link add x0 type veth peer name x1");
            other.ip("link add br0 type bridge");
            other.ip("link add v0 type veth peer name v1");
            other.ip("link set v0 master br0");
            other.ip("link set br0 up");
            other.ip("link set v0 up");
            assertThat(ifindex(other, "v0")).isNotEqualTo(ifindex(ns, "v0"));
            long callerNs = Netns.currentInode();
            try (BridgeNetlink inOther = BridgeNetlink.open(other.name())) {
                assertThat(indexOf(inOther, "v0")).isEqualTo(ifindex(other, "v0"));
                assertThat(indexOf(inOther, "v2")).isZero(); // v2 exists only in ns
                inOther.fdb().add(FdbSpec.of("02:00:00:00:40:01", "v0"));
                nl.fdb().add(FdbSpec.of("02:00:00:00:40:02", "v0"));
                inOther.ports().set("v0", PortSettings.builder().proxyArp(true).build());
            }
            assertThat(proxyArp(other, "v0")).isEqualTo(true);
            assertThat(proxyArp(ns, "v0")).isEqualTo(false);
            assertThat(Netns.currentInode()).isEqualTo(callerNs);
            assertThat(where(other, "02:00:00:00:40:01")).containsExactly("v0");
            assertThat(where(other, "02:00:00:00:40:02")).isEmpty();
            assertThat(where(ns, "02:00:00:00:40:02")).containsExactly("v0");
            assertThat(where(ns, "02:00:00:00:40:01")).isEmpty();
        }
    }
}
