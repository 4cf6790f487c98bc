package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.ChannelFeatures;
import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bulk runs at the socket's limits on the real kernel: a batch longer than the default send
 * buffer, and a receive buffer of the size a process without CAP_NET_ADMIN gets.
 */
@KernelTest
class BulkLimitsKernelTest {

    static String mac(int i) {
        return String.format("02:00:00:%02x:%02x:%02x", (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
    }

    @Test
    void window4096OfVxlanAppendsFitsWhatTheSocketAccepts() throws Exception {
        TestNetns ns = TestNetns.create();
        BridgeNetlink nl = null;
        try {
            ns.ip("link add vx0 type vxlan id 42 dstport 4789 local 10.0.0.1 nolearning");
            ns.ip("link set vx0 up");
            nl = BridgeNetlink.open(ns.name());
            List<FdbChange> appends = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                InetAddress dst = InetAddress.getByAddress(new byte[] {10, 1, (byte) (i >> 8), (byte) i});
                appends.add(FdbChange.append(FdbSpec.of("00:00:00:00:00:00", "vx0").self().dst(dst)));
            }
            // 4096 such requests make a datagram longer than the default send buffer (212,992 - 32 bytes)
            BulkResult r = nl.fdb().apply(appends, BulkOptions.defaults().withWindow(4096));
            assertThat(r.ok()).as(r.toString()).isTrue();
            assertThat(r.appliedCount()).isEqualTo(5000);
            List<Object> entries = Json.list(ns.json("bridge -j fdb show dev vx0"));
            assertThat(entries.stream().filter(e -> "00:00:00:00:00:00".equals(Json.at(e, "mac")))).hasSize(5000);
            assertThat(entries).anySatisfy(e -> assertThat(Json.at(e, "dst")).isEqualTo("10.1.19.135")); // #4999
        } finally {
            ns.close(nl);
        }
    }

    @Test
    void tenThousandAddsWithAnUnprivilegedSizedReceiveBufferGiveExactResults() throws Exception {
        // Simulated, not a dropped capability: SO_RCVBUFFORCE of 212,992 grants the same buffer
        // (425,984 after the kernel doubles it) as a process without CAP_NET_ADMIN gets from
        // SO_RCVBUF under the default net.core.rmem_max of 212,992.
        ChannelOptions small = ChannelOptions.defaults().withSocketReceiveBytes(212_992);
        TestNetns ns = TestNetns.withBridgeAndPort();
        BridgeNetlink nl = null;
        try (RtnlChannel probe = RtnlChannel.open(ns.name(), small)) {
            ChannelFeatures f = probe.features();
            assertThat(f.socketReceiveBytes()).isEqualTo(425_984);
            assertThat(f.maxAcksInFlight()).isLessThan(4096);
            nl = BridgeNetlink.open(ns.name(), small);
            List<FdbChange> adds = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                adds.add(FdbChange.add(FdbSpec.of(mac(i), "v0")));
            }
            BulkResult r = nl.fdb().apply(adds, BulkOptions.defaults().withWindow(4096));
            assertThat(r.interruption()).as(r.toString()).isNull();
            assertThat(r.window()).isEqualTo(f.maxAcksInFlight());
            assertThat(r.ok()).isTrue();
            for (int i = 0; i < 10_000; i++) {
                assertThat(r.status(i)).as("#%d", i).isEqualTo(BulkStatus.APPLIED);
            }
            long statics = Json.list(ns.json("bridge -j fdb show br br0")).stream()
                    .filter(e -> "static".equals(Json.at(e, "state")) && ((String) Json.at(e, "mac")).startsWith("02:00:00:"))
                    .count();
            assertThat(statics).isEqualTo(10_000);
        } finally {
            ns.close(nl);
        }
    }
}
