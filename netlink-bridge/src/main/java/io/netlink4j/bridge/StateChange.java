package io.netlink4j.bridge;

/**
 * One change of a {@link StatePlan}: what differs on one bridge, port or FDB entry, and what
 * will be sent for it (one request for a bridge's or a port's settings, a VLAN sync for a port's
 * VLANs, one bulk entry for an FDB entry). {@link #toString()} is the human-readable form,
 * e.g. {@code port v0: hairpin off -> on, proxy_arp off -> on}.
 */
public final class StateChange {
    /** What is changed. */
    public enum Kind {
        /** Settings of a bridge (one RTM_NEWLINK). */
        BRIDGE_SETTINGS,
        /** Settings of a port (one RTM_NEWLINK, the flags together). */
        PORT_SETTINGS,
        /** VLANs of a port (a VLAN sync). */
        PORT_VLANS,
        /** An FDB entry added, moved to its port, or given its state. */
        FDB_SET,
        /** An FDB entry removed from an exclusive port. */
        FDB_REMOVE
    }

    private final Kind kind;
    private final String bridge;
    private final String device;
    private final String text;
    final int ifindex;
    final BridgeSettings bridgeSettings;
    final PortSettings portSettings;
    final VlanSet vlans;
    final FdbChange fdb;

    private StateChange(Kind kind, String bridge, String device, int ifindex, String text, BridgeSettings bs,
                        PortSettings ps, VlanSet vlans, FdbChange fdb) {
        this.kind = kind;
        this.bridge = bridge;
        this.device = device;
        this.ifindex = ifindex;
        this.text = text;
        this.bridgeSettings = bs;
        this.portSettings = ps;
        this.vlans = vlans;
        this.fdb = fdb;
    }

    static StateChange bridge(String bridge, int ifindex, BridgeSettings s, String diff) {
        return new StateChange(Kind.BRIDGE_SETTINGS, bridge, bridge, ifindex, "bridge " + bridge + ": " + diff, s,
                null, null, null);
    }

    static StateChange port(String bridge, String port, int ifindex, PortSettings s, String diff) {
        return new StateChange(Kind.PORT_SETTINGS, bridge, port, ifindex, "port " + port + ": " + diff, null, s,
                null, null);
    }

    static StateChange vlans(String bridge, String port, int ifindex, VlanSet before, VlanSet target) {
        return new StateChange(Kind.PORT_VLANS, bridge, port, ifindex,
                "port " + port + ": vlans " + before + " -> " + target, null, null, target, null);
    }

    static StateChange fdb(String bridge, String port, FdbChange c, String diff) {
        Kind k = c.op() == FdbChange.Op.DELETE ? Kind.FDB_REMOVE : Kind.FDB_SET;
        return new StateChange(k, bridge, port, 0, "fdb " + bridge + " " + diff, null, null, null, c);
    }

    public Kind kind() {
        return kind;
    }

    /** The bridge this change belongs to. */
    public String bridge() {
        return bridge;
    }

    /** The device changed: the bridge, or the port (for FDB entries, the port the entry is declared on). */
    public String device() {
        return device;
    }

    /** The human-readable form: "port v0: hairpin off -> on". */
    @Override
    public String toString() {
        return text;
    }
}
