package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.NetlinkParseException;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.testing.Golden;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The monitor's VLAN events decoded from real RTNLGRP_BRVLAN notifications of the VM lane's kernel
 * (golden monitor_vlan_vm: iproute2 commands, ifindex br0 = 2, v0 = 4).
 */
class VlanEventsGoldenTest {
    private static final int BR0 = 2;
    private static final int V0 = 4;

    private static BridgeEvent decode(Golden.Frame f) {
        return VlanEvents.decode(new NlMsg().wrap(f.buffer(), 0));
    }

    private static BridgeEvent.VlanEvent vlan(BridgeEvent.VlanKind kind, VlanEntry e) {
        return new BridgeEvent.VlanEvent(kind, e.ifindex(), List.of(e));
    }

    @Test
    void decodesEveryNotificationOfTheCapture() {
        Golden g = Golden.load("monitor_vlan_vm");
        List<Golden.Frame> frames = g.frames();
        assertThat(frames).hasSize(11).noneMatch(Golden.Frame::send);
        BridgeEvent.VlanKind added = BridgeEvent.VlanKind.NEW;
        BridgeEvent.VlanKind deleted = BridgeEvent.VlanKind.DELETED;
        // ip link add br0 ... vlan_filtering 1: the bridge's default PVID
        assertThat(decode(frames.get(0))).isEqualTo(vlan(added, new VlanEntry(BR0, 1, 1, true, true, 3, 1)));
        // ip link set v0 master br0: the port's default PVID
        assertThat(decode(frames.get(1))).isEqualTo(vlan(added, new VlanEntry(V0, 1, 1, true, true, 3, 1)));
        // bridge vlan add dev v0 vid 100 pvid untagged
        assertThat(decode(frames.get(2))).isEqualTo(vlan(added, new VlanEntry(V0, 100, 100, true, true, 3, 1)));
        // bridge vlan add dev v0 vid 200-210: one ranged entry
        assertThat(decode(frames.get(3))).isEqualTo(vlan(added, new VlanEntry(V0, 200, 210, false, false, 3, 1)));
        // bridge vlan set dev v0 vid 205 state blocking
        assertThat(decode(frames.get(4))).isEqualTo(vlan(added, new VlanEntry(V0, 205, 205, false, false, 4, 1)));
        // bridge vlan set dev v0 vid 200-202 mcast_router 2
        assertThat(decode(frames.get(5))).isEqualTo(vlan(added, new VlanEntry(V0, 200, 202, false, false, 3, 2)));
        // bridge vlan add dev br0 vid 10 self
        assertThat(decode(frames.get(6))).isEqualTo(vlan(added, new VlanEntry(BR0, 10, 10, false, false, 3, 1)));
        // bridge vlan del dev v0 vid 200-210: no options in a deletion
        assertThat(decode(frames.get(7))).isEqualTo(vlan(deleted, new VlanEntry(V0, 200, 210, false, false, -1, -1)));
        // bridge vlan global set dev br0 vid 10 mcast_snooping 0: every global option of VLAN 10
        BridgeEvent global = decode(frames.get(8));
        assertThat(global).isInstanceOfSatisfying(BridgeEvent.VlanGlobalEvent.class, e -> {
            assertThat(e.ifindex()).isEqualTo(BR0);
            assertThat(e.entries()).singleElement().satisfies(v -> {
                assertThat(v.first()).isEqualTo(10);
                assertThat(v.last()).isEqualTo(10);
                assertThat(v.options().mcastSnooping()).isFalse();
                assertThat(v.options().mcastIgmpVersion()).isEqualTo(2);
                assertThat(v.options().mcastQueryInterval()).isEqualTo(12500L);
            });
        });
        // ip link set v0 nomaster: one deletion per VLAN of the port
        assertThat(decode(frames.get(9))).isEqualTo(vlan(deleted, new VlanEntry(V0, 1, 1, false, false, -1, -1)));
        assertThat(decode(frames.get(10))).isEqualTo(vlan(deleted, new VlanEntry(V0, 100, 100, false, false, -1, -1)));
    }

    @Test
    void aTruncatedEntryIsAParseError() {
        byte[] b = Golden.load("monitor_vlan_vm").frames().get(3).bytes(); // 60 bytes, ENTRY nest of 36
        // claim an ENTRY nest longer than the message
        b[24] = (byte) 0x40;
        ByteBuffer buf = ByteBuffer.allocateDirect(b.length).order(java.nio.ByteOrder.nativeOrder()).put(0, b);
        assertThatThrownBy(() -> VlanEvents.decode(new NlMsg().wrap(buf, 0))).isInstanceOf(NetlinkParseException.class);
    }

    @Test
    void aNotificationWithoutEntriesIsNoEvent() {
        byte[] b = Golden.load("monitor_vlan_vm").frames().get(9).bytes(); // RTM_DELVLAN, ENTRY at offset 24
        b[26] = 7; // attribute type 7: not BRIDGE_VLANDB_ENTRY (1) nor GLOBAL_OPTIONS (2), skipped
        ByteBuffer buf = ByteBuffer.allocateDirect(b.length).order(java.nio.ByteOrder.nativeOrder()).put(0, b);
        assertThat(VlanEvents.decode(new NlMsg().wrap(buf, 0))).isNull();
    }
}
