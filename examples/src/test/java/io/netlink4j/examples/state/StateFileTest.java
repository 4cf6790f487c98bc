package io.netlink4j.examples.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.bridge.BridgeState;
import io.netlink4j.bridge.DesiredBridge;
import io.netlink4j.bridge.DesiredPort;
import io.netlink4j.bridge.FdbState;
import io.netlink4j.bridge.StateProblem;
import io.netlink4j.bridge.StaticFdbEntry;
import io.netlink4j.bridge.UnresolvedStateException;
import io.netlink4j.bridge.VlanSet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** State files: YAML and JSON read to the same state; every bad file is one error naming file, line and key. */
class StateFileTest {
    static final String ISSUE_EXAMPLE = """
            bridges:
              br0:
                stp: off
                vlan-filtering: on
                ports:
                  eth1: {proxy-arp: on, hairpin: on}
                  v2:   {learning: off, cost: 7, vlans: {vids: "100,300-302", pvid: 300, untagged: "300"}}
                fdb:
                  - {mac: "02:00:00:00:00:01", port: eth1}
                  - {mac: "02:00:00:00:00:02", port: v2, vlan: 100, state: permanent}
            """;

    static final String SAME_AS_JSON = """
            {"bridges": {"br0": {"stp": "off", "vlan-filtering": true,
              "ports": {"eth1": {"proxy-arp": "on", "hairpin": "on"},
                        "v2": {"learning": false, "cost": 7, "vlans": {"vids": "100,300-302", "pvid": 300, "untagged": 300}}},
              "fdb": [{"mac": "02:00:00:00:00:01", "port": "eth1"},
                      {"mac": "02:00:00:00:00:02", "port": "v2", "vlan": 100, "state": "permanent"}]}}}
            """;

    @Test
    void theIssueExampleReadsAsDeclared() {
        BridgeState s = StateFile.parse("s.yaml", ISSUE_EXAMPLE).state();
        DesiredBridge br0 = s.bridges().get("br0");
        assertThat(br0.settings().stpState()).isEqualTo(0);
        assertThat(br0.settings().vlanFiltering()).isTrue();
        DesiredPort eth1 = br0.ports().get("eth1");
        assertThat(eth1.settings().proxyArp()).isTrue();
        assertThat(eth1.settings().hairpin()).isTrue();
        assertThat(eth1.settings().learning()).isNull();
        assertThat(eth1.vlans()).isNull();
        assertThat(eth1.fdb()).containsExactly(StaticFdbEntry.of("02:00:00:00:00:01"));
        DesiredPort v2 = br0.ports().get("v2");
        assertThat(v2.settings().learning()).isFalse();
        assertThat(v2.settings().cost()).isEqualTo(7L);
        assertThat(v2.vlans()).isEqualTo(VlanSet.builder().vids(100, 301, 302).untagged(300).pvid(300).build());
        assertThat(v2.vlansExclusive()).isFalse();
        assertThat(v2.fdb()).containsExactly(new StaticFdbEntry("02:00:00:00:00:02", 100, FdbState.PERMANENT));
    }

    @Test
    void moreBridgeOptionsOfBridgeSetAreKeys() {
        BridgeState s = StateFile.parse("s.yaml", """
                bridges:
                  br0: {group-fwd-mask: "0x4000", mcast-querier: on, mcast-igmp-version: 3, nf-call-iptables: off,
                        mcast-query-interval: 12500, fdb-max-learned: 100}
                """).state();
        var b = s.bridges().get("br0").settings();
        assertThat(b.groupFwdMask()).isEqualTo(0x4000);
        assertThat(b.mcastQuerier()).isTrue();
        assertThat(b.mcastIgmpVersion()).isEqualTo(3);
        assertThat(b.nfCallIptables()).isFalse();
        assertThat(b.mcastQueryIntervalCentis()).isEqualTo(12500L);
        assertThat(b.fdbMaxLearned()).isEqualTo(100L);
        bad("bridges:\n  br0: {mcast-igmp-version: 4}\n", "bad.yaml:2: bridges.br0.mcast-igmp-version: mcast_igmp_version must be 2..3: 4");
    }

    @Test
    void jsonReadsToTheSameState() {
        BridgeState yaml = StateFile.parse("s.yaml", ISSUE_EXAMPLE).state();
        BridgeState json = StateFile.parse("s.json", SAME_AS_JSON).state();
        DesiredBridge a = yaml.bridges().get("br0");
        DesiredBridge b = json.bridges().get("br0");
        assertThat(b.ports()).isEqualTo(a.ports());
        assertThat(b.settings().toString()).isEqualTo(a.settings().toString());
    }

