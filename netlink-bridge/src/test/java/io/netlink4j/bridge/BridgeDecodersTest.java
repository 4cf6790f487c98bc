package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.NlMsg;
import io.netlink4j.core.testing.DecoderHarness;
import io.netlink4j.core.testing.DecoderTarget;
import io.netlink4j.core.testing.Messages;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The fuzz targets reach their decoders: on the kernel's real answers (golden captures, or the
 * fake-kernel replies the other tests use) each target runs cleanly. A target broken so that
 * every input failed early (a wrong script, a lookup that never matches) would fail here instead
 * of fuzzing nothing.
 */
class BridgeDecodersTest {
    static final Map<String, DecoderTarget> TARGETS = BridgeDecoders.targets().stream()
            .collect(Collectors.toMap(DecoderTarget::name, t -> t));

    private static void clean(String target, byte[] input) {
        assertThat(DecoderHarness.runChecked(TARGETS.get(target), input)).as(target).isNull();
    }

    @Test
    void targetsDecodeTheKernelsRealAnswers() {
        clean("port", FdbScripted.V0);
        clean("bridge", FdbScripted.BR0);
        clean("vlanOptions", FdbScripted.BR0);
        clean("api.ports.get", FdbScripted.V0);
        clean("api.bridges.get", FdbScripted.BR0);
        clean("api.ports.list", FdbScripted.V0);
        VlanSet set = VlanSet.builder().untagged(1).pvid(1).range(100, 110).build();
        clean("api.vlans.get", VlanTestSupport.vlanDump(0, 4, set));
        clean("api.vlans.entries", VlanTestSupport.vlanDump(0, 4, set));
        clean("api.fdb.dump", Messages.done(0, 0));
        clean("monitor", FdbScripted.V0);
        clean("mst", MstTest.linkWithMst(0, 4, "v0", MstTest.entry(0, 3), MstTest.entry(5, 4)));
        io.netlink4j.core.testing.Golden g = io.netlink4j.core.testing.Golden.load("vlan_global_show_vm");
        byte[] answer = g.frames().stream().filter(f -> !f.send()).toList().get(g.frames().stream().filter(f -> !f.send()).toList().size() - 2).bytes();
        clean("vlanGlobal", answer);
    }

    @Test
    void theHarnessFlagsAnUntypedException() {
        DecoderTarget broken = DecoderTarget.of("broken", d -> {
            throw new IndexOutOfBoundsException("x");
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DecoderHarness.runChecked(broken, new byte[NlMsg.NLMSG_HDRLEN]))
                .isInstanceOf(AssertionError.class).hasMessageContaining("broken threw");
    }
}
