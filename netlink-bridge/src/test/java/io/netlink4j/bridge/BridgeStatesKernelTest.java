package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.testing.KernelTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Desired state against the real kernel: apply from five starting states ends in the declared
 * state (read back with {@code ip -d -j link show} and {@code bridge -j fdb show}), and a second
 * apply sends no change (the handle's channel counters).
 */
@KernelTest
class BridgeStatesKernelTest {
    static final String M1 = "02:00:00:00:00:01";
    static final String M2 = "02:00:00:00:00:02";
    static final String M9 = "02:00:00:00:00:09";

    /** br0: STP off, ageing 200 s; v0 proxy_arp+hairpin on, learning off; v2 cost 7, isolated, two entries, exclusive. */
    static final BridgeState WANT = BridgeState.builder()
            .bridge(DesiredBridge.of("br0", BridgeSettings.builder().stpState(0).ageingTimeCentis(20000).build())
                    .withPort(DesiredPort.builder("v0")
                            .settings(PortSettings.builder().proxyArp(true).hairpin(true).learning(false).build()).build())
                    .withPort(DesiredPort.builder("v2")
                            .settings(PortSettings.builder().cost(7).isolated(true).build())
                            .fdb(StaticFdbEntry.of(M1))
                            .fdb(new StaticFdbEntry(M2, 0, FdbState.PERMANENT))
                            .fdbExclusive(true).build()))
            .build();

    StateKernelSupport k;
    BridgeStates states;

    @BeforeEach
    void setUp() {
        k = new StateKernelSupport();
        states = new BridgeStates(k.nl);
    }

    @AfterEach
    void tearDown() throws Exception {
        k.close();
    }

    private void assertDeclaredStateHolds() {
        Map<String, Object> v0 = k.slaveData("v0");
        assertThat(v0).containsEntry("proxy_arp", true).containsEntry("hairpin", true).containsEntry("learning", false);
        Map<String, Object> v2 = k.slaveData("v2");
        assertThat(v2).containsEntry("cost", 7L).containsEntry("isolated", true);
        Map<String, Object> br = k.bridgeData("br0");
        assertThat(br).containsEntry("stp_state", 0L).containsEntry("ageing_time", 20000L);
        assertThat(k.userFdb("br0", k.mac("v0"), k.mac("v2"), k.mac("br0")))
                .containsEntry(M1, "v2 static").containsEntry(M2, "v2 permanent")
                .doesNotContainKey(M9);
    }

    /** Applies WANT, checks the result through iproute2, then proves a second apply sends only its two dumps. */
    private StateResult applyAndCheck() {
        StateResult r = states.apply(WANT);
        assertThat(r.failures()).isEmpty();
        assertDeclaredStateHolds();
        long before = k.messagesSent();
        StateResult again = states.apply(WANT);
        assertThat(again.plan().changes()).isEmpty();
        // the link dump and the FDB dump, nothing else
        assertThat(k.messagesSent() - before).isEqualTo(2);
        assertDeclaredStateHolds();
        return r;
    }

    @Test
    void fromFreshDefaults() {
        StatePlan plan = states.plan(WANT);
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.changes()).extracting(Object::toString).containsExactly(
                "bridge br0: ageing_time 30000 -> 20000",
                "port v0: proxy_arp off -> on, hairpin off -> on, learning on -> off",
                "port v2: cost 2 -> 7, isolated off -> on",
                "fdb br0 02:00:00:00:00:01: absent -> v2 static",
                "fdb br0 02:00:00:00:00:02: absent -> v2 permanent");
        StateResult r = applyAndCheck();
        assertThat(r.appliedCount()).isEqualTo(5);
    }

    @Test
    void fromPartlyRight() {
        k.ns.ip("link set dev v0 type bridge_slave hairpin on");
        k.ns.ip("link set dev v2 type bridge_slave cost 7");
        k.ns.bridge("fdb add " + M1 + " dev v2 master static");
        StatePlan plan = states.plan(WANT);
        assertThat(plan.changes()).extracting(Object::toString).contains(
                "port v0: proxy_arp off -> on, learning on -> off", "port v2: isolated off -> on")
                .noneMatch(s -> s.contains(M1));
        applyAndCheck();
    }

    @Test
    void fromOppositeWithStrayAndMisplacedEntries() {
        k.ns.ip("link set dev br0 type bridge stp_state 1 ageing_time 1000");
        k.ns.ip("link set dev v2 type bridge_slave cost 99 isolated off");
        k.ns.bridge("fdb add " + M1 + " dev v0 master static");   // on the wrong port
        k.ns.bridge("fdb add " + M9 + " dev v2 master static");   // not declared: v2 is exclusive
        k.ns.bridge("fdb add 02:00:00:00:00:08 dev v2 master permanent");
        StatePlan plan = states.plan(WANT);
        assertThat(plan.changes()).extracting(Object::toString).contains(
                "bridge br0: stp_state on -> off, ageing_time 1000 -> 20000",
                "fdb br0 02:00:00:00:00:01: v0 static -> v2 static",
                "fdb br0 02:00:00:00:00:09: v2 static -> absent",
                "fdb br0 02:00:00:00:00:08: v2 permanent -> absent");
        applyAndCheck();
        assertThat(k.userFdb("br0", k.mac("v0"), k.mac("v2"), k.mac("br0"))).doesNotContainKeys(M9, "02:00:00:00:00:08");
    }

    @Test
    void fromTheDeclaredStateNothingIsSent() {
        states.apply(WANT);
        long before = k.messagesSent();
        StateResult r = states.apply(WANT);
        assertThat(r.results()).isEmpty();
        assertThat(k.messagesSent() - before).isEqualTo(2);
        assertDeclaredStateHolds();
    }

    @Test
    void fromWrongStatesLeavingUndeclaredThingsAlone() {
        k.ns.bridge("fdb add " + M2 + " dev v2 master static");            // permanent wanted
        k.ns.bridge("fdb add 02:00:00:00:00:33 dev v0 master static");      // v0 not exclusive: stays
        k.ns.ip("link set dev v0 type bridge_slave flood off");             // not declared: stays
        k.ns.ip("link set dev br0 type bridge priority 1234");              // not declared: stays
        StatePlan plan = states.plan(WANT);
        assertThat(plan.changes()).extracting(Object::toString).contains("fdb br0 02:00:00:00:00:02: v2 static -> v2 permanent");
        applyAndCheck();
        assertThat(k.userFdb("br0", k.mac("v0"), k.mac("v2"), k.mac("br0"))).containsEntry("02:00:00:00:00:33", "v0 static");
        assertThat(k.slaveData("v0")).containsEntry("flood", false);
        assertThat(k.bridgeData("br0")).containsEntry("priority", 1234L);
    }

    @Test
    void missingOrForeignPortsAreReportedAndNothingIsSent() {
        k.ns.ip("link add br1 type bridge");
        k.ns.ip("link add v4 type veth peer name v5");
        k.ns.ip("link set v4 master br1");
        BridgeState bad = BridgeState.builder()
                .bridge(DesiredBridge.of("br0", BridgeSettings.builder().stpState(1).build())
                        .withPort(DesiredPort.builder("v0").settings(PortSettings.builder().hairpin(true).build()).build())
                        .withPort(DesiredPort.builder("eth9").build())
                        .withPort(DesiredPort.builder("v4").build()))
                .build();
        long before = k.messagesSent();
        assertThatThrownBy(() -> states.apply(bad)).isInstanceOf(UnresolvedStateException.class)
                .hasMessage("port eth9 of br0: no such device; port v4 of br0: not a port of br0 (its master is br1);"
                        + " nothing was applied")
                .satisfies(e -> assertThat(((UnresolvedStateException) e).problems())
                        .extracting(StateProblem::port).containsExactly("eth9", "v4"));
        assertThat(k.messagesSent() - before).as("the link dump only").isEqualTo(1);
        assertThat(k.slaveData("v0")).containsEntry("hairpin", false);
        assertThat(k.bridgeData("br0")).containsEntry("stp_state", 0L);
    }
}
