package io.netlink4j.bridge;

import io.netlink4j.core.Link;

/**
 * A bridge port as the kernel reports it: the link, its current settings (every writable
 * IFLA_BRPORT_* the kernel sent, typed: {@link PortConfig}) and the read-only STP status.
 * Timers are in centiseconds (USER_HZ, as the kernel sends them; iproute2 shows them in seconds).
 */
public final class PortInfo {
    private final Link link;
    private final PortConfig settings;
    private final String rootId;
    private final String bridgeId;
    private final int designatedPort;
    private final int designatedCost;
    private final int portId;
    private final int portNo;
    private final boolean topologyChangeAck;
    private final boolean configPending;
    private final long messageAgeTimer;
    private final long forwardDelayTimer;
    private final long holdTimer;
    private final boolean mrpRingOpen;
    private final boolean mrpInOpen;
    private final long mcastEhtHostsCount;
    private final long mcastGroups;

    private PortInfo(Link link, Builder b) {
        this.link = link;
        this.settings = new PortConfig(b.settings);
        this.rootId = b.rootId;
        this.bridgeId = b.bridgeId;
        this.designatedPort = b.designatedPort;
        this.designatedCost = b.designatedCost;
        this.portId = b.portId;
        this.portNo = b.portNo;
        this.topologyChangeAck = b.topologyChangeAck;
        this.configPending = b.configPending;
        this.messageAgeTimer = b.messageAgeTimer;
        this.forwardDelayTimer = b.forwardDelayTimer;
        this.holdTimer = b.holdTimer;
        this.mrpRingOpen = b.mrpRingOpen;
        this.mrpInOpen = b.mrpInOpen;
        this.mcastEhtHostsCount = b.mcastEhtHostsCount;
        this.mcastGroups = b.mcastGroups;
    }

    /** The port device. */
    public Link link() { return link; }
    public String name() { return link.name(); }
    public int index() { return link.index(); }
    /** The ifindex of the bridge (IFLA_MASTER). */
    public int bridgeIndex() { return link.master(); }
    /** The current settings, typed (to change them: {@link PortSettings}). */
    public PortConfig settings() { return settings; }
    /** Shortcut for {@code settings().state()}. */
    public PortState state() { return settings.state(); }
    /** Designated root, "8000.aa:bb:cc:dd:ee:ff". */
    public String rootId() { return rootId; }
    /** Designated bridge. */
    public String bridgeId() { return bridgeId; }
    public int designatedPort() { return designatedPort; }
    public int designatedCost() { return designatedCost; }
    /** Port id (priority and number), e.g. 0x8001. */
    public int portId() { return portId; }
    /** Port number, e.g. 1. */
    public int portNo() { return portNo; }
    public boolean topologyChangeAck() { return topologyChangeAck; }
    public boolean configPending() { return configPending; }
    /** Centiseconds. */
    public long messageAgeTimer() { return messageAgeTimer; }
    /** Centiseconds. */
    public long forwardDelayTimer() { return forwardDelayTimer; }
    /** Centiseconds. */
    public long holdTimer() { return holdTimer; }
    public boolean mrpRingOpen() { return mrpRingOpen; }
    public boolean mrpInOpen() { return mrpInOpen; }
    public long mcastEhtHostsCount() { return mcastEhtHostsCount; }
    /** Multicast groups on the port (IFLA_BRPORT_MCAST_N_GROUPS). */
    public long mcastGroups() { return mcastGroups; }

    @Override
    public String toString() {
        return "PortInfo{" + link.name() + " master " + link.master() + ", id 0x" + Integer.toHexString(portId)
                + ", root " + rootId + ", " + settings + "}";
    }

    /** Collects a port's attributes while its message is decoded (one per message). */
    public static final class Builder {
        final AttrValues settings = new AttrValues();
        boolean seen;
        String rootId;
        String bridgeId;
        int designatedPort;
        int designatedCost;
        int portId;
        int portNo;
        boolean topologyChangeAck;
        boolean configPending;
        long messageAgeTimer;
        long forwardDelayTimer;
        long holdTimer;
        boolean mrpRingOpen;
        boolean mrpInOpen;
        long mcastEhtHostsCount;
        long mcastGroups;

        /** True once a port nest was decoded into this builder. */
        public boolean seen() {
            return seen;
        }

        public PortInfo build(Link link) {
            return new PortInfo(link, this);
        }
    }
}
