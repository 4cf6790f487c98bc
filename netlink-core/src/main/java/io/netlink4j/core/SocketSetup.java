package io.netlink4j.core;

import io.netlink4j.jna.Errno;
import io.netlink4j.jna.LibC;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns on a channel socket's netlink features and sizes its buffers, degrading where an older
 * kernel lacks an option (ENOPROTOOPT) instead of failing, and reports what was granted.
 */
final class SocketSetup {
    private static final Logger LOG = LoggerFactory.getLogger(SocketSetup.class);
    /** netlink_sendmsg: {@code if (len > sk->sk_sndbuf - 32) return -EMSGSIZE}. */
    static final int SNDBUF_OVERHEAD = 32;

    /** setsockopt/getsockopt of int options; results as the system calls: value or 0, else -errno. */
    interface IntOptions {
        int set(int level, int name, int value);

        int get(int level, int name);
    }

    private SocketSetup() {}

    static ChannelFeatures apply(IntOptions s, ChannelOptions o) {
        boolean extAck = optional(s, LibC.NETLINK_EXT_ACK, "NETLINK_EXT_ACK", "4.12",
                "errors carry the errno only, without the kernel's text");
        boolean capAck = optional(s, LibC.NETLINK_CAP_ACK, "NETLINK_CAP_ACK", "4.3",
                "error ACKs echo the whole request");
        boolean strict = o.strictChecking() && optional(s, LibC.NETLINK_GET_STRICT_CHK, "NETLINK_GET_STRICT_CHK",
                "4.20", "dump filters are applied on our side");
        int rcv = buffer(s, LibC.SO_RCVBUFFORCE, LibC.SO_RCVBUF, "SO_RCVBUF", o.socketReceiveBytes());
        int snd = buffer(s, LibC.SO_SNDBUFFORCE, LibC.SO_SNDBUF, "SO_SNDBUF", o.sendBufferBytes());
        int maxDatagram = Math.min(o.sendBufferBytes(), snd - SNDBUF_OVERHEAD);
        if (maxDatagram < o.sendBufferBytes()) {
            LOG.debug("the socket accepts datagrams of at most {} bytes (SO_SNDBUF {}): batches are capped there",
                    maxDatagram, snd);
        }
        return new ChannelFeatures(extAck, capAck, strict, maxDatagram, rcv);
    }

    private static boolean optional(IntOptions s, int name, String what, String since, String loss) {
        int r = s.set(LibC.SOL_NETLINK, name, 1);
        if (r == -Errno.ENOPROTOOPT) {
            LOG.debug("{} is not supported by this kernel (added in Linux {}): {}", what, since, loss);
            return false;
        }
        if (r < 0) {
            throw NetlinkException.of("setsockopt(" + what + ")", -r, null, null);
        }
        return true;
    }

    /**
     * Asks for {@code bytes} with the FORCE option (may exceed net.core.[rw]mem_max; needs
     * CAP_NET_ADMIN), else the plain one (capped at the sysctl), and returns what the kernel
     * granted (it doubles the request for its own bookkeeping).
     */
    private static int buffer(IntOptions s, int force, int plain, String what, int bytes) {
        if (s.set(LibC.SOL_SOCKET, force, bytes) < 0) {
            int r = s.set(LibC.SOL_SOCKET, plain, bytes);
            if (r < 0) {
                throw NetlinkException.of("setsockopt(" + what + ")", -r, null, null);
            }
        }
        int granted = s.get(LibC.SOL_SOCKET, plain);
        if (granted < 0) {
            throw NetlinkException.of("getsockopt(" + what + ")", -granted, null, null);
        }
        LOG.debug("{}: asked for {} bytes, granted {}", what, bytes, granted);
        return granted;
    }
}
