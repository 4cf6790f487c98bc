package io.netlink4j.bridge;

import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.Links;
import io.netlink4j.core.RtnlChannel;
import java.util.function.Function;

/**
 * The entry point: a handle on the bridges of one network namespace.
 *
 * <pre>{@code
 * try (BridgeNetlink nl = BridgeNetlink.open()) {               // or open("netns-name")
 *     nl.call(ch -> new Links(ch).get("eth0"));
 * }
 * }</pre>
 *
 * <p><b>Threading:</b> a handle is thread-safe. Each operation borrows a channel (socket) of its
 * own from a small pool for the duration of its conversation, so threads never wait on each
 * other's requests and every reply reaches the thread that asked. Channels are created inside the
 * handle's namespace and stay there whichever thread uses them.
 */
public final class BridgeNetlink implements AutoCloseable {
    private final ChannelPool pool;
    private final BridgePorts ports = new BridgePorts(this);
    private final Bridges bridges = new Bridges(this);
    private final Vlans vlans;
    private final Fdb fdb = new Fdb(this);
    private final Mdb mdb = new Mdb(this);
    private final Vnis vnis = new Vnis(this);
    private final Mst mst = new Mst(this);

    private BridgeNetlink(String netns, ChannelOptions options) {
        this(new ChannelPool(netns, options, Math.max(2, Runtime.getRuntime().availableProcessors())));
    }

    private BridgeNetlink(ChannelPool pool) {
        this.pool = pool;
        // open one channel now so that a bad namespace or missing privilege fails here, not later
        pool.call(ch -> null);
        this.vlans = new Vlans(this);
    }

    /** A handle whose channels come from {@code opener} — unit tests against a scripted fake kernel. */
    static BridgeNetlink over(java.util.function.Supplier<RtnlChannel> opener) {
        return new BridgeNetlink(new ChannelPool(null, ChannelOptions.defaults(), 1, opener));
    }

    /** A handle on the caller's network namespace. */
    public static BridgeNetlink open() {
        return new BridgeNetlink(null, ChannelOptions.defaults());
    }

    /** A handle on network namespace {@code netns} (a name under /run/netns, or a path); null = the caller's. */
    public static BridgeNetlink open(String netns) {
        return new BridgeNetlink(netns, ChannelOptions.defaults());
    }

    public static BridgeNetlink open(String netns, ChannelOptions options) {
        return new BridgeNetlink(netns, options);
    }

    /** The namespace this handle works in (null = the one of the process when opened). */
    public String netns() {
        return pool.netns();
    }

    /**
     * Runs a conversation on a channel of this handle — the escape hatch to the core API
     * ({@link Links}, raw requests). The channel must not be kept after {@code conversation} returns.
     */
    public <T> T call(Function<RtnlChannel, T> conversation) {
        return pool.call(conversation);
    }

    /** Bridge ports: settings, STP status, listing. */
    public BridgePorts ports() {
        return ports;
    }

    /** Bridges: create with options, read, change, delete. */
    public Bridges bridges() {
        return bridges;
    }

    /** Bridge VLAN filtering: bridge VLAN settings, port and bridge VLANs, per-VLAN options, sync. */
    public Vlans vlans() {
        return vlans;
    }

    /** The forwarding database: entries, dumps, flushes and the pipelined bulk path. */
    public Fdb fdb() {
        return fdb;
    }

    /** The multicast database: group entries per port, router ports. */
    public Mdb mdb() {
        return mdb;
    }

    /** The VNI filter of VXLAN devices ({@code bridge vni}). */
    public Vnis vnis() {
        return vnis;
    }

    /** Multiple spanning trees: per-port MSTI states (VLANs map to MSTIs through {@link VlanGlobals}). */
    public Mst mst() {
        return mst;
    }

    /**
     * A monitor of FDB and bridge-port events in this handle's namespace, on a socket of its own.
     * Close it when done.
     */
    public BridgeMonitor monitor() {
        return BridgeMonitor.open(netns());
    }

    @Override
    public void close() {
        pool.close();
    }
}
