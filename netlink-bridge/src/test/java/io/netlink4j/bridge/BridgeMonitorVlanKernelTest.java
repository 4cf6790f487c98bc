package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * VLAN events of the monitor against a kernel with bridge VLAN filtering (the VM lane): changes
 * made by iproute2 (and by us) arrive as {@link BridgeEvent.VlanEvent}s and
 * {@link BridgeEvent.VlanGlobalEvent}s; what they say is checked with {@code bridge -d -j vlan show}.
 */
@KernelTest
@Tag("vlan")
class BridgeMonitorVlanKernelTest {
    /** How long to wait for an event that must come (a bound against hanging, not a speed check). */
    private static final long WAIT_SECONDS = 30;

    TestNetns ns;
    BridgeNetlink nl;
    BridgeMonitor mon;
    Thread runner;
    final BlockingQueue<BridgeEvent> events = new LinkedBlockingQueue<>();
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    int br0;
    int v0;

    @BeforeEach
    void setUp() {
        ns = TestNetns.withBridgeAndPort();
        nl = BridgeNetlink.open(ns.name());
        br0 = ifindex("br0");
        v0 = ifindex("v0");
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        MonitorThread.closeAll(mon, runner, nl, ns, WAIT_SECONDS);
    }

    private int ifindex(String dev) {
        return ((Number) Json.at(ns.json("ip -j link show dev " + dev), 0, "ifindex")).intValue();
    }

    private void startMonitor() {
        mon = nl.monitor();
        runner = MonitorThread.start(mon, events::add, failure);
    }

    private <T extends BridgeEvent> T await(Class<T> type, Predicate<T> match) throws InterruptedException {
        return MonitorThread.await(events, failure, WAIT_SECONDS, type, match);
    }

    private BridgeEvent.VlanEvent awaitVlan(BridgeEvent.VlanKind kind, int ifindex, int first, int last)
            throws InterruptedException {
        BridgeEvent.VlanEvent e = await(BridgeEvent.VlanEvent.class, v -> v.kind() == kind && v.ifindex() == ifindex
                && v.entries().stream().anyMatch(x -> x.first() == first && x.last() == last));
        assertThat(e.entries()).as("one entry per notification").hasSize(1);
        return e;
    }

    /** The entry of {@code bridge -d -j vlan show dev DEV} that starts at {@code vid}. */
    private Map<String, Object> iproute2Entry(String dev, int vid) {
        for (Object v : Json.list(Json.at(ns.json("bridge -d -j vlan show dev " + dev), 0, "vlans"))) {
            if (Long.valueOf(vid).equals(Json.at(v, "vlan"))) {
                return Json.map(v);
            }
        }
        throw new AssertionError("bridge -d vlan show dev " + dev + " has no entry starting at " + vid);
    }

    @Test
    void addSetAndDeleteByIproute2ArriveAsVlanEvents() throws Exception {
        ns.ip("link set dev br0 type bridge vlan_filtering 1");
        startMonitor();

        ns.bridge("vlan add dev v0 vid 100 pvid untagged");
        VlanEntry pvid = awaitVlan(BridgeEvent.VlanKind.NEW, v0, 100, 100).entries().get(0);
        assertThat(pvid).isEqualTo(new VlanEntry(v0, 100, 100, true, true, PortState.BR_STATE_FORWARDING, 1));
        assertThat(iproute2Entry("v0", 100)).containsEntry("flags", List.of("PVID", "Egress Untagged"));

        ns.bridge("vlan add dev v0 vid 200-210");
        assertThat(awaitVlan(BridgeEvent.VlanKind.NEW, v0, 200, 210).entries().get(0).pvid()).isFalse();

        ns.bridge("vlan set dev v0 vid 205 state blocking");
        VlanEntry blocked = awaitVlan(BridgeEvent.VlanKind.NEW, v0, 205, 205).entries().get(0);
        assertThat(blocked.state()).isEqualTo(PortState.BR_STATE_BLOCKING);
        assertThat(iproute2Entry("v0", 205)).containsEntry("state", "blocking");

        ns.bridge("vlan set dev v0 vid 200-202 mcast_router 2");
        VlanEntry router = awaitVlan(BridgeEvent.VlanKind.NEW, v0, 200, 202).entries().get(0);
        assertThat(router.mcastRouter()).isEqualTo(MulticastRouter.PERM.value());
        assertThat(iproute2Entry("v0", 200)).containsEntry("vlanEnd", 202L).containsEntry("mcast_router", 2L);

        ns.bridge("vlan del dev v0 vid 200-210");
        VlanEntry gone = awaitVlan(BridgeEvent.VlanKind.DELETED, v0, 200, 210).entries().get(0);
        assertThat(gone.state()).as("a deletion reports no options").isEqualTo(-1);
        assertThat(Json.list(Json.at(ns.json("bridge -d -j vlan show dev v0"), 0, "vlans")))
                .noneMatch(v -> ((Number) Json.at(v, "vlan")).intValue() >= 200);

        // the bridge's own VLAN 1 (its default PVID): global options
        ns.bridge("vlan global set dev br0 vid 1 mcast_snooping 0");
        BridgeEvent.VlanGlobalEvent g = await(BridgeEvent.VlanGlobalEvent.class, e -> e.ifindex() == br0);
        assertThat(g.entries()).singleElement().satisfies(e -> {
            assertThat(e.first()).isEqualTo(1);
            assertThat(e.options().mcastSnooping()).isFalse();
        });
        assertThat(failure.get()).isNull();
    }

    @Test
    void ourSetOptionsIsOneEventWithBothOptions() throws Exception {
        ns.ip("link set dev br0 type bridge vlan_filtering 1");
        ns.bridge("vlan add dev v0 vid 300-302");
        startMonitor();

        nl.vlans().setOptions("v0", Vlan.range(300, 302), PortState.LEARNING, MulticastRouter.DISABLED);
        VlanEntry e = awaitVlan(BridgeEvent.VlanKind.NEW, v0, 300, 302).entries().get(0);
        assertThat(e.state()).isEqualTo(PortState.BR_STATE_LEARNING);
        assertThat(e.mcastRouter()).isEqualTo(MulticastRouter.DISABLED.value());
        assertThat(iproute2Entry("v0", 300)).containsEntry("vlanEnd", 302L).containsEntry("state", "learning")
                .containsEntry("mcast_router", 0L);
    }

    /**
     * The kernel notifies VLAN changes whether or not the bridge filters by VLAN (br0 keeps
     * vlan_filtering 0 here), and releasing a port deletes its VLANs one notification each.
     */
    @Test
    void releasingAPortDeletesItsVlansEvenWithoutFiltering() throws Exception {
        assertThat(Json.at(ns.json("ip -d -j link show dev br0"), 0, "linkinfo", "info_data", "vlan_filtering"))
                .isEqualTo(0L);
        startMonitor();
        ns.bridge("vlan add dev v0 vid 100");
        awaitVlan(BridgeEvent.VlanKind.NEW, v0, 100, 100);

        ns.ip("link set dev v0 nomaster");
        // VLAN 1 (br0's default PVID, given to v0 when it was enslaved) and 100, in either order
        List<Integer> deleted = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            BridgeEvent.VlanEvent e = await(BridgeEvent.VlanEvent.class,
                    v -> v.kind() == BridgeEvent.VlanKind.DELETED && v.ifindex() == v0);
            deleted.add(e.entries().get(0).first());
        }
        assertThat(deleted).containsExactlyInAnyOrder(1, 100);
    }
}
