package io.netlink4j.core;

import java.nio.ByteBuffer;

/**
 * The datagram socket under a channel. {@link NetlinkSocket} is the real one; tests substitute a
 * scripted fake kernel. Results follow the system calls: a byte count, or {@code -errno}.
 */
public interface NetlinkTransport extends AutoCloseable {
    /** The port id the kernel assigned to this socket (nl_pid of getsockname). */
    int portId();

    /** Sends {@code length} bytes from {@code offset} as one datagram to the kernel; bytes sent or -errno. */
    int send(ByteBuffer buffer, int offset, int length);

    /**
     * Receives one datagram into {@code buffer} from offset 0 with recv flags ({@code MSG_PEEK},
     * {@code MSG_TRUNC}); returns its real length (which exceeds the capacity when it was
     * truncated and MSG_TRUNC was given), or -errno (EAGAIN after the receive timeout). With
     * MSG_PEEK and MSG_TRUNC together the call only measures the next datagram: callers use the
     * length alone, and a transport need not copy any bytes.
     */
    int receive(ByteBuffer buffer, int flags);

    /**
     * Receives up to {@code count} datagrams with one system call where the transport can:
     * datagram {@code i} lands at offset {@code i * slot} of {@code buffer} with room for
     * {@code slot} bytes. The first one is waited for (as {@link #receive}, timeout included); the
     * rest are taken only if already queued. {@code lengths[i]} gets the datagram's real length
     * (more than {@code slot} when it was truncated) and {@code senders[i]} its sender's port id.
     * Returns how many were received (at least 1), or -errno when none was.
     *
     * <p>The default receives one datagram through {@link #receive}.
     */
    default int receiveBatch(ByteBuffer buffer, int slot, int count, int[] lengths, int[] senders) {
        int r = receive(buffer, io.netlink4j.jna.LibC.MSG_TRUNC);
        if (r < 0) {
            return r;
        }
        lengths[0] = r;
        senders[0] = senderPortId();
        return 1;
    }

    /** The sender's port id of the last datagram received: 0 for the kernel. */
    int senderPortId();

    /** Joins a multicast group (RTNLGRP_*); returns 0 or -errno. */
    int joinGroup(int group);

    /**
     * The ifindex of the device called {@code name} in this socket's network namespace, as
     * if_nametoindex(3) finds it (ioctl SIOCGIFINDEX): the index, or -errno (ENODEV: no such
     * device). The default, for transports without a kernel behind them, is -ENOTTY: the caller
     * then asks with RTM_GETLINK instead.
     */
    default int ifindex(String name) {
        return -io.netlink4j.jna.Errno.ENOTTY;
    }

    /** Idempotent. */
    @Override
    void close();
}
