package io.netlink4j.bridge;

import io.netlink4j.core.MacAddress;

/**
 * A static FDB entry of a desired {@link BridgeState}: this MAC (in this VLAN) is behind the port
 * it is declared on. Checked when built: a unicast, non-zero MAC; VLAN 0 (none) or 1..4094; state
 * static or permanent (a dynamic entry ages out, so it cannot be declared).
 *
 * @param mac   "aa:bb:cc:dd:ee:ff", normalised to lower case
 * @param vlan  0 = none, else 1..4094
 * @param state {@link FdbState#STATIC} or {@link FdbState#PERMANENT}
 */
public record StaticFdbEntry(String mac, int vlan, FdbState state) {

    public StaticFdbEntry {
        byte[] b = MacAddress.parse(mac);
        if ((b[0] & 1) != 0) {
            throw new IllegalArgumentException("multicast address " + mac + " cannot be a bridge FDB entry");
        }
        boolean zero = true;
        for (byte x : b) {
            zero &= x == 0;
        }
        if (zero) {
            throw new IllegalArgumentException("00:00:00:00:00:00 cannot be a bridge FDB entry");
        }
        if (vlan != 0) {
            Vlan.checkVid(vlan);
        }
        if (state != FdbState.STATIC && state != FdbState.PERMANENT) {
            throw new IllegalArgumentException("a declared FDB entry is static or permanent, not " + state);
        }
        mac = FdbCodec.formatMac(FdbCodec.parseMac(mac));
    }

    /** A static entry without VLAN. */
    public static StaticFdbEntry of(String mac) {
        return new StaticFdbEntry(mac, 0, FdbState.STATIC);
    }

    long macLong() {
        return FdbCodec.parseMac(mac);
    }

    /** "02:00:00:00:00:01 vlan 100 static". */
    @Override
    public String toString() {
        return mac + (vlan != 0 ? " vlan " + vlan : "") + " " + state.name().toLowerCase(java.util.Locale.ROOT);
    }
}
