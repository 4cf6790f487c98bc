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
     * truncated and MSG_TRUNC was given), or -errno (EAGAIN after the receive timeout).
     */
    int receive(ByteBuffer buffer, int flags);

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
