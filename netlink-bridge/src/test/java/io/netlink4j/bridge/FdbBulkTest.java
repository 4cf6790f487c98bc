package io.netlink4j.bridge;

import static io.netlink4j.bridge.FdbScripted.BR0;
import static io.netlink4j.bridge.FdbScripted.V0;
import static io.netlink4j.bridge.FdbScripted.V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.jna.Errno;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bulk path and input validation against a fake kernel: no root needed. */
class FdbBulkTest {
    final FdbScripted s = new FdbScripted();

    private static List<FdbChange> adds(int n) {
        List<FdbChange> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(FdbChange.add(FdbSpec.of(FdbCodec.formatMac(0x020000100000L + i), "v0")));
        }
        return l;
    }

    private List<Integer> sentTypes() {
        List<Integer> types = new ArrayList<>();
        for (byte[] d : s.kernel.sent()) {
            ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.nativeOrder());
            for (int pos = 0; pos + 16 <= d.length; pos += NlMsg.align(b.getInt(pos))) {
                types.add(b.getShort(pos + 4) & 0xffff);
            }
        }
        return types;
    }

    @Test
    void continueModeReportsExactlyTheFailedEntryAndAppliesTheRest() {
        s.answer(V0);
        // ordinal 0 is the v0 lookup, so change i is ordinal i + 1
        s.kernel.autoAck(o -> o == 1 + 117 ? Errno.EEXIST : 0);
        BulkResult r = s.fdb.apply(adds(300), BulkOptions.defaults().continueOnError());
        assertThat(r.failures()).hasSize(1);
        BulkResult.Failure f = r.failures().get(0);
        assertThat(f.index()).isEqualTo(117);
        assertThat(f.errno()).isEqualTo(Errno.EEXIST);
        assertThat(f.change().spec().mac()).isEqualTo(FdbCodec.formatMac(0x020000100000L + 117));
        assertThat(f.error().getMessage()).contains("(#117)").contains(f.change().spec().mac());
        assertThat(r.appliedCount()).isEqualTo(299);
        assertThat(r.sent()).isEqualTo(300);
        assertThat(r.status(117)).isEqualTo(BulkStatus.FAILED);
        assertThat(r.status(118)).isEqualTo(BulkStatus.APPLIED);
        // one lookup for 300 entries on the same device, and many requests per datagram
        assertThat(sentTypes().stream().filter(t -> t == Rtnetlink.RTM_GETLINK)).hasSize(1);
        assertThat(r.datagrams()).isLessThan(300 / 4);
    }

    @Test
    void stopModeSendsNothingAfterTheFirstError() {
        s.answer(V0);
        s.kernel.autoAck(o -> o == 1 + 10 ? Errno.EINVAL : 0);
        BulkResult r = s.fdb.apply(adds(500), BulkOptions.defaults().withWindow(16));
        assertThat(r.failures()).extracting(BulkResult.Failure::index).containsExactly(10);
        assertThat(r.sent()).isLessThan(500).isGreaterThan(10);
        assertThat(r.notSent()).isEqualTo(500 - r.sent());
        assertThat(r.status(499)).isEqualTo(BulkStatus.NOT_SENT);
        assertThat(r.count(BulkStatus.NOT_SENT)).isEqualTo(500 - r.sent());
        assertThat(r.count(BulkStatus.FAILED)).isEqualTo(1);
        assertThat(r.ok()).isFalse();
        assertThatThrownBy(r::orThrow).hasMessageContaining("(#10)");
    }

    @Test
    void wholeInputIsValidatedBeforeAnythingIsSent() {
        List<FdbChange> l = new ArrayList<>(adds(10));
        l.set(3, FdbChange.add(FdbSpec.of("02:00:00:00:00:zz", "v0")));
        l.set(5, FdbChange.add(FdbSpec.of("02:00:00:00:00:05", "v0").vlan(4095)));
        l.set(6, FdbChange.add(FdbSpec.of("02:00:00:00:00:06", "v0").vlan(0).vlan(-1)));
        l.set(7, FdbChange.add(FdbSpec.of("02:00:00:00:00:07", "nope")));
        l.set(8, FdbChange.add(FdbSpec.of("01:00:5e:00:00:01", "v0")));
        s.answer(V0);
        s.kernel.reply(k -> io.netlink4j.core.testing.Messages.error(k.lastSeq(), Errno.ENODEV, new byte[0]));
        assertThatThrownBy(() -> s.fdb.apply(l, BulkOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("5 of 10 FDB changes are invalid, nothing was sent")
                .hasMessageContaining("#3 (add 02:00:00:00:00:zz dev v0 master static): invalid MAC address \"02:00:00:00:00:zz\"")
                .hasMessageContaining("#5 (add 02:00:00:00:00:05 dev v0 vlan 4095 master static): VLAN id 4095 is out of range")
                .hasMessageContaining("#6")
                .hasMessageContaining("#7 (add 02:00:00:00:00:07 dev nope master static): device \"nope\" does not exist")
                .hasMessageContaining("#8").hasMessageContaining("multicast");
        // only the two device lookups went out
        assertThat(sentTypes()).containsExactly(Rtnetlink.RTM_GETLINK, Rtnetlink.RTM_GETLINK);
    }

    @Test
    void aBridgeWhereAPortIsExpectedIsExplained() {
        s.answer(BR0);
        assertThatThrownBy(() -> s.fdb.add(FdbSpec.of("02:00:00:00:00:01", "br0")))
                .isInstanceOf(NotABridgePortException.class)
                .hasMessageStartingWith("fdb add 02:00:00:00:00:01 dev br0 master static: br0 is a bridge, not a bridge port")
                .hasMessageNotContaining("self()")
                .satisfies(e -> assertThat(((NotABridgePortException) e).errno()).isZero()); // no kernel errno: found by a read
        assertThat(sentTypes()).containsExactly(Rtnetlink.RTM_GETLINK);
    }

    @Test
    void aDeviceOutsideAnyBridgeIsNotAPort() {
        s.answer(V1);
        assertThatThrownBy(() -> s.fdb.add(FdbSpec.of("02:00:00:00:00:01", "v1")))
                .isInstanceOf(NotABridgePortException.class)
                .hasMessage("fdb add 02:00:00:00:00:01 dev v1 master static: v1 is not a bridge port, so it has no bridge"
                        + " FDB (enslave it, or make it a self entry in the device's own FDB)");
    }

    @Test
    void getAndFlushCheckTheirArguments() {
        assertThatThrownBy(() -> s.fdb.get("02:00:00:00:00", "br0", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("02:00:00:00:00");
        assertThatThrownBy(() -> s.fdb.get("02:00:00:00:00:01", "br0", 4095))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4095");
        assertThatThrownBy(() -> s.fdb.flush(FdbFlush.port("v0").vlan(5000)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(s.kernel.sent()).isEmpty();
    }

    @Test
    void macParsing() {
        assertThat(FdbCodec.parseMac("02:00:00:00:00:01")).isEqualTo(0x020000000001L);
        assertThat(FdbCodec.parseMac("AA-BB-CC-DD-EE-FF")).isEqualTo(0xaabbccddeeffL);
        assertThat(FdbCodec.parseMac("2:0:0:0:0:1")).isEqualTo(0x020000000001L);
        for (String bad : new String[] {"", "02:00:00:00:00", "02:00:00:00:00:01:02", "02:00:00:00:00:001",
                "02::00:00:00:01:0", "g2:00:00:00:00:01", "02:00:00:00:00:01:"}) {
            assertThat(FdbCodec.parseMac(bad)).as(bad).isEqualTo(-1);
        }
        assertThat(FdbCodec.formatMac(0xaabbccddeeffL)).isEqualTo("aa:bb:cc:dd:ee:ff");
    }
}
