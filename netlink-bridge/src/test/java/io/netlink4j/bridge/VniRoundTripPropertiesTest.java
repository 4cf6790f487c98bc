package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.testing.Gen;
import io.netlink4j.core.testing.SeededTest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * encode → decode = identity for VNI filter entries: the RTM_NEWTUNNEL that {@link Vnis#add} sends,
 * read back by the decoder of {@code bridge vni show} answers (the kernel's dump has the same
 * shape). 100 inputs per seed.
 */
class VniRoundTripPropertiesTest {

    /** Up to 20 specs: one VNI or a range, with no address, an IPv4/IPv6 remote or group. */
    static List<VniSpec> specs(Gen g) {
        List<VniSpec> out = new ArrayList<>();
        for (int i = g.intBetween(1, 20); i > 0; i--) {
            int start = g.intBetween(1, VniSpec.MAX_VNI);
            VniSpec s = g.bool() ? VniSpec.of(start) : VniSpec.range(start, g.intBetween(start, VniSpec.MAX_VNI));
            switch (g.intBetween(0, 2)) {
                case 1 -> s = s.remote(address(g, false));
                case 2 -> s = s.group(address(g, true));
                default -> { }
            }
            out.add(s);
        }
        return out;
    }

    private static InetAddress address(Gen g, boolean multicast) {
        byte[] a = g.bytesOfSize(g.bool() ? 4 : 16);
        if (a.length == 4) {
            a[0] = (byte) (multicast ? 224 + g.intBetween(0, 15) : g.intBetween(1, 223));
        } else {
            a[0] = (byte) (multicast ? 0xff : 0x20);
        }
        try {
            return InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @SeededTest
    void specsRoundTripThroughTheNewTunnelVnisAddSends(long seed) {
        Gen.forAll(seed, 100, VniRoundTripPropertiesTest::specs, VniRoundTripPropertiesTest::roundTrip);
    }

    private static void roundTrip(List<VniSpec> specs) {
        assertThat(specs).allSatisfy(s -> assertThat(s.problem()).isNull());
        MessageWriter w = MessageWriter.allocate(8192);
        w.begin(VniCodec.RTM_NEWTUNNEL, 0, 1, 0);
        VniCodec.encodeChange(w, 4, specs);
        w.end();
        byte[] copy = new byte[w.length()];
        w.buffer().get(0, copy);
        NlMsg m = new NlMsg().wrap(ByteBuffer.wrap(copy).order(ByteOrder.nativeOrder()), 0);
        List<VniEntry> out = new ArrayList<>();
        assertThat(VniCodec.decode(m, i -> "vxlan0", out)).isTrue();
        assertThat(out).hasSameSizeAs(specs);
        for (int i = 0; i < specs.size(); i++) {
            VniSpec s = specs.get(i);
            VniEntry e = out.get(i);
            assertThat(e.ifindex()).isEqualTo(4);
            assertThat(e.start()).isEqualTo(s.start());
            assertThat(e.end()).isEqualTo(s.end());
            assertThat(e.address()).isEqualTo(s.address());
            assertThat(e.address() == null || e.isGroup() == s.group()).isTrue();
        }
    }
}
