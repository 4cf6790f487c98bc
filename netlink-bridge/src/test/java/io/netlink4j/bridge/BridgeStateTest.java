package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The desired-state model refuses what can never be applied, before anything is read or sent. */
class BridgeStateTest {
    static DesiredBridge br(String name, DesiredPort... ports) {
        DesiredBridge b = DesiredBridge.of(name, BridgeSettings.builder().build());
        for (DesiredPort p : ports) {
            b = b.withPort(p);
        }
        return b;
    }

    @Test
    void aPortOfTwoBridgesIsRefused() {
        assertThatThrownBy(() -> BridgeState.builder().bridge(br("br0", DesiredPort.builder("eth1").build()))
                .bridge(br("br1", DesiredPort.builder("eth1").build())).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port eth1 is declared in two bridges: br0 and br1");
    }

    @Test
    void aMacBehindTwoPortsIsRefused() {
        assertThatThrownBy(() -> BridgeState.builder().bridge(br("br0",
                DesiredPort.builder("a").fdb(StaticFdbEntry.of("02:00:00:00:00:01")).build(),
                DesiredPort.builder("b").fdb(StaticFdbEntry.of("02:00:00:00:00:01")).build())).build())
                .hasMessage("FDB entry 02:00:00:00:00:01 of bridge br0 is declared behind two ports: a and b");
    }

    @Test
    void badEntriesAreRefused() {
        assertThatThrownBy(() -> StaticFdbEntry.of("02:00:00:00:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StaticFdbEntry.of("01:00:5e:00:00:01")).hasMessageContaining("multicast");
        assertThatThrownBy(() -> StaticFdbEntry.of("00:00:00:00:00:00")).hasMessageContaining("00:00:00:00:00:00");
        assertThatThrownBy(() -> new StaticFdbEntry("02:00:00:00:00:01", 4095, FdbState.STATIC))
                .hasMessage("VLAN id 4095 is outside 1..4094");
        assertThatThrownBy(() -> new StaticFdbEntry("02:00:00:00:00:01", 0, FdbState.DYNAMIC))
                .hasMessageContaining("static or permanent");
        assertThat(StaticFdbEntry.of("02:AA:00:00:00:01").mac()).isEqualTo("02:aa:00:00:00:01");
    }

    @Test
    void actionsAreNotStates() {
        assertThatThrownBy(() -> DesiredPort.builder("v0").settings(PortSettings.builder().flush().build()).build())
                .hasMessage("port v0: flush is an action, not a state");
        assertThatThrownBy(() -> DesiredBridge.of("br0", BridgeSettings.builder().fdbFlush().build()))
                .hasMessage("bridge br0: fdb flush is an action, not a state");
    }

    @Test
    void whatIsReadDependsOnWhatIsDeclared() {
        BridgeState plain = BridgeState.builder().bridge(br("br0", DesiredPort.builder("v0").build())).build();
        assertThat(plain.managesFdb()).isFalse();
        assertThat(plain.managesVlans()).isFalse();
        BridgeState full = BridgeState.builder().bridge(br("br0", DesiredPort.builder("v0")
                .vlans(VlanSet.builder().vids(5).build(), false).fdbExclusive(true).build())).build();
        assertThat(full.managesFdb()).isTrue();
        assertThat(full.managesVlans()).isTrue();
    }

    @Test
    void nonExclusiveVlansMergeIntoWhatThePortHas() {
        VlanSet has = VlanSet.builder().untagged(1).pvid(1).range(10, 12).build();
        VlanSet want = VlanSet.builder().untagged(11).pvid(20).build();
        assertThat(StateDiff.merge(has, want)).hasToString("[1 untagged, 10, 11 untagged, 12, 20 pvid]");
    }
}
