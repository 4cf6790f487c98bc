package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.IfInfoMsg;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.testing.DecoderHarness;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The monitor's link state without a kernel: the notifications a change causes, as the kernel builds them. */
class LinkTrackerTest {
    final Map<Integer, String> names = new HashMap<>();
    final LinkTracker t = new LinkTracker(names);

    /** A port's notification: AF_BRIDGE with IFLA_PROTINFO, or AF_UNSPEC with IFLA_INFO_SLAVE_DATA. */
    static NlMsg port(int type, int family, int index, String name, int master, int hairpin, int learning) {
        MessageWriter w = MessageWriter.allocate(512);
        w.begin(type, 0, 0, 0);
        IfInfoMsg.put(w, family, index, 0, 0);
        w.putString(LinkCodec.IFLA_IFNAME, name);
        if (master != 0) {
            w.putU32(LinkCodec.IFLA_MASTER, master);
        }
        int outer = -1;
        int nest;
        if (family == Rtnetlink.AF_BRIDGE) {
            nest = w.beginNest(LinkCodec.IFLA_PROTINFO, true);
        } else {
            outer = w.beginNest(LinkCodec.IFLA_LINKINFO, false);
            w.putString(LinkCodec.IFLA_INFO_KIND, "veth");
            if (master != 0) {
                w.putString(LinkCodec.IFLA_INFO_SLAVE_KIND, "bridge");
            }
            nest = w.beginNest(LinkCodec.IFLA_INFO_SLAVE_DATA, false);
        }
        if (master != 0) {
            w.putU8(PortCodec.IFLA_BRPORT_STATE, 3);
            w.putU16(PortCodec.IFLA_BRPORT_PRIORITY, 32);
            w.putU32(PortCodec.IFLA_BRPORT_COST, 2);
            w.putU8(PortCodec.IFLA_BRPORT_MODE, hairpin);
            w.putU8(PortCodec.IFLA_BRPORT_LEARNING, learning);
            w.putU64(PortCodec.IFLA_BRPORT_FORWARD_DELAY_TIMER, System.nanoTime()); // a timer: not tracked
        }
        w.endNest(nest);
        if (outer >= 0) {
            w.endNest(outer);
        }
        w.end();
        return new NlMsg().wrap(w.buffer(), 0);
    }

    static NlMsg bridge(int type, int index, String name, int ageing, long gcTimer) {
        MessageWriter w = MessageWriter.allocate(512);
        w.begin(type, 0, 0, 0);
        IfInfoMsg.put(w, Rtnetlink.AF_UNSPEC, index, 0, 0);
        w.putString(LinkCodec.IFLA_IFNAME, name);
        int info = w.beginNest(LinkCodec.IFLA_LINKINFO, false);
        w.putString(LinkCodec.IFLA_INFO_KIND, "bridge");
        int data = w.beginNest(LinkCodec.IFLA_INFO_DATA, false);
        w.putU32(BridgeCodec.IFLA_BR_AGEING_TIME, ageing);
        w.putU32(BridgeCodec.IFLA_BR_STP_STATE, 0);
        w.putBe16(BridgeCodec.IFLA_BR_VLAN_PROTOCOL, 0x8100);
        w.putU64(BridgeCodec.IFLA_BR_GC_TIMER, gcTimer);
        w.endNest(data);
        w.endNest(info);
        w.end();
        return new NlMsg().wrap(w.buffer(), 0);
    }

    @Test
    void aChangeSentInBothFamiliesIsOneEventAndRepeatsAreNone() {
        assertThat(t.onLink(port(Rtnetlink.RTM_NEWLINK, Rtnetlink.AF_UNSPEC, 4, "v0", 2, 0, 1), true)).isNull();
        BridgeEvent e = t.onLink(port(Rtnetlink.RTM_NEWLINK, Rtnetlink.AF_BRIDGE, 4, "v0", 2, 1, 1), false);
        assertThat(e).isInstanceOfSatisfying(BridgeEvent.PortEvent.class, p -> {
            assertThat(p.kind()).isEqualTo(BridgeEvent.PortKind.CHANGED);
            assertThat(p.name()).isEqualTo("v0");
            assertThat(p.master()).isEqualTo(2);
            assertThat(p.changed()).containsExactly(Map.entry("hairpin", 1L));
            assertThat(p.attributes()).containsExactly(Map.entry("state", 3L), Map.entry("priority", 32L),
                    Map.entry("cost", 2L), Map.entry("hairpin", 1L), Map.entry("learning", 1L));
        });
        // the AF_UNSPEC twin, and the same again (timers differ): nothing new
        assertThat(t.onLink(port(Rtnetlink.RTM_NEWLINK, Rtnetlink.AF_UNSPEC, 4, "v0", 2, 1, 1), false)).isNull();
        assertThat(t.onLink(port(Rtnetlink.RTM_NEWLINK, Rtnetlink.AF_BRIDGE, 4, "v0", 2, 1, 1), false)).isNull();
        // a change first seen in AF_UNSPEC
        assertThat(t.onLink(port(Rtnetlink.RTM_NEWLINK, Rtnetlink.AF_UNSPEC, 4, "v0", 2, 1, 0), false))
                .isInstanceOfSatisfying(BridgeEvent.PortEvent.class, p -> assertThat(p.changed()).containsExactly(Map.entry("learning", 0L)));
    }

