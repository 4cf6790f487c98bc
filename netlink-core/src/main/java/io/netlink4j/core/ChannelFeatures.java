package io.netlink4j.core;

/**
 * What the kernel granted a channel's socket: which optional netlink features are on, and the
 * sizes that bound a pipelined batch. Older kernels lack some features; the channel then works
 * without them (see {@link RtnlChannel}).
 *
 * @param extendedAck        NETLINK_EXT_ACK (Linux 4.12+): errors carry the kernel's text and the
 *                           offending attribute; without it, the errno only
 * @param cappedAck          NETLINK_CAP_ACK (Linux 4.3+): an error does not echo the whole request back
 * @param strictChecking     NETLINK_GET_STRICT_CHK (Linux 4.20+): the kernel honours dump filters;
 *                           without it, callers filter what they read
 * @param maxDatagramBytes   the longest request datagram the kernel accepts: the socket's send
 *                           buffer minus 32 bytes (netlink_sendmsg refuses longer ones with
 *                           EMSGSIZE), and at most the channel's request buffer
 * @param socketReceiveBytes the receive buffer the kernel granted (SO_RCVBUF as read back)
 */
public record ChannelFeatures(boolean extendedAck, boolean cappedAck, boolean strictChecking,
                              int maxDatagramBytes, int socketReceiveBytes) {
    /**
     * Receive-buffer bytes budgeted per ACK when sizing a pipeline window. The kernel charges an
     * ACK's whole skb (its truesize), not its 36 bytes: 512 success ACKs fit in a 425,984-byte
     * buffer on Linux 6.18 (about 832 bytes each, measured); an error ACK with extended-ACK text
     * may take the next skb size, so 1,280 is budgeted.
     */
    public static final int ACK_BUDGET_BYTES = 1280;

    /** Everything on and no socket limit: for transports that are not kernel sockets (test fakes). */
    public static ChannelFeatures unlimited(ChannelOptions o) {
        return new ChannelFeatures(true, true, o.strictChecking(), o.sendBufferBytes(), Integer.MAX_VALUE);
    }

    /** The most requests that may await their ACKs at once without overrunning the receive buffer. */
    public int maxAcksInFlight() {
        return Math.max(1, socketReceiveBytes / ACK_BUDGET_BYTES);
    }
}
