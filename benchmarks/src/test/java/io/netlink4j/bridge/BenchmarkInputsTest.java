package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.benchmarks.GoldenFrames;
import io.netlink4j.benchmarks.LinkDecodeBench;
import io.netlink4j.benchmarks.PortCodecBench;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.testing.Golden;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks measure the real thing: what they encode is what iproute2 sends (golden bytes),
 * what they decode is the kernel's answer, read correctly. No timing here.
 */
class BenchmarkInputsTest {

    private static byte[] bytes(ByteBuffer b, int len) {
        byte[] out = new byte[len];
        b.get(0, out, 0, len);
        return out;
    }

    /** The first datagram sent in capture {@code name} whose message type is {@code type}. */
    private static byte[] sentOfType(String name, int type) {
        for (byte[] d : Golden.load(name).allSent()) {
            if (ByteBuffer.wrap(d).order(ByteOrder.nativeOrder()).getShort(4) == type) {
                return d;
            }
        }
        throw new AssertionError(name + " sends no message of type " + type);
    }

    @Test
    void fdbAddIsIproute2sRequestForItsMac() {
        FdbCodecBench b = new FdbCodecBench();
        b.setUp();
        int len = b.encodeFdbAdd();
        byte[] ours = Golden.withoutSeqAndPid(bytes(b.request(), len));
        // bridge fdb add 02:00:00:00:00:01 dev v0 master static; the bench's first entry is 02:30:00:00:00:00
        byte[] golden = Golden.withoutSeqAndPid(sentOfType("fdb_add_static", Rtnetlink.RTM_NEWNEIGH));
        byte[] mac = {2, 0x30, 0, 0, 0, 0};
        System.arraycopy(mac, 0, golden, 32, 6);
        assertThat(Golden.hex(ours)).isEqualTo(Golden.hex(golden));
    }

    @Test
    void fdbDecodeReadsTheFirstStaticEntryOfTheDump() {
        FdbCodecBench b = new FdbCodecBench();
        b.setUp();
        // the capture's first static entry: v0 (ifindex 4), NUD_NOARP, flags 0, 02:00:00:00:00:03, no VLAN, master br0 (2)
        assertThat(b.decodeFdbNeigh()).isEqualTo(4 + 0x40 + 0x020000000003L + 0 + 2 + 0);
    }

    @Test
    void portSettingsAreIproute2sProxyArpHairpinRequest() {
        PortCodecBench b = new PortCodecBench();
        int len = b.encodePortSettings();
        byte[] ours = Golden.withoutSeqAndPid(bytes(b.request(), len));
        byte[] golden = null;
        for (byte[] d : Golden.load("port_set_proxyarp_hairpin").allSent()) {
            ByteBuffer g = ByteBuffer.wrap(d).order(ByteOrder.nativeOrder());
            if (g.getShort(4) == Rtnetlink.RTM_NEWLINK && g.getInt(0) > 32) {
                golden = Golden.withoutSeqAndPid(d); // the real request, not the 32-byte probe
            }
        }
        assertThat(golden).isNotNull();
        assertThat(Golden.hex(ours)).isEqualTo(Golden.hex(golden));
    }

    @Test
    void linkWalkVisitsEveryAttributeItReads() {
        LinkDecodeBench b = new LinkDecodeBench();
        b.setUp();
        assertThat(b.iterateLinkAttributes()).isEqualTo(referenceWalk(GoldenFrames.frame("link_show_detail_dev", 5)));
    }

    /** The same sum as the benchmark, by a plain walk over the bytes (no AttributeIterator). */
    private static int referenceWalk(ByteBuffer m) {
        int acc = 0;
        int end = new NlMsg().wrap(m, 0).length();
        for (int pos = 16 + 16; pos + 4 <= end; pos += (m.getShort(pos) + 3) & ~3) {
            int len = m.getShort(pos);
            int type = m.getShort(pos + 2) & 0x3fff;
            acc += type;
            if (type == 4 || type == 10) { // IFLA_MTU, IFLA_MASTER
                acc += m.getInt(pos + 4);
            } else if (type == 18) { // IFLA_LINKINFO
                for (int p = pos + 4; p + 4 <= pos + len; p += (m.getShort(p) + 3) & ~3) {
                    int t = m.getShort(p + 2) & 0x3fff;
                    if (t == 2 || t == 5) { // INFO_DATA, INFO_SLAVE_DATA
                        for (int q = p + 4; q + 4 <= p + m.getShort(p); q += (m.getShort(q) + 3) & ~3) {
                            acc += (m.getShort(q + 2) & 0x3fff) + m.getShort(q) - 4;
                        }
                    }
                }
            } else if (type == 26) { // IFLA_AF_SPEC
                for (int p = pos + 4; p + 4 <= pos + len; p += (m.getShort(p) + 3) & ~3) {
                    acc += m.getShort(p + 2) & 0x3fff;
                }
            }
        }
        return acc;
    }
}
