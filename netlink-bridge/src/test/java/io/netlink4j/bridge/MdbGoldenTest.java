package io.netlink4j.bridge;

import static io.netlink4j.bridge.FdbScripted.BR0;
import static io.netlink4j.bridge.FdbScripted.V0;
import static io.netlink4j.bridge.FdbScripted.V1;
import static io.netlink4j.bridge.FdbScripted.goldenAnswer;
import static io.netlink4j.bridge.FdbScripted.goldenRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.InvalidArgumentException;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.Golden;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Our MDB requests byte for byte against what {@code bridge mdb ...} (iproute2 6.1) sent, and our
 * decoder on what the kernel (6.18) answered, replayed through a fake kernel.
 */
class MdbGoldenTest {
    final FdbScripted s = new FdbScripted();
    final Mdb mdb = new Mdb(new Fdb.Conversations() {
        @Override
        public <T> T call(Function<RtnlChannel, T> conversation) {
            return conversation.apply(s.ch);
        }
    });

    /** Runs {@code action}: the lookups answered with {@code lookups}, the request with the capture's answer. */
    private void replay(String name, Runnable action, byte[]... lookups) {
        Golden g = Golden.load(name);
        for (byte[] l : lookups) {
            s.answer(l);
        }
        s.answer(goldenAnswer(g));
        try {
            action.run();
        } finally {
            assertThat(s.kernel.sent()).as(g.command()).hasSize(lookups.length + 1);
            assertThat(s.sentWithoutSeq(lookups.length)).as(g.command()).isEqualTo(goldenRequest(g));
        }
    }

    @Test
    void addPermanentIpv4() {
        replay("mdb_add_permanent", () -> mdb.add(MdbSpec.of("br0", "v0", "239.1.1.1")), BR0, V0);
    }

    @Test
    void addTemporaryWithVlan() {
        replay("mdb_add_temp_vid", () -> mdb.add(MdbSpec.of("br0", "v0", "239.1.1.2").temporary().vlan(10)), BR0, V0);
    }

    @Test
    void addIpv6() {
        replay("mdb_add_ipv6", () -> mdb.add(MdbSpec.of("br0", "v0", "ff0e::1")), BR0, V0);
    }

    @Test
    void addL2Group() {
        replay("mdb_add_l2", () -> mdb.add(MdbSpec.of("br0", "v0", "01:00:5e:01:01:05")), BR0, V0);
    }

    @Test
    void addSourceSpecific() {
        replay("mdb_add_src", () -> mdb.add(MdbSpec.of("br0", "v0", "239.1.1.3").source("192.0.2.1")), BR0, V0);
    }

    @Test
    void addHostJoin() {
        replay("mdb_add_host", () -> mdb.add(MdbSpec.of("br0", "br0", "239.1.1.9").temporary()), BR0, BR0);
    }

    @Test
    void delete() {
        replay("mdb_del", () -> mdb.delete(MdbSpec.of("br0", "v0", "239.1.1.1")), BR0, V0);
    }

    @Test
    void deleteOfAMissingEntrySaysSo() {
        assertThatThrownBy(() -> replay("mdb_del_missing_error",
                () -> mdb.delete(MdbSpec.of("br0", "v0", "239.1.1.7")), BR0, V0))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("mdb del dev br0 port v0 grp 239.1.1.7")
                .hasMessageContaining("no such MDB entry");
    }

