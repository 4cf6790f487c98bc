package io.netlink4j.jna;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * Direct-mapped libc calls used by netlink4j.
 *
 * <p>Buffers are passed as raw native addresses ({@code long}), never as {@link java.nio.ByteBuffer}
 * arguments: JNA passes a direct buffer at its <em>current position</em>, so a buffer left at the
 * end of what was written would hand the kernel the wrong bytes. Callers take the address of a
 * direct buffer once ({@link #address(java.nio.ByteBuffer)}) and add offsets themselves, which
 * costs no allocation per call and never copies. This binding assumes an LP64 platform (x86_64,
 * aarch64): {@code size_t}, {@code ssize_t} and pointers are Java {@code long}.
 *
 * <p>Every call returns the raw libc result; on {@code -1} the thread's errno is in
 * {@link #errno()} (JNA saves it right after the call, before any other native code runs).
 */
public final class LibC {
    private LibC() {}

    static {
        Native.register(NativeLibrary.getInstance("c"));
    }

    // <sys/socket.h>, <linux/netlink.h>
    public static final int AF_NETLINK = 16;
    public static final int AF_UNSPEC = 0;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int SOCK_NONBLOCK = 0x800;
    public static final int NETLINK_ROUTE = 0;

    public static final int SOL_SOCKET = 1;
    public static final int SO_SNDBUF = 7;
    public static final int SO_RCVBUF = 8;
    public static final int SO_RCVTIMEO = 20;
    public static final int SO_SNDBUFFORCE = 32;
    public static final int SO_RCVBUFFORCE = 33;

    public static final int SOL_NETLINK = 270;
    public static final int NETLINK_ADD_MEMBERSHIP = 1;
    public static final int NETLINK_DROP_MEMBERSHIP = 2;
    public static final int NETLINK_PKTINFO = 3;
    public static final int NETLINK_BROADCAST_ERROR = 4;
    public static final int NETLINK_NO_ENOBUFS = 5;
    public static final int NETLINK_LISTEN_ALL_NSID = 8;
    public static final int NETLINK_CAP_ACK = 10;
    public static final int NETLINK_EXT_ACK = 11;
    public static final int NETLINK_GET_STRICT_CHK = 12;

    public static final int MSG_PEEK = 0x2;
    public static final int MSG_DONTWAIT = 0x40;
    public static final int MSG_TRUNC = 0x20;
    /** recvmmsg(2): block for the first datagram only, then take what is already queued. */
    public static final int MSG_WAITFORONE = 0x10000;

    /**
     * struct mmsghdr on LP64: a struct msghdr (msg_name @0, msg_namelen @8, msg_iov @16,
     * msg_iovlen @24, msg_control @32, msg_controllen @40, msg_flags @48; 56 bytes) then
     * unsigned int msg_len @56, padded to 64.
     */
    public static final int MMSGHDR_SIZE = 64;
    public static final int MSGHDR_NAME = 0;
    public static final int MSGHDR_NAMELEN = 8;
    public static final int MSGHDR_IOV = 16;
    public static final int MSGHDR_IOVLEN = 24;
    public static final int MSGHDR_FLAGS = 48;
    public static final int MMSGHDR_LEN = 56;
    /** struct iovec on LP64: iov_base, iov_len. */
    public static final int IOVEC_SIZE = 16;

    /** sizeof(struct sockaddr_nl): family u16, pad u16, pid u32, groups u32. */
    public static final int SOCKADDR_NL_SIZE = 12;

    // <fcntl.h>, <sched.h>, <poll.h>, <sys/eventfd.h>
    public static final int O_RDONLY = 0;
    public static final int O_CLOEXEC = 0x80000;
    public static final int CLONE_NEWNET = 0x40000000;
    public static final short POLLIN = 0x1;
    public static final int EFD_CLOEXEC = 0x80000;
    public static final int EFD_NONBLOCK = 0x800;

    // <linux/sockios.h>, <net/if.h>
    public static final int SIOCGIFINDEX = 0x8933;
    /** sizeof(struct ifreq): ifr_name[IFNAMSIZ] then a 24-byte union (ifr_ifindex is its first int). */
    public static final int IFREQ_SIZE = 40;
    public static final int IFNAMSIZ = 16;

    /** socket(2). */
    public static native int socket(int domain, int type, int protocol);

    /** bind(2); {@code addr} points to a sockaddr of {@code addrlen} bytes. */
    public static native int bind(int fd, long addr, int addrlen);

    /** getsockname(2); {@code addrlen} points to an in/out socklen_t. */
    public static native int getsockname(int fd, long addr, long addrlen);

    /** setsockopt(2) with the option value at native address {@code value}. */
    public static native int setsockopt(int fd, int level, int name, long value, int len);

    /** getsockopt(2); {@code len} points to an in/out socklen_t. */
    public static native int getsockopt(int fd, int level, int name, long value, long len);

    /** sendto(2); {@code addr} may be 0 (then the socket's default destination, the kernel). */
    public static native long sendto(int fd, long buf, long len, int flags, long addr, int addrlen);

    /** recvfrom(2); {@code addr}/{@code addrlen} may be 0. */
    public static native long recvfrom(int fd, long buf, long len, int flags, long addr, long addrlen);

    /** recvmsg(2) with a struct msghdr at {@code msghdr}. */
    public static native long recvmsg(int fd, long msghdr, int flags);

    /**
     * recvmmsg(2) over {@code vlen} struct mmsghdr at {@code msgvec}; {@code timeout} (a struct
     * timespec) may be 0. Returns the number of datagrams received or -1.
     */
    public static native int recvmmsg(int fd, long msgvec, int vlen, int flags, long timeout);

    /** poll(2) over an array of struct pollfd (8 bytes each). */
    public static native int poll(long fds, long nfds, int timeoutMillis);

    /** eventfd(2). */
    public static native int eventfd(int initval, int flags);

    /** read(2). */
    public static native long read(int fd, long buf, long count);

    /** write(2). */
    public static native long write(int fd, long buf, long count);

    /**
     * ioctl(2) with a pointer argument at native address {@code arg}. On any socket (netlink
     * included) the interface requests such as {@link #SIOCGIFINDEX} act in the socket's network
     * namespace, whichever thread calls.
     */
    public static native int ioctl(int fd, long request, long arg);

    /** close(2). */
    public static native int close(int fd);

    /** open(2). */
    public static native int open(String path, int flags);

    /** setns(2): moves the calling OS thread into the namespace behind {@code fd}. */
    public static native int setns(int fd, int nstype);

    /** strerror(3); prefer {@link Errno#message(int)}. */
    static native String strerror(int errnum);

    /** The calling thread's errno as saved by JNA right after the last native call on this thread. */
    public static int errno() {
        return Native.getLastError();
    }

    /** The native address of a direct buffer's first byte (position ignored). */
    public static long address(java.nio.ByteBuffer direct) {
        if (!direct.isDirect()) {
            throw new IllegalArgumentException("not a direct buffer");
        }
        return com.sun.jna.Pointer.nativeValue(Native.getDirectBufferPointer(direct));
    }
}
