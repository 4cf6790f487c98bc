package io.netlink4j.bridge;

import static io.netlink4j.bridge.FdbScripted.BR0;
import static io.netlink4j.bridge.FdbScripted.V0;
import static io.netlink4j.bridge.FdbScripted.goldenAnswer;
import static io.netlink4j.bridge.FdbScripted.goldenRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.AlreadyExistsException;
import io.netlink4j.core.InvalidArgumentException;
import io.netlink4j.core.NdMsg;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.NotFoundException;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.testing.Golden;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Our FDB requests byte for byte against what {@code bridge fdb ...} (iproute2 6.1) sent, and our
 * decoder on what the kernel (6.18) answered, replayed through a fake kernel.
 */
class FdbGoldenTest {
    final FdbScripted s = new FdbScripted();

    /** Runs {@code action} against the capture: lookups answered with {@code lookups}, the request with the kernel's answer. */
    private Golden replay(String name, Runnable action, byte[]... lookups) {
        Golden g = Golden.load(name);
        for (byte[] l : lookups) {
            s.answer(l);
        }
        s.answer(goldenAnswer(g));
        try {
            action.run();
        } finally {
            assertThat(s.sentWithoutSeq(lookups.length)).as(g.command())
                    .isEqualTo(goldenRequest(g));
        }
        return g;
    }

    @Test
    void addStatic() {
        replay("fdb_add_static", () -> s.fdb.add(FdbSpec.of("02:00:00:00:00:01", "v0")), V0);
    }

    @Test
    void addPermanent() {
        replay("fdb_add_permanent", () -> s.fdb.add(FdbSpec.of("02:00:00:00:00:04", "v0").permanent()), V0);
    }

    @Test
    void addStaticVlanIsRefusedWithoutVlansAndSaysWhy() {
        assertThatThrownBy(() -> replay("fdb_add_static_vlan",
                () -> s.fdb.add(FdbSpec.of("02:00:00:00:00:02", "v0").vlan(100)), V0))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("fdb add 02:00:00:00:00:02 dev v0 vlan 100 master static")
                .hasMessageContaining("VLAN 100 is not configured on v0");
    }

    @Test
    void append() {
        replay("fdb_append", () -> s.fdb.append(FdbSpec.of("02:00:00:00:00:03", "v0")), V0);
    }