    @Test
    void enslavedMovedReleasedAndDeletedPorts() {
        BridgeEvent added = t.onLink(port(Rtnetlink.RTM_NEWLINK, Rtnetlink.AF_BRIDGE, 5, "v2", 2, 0, 1), false);
        assertThat(added).isInstanceOfSatisfying(BridgeEvent.PortEvent.class, p -> {
            assertThat(p.kind()).isEqualTo(BridgeEvent.PortKind.ADDED);
            assertThat(p.changed()).isEqualTo(p.attributes()).hasSize(5);
        });
        assertThat(t.onLink(port(Rtnetlink.RTM_NEWLINK, Rtnetlink.AF_UNSPEC, 5, "v2", 7, 0, 1), false))
                .isInstanceOfSatisfying(BridgeEvent.PortEvent.class, p -> {
                    assertThat(p.kind()).isEqualTo(BridgeEvent.PortKind.ADDED);
                    assertThat(p.master()).isEqualTo(7);
                });
        // nomaster: AF_UNSPEC without slave data, then AF_BRIDGE RTM_DELLINK: one REMOVED
        assertThat(t.onLink(port(Rtnetlink.RTM_NEWLINK, Rtnetlink.AF_UNSPEC, 5, "v2", 0, 0, 0), false))
                .isInstanceOfSatisfying(BridgeEvent.PortEvent.class, p -> {
                    assertThat(p.kind()).isEqualTo(BridgeEvent.PortKind.REMOVED);
                    assertThat(p.master()).isEqualTo(7);
                });
        assertThat(t.onLink(port(Rtnetlink.RTM_DELLINK, Rtnetlink.AF_BRIDGE, 5, "v2", 7, 0, 1), false)).isNull();
        assertThat(t.onLink(port(Rtnetlink.RTM_DELLINK, Rtnetlink.AF_UNSPEC, 5, "v2", 0, 0, 0), false)).isNull();
        assertThat(names).containsEntry(5, "v2");
    }

    @Test
    void bridgeSettingsChangesAreTrackedAndTimersIgnored() {
        assertThat(t.onLink(bridge(Rtnetlink.RTM_NEWLINK, 2, "br0", 30000, 100), true)).isNull();
        assertThat(t.onLink(bridge(Rtnetlink.RTM_NEWLINK, 2, "br0", 30000, 5), false)).isNull();
        assertThat(t.onLink(bridge(Rtnetlink.RTM_NEWLINK, 2, "br0", 1000, 7), false))
                .isInstanceOfSatisfying(BridgeEvent.BridgeChanged.class, b -> {
                    assertThat(b.kind()).isEqualTo(BridgeEvent.PortKind.CHANGED);
                    assertThat(b.changed()).containsExactly(Map.entry("ageing_time", 1000L));
                    assertThat(b.attributes()).containsExactly(Map.entry("ageing_time", 1000L), Map.entry("stp_state", 0L),
                            Map.entry("vlan_protocol", 0x8100L));
                });
        assertThat(t.onLink(bridge(Rtnetlink.RTM_DELLINK, 2, "br0", 1000, 7), false))
                .isInstanceOfSatisfying(BridgeEvent.BridgeChanged.class, b -> assertThat(b.kind()).isEqualTo(BridgeEvent.PortKind.REMOVED));
        assertThat(t.onLink(bridge(Rtnetlink.RTM_NEWLINK, 2, "br0", 1000, 7), false))
                .isInstanceOfSatisfying(BridgeEvent.BridgeChanged.class, b -> assertThat(b.kind()).isEqualTo(BridgeEvent.PortKind.ADDED));
    }

    /** Every truncation and every single-byte corruption is an event, nothing, or a parse error: never another exception. */
    @Test
    void damagedNotificationsAreRefusedCleanly() {
        for (NlMsg m : new NlMsg[] {port(Rtnetlink.RTM_NEWLINK, Rtnetlink.AF_UNSPEC, 4, "v0", 2, 1, 1),
                port(Rtnetlink.RTM_NEWLINK, Rtnetlink.AF_BRIDGE, 4, "v0", 2, 1, 1), bridge(Rtnetlink.RTM_NEWLINK, 2, "br0", 1, 2)}) {
            byte[] whole = new byte[m.length()];
            m.buffer().get(0, whole);
            for (int len = 16; len <= whole.length; len++) {
                byte[] cut = Arrays.copyOf(whole, len);
                DecoderHarness.runChecked(io.netlink4j.core.testing.DecoderTarget.of("tracker", d -> {
                    NlMsg x = io.netlink4j.core.testing.Fuzzing.message(-1, d);
                    t.onLink(x, false);
                }), cut);
            }
            for (int i = 16; i < whole.length; i++) {
                byte[] bad = whole.clone();
                bad[i] ^= (byte) 0xa5;
                DecoderHarness.runChecked(io.netlink4j.core.testing.DecoderTarget.of("tracker", d -> {
                    t.onLink(io.netlink4j.core.testing.Fuzzing.message(-1, d), false);
                }), bad);
            }
        }
    }
}
