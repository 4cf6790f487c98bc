package io.netlink4j.bridge;

import io.netlink4j.core.Link;

/**
 * A bridge as the kernel reports it: the link, its current settings (every writable IFLA_BR_*
 * the kernel sent, see {@link BridgeSettings}) and the read-only STP status. Timers are in
 * centiseconds (USER_HZ).
 */
public final class BridgeInfo {
    private final Link link;
    private final BridgeSettings settings;
    private final String rootId;
    private final String bridgeId;
    private final int rootPort;
    private final long rootPathCost;
    private final boolean topologyChange;
    private final boolean topologyChangeDetected;
    private final long helloTimer;
    private final long tcnTimer;
    private final long topologyChangeTimer;
    private final long gcTimer;
    private final long fdbLearned;
    private final int boolopts;

    private BridgeInfo(Link link, Builder b) {
        this.link = link;
        this.settings = new BridgeSettings(b.settings);
        this.rootId = b.rootId;
        this.bridgeId = b.bridgeId;
        this.rootPort = b.rootPort;
        this.rootPathCost = b.rootPathCost;
        this.topologyChange = b.topologyChange;
        this.topologyChangeDetected = b.topologyChangeDetected;
        this.helloTimer = b.helloTimer;
        this.tcnTimer = b.tcnTimer;
        this.topologyChangeTimer = b.topologyChangeTimer;
        this.gcTimer = b.gcTimer;
        this.fdbLearned = b.fdbLearned;
        this.boolopts = b.boolopts;
    }

    public Link link() { return link; }
    public String name() { return link.name(); }
    public int index() { return link.index(); }
    /** The current settings; each getter is non-null when the kernel reported it. */
    public BridgeSettings settings() { return settings; }
    /** "8000.aa:bb:cc:dd:ee:ff". */
    public String rootId() { return rootId; }
    /** This bridge's id, "8000.aa:bb:cc:dd:ee:ff". */
    public String bridgeId() { return bridgeId; }
    public int rootPort() { return rootPort; }
    public long rootPathCost() { return rootPathCost; }
    public boolean topologyChange() { return topologyChange; }
    public boolean topologyChangeDetected() { return topologyChangeDetected; }
    /** Centiseconds. */
    public long helloTimer() { return helloTimer; }
    /** Centiseconds. */
    public long tcnTimer() { return tcnTimer; }
    /** Centiseconds. */
    public long topologyChangeTimer() { return topologyChangeTimer; }
    /** Centiseconds. */
    public long gcTimer() { return gcTimer; }
    /** Dynamically learned FDB entries (IFLA_BR_FDB_N_LEARNED, kernel 6.8+). */
    public long fdbLearned() { return fdbLearned; }
    /** IFLA_BR_MULTI_BOOLOPT optval bits (BR_BOOLOPT_*: bit 0 no_linklocal_learn, 1 mcast_vlan_snooping, 2 mst_enable …). */
    public int boolopts() { return boolopts; }

    @Override
    public String toString() {
        return "BridgeInfo{" + link.name() + ", id " + bridgeId + ", root " + rootId + ", " + settings + "}";
    }

    /** Collects a bridge's attributes while its message is decoded. */
    public static final class Builder {
        final AttrValues settings = new AttrValues();
        boolean seen;
        String rootId;
        String bridgeId;
        int rootPort;
        long rootPathCost;
        boolean topologyChange;
        boolean topologyChangeDetected;
        long helloTimer;
        long tcnTimer;
        long topologyChangeTimer;
        long gcTimer;
        long fdbLearned;
        int boolopts;

        public boolean seen() {
            return seen;
        }

        public BridgeInfo build(Link link) {
            return new BridgeInfo(link, this);
        }
    }
}
