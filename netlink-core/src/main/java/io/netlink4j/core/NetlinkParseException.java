package io.netlink4j.core;


/**
 * A message from the kernel could not be decoded (truncated, a length past its end, a payload too
 * short for its type). The only exception a decoder lets escape on bad input.
 */
public class NetlinkParseException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    public NetlinkParseException(String why) {
        super("decode", Errno.EBADMSG, why, null);
    }
}
