package io.netlink4j.core;

/**
 * Settings of an {@link RtnlChannel}. Immutable; start from {@link #defaults()} and change with
 * the {@code with*} methods.
 *
 * @param timeoutMillis      how long to wait for an answer before giving up (and closing the channel)
 * @param sendBufferBytes    size of the request buffer (a bulk batch must fit); the socket's
 *                           SO_SNDBUF(FORCE) is raised to match, and a batch is capped at what
 *                           the kernel granted ({@link ChannelFeatures#maxDatagramBytes()})
 * @param receiveBufferBytes initial size of the receive buffer (grows for larger datagrams)
 * @param socketReceiveBytes SO_RCVBUF(FORCE) of the socket: room for dump batches and pipelined
 *                           ACKs; a pipeline's window is capped at what the kernel granted
 *                           ({@link ChannelFeatures#maxAcksInFlight()})
 * @param dumpRetries        how often an interrupted dump (NLM_F_DUMP_INTR) is restarted
 * @param strictChecking     NETLINK_GET_STRICT_CHK: the kernel validates dump requests and honours
 *                           filters (where the kernel has it: Linux 4.20+)
 */
public record ChannelOptions(long timeoutMillis, int sendBufferBytes, int receiveBufferBytes,
                             int socketReceiveBytes, int dumpRetries, boolean strictChecking) {

    public ChannelOptions {
        if (timeoutMillis < 0 || sendBufferBytes < 64 || receiveBufferBytes < 4096 || dumpRetries < 0) {
            throw new IllegalArgumentException("invalid channel options");
        }
    }

    public static ChannelOptions defaults() {
        return new ChannelOptions(10_000, 256 * 1024, 64 * 1024, 4 * 1024 * 1024, 3, true);
    }

    public ChannelOptions withTimeoutMillis(long v) {
        return new ChannelOptions(v, sendBufferBytes, receiveBufferBytes, socketReceiveBytes, dumpRetries, strictChecking);
    }

    public ChannelOptions withSendBufferBytes(int v) {
        return new ChannelOptions(timeoutMillis, v, receiveBufferBytes, socketReceiveBytes, dumpRetries, strictChecking);
    }

    public ChannelOptions withReceiveBufferBytes(int v) {
        return new ChannelOptions(timeoutMillis, sendBufferBytes, v, socketReceiveBytes, dumpRetries, strictChecking);
    }

    public ChannelOptions withSocketReceiveBytes(int v) {
        return new ChannelOptions(timeoutMillis, sendBufferBytes, receiveBufferBytes, v, dumpRetries, strictChecking);
    }

    public ChannelOptions withDumpRetries(int v) {
        return new ChannelOptions(timeoutMillis, sendBufferBytes, receiveBufferBytes, socketReceiveBytes, v, strictChecking);
    }

    public ChannelOptions withStrictChecking(boolean v) {
        return new ChannelOptions(timeoutMillis, sendBufferBytes, receiveBufferBytes, socketReceiveBytes, dumpRetries, v);
    }
}
