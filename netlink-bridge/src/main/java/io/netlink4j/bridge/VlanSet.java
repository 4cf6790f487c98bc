package io.netlink4j.bridge;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The VLAN membership of one port (or of a bridge itself): which VIDs, which of them egress
 * untagged, and the PVID. Immutable; what {@link Vlans#get} reads and what {@link Vlans#sync}
 * is given as the desired state.
 *
 * <pre>{@code
 * VlanSet want = VlanSet.builder().range(100, 110).untagged(20).pvid(20).build();
 * }</pre>
 */
public final class VlanSet {
    private static final VlanSet EMPTY = new VlanSet(new BitSet(), new BitSet(), 0);

    private final BitSet vids;
    private final BitSet untagged;
    private final int pvid;

    private VlanSet(BitSet vids, BitSet untagged, int pvid) {
        this.vids = vids;
        this.untagged = untagged;
        this.pvid = pvid;
    }

    public static VlanSet empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A set holding exactly {@code vlans} (ranges and flags as given). */
    public static VlanSet of(Vlan... vlans) {
        Builder b = builder();
        for (Vlan v : vlans) {
            b.add(v);
        }
        return b.build();
    }

    public boolean contains(int vid) {
        return vid >= Vlan.MIN_VID && vid <= Vlan.MAX_VID && vids.get(vid);
    }

    public boolean isUntagged(int vid) {
        return contains(vid) && untagged.get(vid);
    }

    /** The PVID, or 0 when the port has none (untagged ingress frames are then dropped). */
    public int pvid() {
        return pvid;
    }

    public int size() {
        return vids.cardinality();
    }

    public boolean isEmpty() {
        return vids.isEmpty();
    }

    /** The VIDs in ascending order. */
    public int[] vids() {
        return vids.stream().toArray();
    }

    /** The flags of {@code vid} as a {@link Vlan}, or null if it is not in the set. */
    public Vlan get(int vid) {
        return contains(vid) ? new Vlan(vid, vid, vid == pvid, untagged.get(vid)) : null;
    }

    /**
     * The set as few {@link Vlan}s as possible: adjacent VIDs with the same flags become one
     * range; the PVID stands alone. This is the order and the form {@code bridge -c vlan show}
     * prints.
     */
    public List<Vlan> ranges() {
        return compress(vids, untagged, pvid);
    }

    static List<Vlan> compress(BitSet members, BitSet untagged, int pvid) {
        List<Vlan> out = new ArrayList<>();
        int vid = members.nextSetBit(0);
        while (vid >= 0) {
            boolean u = untagged.get(vid);
            if (vid == pvid) {
                out.add(new Vlan(vid, vid, true, u));
                vid = members.nextSetBit(vid + 1);
                continue;
            }
            int last = vid;
            while (last + 1 <= Vlan.MAX_VID && members.get(last + 1) && last + 1 != pvid && untagged.get(last + 1) == u) {
                last++;
            }
            out.add(new Vlan(vid, last, false, u));
            vid = members.nextSetBit(last + 1);
        }
        return out;
    }

    BitSet vidBits() {
        return (BitSet) vids.clone();
    }

    BitSet untaggedBits() {
        return (BitSet) untagged.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VlanSet s && s.pvid == pvid && s.vids.equals(vids) && s.untagged.equals(untagged);
    }

    @Override
    public int hashCode() {
        return (vids.hashCode() * 31 + untagged.hashCode()) * 31 + pvid;
    }

    /** "[1 pvid untagged, 100-110, 200 untagged]". */
    @Override
    public String toString() {
        return ranges().toString();
    }

    /** Builds a {@link VlanSet}; every VID is checked (1..4094) as it is added. */
    public static final class Builder {
        private final BitSet vids = new BitSet(Vlan.MAX_VID + 1);
        private final BitSet untagged = new BitSet(Vlan.MAX_VID + 1);
        private int pvid;

        private Builder() {}

        /** Adds tagged VIDs {@code first..last} (one VID with first == last). */
        public Builder range(int first, int last) {
            return add(Vlan.range(first, last));
        }

        /** Adds tagged VIDs. */
        public Builder vids(int... vids) {
            for (int v : vids) {
                add(Vlan.of(v));
            }
            return this;
        }

        /** Adds VIDs that egress untagged. */
        public Builder untagged(int... vids) {
            for (int v : vids) {
                add(Vlan.of(v).asUntagged());
            }
            return this;
        }

        /** Makes {@code vid} the PVID (and a member, keeping its tagging if already added). */
        public Builder pvid(int vid) {
            Vlan.checkVid(vid);
            vids.set(vid);
            pvid = vid;
            return this;
        }

        /** Adds {@code v} with its flags; a later add of the same VID replaces its tagging. */
        public Builder add(Vlan v) {
            vids.set(v.first(), v.last() + 1);
            untagged.set(v.first(), v.last() + 1, v.untagged());
            if (v.pvid()) {
                pvid = v.first();
            }
            return this;
        }

        /** Removes {@code first..last} (and the PVID if it falls inside). */
        public Builder remove(int first, int last) {
            Vlan.range(first, last);
            vids.clear(first, last + 1);
            untagged.clear(first, last + 1);
            if (pvid >= first && pvid <= last) {
                pvid = 0;
            }
            return this;
        }

        public VlanSet build() {
            return new VlanSet((BitSet) vids.clone(), (BitSet) untagged.clone(), pvid);
        }
    }
}