    @Test
    void kernelTextIsPassedOn() {
        // our own check refuses 224.0.0.5 first; the capture shows the kernel's wording for the same rule
        Golden g = Golden.load("mdb_add_local_error");
        assertThatThrownBy(() -> mdb.add(MdbSpec.of("br0", "v0", "224.0.0.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("224.0.0.0/24");
        assertThat(s.kernel.sent()).isEmpty();
        // a request the kernel refuses carries its ext-ack text into the exception
        s.answer(BR0).answer(V0).answer(goldenAnswer(g));
        assertThatThrownBy(() -> mdb.add(MdbSpec.of("br0", "v0", "239.1.1.1")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("IPv4 entry group address is local multicast");
    }

    @Test
    void showDecodesEntriesAndRouterPorts() {
        Golden g = Golden.load("mdb_show");
        List<Golden.Frame> recv = g.frames().stream().filter(f -> !f.send()).toList();
        // iproute2's name-cache link dump (2 datagrams + DONE), then the first MDB dump (entries + DONE)
        for (int i = 0; i < 5; i++) {
            s.answer(recv.get(i).bytes());
        }
        MdbTable t = mdb.show();
        assertThat(s.sentWithoutSeq(1)).isEqualTo(goldenRequest(g));
        assertThat(t.entries()).extracting(MdbEntry::toString).containsExactly(
                "dev br0 port br0 grp 239.1.1.9 temp",
                "dev br0 port v0 grp 239.1.1.3 src 192.0.2.1 permanent",
                "dev br0 port v0 grp 01:00:5e:01:01:05 permanent",
                "dev br0 port v0 grp ff0e::1 permanent",
                "dev br0 port v0 grp 239.1.1.2 temp vid 10",
                "dev br0 port v0 grp 239.1.1.1 permanent");
        MdbEntry host = t.entries().get(0);
        assertThat(host.isHostEntry()).isTrue();
        assertThat(host.timer()).isGreaterThan(Duration.ofSeconds(200)).isLessThanOrEqualTo(Duration.ofSeconds(260));
        assertThat(host.protocol()).isEqualTo(-1);
        MdbEntry sg = t.entries().get(1);
        assertThat(sg.kind()).isEqualTo(MdbEntry.Kind.IPV4);
        assertThat(sg.protocol()).isEqualTo(4);
        assertThat(sg.timer()).isEqualTo(Duration.ZERO);
        assertThat(t.entries().get(2).kind()).isEqualTo(MdbEntry.Kind.L2);
        assertThat(t.entries().get(3).kind()).isEqualTo(MdbEntry.Kind.IPV6);
        assertThat(t.entries().get(4).vlan()).isEqualTo(10);
        assertThat(t.entries().get(4).permanent()).isFalse();
        assertThat(t.entries()).allSatisfy(e -> assertThat(e.flags()).isEmpty());
        assertThat(t.routers()).containsExactly(new MdbRouterPort(2, "br0", 4, "v0", MdbRouterType.PERM,
                Duration.ZERO, Duration.ZERO, Duration.ZERO, 0));
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() {
        s.answer(BR0).answer(V1);
        assertThatThrownBy(() -> mdb.add(MdbSpec.of("br0", "v1", "239.1.1.1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("v1 is not a bridge port");
        assertThat(s.kernel.sent()).hasSize(2); // the two lookups, no MDB request
        assertThat(s.kernel.sent()).allSatisfy(b -> assertThat(b[4]).isEqualTo((byte) 18)); // RTM_GETLINK
        s.kernel.sent().clear();
        String[][] bad = {
            {"10.0.0.1", "not an IPv4 multicast"},
            {"2001:db8::1", "not an IPv6 multicast"},
            {"ff02::1", "all-nodes"},
            {"02:00:00:00:00:01", "not a multicast MAC"},
            {"example.org", "is not an IPv4, IPv6 or MAC address"},
        };
        for (String[] b : bad) {
            assertThatThrownBy(() -> mdb.add(MdbSpec.of("br0", "v0", b[0]))).as(b[0])
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(b[1]);
        }
        assertThatThrownBy(() -> mdb.add(MdbSpec.of("br0", "v0", "239.1.1.1").vlan(4095)))
                .hasMessageContaining("1..4094");
        assertThatThrownBy(() -> mdb.add(MdbSpec.of("br0", "v0", "239.1.1.1").source("ff0e::2")))
                .hasMessageContaining("address family");
        assertThatThrownBy(() -> mdb.add(MdbSpec.of("br0", "v0", "239.1.1.1").source("239.9.9.9")))
                .hasMessageContaining("unicast");
        assertThatThrownBy(() -> mdb.add(MdbSpec.of("br0", "v0", "01:00:5e:01:01:05").source("192.0.2.1")))
                .hasMessageContaining("L2 group has no sources");
        assertThatThrownBy(() -> mdb.add(MdbSpec.of("br0", "v0", "239.1.1.1").sourceList(List.of("192.0.2.1"))))
                .hasMessageContaining("needs a filter mode");
        assertThatThrownBy(() -> mdb.add(MdbSpec.of("br0", "v0", "239.1.1.1").source("192.0.2.1")
                .filterMode(MdbFilterMode.INCLUDE))).hasMessageContaining("(S, G)");
        assertThatThrownBy(() -> mdb.add(MdbSpec.of("br0", "v0", "239.1.1.1").protocol(3)))
                .hasMessageContaining("4 (static) .. 255");
        assertThat(s.kernel.sent()).isEmpty();
    }
}