    @Test
    void replaceWithVlan() {
        assertThatThrownBy(() -> replay("fdb_replace",
                () -> s.fdb.replace(FdbSpec.of("02:00:00:00:00:01", "v0").vlan(100)), V0))
                .isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void replace() {
        replay("fdb_replace_novlan", () -> s.fdb.replace(FdbSpec.of("02:00:00:00:00:01", "v0")), V0);
    }

    @Test
    void delete() {
        replay("fdb_del", () -> s.fdb.delete(FdbSpec.of("02:00:00:00:00:01", "v0")), V0);
    }

    @Test
    void deleteVlanOfMissingEntry() {
        assertThatThrownBy(() -> replay("fdb_del_vlan",
                () -> s.fdb.delete(FdbSpec.of("02:00:00:00:00:02", "v0").vlan(100)), V0))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("02:00:00:00:00:02 dev v0 vlan 100");
    }

    @Test
    void duplicateAddNamesTheEntry() {
        assertThatThrownBy(() -> replay("fdb_add_dup_error",
                () -> s.fdb.add(FdbSpec.of("02:00:00:00:00:05", "v0")), V0))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessageContaining("02:00:00:00:00:05 on v0")
                .hasMessageContaining("bridge fdb replace");
    }

    @Test
    void getDecodesTheKernelsAnswer() {
        Golden g = Golden.load("fdb_get");
        // order of requests: br0 lookup, the get, the lookup of the entry's port name
        s.answer(BR0).answer(goldenAnswer(g)).answer(V0);
        Optional<FdbEntry> got = s.fdb.get("02:00:00:00:00:01", "br0", 0);
        assertThat(s.sentWithoutSeq(1)).isEqualTo(goldenRequest(g));
        FdbEntry e = got.orElseThrow();
        assertThat(e.mac()).isEqualTo("02:00:00:00:00:01");
        assertThat(e.ifindex()).isEqualTo(4);
        assertThat(e.ifname()).isEqualTo("v0");
        assertThat(e.master()).isEqualTo(2);
        assertThat(e.vlan()).isZero();
        assertThat(e.state()).isEqualTo(FdbState.STATIC);
        assertThat(e.used()).isNotNull();
        assertThat(e.isBridgeEntry()).isTrue();
    }

    @Test
    void dumpByBridgeStreamsEveryEntryOfTheCapture() {
        Golden g = Golden.load("fdb_show_br");
        s.answer(BR0);
        List<Golden.Frame> recv = g.frames().stream().filter(f -> !f.send()).toList();
        // the dump's answer: the last two datagrams (entries, then NLMSG_DONE)
        byte[] entries = recv.get(recv.size() - 2).bytes();
        s.answer(entries).answer(recv.get(recv.size() - 1).bytes());
        List<String> seen = new ArrayList<>();
        List<Long> macs = new ArrayList<>();
        int n = s.fdb.dump(FdbFilter.bridge("br0"), v -> {
            seen.add(v.macString() + " " + v.ifindex() + " " + v.master() + " " + v.state());
            macs.add(v.macLong());
        });
        assertThat(s.sentWithoutSeq(1)).isEqualTo(goldenRequest(g));
        assertThat(n).isEqualTo(countNeigh(entries)).isEqualTo(seen.size());
        assertThat(seen).contains("02:00:00:00:00:01 4 2 STATIC", "02:00:00:00:00:02 4 2 STATIC",
                "02:00:00:00:00:03 4 2 STATIC");
        assertThat(macs).contains(0x020000000001L, 0x020000000003L);
    }

    @Test
    void dumpByPortSendsTheIfindex() {
        Golden g = Golden.load("fdb_show_brport");
        s.answer(BR0).answer(V0);
        List<Golden.Frame> recv = g.frames().stream().filter(f -> !f.send()).toList();
        byte[] entries = recv.get(recv.size() - 2).bytes();
        s.answer(entries).answer(recv.get(recv.size() - 1).bytes());
        List<FdbEntry> got = new ArrayList<>();
        s.fdb.dump(FdbFilter.bridge("br0").andPort("v0"), v -> got.add(v.toEntry()));
        assertThat(s.sentWithoutSeq(2)).isEqualTo(goldenRequest(g));
        assertThat(got).hasSize(countNeigh(entries)).allSatisfy(e -> assertThat(e.ifindex()).isEqualTo(4));
    }

    @Test
    void flushThroughTheKernelsBulkDelete() {
        replay("fdb_flush_master", () -> {
            FlushResult r = s.fdb.flush(FdbFlush.port("v0").includePermanent());
            assertThat(r.kernelBulk()).isTrue();
            assertThat(r.countKnown()).isFalse();
        }, V0, BR0);
    }

    @Test
    void flushKeepsPermanentEntriesByDefault() {
        s.answer(V0).answer(BR0).answer(goldenAnswer(Golden.load("fdb_flush_master")));
        s.fdb.flush(FdbFlush.port("v0").dynamicOnly().vlan(7));
        ByteBuffer b = ByteBuffer.wrap(s.kernel.sent().get(2)).order(ByteOrder.nativeOrder());
        assertThat(b.getShort(NlMsg.FLAGS_OFFSET) & NlMsg.NLM_F_BULK).isEqualTo(NlMsg.NLM_F_BULK);
        // ndmsg state 0, then NDA_VLAN 7 and NDA_NDM_STATE_MASK PERMANENT|NOARP
        assertThat(b.getShort(16 + 8)).isZero();
        assertThat(b.getShort(28 + 2)).isEqualTo((short) 5);
        assertThat(b.getShort(28 + 4)).isEqualTo((short) 7);
        assertThat(b.getShort(36 + 2)).isEqualTo((short) 16);
        assertThat(b.getShort(36 + 4)).isEqualTo((short) (NdMsg.NUD_PERMANENT | NdMsg.NUD_NOARP));
    }

    @Test
    void flushFallsBackToDumpAndDeleteWithoutKernelBulk() {
        Golden g = Golden.load("fdb_show_brport");
        List<Golden.Frame> recv = g.frames().stream().filter(f -> !f.send()).toList();
        byte[] entries = recv.get(recv.size() - 2).bytes();
        // lookups, the bulk request refused as by a kernel without it, the dump, then ACKs for each delete
        s.answer(V0).answer(BR0);
        s.kernel.reply(k -> io.netlink4j.core.testing.Messages.error(k.lastSeq(), io.netlink4j.jna.Errno.EOPNOTSUPP, new byte[0]));
        s.answer(entries).answer(recv.get(recv.size() - 1).bytes());
        s.kernel.autoAck(i -> 0);
        FlushResult r = s.fdb.flush(FdbFlush.port("v0"));
        int expected = 0;
        FdbView v = new FdbView();
        ByteBuffer b = ByteBuffer.wrap(entries).order(ByteOrder.nativeOrder());
        NlMsg m = new NlMsg();
        for (int pos = 0; pos < entries.length; pos += NlMsg.align(m.length())) {
            m.wrap(b, pos);
            if (v.wrap(m) && v.master() == 2 && v.ifindex() == 4 && v.state() != FdbState.PERMANENT) {
                expected++;
            }
        }
        assertThat(expected).isGreaterThanOrEqualTo(3); // the 3 static entries of the capture at least
        assertThat(r.kernelBulk()).isFalse();
        assertThat(r.removed()).isEqualTo(expected);
        long deletes = s.kernel.sent().stream().skip(4).mapToLong(FdbGoldenTest::countDeletes).sum();
        assertThat(deletes).isEqualTo(expected);
    }

    private static long countDeletes(byte[] d) {
        ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.nativeOrder());
        long n = 0;
        for (int pos = 0; pos + 16 <= d.length; pos += NlMsg.align(b.getInt(pos))) {
            if ((b.getShort(pos + 4) & 0xffff) == Rtnetlink.RTM_DELNEIGH) {
                n++;
            }
        }
        return n;
    }

    private static int countNeigh(byte[] d) {
        ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.nativeOrder());
        int n = 0;
        for (int pos = 0; pos + 16 <= d.length; pos += NlMsg.align(b.getInt(pos))) {
            if ((b.getShort(pos + 4) & 0xffff) == Rtnetlink.RTM_NEWNEIGH) {
                n++;
            }
        }
        return n;
    }
}
