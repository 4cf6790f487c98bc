package io.netlink4j.benchmarks;

import io.netlink4j.core.NetlinkTransport;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import java.nio.ByteBuffer;

/**
 * A stand-in kernel for benchmark set-up without root: answers every RTM_GETLINK with the
 * kernel's real answer for the enslaved veth v0 (ifindex 4, link_show_dev golden capture) and
 * every other request with a success ACK. Lets the library resolve and validate a device the
 * way it does against the real kernel.
 */
public final class GoldenKernel implements NetlinkTransport {
    private final ByteBuffer link = GoldenFrames.frame("link_show_dev", 5);
    private final NlMsg req = new NlMsg();
    private final NlMsg out = new NlMsg();
    private final ByteBuffer ack = ByteBuffer.allocateDirect(36).order(java.nio.ByteOrder.nativeOrder());
    private ByteBuffer pending;

    @Override
    public int portId() {
        return 4242;
    }

    @Override
    public int send(ByteBuffer buffer, int offset, int length) {
        req.wrap(buffer, offset);
        if (req.type() == Rtnetlink.RTM_GETLINK) {
            pending = link;
        } else {
            ack.clear();
            out.wrap(ack, 0).length(36).type(NlMsg.NLMSG_ERROR).flags(NlMsg.NLM_F_CAPPED).pid(portId());
            ack.putInt(16, 0);
            for (int i = 0; i < 16; i++) {
                ack.put(20 + i, buffer.get(offset + i));
            }
            pending = ack;
        }
        out.wrap(pending, 0).seq(req.seq()).pid(portId());
        return length;
    }

    @Override
    public int receive(ByteBuffer buffer, int flags) {
        int n = pending.limit();
        if (n <= buffer.capacity()) {
            for (int i = 0; i < n; i++) {
                buffer.put(i, pending.get(i));
            }
        }
        return n;
    }

    @Override
    public int senderPortId() {
        return 0;
    }

    @Override
    public int joinGroup(int group) {
        return 0;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
