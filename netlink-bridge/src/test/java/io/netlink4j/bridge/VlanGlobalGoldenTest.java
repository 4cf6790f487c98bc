package io.netlink4j.bridge;

import static io.netlink4j.bridge.VlanTestSupport.bridge;
import static io.netlink4j.bridge.VlanTestSupport.withSeq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.Golden;
import io.netlink4j.core.testing.Messages;
import io.netlink4j.core.testing.ScriptedKernel;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Global per-VLAN options: our requests byte for byte against iproute2 6.1's {@code bridge vlan
 * global set|show} (captured in the VM lane), and our decoder on the VM kernel's recorded answer.
 */
class VlanGlobalGoldenTest {
    final ScriptedKernel kernel = new ScriptedKernel();
    final BridgeNetlink nl = BridgeNetlink.over(() -> RtnlChannel.over(kernel, ChannelOptions.defaults()));

    @AfterEach
    void close() {
        nl.close();
    }

    private void assertSentLikeIproute2(int ours, String name, int theirs) {
        byte[] golden = Golden.load(name).sentMessage(theirs);
        assertThat(Golden.hex(Golden.withoutSeqAndPid(kernel.sent().get(ours))))
                .isEqualTo(Golden.hex(Golden.withoutSeqAndPid(golden)));
    }

    private void lookupAndAck() {
        kernel.reply(k -> bridge(k.lastSeq(), 2, "br0", true));
        kernel.reply(k -> Messages.error(k.lastSeq(), 0, new byte[0]));
    }

    @Test
    void setWithEveryIproute2OptionIsIproute2sRequest() {
        lookupAndAck();
        nl.vlans().global().set("br0", Vlan.of(100), VlanGlobalOptions.builder()
                .mcastSnooping(true).mcastQuerier(true).mcastIgmpVersion(3).mcastMldVersion(2)
                .mcastLastMemberCount(3).mcastLastMemberInterval(200).mcastStartupQueryCount(4)
                .mcastStartupQueryInterval(3000).mcastMembershipInterval(25000).mcastQuerierInterval(24000)
                .mcastQueryInterval(12000).mcastQueryResponseInterval(900).build());
        assertSentLikeIproute2(1, "vlan_global_set_vm", 1);
    }

    @Test
    void setOfARangeCarriesGoptsRange() {
        lookupAndAck();
        nl.vlans().global().set("br0", Vlan.range(200, 210), VlanGlobalOptions.builder().mcastSnooping(false).build());
        assertSentLikeIproute2(1, "vlan_global_set_range_vm", 1);
    }

    @Test
    void dumpRequestIsIproute2s() {
        kernel.reply(k -> Messages.done(k.lastSeq(), 0));
        assertThat(nl.vlans().global().list()).isEmpty();
        assertSentLikeIproute2(0, "vlan_global_show_vm", 1);
    }

    /** The 6.1 kernel's defaults per VLAN (it reports every option, msti 0 included). */
    static VlanGlobalOptions.Builder kernelDefaults() {
        return VlanGlobalOptions.builder().mcastSnooping(true).mcastIgmpVersion(2).mcastMldVersion(1)
                .mcastLastMemberCount(2).mcastStartupQueryCount(2).mcastQuerier(false).mcastLastMemberInterval(100)
                .mcastMembershipInterval(26000).mcastQuerierInterval(25500).mcastQueryInterval(12500)
                .mcastQueryResponseInterval(1000).mcastStartupQueryInterval(3124).msti(0);
    }

    @Test
    void vmKernelsAnswerDecodesThroughTheApi() {
        Golden g = Golden.load("vlan_global_show_vm");
        List<Golden.Frame> answers = g.frames().stream().filter(f -> !f.send()).toList();
        for (Golden.Frame f : answers.subList(answers.size() - 2, answers.size())) {
            kernel.reply(k -> withSeq(f.bytes(), k.lastSeq()));
        }
        VlanGlobalOptions defaults = kernelDefaults().build();
        assertThat(nl.vlans().global().list()).containsExactly(
                new VlanGlobalEntry(2, 1, 1, defaults),
                new VlanGlobalEntry(2, 100, 100, kernelDefaults().mcastIgmpVersion(3).mcastQueryInterval(12000).build()),
                new VlanGlobalEntry(2, 200, 210, defaults));
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() {
        VlanGlobals g = nl.vlans().global();
        assertThatThrownBy(() -> g.set("br0", Vlan.of(1), VlanGlobalOptions.builder().build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no global VLAN option");
        assertThatThrownBy(() -> g.set("br0", null, VlanGlobalOptions.builder().msti(1).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VlanGlobalOptions.builder().mcastIgmpVersion(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VlanGlobalOptions.builder().mcastMldVersion(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VlanGlobalOptions.builder().mcastLastMemberCount(1L << 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VlanGlobalOptions.builder().mcastQueryInterval(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VlanGlobalOptions.builder().msti(4095)).isInstanceOf(IllegalArgumentException.class);
        assertThat(kernel.sent()).isEmpty();
    }

    @Test
    void optionsPrintInIproute2sWords() {
        assertThat(VlanGlobalOptions.builder().msti(5).mcastSnooping(true).mcastQueryInterval(12000).build())
                .hasToString(" mcast_snooping 1 mcast_query_interval 12000 msti 5");
    }
}
