package io.netlink4j.core;

/**
 * Linux errno values (asm-generic/errno-base.h, errno.h) as {@link NetlinkException#errno()}
 * reports them, with their names and texts: what callers of the higher layers compare against,
 * so that they need not reach into the native binding.
 */
public final class Errno {
    private Errno() {}

    public static final int EPERM = io.netlink4j.jna.Errno.EPERM;
    public static final int ENOENT = io.netlink4j.jna.Errno.ENOENT;
    public static final int ESRCH = io.netlink4j.jna.Errno.ESRCH;
    public static final int EINTR = io.netlink4j.jna.Errno.EINTR;
    public static final int EIO = io.netlink4j.jna.Errno.EIO;
    public static final int ENXIO = io.netlink4j.jna.Errno.ENXIO;
    public static final int E2BIG = io.netlink4j.jna.Errno.E2BIG;
    public static final int EBADF = io.netlink4j.jna.Errno.EBADF;
    public static final int EAGAIN = io.netlink4j.jna.Errno.EAGAIN;
    public static final int ENOMEM = io.netlink4j.jna.Errno.ENOMEM;
    public static final int EACCES = io.netlink4j.jna.Errno.EACCES;
    public static final int EFAULT = io.netlink4j.jna.Errno.EFAULT;
    public static final int EBUSY = io.netlink4j.jna.Errno.EBUSY;
    public static final int EEXIST = io.netlink4j.jna.Errno.EEXIST;
    public static final int ENODEV = io.netlink4j.jna.Errno.ENODEV;
    public static final int ENOTDIR = io.netlink4j.jna.Errno.ENOTDIR;
    public static final int EINVAL = io.netlink4j.jna.Errno.EINVAL;
    public static final int EMFILE = io.netlink4j.jna.Errno.EMFILE;
    public static final int ENOSPC = io.netlink4j.jna.Errno.ENOSPC;
    public static final int ERANGE = io.netlink4j.jna.Errno.ERANGE;
    public static final int ENAMETOOLONG = io.netlink4j.jna.Errno.ENAMETOOLONG;
    public static final int ENOSYS = io.netlink4j.jna.Errno.ENOSYS;
    public static final int ELOOP = io.netlink4j.jna.Errno.ELOOP;
    public static final int ENODATA = io.netlink4j.jna.Errno.ENODATA;
    public static final int EPROTO = io.netlink4j.jna.Errno.EPROTO;
    public static final int EBADMSG = io.netlink4j.jna.Errno.EBADMSG;
    public static final int EOVERFLOW = io.netlink4j.jna.Errno.EOVERFLOW;
    public static final int EMSGSIZE = io.netlink4j.jna.Errno.EMSGSIZE;
    public static final int EPROTONOSUPPORT = io.netlink4j.jna.Errno.EPROTONOSUPPORT;
    public static final int EOPNOTSUPP = io.netlink4j.jna.Errno.EOPNOTSUPP;
    public static final int EAFNOSUPPORT = io.netlink4j.jna.Errno.EAFNOSUPPORT;
    public static final int EADDRINUSE = io.netlink4j.jna.Errno.EADDRINUSE;
    public static final int EADDRNOTAVAIL = io.netlink4j.jna.Errno.EADDRNOTAVAIL;
    public static final int ENETDOWN = io.netlink4j.jna.Errno.ENETDOWN;
    public static final int ENOBUFS = io.netlink4j.jna.Errno.ENOBUFS;
    public static final int ETIMEDOUT = io.netlink4j.jna.Errno.ETIMEDOUT;
    public static final int EALREADY = io.netlink4j.jna.Errno.EALREADY;
    /** Kernel-internal, but netlink can leak it. */
    public static final int ENOTSUPP = io.netlink4j.jna.Errno.ENOTSUPP;

    /** The symbolic name ("ENODEV"), or "errno N" for a value the table does not know. */
    public static String name(int errno) {
        return io.netlink4j.jna.Errno.name(errno);
    }

    /** The C library's text for the value ("No such device"). */
    public static String message(int errno) {
        return io.netlink4j.jna.Errno.message(errno);
    }
}
