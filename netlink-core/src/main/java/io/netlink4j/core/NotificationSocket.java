package io.netlink4j.core;

import io.netlink4j.jna.Errno;
import io.netlink4j.jna.LibC;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A NETLINK_ROUTE socket subscribed to multicast groups, for reading notifications: wait until
 * one is queued or another thread calls {@link #wakeUp()}, then receive without blocking, with
 * every receive-buffer overrun reported.
 *
 * <pre>{@code
 * try (NotificationSocket s = NotificationSocket.open("blue", 8 << 20, RTNLGRP_NEIGH)) {
 *     while (s.await()) {                                  // false once wakeUp() was called
 *         for (int n; (n = s.receive()) != NotificationSocket.EMPTY; ) {
 *             if (n == NotificationSocket.OVERRUN) { s.discardQueued(); resync(); continue; }
 *             handle(s.buffer(), n);                        // n bytes of one datagram
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p><b>Overruns:</b> when the receive buffer is full the kernel drops notifications, sets ENOBUFS
 * on the socket and reports it to the next receive only — peek or not — then clears it; further
 * drops stay silent until the queue has been empty once. So every ENOBUFS becomes
 * {@link #OVERRUN} here, and the caller empties the queue ({@link #discardQueued()}) before it
 * re-reads the state it tracks.
 *
 * <p><b>Threading:</b> one thread awaits and receives; {@link #wakeUp()} may be called from any
 * thread. Close only when no thread is in {@link #await()}.
 */
public final class NotificationSocket implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationSocket.class);
    /** {@link #receive()}: nothing is queued. */
    public static final int EMPTY = -1;
    /** {@link #receive()}: the kernel dropped notifications (ENOBUFS). */
    public static final int OVERRUN = -2;

    // struct pollfd: int fd, short events, short revents
    private static final int POLLFD_SIZE = 8;
    private static final int REVENTS = 6;
    private static final short POLLIN = 0x1;
    private static final short POLLERR = 0x8;
    private static final short POLLNVAL = 0x20;

    private final NetlinkTransport socket;
    private final int eventFd;
    private final int receiveBufferBytes;
    private final ByteBuffer pollFds = ByteBuffer.allocateDirect(2 * POLLFD_SIZE).order(ByteOrder.nativeOrder());
    private final long pollAddress = LibC.address(pollFds);
    private final ByteBuffer counter = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
    private final long counterAddress = LibC.address(counter);
    // await() reads the eventfd here, not into counter: wakeUp() may be writing from another thread
    private final ByteBuffer wakeUps = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
    private final long wakeUpsAddress = LibC.address(wakeUps);
    private ByteBuffer recv = ByteBuffer.allocateDirect(64 * 1024).order(ByteOrder.nativeOrder());
    private boolean closed;

    private NotificationSocket(NetlinkTransport socket, int socketFd, int eventFd, int receiveBufferBytes) {
        this.socket = socket;
        this.eventFd = eventFd;
        this.receiveBufferBytes = receiveBufferBytes;
        pollFds.putInt(0, socketFd).putShort(4, POLLIN).putInt(POLLFD_SIZE, eventFd).putShort(POLLFD_SIZE + 4, POLLIN);
    }

    /**
     * A socket in the caller's namespace (null) or in {@code netns}, with a receive buffer of
     * {@code receiveBufferBytes} (SO_RCVBUFFORCE where permitted, else SO_RCVBUF), joined to
     * {@code groups} (RTNLGRP_*).
     */
    public static NotificationSocket open(String netns, int receiveBufferBytes, int... groups) {
        NetlinkSocket s = netns == null ? NetlinkSocket.open(LibC.NETLINK_ROUTE)
                : Netns.callIn(netns, () -> NetlinkSocket.open(LibC.NETLINK_ROUTE));
        int efd = -1;
        try {
            s.setReceiveBufferSize(receiveBufferBytes);
            for (int g : groups) {
                int r = s.joinGroup(g);
                if (r < 0) {
                    throw NetlinkException.of("join rtnetlink group " + g, -r, null, null);
                }
            }
            efd = LibC.eventfd(0, LibC.EFD_CLOEXEC | LibC.EFD_NONBLOCK);
            if (efd < 0) {
                throw NetlinkException.of("eventfd", LibC.errno(), null, null);
            }
            int granted = s.tryGetOption(LibC.SOL_SOCKET, LibC.SO_RCVBUF);
            return new NotificationSocket(s, s.fd(), efd, granted);
        } catch (RuntimeException e) {
            s.close();
            if (efd >= 0) {
                LibC.close(efd);
            }
            throw e;
        }
    }

    /** Over a transport without a descriptor (a scripted fake kernel): {@link #receive()} only. */
    static NotificationSocket over(NetlinkTransport transport) {
        return new NotificationSocket(transport, -1, -1, -1);
    }

    /** The receive buffer the kernel granted (SO_RCVBUF as read back), or a negative errno. */
    public int receiveBufferBytes() {
        return receiveBufferBytes;
    }

    /**
     * Blocks until a notification or an error is queued (true), or until {@link #wakeUp()} is
     * called (false; wake-ups before the call count once).
     */
    public boolean await() {
        for (;;) {
            pollFds.putShort(REVENTS, (short) 0).putShort(POLLFD_SIZE + REVENTS, (short) 0);
            int r = LibC.poll(pollAddress, 2, -1);
            if (r < 0) {
                int e = LibC.errno();
                if (e == Errno.EINTR) {
                    continue;
                }
                throw NetlinkException.of("poll notifications", e, null, null);
            }
            if (pollFds.getShort(POLLFD_SIZE + REVENTS) != 0) {
                LibC.read(eventFd, wakeUpsAddress, 8); // reset the counter: the next wakeUp() counts again
                return false;
            }
            short ev = pollFds.getShort(REVENTS);
            if ((ev & POLLNVAL) != 0) {
                throw new IllegalStateException("the notification socket was closed under a waiting thread");
            }
            if ((ev & (POLLIN | POLLERR)) != 0) {
                return true;
            }
        }
    }

    /**
     * Receives the next queued datagram from the kernel without blocking: returns its length (the
     * bytes are in {@link #buffer()} from 0), {@link #EMPTY} or {@link #OVERRUN}. Datagrams from
     * other sockets are skipped.
     */
    public int receive() {
        for (;;) {
            int size = socket.receive(recv, LibC.MSG_PEEK | LibC.MSG_TRUNC | LibC.MSG_DONTWAIT);
            if (size == -Errno.EAGAIN) {
                return EMPTY;
            }
            if (size == -Errno.EINTR) {
                continue;
            }
            if (size == -Errno.ENOBUFS) {
                return OVERRUN;
            }
            if (size < 0) {
                throw NetlinkException.of("receive notifications", -size, null, null);
            }
            if (size > recv.capacity()) {
                recv = ByteBuffer.allocateDirect(Integer.highestOneBit(size - 1) << 1).order(ByteOrder.nativeOrder());
            }
            int n = socket.receive(recv, LibC.MSG_DONTWAIT);
            if (n == -Errno.ENOBUFS) {
                // a drop between the peek and this receive: the kernel reports it this once
                return OVERRUN;
            }
            if (n == -Errno.EINTR || n == -Errno.EAGAIN) {
                continue;
            }
            if (n < 0) {
                throw NetlinkException.of("receive notifications", -n, null, null);
            }
            if (socket.senderPortId() != 0) {
                continue;
            }
            return n;
        }
    }

    /** The receive buffer: the last datagram {@link #receive()} returned starts at 0. */
    public ByteBuffer buffer() {
        return recv;
    }

    /**
     * Drops everything queued, without blocking; returns how many datagrams. After an overrun
     * the kernel reports no further loss until the queue has been empty once, and what is queued
     * predates a re-read of the state anyway: so empty it first, then re-read.
     */
    public int discardQueued() {
        int dropped = 0;
        for (;;) {
            int r = socket.receive(recv, LibC.MSG_TRUNC | LibC.MSG_DONTWAIT);
            if (r == -Errno.EAGAIN) {
                LOG.debug("discarded {} queued notifications", dropped);
                return dropped;
            }
            if (r == -Errno.EINTR || r == -Errno.ENOBUFS) {
                continue;
            }
            if (r < 0) {
                throw NetlinkException.of("receive notifications", -r, null, null);
            }
            dropped++;
        }
    }

    /** Makes the current or next {@link #await()} return false. Callable from any thread. */
    public void wakeUp() {
        synchronized (counter) {
            if (!closed && eventFd >= 0) {
                counter.putLong(0, 1);
                if (LibC.write(eventFd, counterAddress, 8) < 0) {
                    LOG.debug("wake-up: eventfd write failed: {}", Errno.name(LibC.errno()));
                }
            }
        }
    }

    /** Closes the socket and the wake-up descriptor. Idempotent. */
    @Override
    public void close() {
        synchronized (counter) {
            if (closed) {
                return;
            }
            closed = true;
            socket.close();
            if (eventFd >= 0) {
                LibC.close(eventFd);
            }
        }
    }
}
