package io.netlink4j.bridge;

import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.IfInfoMsg;
import io.netlink4j.core.MessageVisitor;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NetlinkException;
import io.netlink4j.core.NetlinkParseException;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.NotificationSocket;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a namespace's FDB, bridges, bridge ports, MDB (groups and router ports), bridge VLANs
 * and VXLAN VNI filters: a netlink socket of its own joined to RTNLGRP_NEIGH, RTNLGRP_LINK,
 * RTNLGRP_MDB, RTNLGRP_BRVLAN (where the kernel has the group; events only from kernels with
 * CONFIG_BRIDGE_VLAN_FILTERING) and (kernel 5.18+) RTNLGRP_TUNNEL, delivering typed
 * {@link BridgeEvent}s. Port and
 * bridge events report what changed against the settings last known (loaded when the monitor
 * opens): the several notifications the kernel sends per change make one event, and link
 * notifications that change no tracked setting (carrier, statistics, timers) make none.
 *
 * <pre>{@code
 * try (BridgeMonitor mon = BridgeMonitor.open("blue")) {
 *     Thread t = new Thread(() -> mon.run(event -> {
 *         switch (event) {
 *             case BridgeEvent.FdbEvent f -> System.out.println(f.kind() + " " + f.entry());
 *             case BridgeEvent.PortEvent p -> System.out.println(p.name() + " " + p.changed());
 *             case BridgeEvent.BridgeChanged b -> System.out.println(b.name() + " " + b.changed());
 *             case BridgeEvent.MdbEvent g -> System.out.println(g.kind() + " " + g.entry());
 *             case BridgeEvent.VlanEvent v -> System.out.println(v.kind() + " " + v.entries());
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
    private volatile boolean stopped;
    private boolean closed;
    private long overruns;

    /** An FDB entry as the monitor tracks it: MAC, VLAN, and the bridge (master entries) or device (self). */
    record FdbKey(long mac, int vlan, int device) {}

    private BridgeMonitor(String netns, int receiveBuffer) {
        this.netns = netns;
        this.socket = openSocket(netns, receiveBuffer);
        try {
            reseed();
        } catch (RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Groups every kernel has: FDB, links, MDB. */
    private static final int[] GROUPS = {Rtnetlink.RTNLGRP_NEIGH, Rtnetlink.RTNLGRP_LINK, Rtnetlink.RTNLGRP_MDB};
    /**
     * Groups newer kernels add, in the kernel's order: RTNLGRP_BRVLAN (VLAN events, 5.6+) and
     * RTNLGRP_TUNNEL (VNI filter events, 5.18+). A kernel refuses a group beyond its RTNLGRP_MAX
     * with EINVAL, so on EINVAL the last one is left out and the join tried again.
     */
    private static final int[] NEWER_GROUPS = {Rtnetlink.RTNLGRP_BRVLAN, VniCodec.RTNLGRP_TUNNEL};

    private static NotificationSocket openSocket(String netns, int receiveBuffer) {
        for (int newer = NEWER_GROUPS.length; ; newer--) {
            int[] groups = Arrays.copyOf(GROUPS, GROUPS.length + newer);
            System.arraycopy(NEWER_GROUPS, 0, groups, GROUPS.length, newer);
            try {
                return NotificationSocket.open(netns, receiveBuffer, groups);
            } catch (NetlinkException e) {
                if (e.errno() != io.netlink4j.core.Errno.EINVAL || newer == 0) {
                    throw e;
                }
                LOG.debug("bridge monitor: this kernel has no rtnetlink group {} ({}): no {} events",
                        NEWER_GROUPS[newer - 1], e.getMessage(), newer == 2 ? "VNI" : "VLAN");
            }
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
    /** Bridges' and ports' settings as last reported. */
    private final LinkTracker links = new LinkTracker(names);

    /**
     * Loads the links (names, bridge and port settings) and the bridge FDB entries that exist now,
     * so that later events read as added or changed, and repeated notifications as no change.
     */
    private void reseed() {
        known.clear();
        links.clear();
        try (RtnlChannel ch = RtnlChannel.open(netns, ChannelOptions.defaults())) {
            MessageWriter lw = ch.request(Rtnetlink.RTM_GETLINK, 0);
            IfInfoMsg.put(lw, Rtnetlink.AF_UNSPEC, 0, 0, 0);
            lw.putU32(io.netlink4j.core.LinkCodec.IFLA_EXT_MASK, Rtnetlink.RTEXT_FILTER_VF | Rtnetlink.RTEXT_FILTER_SKIP_STATS);
            ch.dump("monitor: load links", new MessageVisitor() {
                @Override
                public void onMessage(NlMsg m) {
                    if (m.type() == Rtnetlink.RTM_NEWLINK) {
                        links.onLink(m, true);
                    }
                }

                @Override
                public void onDumpRestart() {
                    links.clear();
                }
            });
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
                return links.onLink(m, false);
            case Rtnetlink.RTM_NEWMDB:
            case Rtnetlink.RTM_DELMDB:
                return mdbEvent(m);
            case VniCodec.RTM_NEWTUNNEL:
            case VniCodec.RTM_DELTUNNEL:
                return vniEvent(m);
            case Rtnetlink.RTM_NEWVLAN:
            case Rtnetlink.RTM_DELVLAN:
                return VlanEvents.decode(m);
            default:
                return null;
        }
    }

    private String nameOf(int ifindex) {
        return names.get(ifindex);
    }

    private BridgeEvent mdbEvent(NlMsg m) {
        List<MdbEntry> entries = new ArrayList<>(1);
        List<MdbRouterPort> routers = new ArrayList<>(1);
        if (!MdbCodec.decode(m, this::nameOf, entries, routers)) {
            return null;
        }
        BridgeEvent.MdbKind kind = m.type() == Rtnetlink.RTM_DELMDB ? BridgeEvent.MdbKind.REMOVED : BridgeEvent.MdbKind.ADDED;
        if (entries.isEmpty()) {
            // a port became (RTM_NEWMDB) or stopped being (RTM_DELMDB) a multicast router port: br_rtr_notify
            return routers.isEmpty() ? null : new BridgeEvent.MdbRouterEvent(kind, routers.get(0));
        }
        // the kernel notifies one entry per message (br_mdb_notify)
        return new BridgeEvent.MdbEvent(kind, entries.get(0));
    }

    private BridgeEvent vniEvent(NlMsg m) {
        List<VniEntry> entries = new ArrayList<>(1);
        if (!VniCodec.decode(m, this::nameOf, entries) || entries.isEmpty()) {
            return null;
        }
        BridgeEvent.VniKind kind = m.type() == VniCodec.RTM_DELTUNNEL ? BridgeEvent.VniKind.REMOVED : BridgeEvent.VniKind.ADDED;
        return new BridgeEvent.VniEvent(kind, entries);
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
