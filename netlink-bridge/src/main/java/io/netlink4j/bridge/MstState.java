package io.netlink4j.bridge;

/**
 * The state of one bridge port in one multiple-spanning-tree instance ({@code bridge mst show}).
 *
 * @param msti  the MST instance (0 = CIST)
 * @param state the port's STP state in that instance
 */
public record MstState(int msti, PortState state) {
    public MstState {
        if (msti < 0 || msti > Vlan.MAX_VID) {
            throw new IllegalArgumentException("msti must be 0.." + Vlan.MAX_VID + ": " + msti);
        }
        if (state == null) {
            throw new IllegalArgumentException("MST state is null");
        }
    }
}
