package io.netlink4j.core;

import io.netlink4j.jna.Errno;
import io.netlink4j.jna.LibC;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real AF_NETLINK socket, through the JNA binding. Buffers go to the kernel by address: no
 * copy, no allocation per call. A small native scratch area per socket holds the sockaddr_nl
 * and option values.
 */
public final class NetlinkSocket implements NetlinkTransport {
    private static final int ADDR = 0;          // sockaddr_nl of the kernel (send) / of the sender (recv)
    private static final int ADDRLEN = 16;      // socklen_t
    private static final int OPT = 24;          // an option value (int or struct timeval)
    private static final int SCRATCH = 48;

    private final int fd;
    private final int portId;
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(SCRATCH).order(ByteOrder.nativeOrder());
    private final long scratchAddress = LibC.address(scratch);
    private final ByteBuffer recvAddr = ByteBuffer.allocateDirect(SCRATCH).order(ByteOrder.nativeOrder());
    private final long recvAddrAddress = LibC.address(recvAddr);
    private final ByteBuffer ifreq = ByteBuffer.allocateDirect(LibC.IFREQ_SIZE).order(ByteOrder.nativeOrder());
    private final long ifreqAddress = LibC.address(ifreq);
    private final AtomicBoolean closed = new AtomicBoolean();
    // The last buffer sent from and the last received into, with their addresses: a channel
    // alternates between its request and its receive buffer, and asking JNA for a buffer's
    // address is a JNI call (about 2% of a single request's CPU when one cache served both).
    private ByteBuffer sendBuffer;
    private long sendAddress;
    private ByteBuffer recvBuffer;
    private long recvAddress;
    // recvmmsg vector: count mmsghdr, then count iovec, then count sockaddr_nl; set up for one
    // (buffer, slot, count) and reused while those stay the same
    private ByteBuffer mmsg;
    private long mmsgAddress;
    private ByteBuffer mmsgBuffer;
    private int mmsgSlot;
    private int mmsgCount;

    private NetlinkSocket(int fd) {
        this.fd = fd;
        // sockaddr_nl of the kernel: family AF_NETLINK, pid 0, groups 0
        scratch.putShort(ADDR, (short) LibC.AF_NETLINK);
        if (LibC.bind(fd, scratchAddress + ADDR, LibC.SOCKADDR_NL_SIZE) < 0) {
            throw failure("bind netlink socket", LibC.errno());
        }
        scratch.putInt(ADDRLEN, LibC.SOCKADDR_NL_SIZE);
        if (LibC.getsockname(fd, scratchAddress + OPT, scratchAddress + ADDRLEN) < 0) {
            throw failure("getsockname", LibC.errno());
        }
        portId = scratch.getInt(OPT + 4);
        scratch.putInt(ADDR + 4, 0);
    }

    /** Opens and binds a netlink socket of {@code protocol} (e.g. {@link LibC#NETLINK_ROUTE}) in the caller's netns. */
    public static NetlinkSocket open(int protocol) {
        int fd = LibC.socket(LibC.AF_NETLINK, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC, protocol);
        if (fd < 0) {
            throw failure("open netlink socket", LibC.errno());
        }
        try {
            return new NetlinkSocket(fd);
        } catch (RuntimeException e) {
            LibC.close(fd);
            throw e;
        }
    }

    private static NetlinkException failure(String op, int errno) {
        return NetlinkException.of(op, errno, null, null);
    }

    /** The file descriptor, for poll(2). */
    public int fd() {
        return fd;
    }

    @Override
    public int portId() {
        return portId;
    }

    /** setsockopt(level, name, int value); throws on failure. */
    public void setOption(int level, int name, int value) {
        scratch.putInt(OPT, value);
        if (LibC.setsockopt(fd, level, name, scratchAddress + OPT, 4) < 0) {
            throw failure("setsockopt(" + level + ", " + name + ")", LibC.errno());
        }
    }

    /** setsockopt(level, name, int value); returns 0 or -errno. */
    public int trySetOption(int level, int name, int value) {
        scratch.putInt(OPT, value);
        return LibC.setsockopt(fd, level, name, scratchAddress + OPT, 4) < 0 ? -LibC.errno() : 0;
    }

    /** getsockopt(level, name) for a non-negative int option; returns the value or -errno. */
    public int tryGetOption(int level, int name) {
        scratch.putInt(ADDRLEN, 4);
        if (LibC.getsockopt(fd, level, name, scratchAddress + OPT, scratchAddress + ADDRLEN) < 0) {
            return -LibC.errno();
        }
        return scratch.getInt(OPT);
    }

