package io.netlink4j.bridge;

/**
 * One VLAN or a range of VLANs with the flags a port (or a bridge, "self") carries them with —
 * the unit of {@code bridge vlan add|del dev DEV vid FIRST[-LAST] [pvid] [untagged]}.
 *
 * <pre>{@code
 * Vlan.of(100).asPvid().asUntagged()   // vid 100 pvid untagged
 * Vlan.range(200, 210)                 // vid 200-210 (tagged)
 * }</pre>
 *
 * <p>Checked when built, before anything is sent: VIDs in 1..4094, {@code first <= last}, and no
 * PVID on a range (a port has one PVID; the kernel refuses it too).
 *
 * @param first    first VID
 * @param last     last VID (== first for a single VLAN)
 * @param pvid     the port's PVID: untagged ingress frames are classified into this VLAN
 * @param untagged frames of this VLAN leave the port untagged
 */
public record Vlan(int first, int last, boolean pvid, boolean untagged) {
    /** Lowest usable VID (0 means "priority tag only"). */
    public static final int MIN_VID = 1;
    /** Highest usable VID (4095 is reserved). */
    public static final int MAX_VID = 4094;

    public Vlan {
        checkVid(first);
        checkVid(last);
        if (first > last) {
            throw new IllegalArgumentException("inverted VLAN range " + first + "-" + last);
        }
        if (pvid && first != last) {
            throw new IllegalArgumentException("a PVID cannot be a range (" + first + "-" + last + "): a port has one PVID");
        }
    }

    /** VLAN {@code vid}, tagged, not the PVID. */
    public static Vlan of(int vid) {
        return new Vlan(vid, vid, false, false);
    }

    /** VLANs {@code first..last}, tagged. */
    public static Vlan range(int first, int last) {
        return new Vlan(first, last, false, false);
    }

    /** This VLAN as the PVID (a single VID only). */
    public Vlan asPvid() {
        return new Vlan(first, last, true, untagged);
    }

    /** This VLAN (or range) egressing untagged. */
    public Vlan asUntagged() {
        return new Vlan(first, last, pvid, true);
    }

    public boolean isRange() {
        return first != last;
    }

    /** How many VIDs this covers. */
    public int count() {
        return last - first + 1;
    }

    /** Refuses a VID outside 1..4094 with {@link IllegalArgumentException}. */
    public static int checkVid(int vid) {
        if (vid < MIN_VID || vid > MAX_VID) {
            throw new IllegalArgumentException("VLAN id " + vid + " is outside " + MIN_VID + ".." + MAX_VID);
        }
        return vid;
    }

    /** As iproute2 prints it: "100 pvid untagged", "200-210". */
    @Override
    public String toString() {
        return (isRange() ? first + "-" + last : String.valueOf(first)) + (pvid ? " pvid" : "") + (untagged ? " untagged" : "");
    }
}
