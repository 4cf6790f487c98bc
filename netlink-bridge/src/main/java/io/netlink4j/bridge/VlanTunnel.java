package io.netlink4j.bridge;

/**
 * A VLAN-to-tunnel mapping of a bridge port ({@code bridge vlan add dev vxlan0 vid 100 tunnel_info
 * id 1100}): frames of VLAN {@code firstVid} leave the (collect-metadata VXLAN) port with tunnel
 * id (VNI) {@code firstTunnelId}, and arriving frames with that id enter that VLAN. A range maps
 * VIDs {@code firstVid..lastVid} one to one onto tunnel ids {@code firstTunnelId..lastTunnelId()}:
 * the kernel accepts only ranges of equal length.
 *
 * @param firstVid      first VID, 1-4094
 * @param lastVid       last VID (== firstVid for one VLAN)
 * @param firstTunnelId tunnel id of {@code firstVid}, 0 to 2^24-1 (a VXLAN VNI, as iproute2 accepts)
 */
public record VlanTunnel(int firstVid, int lastVid, int firstTunnelId) {
    /** The largest tunnel id: VNIs are 24 bits. */
    public static final int MAX_TUNNEL_ID = (1 << 24) - 1;

    public VlanTunnel {
        Vlan.checkVid(firstVid);
        Vlan.checkVid(lastVid);
        if (lastVid < firstVid) {
            throw new IllegalArgumentException("inverted VLAN range " + firstVid + "-" + lastVid);
        }
        if (firstTunnelId < 0 || firstTunnelId > MAX_TUNNEL_ID
                || (long) firstTunnelId + (lastVid - firstVid) > MAX_TUNNEL_ID) {
            throw new IllegalArgumentException("tunnel id " + firstTunnelId
                    + (lastVid > firstVid ? "-" + ((long) firstTunnelId + lastVid - firstVid) : "")
                    + " is outside 0.." + MAX_TUNNEL_ID);
        }
    }

    /** VLAN {@code vid} to tunnel id {@code tunnelId}. */
    public static VlanTunnel of(int vid, int tunnelId) {
        return new VlanTunnel(vid, vid, tunnelId);
    }

    /** VLANs {@code firstVid..lastVid} to tunnel ids {@code firstTunnelId..firstTunnelId + (lastVid - firstVid)}. */
    public static VlanTunnel range(int firstVid, int lastVid, int firstTunnelId) {
        return new VlanTunnel(firstVid, lastVid, firstTunnelId);
    }

    /** The tunnel id of {@code lastVid}. */
    public int lastTunnelId() {
        return firstTunnelId + (lastVid - firstVid);
    }

    public boolean isRange() {
        return lastVid != firstVid;
    }

    /** The tunnel id of {@code vid}, or -1 if {@code vid} is not in this mapping. */
    public int tunnelIdOf(int vid) {
        return vid >= firstVid && vid <= lastVid ? firstTunnelId + (vid - firstVid) : -1;
    }

    /** "100->1100", "200-205->1200-1205". */
    @Override
    public String toString() {
        return isRange() ? firstVid + "-" + lastVid + "->" + firstTunnelId + "-" + lastTunnelId()
                : firstVid + "->" + firstTunnelId;
    }
}
