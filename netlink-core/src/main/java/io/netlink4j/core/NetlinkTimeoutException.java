package io.netlink4j.core;


/**
 * No answer came within the channel's timeout. The channel is closed afterwards: a late reply
 * would otherwise be taken for the answer to a later request.
 */
public class NetlinkTimeoutException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    public NetlinkTimeoutException(String operation, long millis) {
        super(operation, Errno.ETIMEDOUT, "no answer from the kernel within " + millis + " ms", null);
    }
}
