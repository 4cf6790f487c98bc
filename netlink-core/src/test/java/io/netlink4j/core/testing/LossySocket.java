package io.netlink4j.core.testing;

import io.netlink4j.core.ChannelFeatures;
import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.Netns;
import io.netlink4j.core.NetlinkSocket;
import io.netlink4j.core.NetlinkTransport;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.jna.LibC;
import java.nio.ByteBuffer;

/**
 * A real rtnetlink socket whose answers stop after the first {@code answers} datagrams: the next
 * receive fails with {@code errno} (ENOBUFS, as after a receive-buffer overrun) and later ones
 * find nothing (EAGAIN: a timeout). The kernel still processes everything sent, so a test can
 * compare what a broken run reports with what the kernel really did.
 */
public final class LossySocket implements NetlinkTransport {
    private final NetlinkSocket socket;
    private final int errno;
    private int left;
    private boolean failed;

    private LossySocket(NetlinkSocket socket, int answers, int errno) {
        this.socket = socket;
        this.left = answers;
        this.errno = errno;
    }

    /**
     * A channel in {@code netns} over such a socket, set up as {@link RtnlChannel#open(String,
     * ChannelOptions)} sets up its own (extended and capped ACKs, strict checking, buffers).
     */
    public static RtnlChannel channel(String netns, ChannelOptions o, int answers, int errno) {
        NetlinkSocket s = Netns.callIn(netns, () -> NetlinkSocket.open(LibC.NETLINK_ROUTE));
        try {
            s.setOption(LibC.SOL_NETLINK, LibC.NETLINK_EXT_ACK, 1);
            s.setOption(LibC.SOL_NETLINK, LibC.NETLINK_CAP_ACK, 1);
            if (o.strictChecking()) {
                s.setOption(LibC.SOL_NETLINK, LibC.NETLINK_GET_STRICT_CHK, 1);
            }
            s.setOption(LibC.SOL_SOCKET, LibC.SO_RCVBUFFORCE, o.socketReceiveBytes());
            s.setOption(LibC.SOL_SOCKET, LibC.SO_SNDBUFFORCE, o.sendBufferBytes());
            int rcv = s.getOption(LibC.SOL_SOCKET, LibC.SO_RCVBUF);
            int snd = s.getOption(LibC.SOL_SOCKET, LibC.SO_SNDBUF);
            s.setReceiveTimeout(o.timeoutMillis());
            ChannelFeatures f = new ChannelFeatures(true, true, o.strictChecking(),
                    Math.min(o.sendBufferBytes(), snd - 32), rcv);
            return RtnlChannel.over(new LossySocket(s, answers, errno), o, f);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Whether the loss happened (the channel was told {@code errno}). */
    public boolean failed() {
        return failed;
    }

    @Override
    public int portId() {
        return socket.portId();
    }

    @Override
    public int send(ByteBuffer buffer, int offset, int length) {
        return socket.send(buffer, offset, length);
    }

    @Override
    public int receive(ByteBuffer buffer, int flags) {
        if (left <= 0) {
            return lost();
        }
        int r = socket.receive(buffer, flags);
        if (r >= 0 && (flags & 0x2) == 0) { // a peek (MSG_PEEK) is no answer taken
            left--;
        }
        return r;
    }

    @Override
    public int receiveBatch(ByteBuffer buffer, int slot, int count, int[] lengths, int[] senders) {
        if (left <= 0) {
            return lost();
        }
        int got = socket.receiveBatch(buffer, slot, count, lengths, senders);
        if (got > left) {
            got = left; // the rest were taken from the socket: lost
        }
        if (got > 0) {
            left -= got;
        }
        return got;
    }

    private int lost() {
        if (!failed) {
            failed = true;
            return -errno;
        }
        return -11; // EAGAIN
    }

    @Override
    public int senderPortId() {
        return socket.senderPortId();
    }

    @Override
    public int joinGroup(int group) {
        return socket.joinGroup(group);
    }

    @Override
    public int ifindex(String name) {
        return socket.ifindex(name);
    }

    @Override
    public void close() {
        socket.close();
    }
}
