package io.netlink4j.core.testing;

import io.netlink4j.core.NetlinkTransport;
import io.netlink4j.core.NlMsg;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A fake kernel for channel tests: records every datagram sent and answers receives from a
 * script of datagrams and errnos. Replies may be built from the last request (to echo its seq).
 */
public final class ScriptedKernel implements NetlinkTransport {
    /** One scripted receive: a datagram (from {@code sender}) or an errno. */
    public record Step(Function<ScriptedKernel, byte[]> datagram, int errno, int sender, boolean truncate) {}

    private final Deque<Step> script = new ArrayDeque<>();
    private final List<byte[]> sent = new ArrayList<>();
    private int lastSender;
    private boolean closed;
    private int portId = 4242;
    private final Deque<int[]> unacked = new ArrayDeque<>(); // {seq, ordinal}
    private int ordinal;
    private java.util.function.IntUnaryOperator autoAck;
    private int maxUnacked;
    private final Deque<Integer> sendErrors = new ArrayDeque<>();
    private java.util.Map<String, Integer> names; // null: no ioctl, as the default transport

    /** Returned by an {@link #autoAck} function: the kernel "loses" this request's ACK. */
    public static final int NO_ACK = -1;

    /**
     * When the script is empty, answer each request sent (in order) with an ACK, or with the
     * errno {@code errnoForOrdinal} returns for the request's ordinal (0 = the first ever sent).
     */
    public ScriptedKernel autoAck(java.util.function.IntUnaryOperator errnoForOrdinal) {
        autoAck = errnoForOrdinal;
        return this;
    }

    /** The most requests that were ever sent and not yet answered (pipeline window check). */
    public int maxUnacked() {
        return maxUnacked;
    }

    /**
     * Answers {@link #ifindex} as the kernel's ioctl would: the index of each name in
     * {@code names}, -ENODEV for any other. Without this call the kernel has no ioctl (-ENOTTY).
     */
    public ScriptedKernel devices(java.util.Map<String, Integer> names) {
        this.names = java.util.Map.copyOf(names);
        return this;
    }

    @Override
    public int ifindex(String name) {
        if (names == null) {
            return NetlinkTransport.super.ifindex(name);
        }
        return names.getOrDefault(name, -io.netlink4j.jna.Errno.ENODEV);
    }

    public ScriptedKernel portId(int id) {
        portId = id;
        return this;
    }

    /** Next receive returns these bytes from the kernel. */
    public ScriptedKernel reply(Function<ScriptedKernel, byte[]> datagram) {
        script.add(new Step(datagram, 0, 0, false));
        return this;
    }

    /** Next receive returns these bytes from another socket (port id {@code sender}). */
    public ScriptedKernel replyFrom(int sender, Function<ScriptedKernel, byte[]> datagram) {
        script.add(new Step(datagram, 0, sender, false));
        return this;
    }

    /** Next receive fails with {@code errno}. */
    public ScriptedKernel fail(int errno) {
        script.add(new Step(null, errno, 0, false));
        return this;
    }

    /** The next send fails with {@code errno} (nothing is recorded as sent). */
    public ScriptedKernel failSend(int errno) {
        sendErrors.add(errno);
        return this;
    }

    public List<byte[]> sent() {
        return sent;
    }

    public int remainingSteps() {
        return script.size();
    }

    public boolean isClosed() {
        return closed;
    }

    /** The seq of the {@code index}-th message of the last datagram sent. */
    public int lastSeq(int index) {
        ByteBuffer b = ByteBuffer.wrap(sent.get(sent.size() - 1)).order(ByteOrder.nativeOrder());
        int pos = 0;
        for (int i = 0; i < index; i++) {
            pos += NlMsg.align(b.getInt(pos));
        }
        return b.getInt(pos + NlMsg.SEQ_OFFSET);
    }

    public int lastSeq() {
        return lastSeq(0);
    }

    private int batchMax;
    private int batchCalls;
    private int batchDatagrams;

    @Override
    public int portId() {
        return portId;
    }

    @Override
    public int send(ByteBuffer buffer, int offset, int length) {
        if (!sendErrors.isEmpty()) {
            return -sendErrors.poll();
        }
        byte[] b = new byte[length];
        buffer.get(offset, b, 0, length);
        sent.add(b);
        ByteBuffer m = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
        for (int pos = 0; pos + NlMsg.NLMSG_HDRLEN <= length; pos += NlMsg.align(Math.max(16, m.getInt(pos)))) {
            unacked.add(new int[] {m.getInt(pos + NlMsg.SEQ_OFFSET), ordinal++});
        }
        maxUnacked = Math.max(maxUnacked, unacked.size());
        return length;
    }

    @Override
    public int receive(ByteBuffer buffer, int flags) {
        Step s = script.peek();
        while (s == null && autoAck != null && !unacked.isEmpty()) {
            int[] r = unacked.poll();
            int errno = autoAck.applyAsInt(r[1]);
            if (errno == NO_ACK) {
                continue;
            }
            byte[] d = Messages.error(r[0], errno, new byte[0]);
            buffer.put(0, d);
            lastSender = 0;
            return d.length;
        }
        if (s == null) {
            return -11; // EAGAIN: as a timed-out receive
        }
        if (s.datagram == null) {
            script.poll();
            unacked.clear();
            return -s.errno;
        }
        byte[] d = s.datagram.apply(this);
        boolean peek = (flags & 0x2) != 0;
        if (!peek) {
            script.poll();
        }
        int n = Math.min(d.length, buffer.capacity());
        buffer.put(0, d, 0, n);
        lastSender = s.sender;
        return (flags & 0x20) != 0 ? d.length : n;
    }

    /**
     * From now on {@link #receiveBatch} hands out up to {@code max} scripted datagrams per call,
     * as recvmmsg does: the first as {@link #receive}, then only those already scripted (an
     * errno step ends the batch and is returned by the next call). 0 restores the default.
     */
    public ScriptedKernel batchReceives(int max) {
        batchMax = max;
        return this;
    }

    /** The number of receiveBatch calls that returned datagrams, and how many in all. */
    public int[] batchStats() {
        return new int[] {batchCalls, batchDatagrams};
    }

    @Override
    public int receiveBatch(ByteBuffer buffer, int slot, int count, int[] lengths, int[] senders) {
        if (batchMax <= 0) {
            return NetlinkTransport.super.receiveBatch(buffer, slot, count, lengths, senders);
        }
        int got = 0;
        while (got < Math.min(count, batchMax)) {
            if (got > 0) {
                Step s = script.peek();
                boolean queued = s != null ? s.datagram != null : autoAck != null && !unacked.isEmpty();
                if (!queued) {
                    break;
                }
            }
            int r = receive(buffer.slice(got * slot, slot), 0x20);
            if (r < 0) {
                return r; // only possible for the first
            }
            lengths[got] = r;
            senders[got] = lastSender;
            got++;
        }
        batchCalls++;
        batchDatagrams += got;
        return got;
    }

    @Override
    public int senderPortId() {
        return lastSender;
    }

    @Override
    public int joinGroup(int group) {
        return 0;
    }

    @Override
    public void close() {
        closed = true;
    }
}