    /** getsockopt(level, name) for an int option. */
    public int getOption(int level, int name) {
        scratch.putInt(ADDRLEN, 4);
        if (LibC.getsockopt(fd, level, name, scratchAddress + OPT, scratchAddress + ADDRLEN) < 0) {
            throw failure("getsockopt(" + level + ", " + name + ")", LibC.errno());
        }
        return scratch.getInt(OPT);
    }

    /** SO_RCVTIMEO: a receive waits at most this long, then fails with EAGAIN; 0 waits for ever. */
    public void setReceiveTimeout(long millis) {
        scratch.putLong(OPT, millis / 1000);
        scratch.putLong(OPT + 8, (millis % 1000) * 1000);
        if (LibC.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVTIMEO, scratchAddress + OPT, 16) < 0) {
            throw failure("setsockopt(SO_RCVTIMEO)", LibC.errno());
        }
    }

    /**
     * Sets the receive buffer size, with SO_RCVBUFFORCE when privileged (it may exceed
     * net.core.rmem_max), else SO_RCVBUF.
     */
    public void setReceiveBufferSize(int bytes) {
        scratch.putInt(OPT, bytes);
        if (LibC.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVBUFFORCE, scratchAddress + OPT, 4) < 0) {
            setOption(LibC.SOL_SOCKET, LibC.SO_RCVBUF, bytes);
        }
    }

    private long sendAddress(ByteBuffer buffer) {
        if (buffer != sendBuffer) {
            sendAddress = LibC.address(buffer);
            sendBuffer = buffer;
        }
        return sendAddress;
    }

    private long recvAddress(ByteBuffer buffer) {
        if (buffer != recvBuffer) {
            recvAddress = LibC.address(buffer);
            recvBuffer = buffer;
        }
        return recvAddress;
    }

    @Override
    public int send(ByteBuffer buffer, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > buffer.capacity()) {
            throw new IndexOutOfBoundsException("send [" + offset + ", +" + length + ") of " + buffer.capacity());
        }
        long n = LibC.sendto(fd, sendAddress(buffer) + offset, length, 0, scratchAddress + ADDR, LibC.SOCKADDR_NL_SIZE);
        return n < 0 ? -LibC.errno() : (int) n;
    }

    @Override
    public int receive(ByteBuffer buffer, int flags) {
        recvAddr.putInt(ADDRLEN, LibC.SOCKADDR_NL_SIZE);
        // a peek that only measures (MSG_PEEK|MSG_TRUNC) asks for 0 bytes: netlink still returns the
        // datagram's real length, without copying it (up to 32 KiB of a dump, copied again by the receive)
        int length = (flags & (LibC.MSG_PEEK | LibC.MSG_TRUNC)) == (LibC.MSG_PEEK | LibC.MSG_TRUNC) ? 0 : buffer.capacity();
        long n = LibC.recvfrom(fd, recvAddress(buffer), length, flags, recvAddrAddress, recvAddrAddress + ADDRLEN);
        return n < 0 ? -LibC.errno() : (int) n;
    }

    /** recvmmsg(2) with MSG_WAITFORONE: one system call for all the datagrams already queued. */
    @Override
    public int receiveBatch(ByteBuffer buffer, int slot, int count, int[] lengths, int[] senders) {
        if (slot < 1 || count < 1 || (long) slot * count > buffer.capacity() || lengths.length < count
                || senders.length < count) {
            throw new IndexOutOfBoundsException("receive " + count + " x " + slot + " into " + buffer.capacity());
        }
        if (buffer != mmsgBuffer || slot != mmsgSlot || count > mmsgCount) {
            setUpVector(buffer, slot, count);
        }
        for (int i = 0; i < count; i++) {
            mmsg.putInt(i * LibC.MMSGHDR_SIZE + LibC.MSGHDR_NAMELEN, LibC.SOCKADDR_NL_SIZE);
            mmsg.putInt(i * LibC.MMSGHDR_SIZE + LibC.MSGHDR_FLAGS, 0);
        }
        int r = LibC.recvmmsg(fd, mmsgAddress, count, LibC.MSG_WAITFORONE | LibC.MSG_TRUNC, 0);
        if (r < 0) {
            return -LibC.errno();
        }
        int addrs = mmsgCount * (LibC.MMSGHDR_SIZE + LibC.IOVEC_SIZE); // laid out for mmsgCount, maybe > count
        for (int i = 0; i < r; i++) {
            int h = i * LibC.MMSGHDR_SIZE;
            // with MSG_TRUNC netlink reports the real length; the flag is checked as well, in case
            int len = mmsg.getInt(h + LibC.MMSGHDR_LEN);
            if ((mmsg.getInt(h + LibC.MSGHDR_FLAGS) & LibC.MSG_TRUNC) != 0 && len <= slot) {
                len = slot + 1;
            }
            lengths[i] = len;
            senders[i] = mmsg.getInt(addrs + i * LibC.SOCKADDR_NL_SIZE + 4);
        }
        return r;
    }

    private void setUpVector(ByteBuffer buffer, int slot, int count) {
        int size = count * (LibC.MMSGHDR_SIZE + LibC.IOVEC_SIZE + LibC.SOCKADDR_NL_SIZE);
        if (mmsg == null || mmsg.capacity() < size) {
            mmsg = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
            mmsgAddress = LibC.address(mmsg);
        }
        long base = LibC.address(buffer);
        int iovs = count * LibC.MMSGHDR_SIZE;
        int addrs = iovs + count * LibC.IOVEC_SIZE;
        for (int i = 0; i < count; i++) {
            int h = i * LibC.MMSGHDR_SIZE;
            int iov = iovs + i * LibC.IOVEC_SIZE;
            mmsg.putLong(iov, base + (long) i * slot);
            mmsg.putLong(iov + 8, slot);
            mmsg.putLong(h + LibC.MSGHDR_NAME, mmsgAddress + addrs + i * LibC.SOCKADDR_NL_SIZE);
            mmsg.putLong(h + LibC.MSGHDR_IOV, mmsgAddress + iov);
            mmsg.putLong(h + LibC.MSGHDR_IOVLEN, 1);
            mmsg.putLong(h + 32, 0); // msg_control
            mmsg.putLong(h + 40, 0); // msg_controllen
        }
        mmsgBuffer = buffer;
        mmsgSlot = slot;
        mmsgCount = count;
    }

    /**
     * SIOCGIFINDEX on this socket: the kernel resolves the name in the socket's namespace (where
     * it was created), with no netlink message and no second socket. A name of IFNAMSIZ bytes or
     * more is refused with -EINVAL (the kernel would cut it off).
     */
    @Override
    public int ifindex(String name) {
        int n = name.length();
        if (n >= LibC.IFNAMSIZ) {
            return -Errno.EINVAL;
        }
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c == 0 || c >= 0x80) {
                return ifindexOfBytes(name);
            }
            ifreq.put(i, (byte) c);
        }
        ifreq.put(n, (byte) 0);
        return ioctlIndex();
    }

    private int ifindexOfBytes(String name) {
        byte[] b = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (b.length >= LibC.IFNAMSIZ || name.indexOf(0) >= 0) {
            return -Errno.EINVAL;
        }
        for (int i = 0; i < b.length; i++) {
            ifreq.put(i, b[i]);
        }
        ifreq.put(b.length, (byte) 0);
        return ioctlIndex();
    }

    private int ioctlIndex() {
        ifreq.putInt(LibC.IFNAMSIZ, 0);
        if (LibC.ioctl(fd, LibC.SIOCGIFINDEX, ifreqAddress) < 0) {
            return -LibC.errno();
        }
        return ifreq.getInt(LibC.IFNAMSIZ);
    }

    @Override
    public int senderPortId() {
        return recvAddr.getInt(ADDR + 4);
    }

    @Override
    public int joinGroup(int group) {
        scratch.putInt(OPT, group);
        return LibC.setsockopt(fd, LibC.SOL_NETLINK, LibC.NETLINK_ADD_MEMBERSHIP, scratchAddress + OPT, 4) < 0
                ? -LibC.errno() : 0;
    }

    /** Leaves a multicast group; returns 0 or -errno. */
    public int leaveGroup(int group) {
        scratch.putInt(OPT, group);
        return LibC.setsockopt(fd, LibC.SOL_NETLINK, LibC.NETLINK_DROP_MEMBERSHIP, scratchAddress + OPT, 4) < 0
                ? -LibC.errno() : 0;
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && LibC.close(fd) < 0) {
            // nothing to recover: the descriptor is gone either way (close(2) never leaves it open on Linux)
            org.slf4j.LoggerFactory.getLogger(NetlinkSocket.class).debug("close({}): {}", fd, Errno.name(LibC.errno()));
        }
    }
}
