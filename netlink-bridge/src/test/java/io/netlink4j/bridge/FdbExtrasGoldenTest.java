package io.netlink4j.bridge;

import static io.netlink4j.bridge.FdbScripted.goldenAnswer;
import static io.netlink4j.bridge.FdbScripted.goldenRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.testing.Golden;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/**
 * FDB adds with a nexthop group ({@code nhid}) and with entry flags ({@code sticky},
 * {@code extern_learn}) byte for byte against {@code bridge fdb add ...} of iproute2 6.1.
 */
class FdbExtrasGoldenTest {
    final FdbScripted s = new FdbScripted();

    private void replay(String name, int lookup, Runnable action) {
        Golden g = Golden.load(name);
        s.answer(VxlanFdbGoldenTest.link(g, lookup)).answer(goldenAnswer(g));
        action.run();
        assertThat(s.kernel.sent()).hasSize(2);
        assertThat(s.sentWithoutSeq(1)).as(g.command()).isEqualTo(goldenRequest(g));
    }

    @Test
    void addWithANexthopGroup() {
        replay("fdb_add_nhid", 5, () -> s.fdb.add(FdbSpec.of("02:00:00:00:00:01", "vxlan0").self().permanent().nhId(10)));
    }

    @Test
    void addSticky() {
        replay("fdb_add_sticky", 4, () -> s.fdb.add(FdbSpec.of("02:00:00:00:00:06", "v0").sticky()));
    }

    @Test
    void addExternLearn() {
        replay("fdb_add_extern_learn", 4, () -> s.fdb.add(FdbSpec.of("02:00:00:00:00:07", "v0").externLearn()));
    }

    @Test
    void aNexthopGroupExcludesADestination() throws Exception {
        FdbSpec both = FdbSpec.of("02:00:00:00:00:01", "vxlan0").self().nhId(10).dst(InetAddress.getByName("192.0.2.1"));
        assertThatThrownBy(() -> s.fdb.add(both)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nhid 10 names the destination");
        assertThat(s.kernel.sent()).isEmpty();
    }

    private void replayFlush(String name, Runnable action) {
        Golden g = Golden.load(name);
        s.answer(VxlanFdbGoldenTest.link(g, 4)).answer(VxlanFdbGoldenTest.link(g, 2)).answer(goldenAnswer(g));
        action.run();
        assertThat(s.kernel.sent()).hasSize(3); // v0, its master br0, the flush
        assertThat(s.sentWithoutSeq(2)).as(g.command()).isEqualTo(goldenRequest(g));
    }

    @Test
    void flushStickyEntriesOfAPort() {
        replayFlush("fdb_flush_master_sticky", () -> s.fdb.flush(FdbFlush.port("v0").sticky(true)));
    }

    @Test
    void flushStaticEntriesWithoutExternLearn() {
        replayFlush("fdb_flush_master_static_noextern",
                () -> s.fdb.flush(FdbFlush.port("v0").staticOnly().externLearn(false)));
    }

    @Test
    void flushSelectorsThatExcludeEachOtherAreRefused() {
        assertThatThrownBy(() -> FdbFlush.port("v0").staticOnly().dynamicOnly()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FdbFlush.port("v0").includePermanent().staticOnly()).isInstanceOf(IllegalArgumentException.class);
        assertThat(s.kernel.sent()).isEmpty();
    }

    @Test
    void getFromAVxlanDevicesOwnFdb() {
        Golden g = Golden.load("fdb_get_self_vni");
        s.answer(VxlanFdbGoldenTest.link(g, 5)).answer(goldenAnswer(g)).answer(VxlanFdbGoldenTest.link(g, 5));
        java.util.Optional<FdbEntry> e = s.fdb.getSelf("02:00:00:00:00:01", "vxlan0", 42);
        assertThat(s.sentWithoutSeq(1)).as(g.command()).isEqualTo(goldenRequest(g));
        assertThat(e).hasValueSatisfying(x -> {
            assertThat(x.dst().getHostAddress()).isEqualTo("192.0.2.1");
            assertThat(x.has(FdbFlag.SELF)).isTrue();
            assertThat(x.ifname()).isEqualTo("vxlan0");
        });
        assertThatThrownBy(() -> s.fdb.getSelf("02:00:00:00:00:01", "vxlan0", 1 << 24))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
    }
}