    @Test
    void theShippedMetalLbFileIsTheUplinkFix() {
        BridgeState s = StateFile.load(Path.of("state/metallb-uplink.yaml")).state();
        DesiredPort eth1 = s.bridges().get("br0").ports().get("eth1");
        assertThat(eth1.settings().proxyArp()).isTrue();
        assertThat(eth1.settings().hairpin()).isTrue();
        assertThat(s.bridges().get("br0").settings().isEmpty()).isTrue();
    }

    private static void bad(String text, String message) {
        assertThatThrownBy(() -> StateFile.parse("bad.yaml", text)).isInstanceOf(StateFileException.class)
                .hasMessage(message);
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() {
        bad("""
                bridges:
                  br0:
                    ports:
                      eth1: {proxy-arp: on, hairpn: on}
                """, "bad.yaml:4: bridges.br0.ports.eth1.hairpn: unknown key (known here: bcast-flood, cost, fastleave,"
                + " fdb-exclusive, flood, guard, hairpin, isolated, learning, mcast-flood, mcast-to-unicast,"
                + " neigh-suppress, priority, proxy-arp, root-block, state, vlans)");
    }

    @Test
    void aBadMacIsNamedWithItsLine() {
        bad("""
                bridges:
                  br0:
                    fdb:
                      - {mac: "02:00:00:00:00:01", port: eth1}
                      - {mac: "02:00:00:00:zz:02", port: eth1}
                """, "bad.yaml:5: bridges.br0.fdb[1].mac: invalid MAC address \"02:00:00:00:zz:02\": 'z' is not hex");
    }

    @Test
    void vlan4095IsNamedWithItsLine() {
        bad("""
                bridges:
                  br0:
                    ports:
                      v2:
                        vlans:
                          vids: "100,4095"
                """, "bad.yaml:6: bridges.br0.ports.v2.vlans.vids: VLAN 4095 is out of range: VLAN IDs are 1-4094");
        bad("""
                bridges:
                  br0:
                    fdb:
                      - {mac: "02:00:00:00:00:01", port: eth1, vlan: 4095}
                """, "bad.yaml:4: bridges.br0.fdb[0].vlan: VLAN 4095 is out of range: VLAN IDs are 1-4094");
    }

    @Test
    void aPortOfTwoBridgesIsNamedWithItsSecondLine() {
        bad("""
                bridges:
                  br0:
                    ports:
                      eth1: {hairpin: on}
                  br1:
                    ports:
                      eth1: {hairpin: off}
                """, "bad.yaml:7: bridges.br1.ports.eth1: port eth1 is already a port of bridge br0 (line 4)");
    }

    @Test
    void anFdbEntryOnAPortOfAnotherBridgeIsNamedWithItsLine() {
        bad("""
                bridges:
                  br0:
                    ports:
                      eth1: {hairpin: on}
                  br1:
                    fdb:
                      - {mac: "02:00:00:00:00:01", port: eth1}
                """, "bad.yaml:7: bridges.br1.fdb[0].port: port eth1 is a port of bridge br0 (line 4), not of br1");
    }

    @Test
    void valuesOfTheWrongKindOrRangeAreNamed() {
        bad("bridges:\n  br0:\n    stp: maybe\n", "bad.yaml:3: bridges.br0.stp: expected on or off, not \"maybe\"");
        bad("bridges:\n  br0:\n    ports:\n      v0: {cost: 0}\n", "bad.yaml:4: bridges.br0.ports.v0.cost: port cost must be 1..65535: 0");
        bad("bridges:\n  br0:\n    ports:\n      v0: {state: sleeping}\n",
                "bad.yaml:4: bridges.br0.ports.v0.state: expected one of disabled, listening, learning, forwarding, blocking, not \"sleeping\"");
        bad("bridges:\n  br0: {}\n  br0: {}\n", "bad.yaml:3: bridges.br0: duplicate key (first on line 2)");
        bad("bridge:\n  br0: {}\n", "bad.yaml:1: bridge: unknown key (known here: bridges)");
        bad("bridges: [\n", "bad.yaml:1: not valid YAML: while parsing a flow node");
    }

    @Test
    void aMissingPortFromThePlanGetsTheLineOfItsDeclaration() {
        StateFile f = StateFile.parse("s.yaml", ISSUE_EXAMPLE);
        StateFileException e = f.locate(new UnresolvedStateException(
                List.of(new StateProblem("br0", "v2", "port v2 of br0: no such device"))));
        assertThat(e).hasMessage("s.yaml:7: bridges.br0.ports.v2: port v2 of br0: no such device; nothing was applied");
    }
}
