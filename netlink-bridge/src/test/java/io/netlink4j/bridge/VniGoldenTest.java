package io.netlink4j.bridge;

import static io.netlink4j.bridge.FdbScripted.goldenAnswer;
import static io.netlink4j.bridge.FdbScripted.goldenRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.NotFoundException;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.Golden;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Our VNI filter requests byte for byte against what {@code bridge vni ...} (iproute2 6.1) sent,
 * and our decoder on what the kernel (6.18) answered, replayed through a fake kernel.
 */
class VniGoldenTest {
    final FdbScripted s = new FdbScripted();
    final Vnis vnis = new Vnis(new Fdb.Conversations() {
        @Override
        public <T> T call(Function<RtnlChannel, T> conversation) {
            return conversation.apply(s.ch);
        }
    });

    /** vxlan0 (ifindex 4, kind vxlan) as the kernel described it in the captures' link dump. */
    static final byte[] VXLAN0 = VxlanFdbGoldenTest.link(Golden.load("vni_add"), 4);

    private void replay(String name, Runnable action) {
        Golden g = Golden.load(name);
        s.answer(VXLAN0).answer(goldenAnswer(g));
        try {
            action.run();
        } finally {
            assertThat(s.kernel.sent()).as(g.command()).hasSize(2);
            assertThat(s.sentWithoutSeq(1)).as(g.command()).isEqualTo(goldenRequest(g));
        }
    }

    @Test
    void addOne() {
        replay("vni_add", () -> vnis.add("vxlan0", VniSpec.of(100)));
    }

    @Test
    void addRange() {
        replay("vni_add_range", () -> vnis.add("vxlan0", VniSpec.parse("200-205")));
    }

    @Test
    void addSeveralInOneRequest() {
        replay("vni_add_list", () -> vnis.add("vxlan0", VniSpec.of(600), VniSpec.of(700)));
    }

    @Test
    void addWithRemote() {
        replay("vni_add_remote", () -> vnis.add("vxlan0", VniSpec.of(300).remote("192.0.2.9")));
    }

    @Test
    void addWithGroup() {
        replay("vni_add_group", () -> vnis.add("vxlan0", VniSpec.of(400).group("239.1.1.1")));
    }

    @Test
    void addWithIpv6Remote() {
        replay("vni_add_remote6", () -> vnis.add("vxlan0", VniSpec.of(500).remote("2001:db8::9")));
    }

    @Test
    void delete() {
        replay("vni_delete", () -> vnis.delete("vxlan0", VniSpec.of(100)));
    }

    @Test
    void deleteOfAMissingVniSaysSo() {
        assertThatThrownBy(() -> replay("vni_delete_missing_error", () -> vnis.delete("vxlan0", VniSpec.of(100))))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("vni delete dev vxlan0 vni 100")
                .hasMessageContaining("does not filter this VNI");
    }

    @Test
    void showDecodesEveryEntry() {
        Golden g = Golden.load("vni_show");
        List<Golden.Frame> recv = g.frames().stream().filter(f -> !f.send()).toList();
        for (int i = 0; i < 5; i++) { // iproute2's link dump (2 datagrams + DONE), then the VNI dump
            s.answer(recv.get(i).bytes());
        }
        List<VniEntry> all = vnis.list();
        assertThat(s.sentWithoutSeq(1)).isEqualTo(goldenRequest(g));
        assertThat(all).extracting(VniEntry::toString).containsExactly(
                "dev vxlan0 vni 100",
                "dev vxlan0 vni 200-205",
                "dev vxlan0 vni 400 group 239.1.1.1",
                "dev vxlan0 vni 500 remote 2001:db8::9");
        assertThat(all).allSatisfy(e -> assertThat(e.stats()).isNull());
        assertThat(all.get(2).isGroup()).isTrue();
        assertThat(all.get(3).isGroup()).isFalse();
    }

    @Test
    void showWithStatsAsksForThemAndDecodesThem() {
        Golden g = Golden.load("vni_show_stats");
        List<Golden.Frame> recv = g.frames().stream().filter(f -> !f.send()).toList();
        for (int i = 0; i < 5; i++) {
            s.answer(recv.get(i).bytes());
        }
        List<VniEntry> all = vnis.list(null, true);
        assertThat(s.sentWithoutSeq(1)).isEqualTo(goldenRequest(g));
        // with stats the kernel lists every VNI of a range on its own (the counters are per VNI)
        assertThat(all).extracting(VniEntry::toString).containsExactly(
                "dev vxlan0 vni 100", "dev vxlan0 vni 200", "dev vxlan0 vni 201", "dev vxlan0 vni 202",
                "dev vxlan0 vni 203", "dev vxlan0 vni 204", "dev vxlan0 vni 205",
                "dev vxlan0 vni 400 group 239.1.1.1", "dev vxlan0 vni 500 remote 2001:db8::9");
        assertThat(all).allSatisfy(e -> assertThat(e.stats()).isEqualTo(new VniEntry.Stats(0, 0, 0, 0, 0, 0, 0, 0)));
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> vnis.add("vxlan0", VniSpec.of(0))).hasMessageContaining("out of range");
        assertThatThrownBy(() -> vnis.add("vxlan0", VniSpec.of(16777216))).hasMessageContaining("1-16777215");
        assertThatThrownBy(() -> vnis.add("vxlan0", VniSpec.range(20, 10))).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> vnis.add("vxlan0", VniSpec.of(1).group("192.0.2.1"))).hasMessageContaining("not a multicast");
        assertThatThrownBy(() -> vnis.add("vxlan0", VniSpec.of(1).remote("239.1.1.1"))).hasMessageContaining("unicast");
        assertThatThrownBy(() -> vnis.add("vxlan0", VniSpec.of(1).remote("0.0.0.0"))).hasMessageContaining("unicast");
        assertThatThrownBy(() -> vnis.add("vxlan0")).hasMessageContaining("at least one VNI");
        assertThatThrownBy(() -> VniSpec.parse("1,2")).hasMessageContaining("expected N or N-M");
        assertThatThrownBy(() -> VniSpec.of(1).remote("example.com")).hasMessageContaining("not an IPv4 or IPv6 address");
        assertThat(s.kernel.sent()).isEmpty();
    }

    @Test
    void aDeviceThatIsNoVxlanIsRefusedAfterTheLookupOnly() {
        s.answer(FdbScripted.V0);
        assertThatThrownBy(() -> vnis.add("v0", VniSpec.of(100)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("v0 is not a VXLAN device (kind veth)");
        assertThat(s.kernel.sent()).hasSize(1); // the lookup, no RTM_NEWTUNNEL
    }
}
