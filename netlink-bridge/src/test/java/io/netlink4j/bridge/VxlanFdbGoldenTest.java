package io.netlink4j.bridge;

import static io.netlink4j.bridge.FdbScripted.goldenAnswer;
import static io.netlink4j.bridge.FdbScripted.goldenRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.testing.Golden;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * VXLAN FDB requests (remotes of a real VXLAN device) byte for byte against {@code bridge fdb ...}
 * of iproute2 6.1; the device lookups are answered with the kernel's own RTM_NEWLINK for that
 * device, taken from the link dump at the start of the same capture (the channel reads a lookup's
 * answer like any single reply; the NLM_F_MULTI of the dump part is cleared).
 */
class VxlanFdbGoldenTest {
    final FdbScripted s = new FdbScripted();

    /** The RTM_NEWLINK of {@code ifindex} in the capture's link dump, as a datagram of its own. */
    static byte[] link(Golden g, int ifindex) {
        for (Golden.Frame f : g.frames()) {
            if (f.send()) {
                continue;
            }
            ByteBuffer b = ByteBuffer.wrap(f.bytes()).order(ByteOrder.nativeOrder());
            for (int pos = 0; pos + NlMsg.NLMSG_HDRLEN <= f.bytes().length; ) {
                int len = b.getInt(pos);
                if (len < NlMsg.NLMSG_HDRLEN) {
                    break;
                }
                if ((b.getShort(pos + NlMsg.TYPE_OFFSET) & 0xffff) == Rtnetlink.RTM_NEWLINK
                        && b.getInt(pos + NlMsg.NLMSG_HDRLEN + 4) == ifindex) {
                    byte[] one = Arrays.copyOfRange(f.bytes(), pos, pos + len);
                    // a part of a dump (NLM_F_MULTI) would make the channel wait for NLMSG_DONE
                    ByteBuffer.wrap(one).order(ByteOrder.nativeOrder()).putShort(NlMsg.FLAGS_OFFSET, (short) 0);
                    return one;
                }
                pos += NlMsg.align(len);
            }
        }
        throw new IllegalArgumentException(g.command() + ": no RTM_NEWLINK for ifindex " + ifindex);
    }

    private void replay(String name, Runnable action, int... lookups) {
        Golden g = Golden.load(name);
        for (int l : lookups) {
            s.answer(link(g, l));
        }
        s.answer(goldenAnswer(g));
        action.run();
        assertThat(s.kernel.sent()).hasSize(lookups.length + 1);
        assertThat(s.sentWithoutSeq(lookups.length)).as(g.command()).isEqualTo(goldenRequest(g));
    }

    private static FdbSpec remote(String dev, String dst) throws Exception {
        return FdbSpec.of("00:00:00:00:00:00", dev).self().permanent().dst(InetAddress.getByName(dst));
    }

    @Test
    void appendARemoteWithPortVniAndVia() throws Exception {
        FdbSpec r = remote("vxlan0", "192.0.2.2").vni(100).dstPort(4790).via("v1");
        replay("fdb_append_vxlan_remote", () -> s.fdb.append(r), 5, 3);
    }

    @Test
    void deleteOneRemote() throws Exception {
        FdbSpec r = remote("vxlan0", "192.0.2.2").vni(100).dstPort(4790).via("v1");
        replay("fdb_del_vxlan_remote", () -> s.fdb.delete(r), 5, 3);
    }

    @Test
    void appendWithSourceVniOnAnExternalDevice() throws Exception {
        FdbSpec r = remote("vxlan1", "192.0.2.4").vni(100).srcVni(200);
        replay("fdb_append_vxlan_src_vni", () -> s.fdb.append(r), 5);
    }
}
