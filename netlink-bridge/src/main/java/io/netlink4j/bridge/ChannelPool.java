package io.netlink4j.bridge;

import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.RtnlChannel;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Channels for one network namespace, lent to one thread at a time: a caller borrows an idle
 * channel (or a new one is opened), runs its conversation, and gives it back. So a handle is
 * safe to share between threads without serialising them on one socket, and a reply can never
 * reach the wrong thread: each conversation owns its socket while it runs. A channel that broke
 * (timeout, overrun) is dropped, not returned.
 */
final class ChannelPool implements AutoCloseable {
    private final String netns;
    private final ChannelOptions options;
    /**
     * The channel given back last: the common case of one thread calling again and again takes it
     * and gives it back with one atomic operation each, without allocating a deque node or
     * counting the deque.
     */
    private final AtomicReference<RtnlChannel> hot = new AtomicReference<>();
    private final ConcurrentLinkedDeque<RtnlChannel> idle = new ConcurrentLinkedDeque<>();
    private final int maxIdle;
    private final Supplier<RtnlChannel> opener;
    private volatile boolean closed;

    ChannelPool(String netns, ChannelOptions options, int maxIdle) {
        this(netns, options, maxIdle, () -> RtnlChannel.open(netns, options));
    }

    /** A pool whose channels come from {@code opener} (a scripted fake kernel in unit tests). */
    ChannelPool(String netns, ChannelOptions options, int maxIdle, Supplier<RtnlChannel> opener) {
        this.netns = netns;
        this.options = options;
        this.maxIdle = maxIdle;
        this.opener = opener;
    }

    String netns() {
        return netns;
    }

    /** Runs {@code conversation} on a channel of this pool's namespace. */
    <T> T call(Function<RtnlChannel, T> conversation) {
        if (closed) {
            throw new IllegalStateException("the netlink handle is closed");
        }
        RtnlChannel ch = hot.getAndSet(null);
        if (ch == null) {
            ch = idle.pollFirst();
        }
        if (ch == null) {
            ch = opener.get();
        }
        try {
            return conversation.apply(ch);
        } finally {
            giveBack(ch);
        }
    }

    private void giveBack(RtnlChannel ch) {
        if (!ch.isOpen()) {
            return;
        }
        if (!closed && hot.compareAndSet(null, ch)) {
            if (closed && hot.compareAndSet(ch, null)) {
                ch.close(); // close() ran meanwhile and may have missed it
            }
            return;
        }
        if (closed || idle.size() >= maxIdle - 1) { // the hot slot counts as one idle channel
            ch.close();
            return;
        }
        idle.addFirst(ch);
        if (closed && idle.remove(ch)) {
            ch.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        RtnlChannel h = hot.getAndSet(null);
        if (h != null) {
            h.close();
        }
        RtnlChannel ch;
        while ((ch = idle.pollFirst()) != null) {
            ch.close();
        }
    }
}
