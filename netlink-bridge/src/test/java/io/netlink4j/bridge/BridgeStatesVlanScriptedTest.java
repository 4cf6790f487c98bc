package io.netlink4j.bridge;

import static io.netlink4j.bridge.VlanTestSupport.bridge;
import static io.netlink4j.bridge.VlanTestSupport.port;
import static io.netlink4j.bridge.VlanTestSupport.sentTypes;
import static io.netlink4j.bridge.VlanTestSupport.vlanDump;
import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.Messages;
import io.netlink4j.core.testing.ScriptedKernel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The VLAN part of a desired state against a scripted kernel (bridge br0 = 2, port v0 = 4). */
class BridgeStatesVlanScriptedTest {
    final ScriptedKernel kernel = new ScriptedKernel();
    final BridgeNetlink nl = BridgeNetlink.over(() -> RtnlChannel.over(kernel, ChannelOptions.defaults()));
    final BridgeStates states = new BridgeStates(nl);

    static final VlanSet FRESH_PORT = VlanSet.builder().untagged(1).pvid(1).build();
    static final VlanSet WANT = VlanSet.builder().untagged(20).pvid(20).range(100, 110).build();

    @AfterEach
    void close() {
        nl.close();
    }

    static BridgeState want(boolean exclusive) {
        return BridgeState.builder().bridge(DesiredBridge.of("br0", BridgeSettings.builder().build())
                .withPort(DesiredPort.builder("v0").vlans(WANT, exclusive).build())).build();
    }

    /** The link dump (br0, v0) and the VLAN dump (v0 has {@code current}) of a plan. */
    private void kernelHas(VlanSet current) {
        kernel.reply(k -> Messages.concat(multi(bridge(k.lastSeq(), 2, "br0", true)), multi(port(k.lastSeq(), 4, "v0")),
                Messages.done(k.lastSeq(), 0)));
        kernel.reply(k -> vlanDump(k.lastSeq(), 4, current));
    }

    private static byte[] multi(byte[] m) {
        ByteBuffer.wrap(m).order(ByteOrder.nativeOrder()).putShort(NlMsg.FLAGS_OFFSET, (short) NlMsg.NLM_F_MULTI);
        return m;
    }

    @Test
    void vlansAreAddedToWhatThePortHasAndSyncedInOneRequest() {
        kernelHas(FRESH_PORT);
        StatePlan plan = states.plan(want(false));
        assertThat(sentTypes(kernel)).containsExactly(Rtnetlink.RTM_GETLINK, Rtnetlink.RTM_GETVLAN);
        assertThat(plan.changes()).extracting(Object::toString)
                .containsExactly("port v0: vlans [1 pvid untagged] -> [1 untagged, 20 pvid untagged, 100-110]");

        // apply: Vlans.sync looks the port up, reads its VLANs, then one RTM_SETLINK and no delete
        kernel.reply(k -> port(k.lastSeq(), 4, "v0"));
        kernel.reply(k -> vlanDump(k.lastSeq(), 4, FRESH_PORT));
        kernel.autoAck(i -> 0);
        StateResult r = states.apply(plan);
        assertThat(r.ok()).isTrue();
        assertThat(sentTypes(kernel).subList(2, sentTypes(kernel).size()))
                .containsExactly(Rtnetlink.RTM_GETLINK, Rtnetlink.RTM_GETVLAN, Rtnetlink.RTM_SETLINK);
    }

    @Test
    void exclusiveVlansRemoveWhatIsNotDeclared() {
        kernelHas(FRESH_PORT);
        StatePlan plan = states.plan(want(true));
        assertThat(plan.changes()).extracting(Object::toString)
                .containsExactly("port v0: vlans [1 pvid untagged] -> [20 pvid untagged, 100-110]");
        kernel.reply(k -> port(k.lastSeq(), 4, "v0"));
        kernel.reply(k -> vlanDump(k.lastSeq(), 4, FRESH_PORT));
        kernel.autoAck(i -> 0);
        assertThat(states.apply(plan).ok()).isTrue();
        assertThat(sentTypes(kernel).subList(2, sentTypes(kernel).size())).containsExactly(Rtnetlink.RTM_GETLINK,
                Rtnetlink.RTM_GETVLAN, Rtnetlink.RTM_SETLINK, Rtnetlink.RTM_DELLINK);
    }

    @Test
    void aPortInTheDeclaredStateGetsNoChange() {
        kernelHas(WANT);
        StatePlan plan = states.plan(want(true));
        assertThat(plan.isEmpty()).isTrue();
        assertThat(states.apply(plan).results()).isEmpty();
        assertThat(sentTypes(kernel)).containsExactly(Rtnetlink.RTM_GETLINK, Rtnetlink.RTM_GETVLAN);
    }

    @Test
    void aNonExclusiveSetAlreadyContainedGetsNoChange() {
        VlanSet more = VlanSet.builder().add(Vlan.of(1)).untagged(20).pvid(20).range(100, 120).build();
        kernelHas(more);
        assertThat(states.plan(want(false)).isEmpty()).isTrue();
    }

    @Test
    void aFailedSyncIsReportedWithTheKernelError() {
        kernelHas(FRESH_PORT);
        StatePlan plan = states.plan(want(false));
        kernel.reply(k -> port(k.lastSeq(), 4, "v0"));
        kernel.reply(k -> vlanDump(k.lastSeq(), 4, FRESH_PORT));
        kernel.autoAck(i -> io.netlink4j.jna.Errno.EINVAL);
        StateResult r = states.apply(plan);
        assertThat(r.ok()).isFalse();
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(StateResult.Status.FAILED);
            assertThat(f.error()).isInstanceOf(io.netlink4j.core.NetlinkException.class);
        });
    }
}
