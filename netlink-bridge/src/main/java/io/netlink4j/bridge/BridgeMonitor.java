package io.netlink4j.bridge;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.IfInfoMsg;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.MessageVisitor;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NetlinkParseException;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.NotificationSocket;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a namespace's FDB and bridge ports: a netlink socket of its own joined to
 * RTNLGRP_NEIGH and RTNLGRP_LINK, delivering typed {@link BridgeEvent}s.
 *
 * <pre>{@code
 * try (BridgeMonitor mon = BridgeMonitor.open("blue")) {
 *     Thread t = new Thread(() -> mon.run(event -> {
 *         switch (event) {
 *             case BridgeEvent.FdbEvent f -> System.out.println(f.kind() + " " + f.entry());
 *             case BridgeEvent.PortEvent p -> System.out.println(p.name() + " " + p.changed());
 *             case BridgeEvent.Overrun o -> resync();               // events were lost: re-dump
 *         }
 *     }));
 *     t.start();
 *     ...
 *     mon.stop();                                                  // run() returns at once
 * }
 * }</pre>
 *
 * <p>The socket gets a large receive buffer (SO_RCVBUFFORCE, 8 MiB by default). If it overflows
 * anyway the kernel drops events and reports ENOBUFS once, to whichever receive comes next: every
 * such report becomes an {@link BridgeEvent.Overrun}, after the monitor has emptied the socket's
 * queue and reloaded the FDB it tracks (to tell added from changed entries); then it goes on.
 * {@link #run} waits on a {@link NotificationSocket}, so {@link #stop()} from any thread wakes it
 * immediately. One thread runs a monitor at a time.
 */
public final class BridgeMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeMonitor.class);
    /** Default SO_RCVBUF(FORCE): room for bursts of tens of thousands of FDB notifications. */
    public static final int DEFAULT_RECEIVE_BUFFER = 8 * 1024 * 1024;

    private final String netns;
    private final NotificationSocket socket;
    private final ReentrantLock running = new ReentrantLock();
    private final NlMsg msg = new NlMsg();
    private final FdbView view = new FdbView();
    private final Set<FdbKey> known = new HashSet<>();
    private final Map<Integer, Map<String, Long>> ports = new HashMap<>();
    private volatile boolean stopped;
    private boolean closed;
    private long overruns;

    /** An FDB entry as the monitor tracks it: MAC, VLAN, and the bridge (master entries) or device (self). */
    record FdbKey(long mac, int vlan, int device) {}

    private BridgeMonitor(String netns, int receiveBuffer) {
        this.netns = netns;
        this.socket = NotificationSocket.open(netns, receiveBuffer, Rtnetlink.RTNLGRP_NEIGH, Rtnetlink.RTNLGRP_LINK);
        try {
            reseed();
        } catch (RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** A monitor of the caller's namespace (null) or of {@code netns}. */
    public static BridgeMonitor open(String netns) {
        return new BridgeMonitor(netns, DEFAULT_RECEIVE_BUFFER);
    }

    /** With a receive buffer of {@code receiveBufferBytes} (small values make overruns likely). */
    public static BridgeMonitor open(String netns, int receiveBufferBytes) {
        return new BridgeMonitor(netns, receiveBufferBytes);
    }

    /** Device names by ifindex, from the initial load and link notifications (for FdbEntry.ifname). */
    private final Map<Integer, String> names = new HashMap<>();

    /** Loads the bridge FDB entries that exist now, so that later events read as added or changed. */
    private void reseed() {
        known.clear();
        try (RtnlChannel ch = RtnlChannel.open(netns, ChannelOptions.defaults())) {
            for (io.netlink4j.core.Link l : new io.netlink4j.core.Links(ch).list()) {
                names.put(l.index(), l.name());
            }
            MessageWriter w = ch.request(Rtnetlink.RTM_GETNEIGH, 0);
            FdbCodec.encodeDump(w, 0, 0);
            FdbView v = new FdbView();
            ch.dump("monitor: load fdb", new MessageVisitor() {
                @Override
                public void onMessage(NlMsg m) {
                    if (v.wrap(m) && v.hasMac()) {
                        known.add(key(v));
                    }
                }

                @Override
                public void onDumpRestart() {
                    known.clear();
                }
            });
        }
    }

    private static FdbKey key(FdbView v) {
        return new FdbKey(v.macLong(), v.vlan(), v.master() != 0 ? v.master() : v.ifindex());
    }

    /**
     * Delivers events to {@code listener} until {@link #stop()} (or {@link #close()}) is called;
     * returns then. Exceptions thrown by the listener end the run and propagate.
     *
     * @throws IllegalStateException if another thread is running this monitor, or it was stopped
     */
    public void run(Consumer<BridgeEvent> listener) {
        Objects.requireNonNull(listener);
        if (!running.tryLock()) {
            throw new IllegalStateException("this monitor is already running in another thread");
        }
        try {
            if (closed) {
                throw new IllegalStateException("the monitor is closed");
            }
            while (!stopped && socket.await()) {
                drain(listener);
            }
        } finally {
            running.unlock();
        }
    }

    /** Reads every datagram queued on the socket without blocking. */
    private void drain(Consumer<BridgeEvent> listener) {
        while (!stopped) {
            int n = socket.receive();
            if (n == NotificationSocket.EMPTY) {
                return;
            }
            if (n == NotificationSocket.OVERRUN) {
                overruns++;
                LOG.warn("bridge monitor{}: receive buffer overrun, events were lost (overrun {})",
                        netns == null ? "" : " in " + netns, overruns);
                // empty the queue first: the kernel reports the next loss only after that
                socket.discardQueued();
                reseed();
                ports.clear();
                listener.accept(new BridgeEvent.Overrun(overruns));
                continue;
            }
            dispatch(n, listener);
        }
    }

    private void dispatch(int n, Consumer<BridgeEvent> listener) {
        ByteBuffer recv = socket.buffer();
        int pos = 0;
        while (pos + NlMsg.NLMSG_HDRLEN <= n) {
            msg.wrap(recv, pos);
            int len = msg.length();
            if (len < NlMsg.NLMSG_HDRLEN || len > n - pos) {
                LOG.warn("bridge monitor: malformed notification at offset {} (nlmsg_len {})", pos, len);
                return;
            }
            try {
                BridgeEvent e = decode(msg);
                if (e != null) {
                    listener.accept(e);
                }
            } catch (NetlinkParseException ex) {
                LOG.warn("bridge monitor: skipping a malformed notification: {}", ex.getMessage());
            }
            pos += NlMsg.align(len);
        }
    }

    // package-private: the fuzz harness feeds it notifications without a socket
    BridgeEvent decode(NlMsg m) {
        switch (m.type()) {
            case Rtnetlink.RTM_NEWNEIGH:
            case Rtnetlink.RTM_DELNEIGH: {
                if (!view.wrap(m) || !view.hasMac()) {
                    return null; // an ARP/ND neighbour
                }
                FdbKey k = key(view);
                BridgeEvent.FdbKind kind;
                if (view.isDeleted()) {
                    known.remove(k);
                    kind = BridgeEvent.FdbKind.REMOVED;
                } else {
                    kind = known.add(k) ? BridgeEvent.FdbKind.ADDED : BridgeEvent.FdbKind.CHANGED;
                }
                return new BridgeEvent.FdbEvent(kind, view.toEntry(this::nameOf));
            }
            case Rtnetlink.RTM_NEWLINK:
            case Rtnetlink.RTM_DELLINK:
                return portEvent(m);
            default:
                return null;
        }
    }

    private String nameOf(int ifindex) {
        return names.get(ifindex);
    }

    /** AF_BRIDGE link messages are the bridge's port notifications (br_ifinfo_notify). */
    private BridgeEvent portEvent(NlMsg m) {
        if (m.payloadLength() < IfInfoMsg.LENGTH) {
            return null;
        }
        IfInfoMsg ifi = new IfInfoMsg().wrap(m.buffer(), m.payloadOffset());
        Map<String, Long> attrs = new LinkedHashMap<>();
        String[] name = new String[1];
        int[] master = new int[1];
        AttributeIterator it = m.attributes(new AttributeIterator(), IfInfoMsg.LENGTH);
        AttributeIterator child = new AttributeIterator();
        while (it.next()) {
            switch (it.type()) {
                case LinkCodec.IFLA_IFNAME: name[0] = it.string(); break;
                case LinkCodec.IFLA_MASTER: master[0] = it.u32(); break;
                case LinkCodec.IFLA_PROTINFO:
                    PortAttributes.decode(it.nested(child), attrs);
                    it.absorb(child);
                    break;
                default: break;
            }
        }
        it.check();
        if (name[0] != null) {
            names.put(ifi.index(), name[0]);
        }
        if (ifi.family() != Rtnetlink.AF_BRIDGE) {
            return null;
        }
        if (m.type() == Rtnetlink.RTM_DELLINK) {
            ports.remove(ifi.index());
            return new BridgeEvent.PortEvent(BridgeEvent.PortKind.REMOVED, ifi.index(), name[0], master[0],
                    Collections.unmodifiableMap(attrs), Map.of());
        }
        Map<String, Long> before = ports.put(ifi.index(), attrs);
        Map<String, Long> changed = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : attrs.entrySet()) {
            if (before == null || !e.getValue().equals(before.get(e.getKey()))) {
                changed.put(e.getKey(), e.getValue());
            }
        }
        return new BridgeEvent.PortEvent(BridgeEvent.PortKind.CHANGED, ifi.index(), name[0], master[0],
                Collections.unmodifiableMap(attrs), Collections.unmodifiableMap(changed));
    }

    /** Overruns seen so far. */
    public long overruns() {
        return overruns;
    }

    /**
     * Makes {@link #run} return as soon as it has delivered the event at hand (at once when it is
     * waiting). Callable from any thread; a stopped monitor does not run again.
     */
    public void stop() {
        stopped = true;
        socket.wakeUp();
    }

    /** Stops the monitor, waits for {@link #run} to return, and closes the socket. Idempotent. */
    @Override
    public void close() {
        stop();
        running.lock();
        try {
            closed = true;
            socket.close();
        } finally {
            running.unlock();
        }
    }

    /** The FDB entries the monitor believes exist (for tests: call from the thread running it). */
    Set<FdbKey> knownEntries() {
        return Set.copyOf(known);
    }
}
