package io.netlink4j.core;


/**
 * The channel lost track of the conversation (its receive buffer overran and replies were
 * dropped, or an earlier request timed out) and was closed; open a new one. Requests whose
 * answers were lost may or may not have been applied: re-read the state.
 */
public class ChannelBrokenException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    public ChannelBrokenException(String operation, int errno, String why) {
        super(operation, errno == 0 ? Errno.EIO : errno, why, null);
    }
}
