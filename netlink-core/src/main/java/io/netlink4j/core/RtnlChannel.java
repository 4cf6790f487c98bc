package io.netlink4j.core;

import io.netlink4j.jna.Errno;
import io.netlink4j.jna.LibC;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A NETLINK_ROUTE conversation: build a request in the channel's send buffer, send it, and read
 * the answer from its receive buffer — ACK, one reply, or a multipart dump — matched by sequence
 * number and accepted only from the kernel (sender port id 0).
 *
 * <pre>{@code
 * try (RtnlChannel ch = RtnlChannel.open("blue")) {          // a channel inside netns "blue"
 *     MessageWriter w = ch.request(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK);
 *     IfInfoMsg.put(w, AF_UNSPEC, 0, 0, 0);
 *     w.putString(IFLA_IFNAME, "br0");
 *     ...
 *     ch.execute("create bridge br0");                       // throws a NetlinkException subclass
 * }
 * }</pre>
 *
 * <p>The socket is opened with extended ACKs (the kernel's error text and the offending
 * attribute), capped ACKs (the kernel does not echo our request back) and strict checking (dump
 * filters are honoured, bad dump requests refused) on — each where the kernel has it: an older
 * kernel's ENOPROTOOPT turns the feature off with a debug log ({@link #features()} says what is
 * on). Its send buffer is sized for the request buffer and both buffer sizes are read back, so
 * that a pipelined batch never exceeds what the socket accepts or can answer.
 *
 * <p><b>Threading:</b> a channel is a conversation and is not thread-safe; use it from one thread
 * at a time (a handle that serves several threads keeps one channel per thread or a lock). It may
 * be handed between threads, including virtual threads: the socket stays in the namespace it was
 * created in. {@link #close()} is idempotent.
 *
 * <p><b>Failures:</b> kernel errors become {@link NetlinkException} subclasses; the channel stays
 * usable. A timeout or a receive-buffer overrun means replies may have been lost: the channel
 * closes itself and throws {@link NetlinkTimeoutException} / {@link ChannelBrokenException}.
 */
public final class RtnlChannel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RtnlChannel.class);

    private static final int MODE_ACK = 0;
    private static final int MODE_QUERY = 1;
    private static final int MODE_DUMP = 2;

    private final NetlinkTransport transport;
    private final ChannelOptions options;
    private ChannelFeatures features;
    // buffers are allocated on first use: opening a channel costs a socket, not ~400 KB of zeroed
    // direct memory (a pool opens channels on demand; 100k open/close cycles went from ~120 s to seconds)
    private MessageWriter writer;
    private MessageWriter scratchWriter;
    private final NlMsg msg = new NlMsg();
    private final NlMsg sent = new NlMsg();
    private final AttributeIterator errIt = new AttributeIterator();
    private ByteBuffer recv;
    /**
     * Pipelined ACKs are read {@link #ACK_BATCH} datagrams per system call, one {@link #ACK_SLOT}
     * each: with NETLINK_CAP_ACK an ACK is its header, the error code, the request's header and at
     * most a short extended-ACK text and offsets (a few hundred bytes).
     */
    static final int ACK_BATCH = 32;
    static final int ACK_SLOT = 4096;
    private ByteBuffer ackBuffer;
    private final int[] ackLengths = new int[ACK_BATCH];
    private final int[] ackSenders = new int[ACK_BATCH];
    private int seq;
    private boolean closed;
    /** A multipart reply (seq {@link #dumpSeq}) is still coming: see {@link #converse}. */
    private boolean dumpRunning;
    private int dumpSeq;
    /**
     * The unread rest of the datagram at hand, [from, to) of {@link #recv}: where an abandoned
     * dump's NLMSG_DONE may already be (the kernel packs it after the last entries when it fits).
     */
    private int pendingFrom;
    private int pendingTo;
    private long datagramsSent;
    private long messagesSent;

    private RtnlChannel(NetlinkTransport transport, ChannelOptions options) {
        this.transport = transport;
        this.options = options;
        this.seq = ThreadLocalRandom.current().nextInt(1, 1 << 30);
        this.features = ChannelFeatures.unlimited(options);
    }

    /** A channel in the caller's network namespace, with default options. */
    public static RtnlChannel open() {
        return open(ChannelOptions.defaults());
    }

    public static RtnlChannel open(ChannelOptions options) {
        return configure(NetlinkSocket.open(LibC.NETLINK_ROUTE), options);
    }

    /** A channel inside network namespace {@code netns} (a name under /run/netns, or a path). */
    public static RtnlChannel open(String netns) {
        return open(netns, ChannelOptions.defaults());
    }

    public static RtnlChannel open(String netns, ChannelOptions options) {
        if (netns == null) {
            return open(options);
        }
        return configure(Netns.callIn(netns, () -> NetlinkSocket.open(LibC.NETLINK_ROUTE)), options);
    }

    /** A channel over any transport — a scripted fake kernel in tests. */
    public static RtnlChannel over(NetlinkTransport transport, ChannelOptions options) {
        return new RtnlChannel(transport, options);
    }

    /** A channel over any transport whose limits are known (tests of the window and datagram caps). */
    public static RtnlChannel over(NetlinkTransport transport, ChannelOptions options, ChannelFeatures features) {
        RtnlChannel ch = new RtnlChannel(transport, options);
        ch.features = features;
        return ch;
    }

    private static RtnlChannel configure(NetlinkSocket s, ChannelOptions o) {
        try {
            ChannelFeatures f = SocketSetup.apply(new SocketSetup.IntOptions() {
                @Override
                public int set(int level, int name, int value) {
                    return s.trySetOption(level, name, value);
                }

                @Override
                public int get(int level, int name) {
                    return s.tryGetOption(level, name);
                }
            }, o);
            s.setReceiveTimeout(o.timeoutMillis());
            return over(s, o, f);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** What the kernel granted this channel's socket (features on, buffer sizes). */
    public ChannelFeatures features() {
        return features;
    }

    public ChannelOptions options() {
        return options;
    }

    /** The socket's port id. */
    public int portId() {
        return transport.portId();
    }

    /** Datagrams sent so far (each sendto); a bulk batch of many requests counts once. */
    public long datagramsSent() {
        return datagramsSent;
    }

    /** Netlink request messages sent so far. */
    public long messagesSent() {
        return messagesSent;
    }

    /** A new sequence number (never 0). */
    public int nextSeq() {
        seq++;
        if (seq == 0) {
            seq = 1;
        }
        return seq;
    }

    /**
     * Starts a new request in the send buffer (discarding anything unsent) with a fresh sequence
     * number; NLM_F_REQUEST is added. Write the family header and attributes into the returned
     * writer, then call {@link #execute}, {@link #query} or {@link #dump}.
     */
    public MessageWriter request(int type, int flags) {
        ensureOpen("request");
        writer().reset();
        writer().begin(type, flags | NlMsg.NLM_F_REQUEST, nextSeq(), 0);
        return writer();
    }

    /** The request being built (for golden-byte tests and diagnostics). */
    public MessageWriter writer() {
        if (writer == null) {
            writer = MessageWriter.allocate(options.sendBufferBytes());
        }
        return writer;
    }

    /**
     * Sends the request and waits for its ACK (NLM_F_ACK is added); throws on a kernel error.
     *
     * @param op what the request does, for exception messages and logs: a text, or any object
     *     whose {@code toString()} gives it. It is called only when a message needs it, so a hot
     *     caller can pass the object it has (an FDB change) instead of building a text per request.
     */
    public void execute(Object op) {
        setFlag(NlMsg.NLM_F_ACK);
        converse(op, MODE_ACK, null);
    }

    /**
     * Sends a request that has one reply (a GET of a single object), hands the reply to
     * {@code visitor}, and returns the number of replies (0 or 1; with NLM_F_ACK several are read
     * until the ACK). Throws on a kernel error.
     */
    public int query(String op, MessageVisitor visitor) {
        return converse(op, MODE_QUERY, visitor);
    }

    /**
     * Sends a dump request (NLM_F_DUMP is added) and hands every message to {@code visitor} until
     * NLMSG_DONE. An interrupted dump (NLM_F_DUMP_INTR) is restarted up to
     * {@link ChannelOptions#dumpRetries()} times, after {@link MessageVisitor#onDumpRestart()}; then
     * {@link DumpInterruptedException}. Returns the number of messages of the final pass.
     */
    public int dump(String op, MessageVisitor visitor) {
        setFlag(NlMsg.NLM_F_DUMP);
        int attempts = 0;
        for (;;) {
            int n = converse(op, MODE_DUMP, visitor);
            if (n >= 0) {
                return n;
            }
            if (++attempts > options.dumpRetries()) {
                throw new DumpInterruptedException(op, attempts);
            }
            LOG.debug("{}: dump interrupted, restarting ({}/{})", op, attempts, options.dumpRetries());
            visitor.onDumpRestart();
            sent.wrap(writer().buffer(), 0).seq(nextSeq());
        }
    }

    private void setFlag(int flag) {
        sent.wrap(writer().buffer(), writer().messageStart());
        sent.flags(sent.flags() | flag);
    }

    /**
     * One request and its replies. If the conversation is abandoned while the kernel is still
     * sending a multipart reply (the visitor threw, a reply did not parse), the rest of that dump
     * is drained: the kernel keeps the dump running on the socket and would answer the next dump
     * request with EBUSY. If draining fails too, the channel is closed.
     */
    private int converse(Object op, int mode, MessageVisitor visitor) {
        try {
            return exchange(op, mode, visitor);
        } finally {
            if (dumpRunning) {
                drain(op);
            }
        }
    }

    private void drain(Object op) {
        dumpRunning = false;
        if (closed) {
            return;
        }
        try {
            if (endsDump(pendingFrom, pendingTo)) {
                return;
            }
            for (;;) {
                int n = receiveDatagram(op, true);
                if (endsDump(0, n)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("{}: could not drain an abandoned dump, closing the channel: {}", op, e.toString());
            close();
        } finally {
            pendingFrom = pendingTo = 0;
        }
    }

    /**
     * Whether [from, to) of the receive buffer holds the NLMSG_DONE or NLMSG_ERROR that ends the
     * abandoned dump. A malformed message ends the scan of that datagram: nothing after it can be
     * located.
     */
    private boolean endsDump(int from, int to) {
        for (int pos = from; pos < to; ) {
            if (to - pos < NlMsg.NLMSG_HDRLEN) {
                return false;
            }
            msg.wrap(recv, pos);
            int len = msg.length();
            if (len < NlMsg.NLMSG_HDRLEN || len > to - pos) {
                return false;
            }
            if (msg.seq() == dumpSeq && (msg.type() == NlMsg.NLMSG_DONE || msg.type() == NlMsg.NLMSG_ERROR)) {
                return true;
            }
            pos += NlMsg.align(len);
        }
        return false;
    }

    private int exchange(Object op, int mode, MessageVisitor visitor) {
        ensureOpen(op);
        writer().end();
        sent.wrap(writer().buffer(), writer().messageStart());
        int expect = sent.seq();
        boolean ackExpected = (sent.flags() & NlMsg.NLM_F_ACK) != 0;
        sendDatagram(op, 0, writer().length(), 1);
        dumpSeq = expect;
        dumpRunning = mode == MODE_DUMP;
        boolean interrupted = false;
        int count = 0;
        for (;;) {
            int n = receiveDatagram(op, mode != MODE_ACK);
            pendingFrom = pendingTo = 0;
            int pos = 0;
            while (pos < n) {
                int len = checkHeader(pos, n);
                int next = Math.min(n, pos + NlMsg.align(len));
                pendingFrom = next;
                pendingTo = n;
                if (msg.seq() != expect) {
                    LOG.trace("{}: skipping message with seq {} (want {})", op, msg.seq(), expect);
                    pos = next;
                    continue;
                }
                switch (msg.type()) {
                    case NlMsg.NLMSG_NOOP:
                        break;
                    case NlMsg.NLMSG_ERROR: {
                        dumpRunning = false; // an error ends a dump, and an ACK a request
                        int code = ErrorMessage.code(msg);
                        if (code > 0) {
                            throw new NetlinkParseException("NLMSG_ERROR of " + len + " bytes has no error code");
                        }
                        if (code < 0) {
                            throw ErrorMessage.toException(String.valueOf(op), -code, ErrorMessage.extAck(msg, false, errIt),
                                    writer().buffer(), 0);
                        }
                        warnIfAny(op, false);
                        return count;
                    }
                    case NlMsg.NLMSG_DONE: {
                        dumpRunning = false;
                        int code = msg.payloadLength() >= 4 ? ErrorMessage.code(msg) : 0;
                        if (code < 0) {
                            throw ErrorMessage.toException(String.valueOf(op), -code, ErrorMessage.extAck(msg, true, errIt),
                                    writer().buffer(), 0);
                        }
                        if ((msg.flags() & NlMsg.NLM_F_DUMP_INTR) != 0) {
                            interrupted = true;
                        }
                        if (mode == MODE_DUMP && interrupted) {
                            return -1;
                        }
                        if (!ackExpected || mode == MODE_DUMP) {
                            return count;
                        }
                        break;
                    }
                    case NlMsg.NLMSG_OVERRUN:
                        throw broken(op, Errno.ENOBUFS, "the kernel reported NLMSG_OVERRUN: replies were lost");
                    default:
                        if ((msg.flags() & NlMsg.NLM_F_DUMP_INTR) != 0) {
                            interrupted = true;
                        }
                        if ((msg.flags() & NlMsg.NLM_F_MULTI) != 0) {
                            dumpRunning = true; // a multipart answer to a query is a dump too
                        }
                        count++;
                        if (visitor != null) {
                            visitor.onMessage(msg);
                        }
                        if (mode == MODE_QUERY && !ackExpected && (msg.flags() & NlMsg.NLM_F_MULTI) == 0) {
                            return count;
                        }
                        break;
                }
                pos = next;
            }
        }
    }

    /** A successful ACK may still carry a warning text (NLMSGERR_ATTR_MSG). */
    private void warnIfAny(Object op, boolean done) {
        if ((msg.flags() & NlMsg.NLM_F_ACK_TLVS) != 0) {
            ErrorMessage.ExtAck ack = ErrorMessage.extAck(msg, done, errIt);
            if (ack.message != null) {
                LOG.warn("{}: kernel warning: {}", op, ack.message);
            }
        }
    }

    /** Validates the header at {@code pos} of a datagram of {@code n} bytes; wraps {@link #msg}. */
    private int checkHeader(int pos, int n) {
        return checkHeader(recv, pos, n);
    }

    private int checkHeader(ByteBuffer buf, int pos, int n) {
        if (n - pos < NlMsg.NLMSG_HDRLEN) {
            throw new NetlinkParseException("truncated netlink header: " + (n - pos) + " bytes at offset " + pos);
        }
        msg.wrap(buf, pos);
        int len = msg.length();
        if (len < NlMsg.NLMSG_HDRLEN || len > n - pos) {
            throw new NetlinkParseException("netlink message at offset " + pos + " has nlmsg_len " + len
                    + " (" + (n - pos) + " bytes left)");
        }
        return len;
    }

    private void sendDatagram(Object op, int offset, int length, int messages) {
        for (;;) {
            int r = transport.send(writer().buffer(), offset, length);
            if (r >= 0) {
                datagramsSent++;
                messagesSent += messages;
                return;
            }
            if (-r != Errno.EINTR) {
                throw NetlinkException.of(String.valueOf(op), -r, null, null);
            }
        }
    }

    /**
     * Receives one datagram from the kernel into the receive buffer; returns its length. With
     * {@code peek}, the datagram is first measured (MSG_PEEK|MSG_TRUNC) and the buffer grown to
     * fit: replies with data can be of any size. Without, a datagram larger than the buffer
     * (impossible for capped ACKs) breaks the channel.
     */
    private int receiveDatagram(Object op, boolean peek) {
        for (;;) {
            if (peek) {
                int size = receiveRaw(op, LibC.MSG_PEEK | LibC.MSG_TRUNC);
                if (size > recv.capacity()) {
                    int cap = Integer.highestOneBit(size - 1) << 1;
                    LOG.debug("{}: growing the receive buffer to {} bytes for a {}-byte datagram", op, cap, size);
                    recv = ByteBuffer.allocateDirect(cap).order(ByteOrder.nativeOrder());
                }
            }
            int n = receiveRaw(op, LibC.MSG_TRUNC);
            if (n > recv.capacity()) {
                throw broken(op, Errno.EMSGSIZE, "a " + n + "-byte datagram did not fit the "
                        + recv.capacity() + "-byte receive buffer");
            }
            int sender = transport.senderPortId();
            if (sender != 0) {
                LOG.debug("{}: ignoring a datagram from port id {} (not the kernel)", op, sender);
                continue;
            }
            return n;
        }
    }

    private int receiveRaw(Object op, int flags) {
        if (recv == null) {
            recv = ByteBuffer.allocateDirect(options.receiveBufferBytes()).order(ByteOrder.nativeOrder());
        }
        for (;;) {
            int r = transport.receive(recv, flags);
            if (r >= 0) {
                return r;
            }
            if (-r != Errno.EINTR) {
                throw receiveFailed(op, -r);
            }
        }
    }

    /** A failed receive: a timeout or an overrun closes the channel. */
    private NetlinkException receiveFailed(Object op, int e) {
        if (e == Errno.EAGAIN) {
            close();
            return new NetlinkTimeoutException(String.valueOf(op), options.timeoutMillis());
        }
        if (e == Errno.ENOBUFS) {
            return broken(op, e, "the socket's receive buffer overran and replies were lost");
        }
        return NetlinkException.of(String.valueOf(op), e, null, null);
    }

    private ChannelBrokenException broken(Object op, int errno, String why) {
        close();
        return new ChannelBrokenException(String.valueOf(op), errno, why + "; the channel is closed");
    }

    // ---------------------------------------------------------------- pipelined bulk requests

    /** Writes request {@code index} as one complete message (begin … end) with the given seq. */
    @FunctionalInterface
    public interface RequestEncoder {
        void encode(int index, MessageWriter writer, int seq);
    }

    /**
     * Receives the outcome of each request of a {@link #pipeline}: {@code error} is null on
     * success. Return false to stop sending more.
     */
    @FunctionalInterface
    public interface ResultHandler {
        boolean onResult(int index, NetlinkException error);

        /**
         * Requests {@code from} .. {@code from + count - 1} went to the kernel in one datagram. A
         * caller that must account for a broken run (which requests were in flight) counts these.
         */
        default void onSent(int from, int count) {}
    }

    /**
     * Sends {@code count} requests with at most {@code window} unacknowledged at any time, several
     * per datagram, and reports each request's outcome in order of arrival. NLM_F_ACK is added to
     * every request. When the handler returns false no further request is sent, but the ACKs of
     * those in flight are still read and reported. Returns the number of requests sent.
     *
     * <p>The window is lowered to what the socket's receive buffer can hold
     * ({@link ChannelFeatures#maxAcksInFlight()}), and a datagram is never longer than the socket
     * accepts ({@link ChannelFeatures#maxDatagramBytes()}).
     *
     * <p>A timeout or overrun closes the channel (see the class comment), and so does any failure
     * while requests are in flight: the requests reported to {@link ResultHandler#onSent} without
     * a result may or may not have been applied.
     */
    public int pipeline(String op, int count, int window, RequestEncoder encoder, ResultHandler handler) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1");
        }
        ensureOpen(op);
        int w = Math.min(window, features.maxAcksInFlight());
        if (w < window) {
            LOG.debug("{}: window {} lowered to {}: the {}-byte receive buffer holds that many ACKs", op, window, w,
                    features.socketReceiveBytes());
        }
        int[] progress = new int[2]; // sent, acked
        try {
            return pipeline(op, count, w, encoder, handler, progress);
        } catch (RuntimeException e) {
            if (progress[1] < progress[0]) {
                close(); // ACKs are still coming: the next conversation would read them
            }
            throw e;
        }
    }

    private int pipeline(String op, int count, int window, RequestEncoder encoder, ResultHandler handler, int[] progress) {
        final int base = seq + 1;
        final int maxDatagram = features.maxDatagramBytes();
        int sentCount = 0;
        int acked = 0;
        boolean stop = false;
        int refillAt = Math.max(0, window / 2);
        while (acked < sentCount || (!stop && sentCount < count)) {
            int inFlight = sentCount - acked;
            if (!stop && sentCount < count && (inFlight <= refillAt || inFlight == 0)) {
                writer().reset();
                int batch = 0;
                while (sentCount + batch < count && inFlight + batch < window) {
                    int mark = writer().length();
                    int s = nextSeq();
                    try {
                        encoder.encode(sentCount + batch, writer(), s);
                    } catch (IllegalStateException full) {
                        if (batch == 0) {
                            throw full;
                        }
                        writer().truncate(mark);
                        seq--;
                        break;
                    }
                    if (writer().length() > maxDatagram) {
                        if (batch == 0) {
                            throw new IllegalArgumentException(op + ": request " + (sentCount + batch) + " is "
                                    + writer().length() + " bytes; the socket accepts datagrams of " + maxDatagram);
                        }
                        writer().truncate(mark);
                        seq--;
                        break;
                    }
                    sent.wrap(writer().buffer(), mark);
                    sent.flags(sent.flags() | NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_ACK);
                    batch++;
                }
                sendDatagram(op, 0, writer().length(), batch);
                handler.onSent(sentCount, batch);
                sentCount += batch;
                progress[0] = sentCount;
                continue;
            }
            if (!features.cappedAck()) {
                // an error ACK echoes its whole request: it needs the growable single buffer
                int n = receiveDatagram(op, false);
                stop |= !acks(op, recv, 0, n, base, sentCount, encoder, handler, progress);
            } else {
                int got = receiveAcks(op, Math.min(ACK_BATCH, sentCount - acked));
                for (int i = 0; i < got; i++) {
                    if (ackSenders[i] != 0) {
                        LOG.debug("{}: ignoring a datagram from port id {} (not the kernel)", op, ackSenders[i]);
                        continue;
                    }
                    if (ackLengths[i] > ACK_SLOT) {
                        throw broken(op, Errno.EMSGSIZE, "a " + ackLengths[i] + "-byte datagram did not fit the "
                                + ACK_SLOT + "-byte ACK slot");
                    }
                    stop |= !acks(op, ackBuffer, i * ACK_SLOT, ackLengths[i], base, sentCount, encoder, handler,
                            progress);
                }
            }
            acked = progress[1];
        }
        return sentCount;
    }

    /**
     * Reports the ACKs in the datagram at [from, from + n) of {@code buf}; returns false when the
     * handler asked to stop. {@code progress[1]} counts the ACKs.
     */
    private boolean acks(String op, ByteBuffer buf, int from, int n, int base, int sentCount, RequestEncoder encoder,
                         ResultHandler handler, int[] progress) {
        boolean go = true;
        int end = from + n;
        int pos = from;
        while (pos < end) {
            int len = checkHeader(buf, pos, end);
            int next = Math.min(end, pos + NlMsg.align(len));
            int index = msg.seq() - base;
            if (msg.type() == NlMsg.NLMSG_ERROR && index >= 0 && index < sentCount) {
                int code = ErrorMessage.code(msg);
                if (code > 0) {
                    // too short to hold the error code: not evidence of success
                    throw new NetlinkParseException("NLMSG_ERROR of " + len + " bytes has no error code");
                }
                NetlinkException error = null;
                if (code < 0) {
                    error = pipelineError(op, -code, index, base, encoder);
                }
                progress[1]++;
                if (!handler.onResult(index, error)) {
                    go = false;
                }
            } else if (msg.type() == NlMsg.NLMSG_OVERRUN) {
                throw broken(op, Errno.ENOBUFS, "the kernel reported NLMSG_OVERRUN: ACKs were lost");
            } else {
                LOG.trace("{}: skipping message type {} seq {}", op, msg.type(), msg.seq());
            }
            pos = next;
        }
        return go;
    }

    /**
     * Receives up to {@code max} ACK datagrams with one system call (recvmmsg on a real socket):
     * waits for the first, takes the rest only if queued. Errors as {@link #receiveRaw}.
     */
    private int receiveAcks(String op, int max) {
        if (ackBuffer == null) {
            ackBuffer = ByteBuffer.allocateDirect(ACK_BATCH * ACK_SLOT).order(ByteOrder.nativeOrder());
        }
        for (;;) {
            int r = transport.receiveBatch(ackBuffer, ACK_SLOT, Math.max(1, max), ackLengths, ackSenders);
            if (r > 0) {
                return r;
            }
            if (r < 0 && -r != Errno.EINTR) {
                throw receiveFailed(op, -r);
            }
        }
    }

    /** The request bytes are gone from the send buffer: re-encode the failed one to name the bad attribute. */
    private NetlinkException pipelineError(String op, int errno, int index, int base, RequestEncoder encoder) {
        ErrorMessage.ExtAck ack = ErrorMessage.extAck(msg, false, errIt);
        ByteBuffer request = null;
        if (ack.offset >= 0 || ack.missingNestOffset >= 0) {
            if (scratchWriter == null) {
                scratchWriter = MessageWriter.allocate(Math.min(options.sendBufferBytes(), 64 * 1024));
            }
            scratchWriter.reset();
            try {
                encoder.encode(index, scratchWriter, base + index);
                request = scratchWriter.buffer();
            } catch (RuntimeException e) {
                request = null;
            }
        }
        return ErrorMessage.toException(op, errno, ack, request, 0);
    }

    // ---------------------------------------------------------------- device names

    /**
     * The ifindex of device {@code name} in this channel's namespace without a netlink round trip
     * (ioctl SIOCGIFINDEX on the channel's own socket): the index, 0 when there is no such device,
     * or -1 when the transport cannot answer (a fake kernel: ask with RTM_GETLINK). A snapshot,
     * like an RTM_GETLINK answer: nothing is cached, so a rename, delete or re-create is seen by
     * the next call.
     */
    public int ifindex(String name) {
        ensureOpen("resolve " + name);
        int r = transport.ifindex(name);
        if (r > 0) {
            return r;
        }
        if (r == -Errno.ENODEV) {
            return 0;
        }
        if (r == -Errno.ENOTTY) {
            return -1;
        }
        throw NetlinkException.of("resolve device " + name, -r, null, null);
    }

    // ---------------------------------------------------------------- lifecycle

    private void ensureOpen(Object op) {
        if (closed) {
            throw new ChannelBrokenException(String.valueOf(op), Errno.EBADF, "the channel is closed");
        }
    }

    public boolean isOpen() {
        return !closed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            transport.close();
        }
    }
}
