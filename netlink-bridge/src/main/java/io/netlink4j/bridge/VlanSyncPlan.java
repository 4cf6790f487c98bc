package io.netlink4j.bridge;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The minimal change from one {@link VlanSet} to another, in a safe order. Pure computation, no
 * I/O: {@link Vlans#sync} applies it.
 *
 * <p>Order: first one RTM_SETLINK that (re)adds VLANs — the new PVID as its first entry, so the
 * port moves its PVID in the same step in which it gains the VLAN, never passing through "no
 * PVID" — then one RTM_DELLINK with the VLANs to drop (the old PVID among them, by then no longer
 * the PVID). Entries are compressed: adjacent VIDs with the same flags become one range. A request
 * carries at most {@link #MAX_ENTRIES_PER_REQUEST} entries; a longer list takes more requests.
 */
final class VlanSyncPlan {
    /** Keeps every request far below any send buffer (8 bytes per entry, 16 per range). */
    static final int MAX_ENTRIES_PER_REQUEST = 256;

    final List<Vlan> written;
    final List<Vlan> removed;

    private VlanSyncPlan(List<Vlan> written, List<Vlan> removed) {
        this.written = written;
        this.removed = removed;
    }

    static VlanSyncPlan between(VlanSet before, VlanSet desired) {
        BitSet want = desired.vidBits();
        BitSet wantUntagged = desired.untaggedBits();
        BitSet write = new BitSet(Vlan.MAX_VID + 1);
        for (int vid = want.nextSetBit(0); vid >= 0; vid = want.nextSetBit(vid + 1)) {
            boolean differs = !before.contains(vid)
                    || before.isUntagged(vid) != wantUntagged.get(vid)
                    || (before.pvid() == vid) != (desired.pvid() == vid);
            if (differs) {
                write.set(vid);
            }
        }
        List<Vlan> written = new ArrayList<>();
        int pvid = desired.pvid();
        if (pvid != 0 && write.get(pvid)) {
            written.add(new Vlan(pvid, pvid, true, wantUntagged.get(pvid)));
            write.clear(pvid);
        }
        written.addAll(VlanSet.compress(write, wantUntagged, 0));

        BitSet drop = before.vidBits();
        drop.andNot(want);
        List<Vlan> removed = VlanSet.compress(drop, new BitSet(), 0);
        return new VlanSyncPlan(List.copyOf(written), List.copyOf(removed));
    }

    /** Requests this plan takes: entries split into requests of at most MAX_ENTRIES_PER_REQUEST. */
    int requests() {
        return chunks(written.size()) + chunks(removed.size());
    }

    private static int chunks(int n) {
        return (n + MAX_ENTRIES_PER_REQUEST - 1) / MAX_ENTRIES_PER_REQUEST;
    }

    /** {@code list} cut into request-sized pieces. */
    static List<List<Vlan>> split(List<Vlan> list) {
        List<List<Vlan>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += MAX_ENTRIES_PER_REQUEST) {
            out.add(list.subList(i, Math.min(list.size(), i + MAX_ENTRIES_PER_REQUEST)));
        }
        return out;
    }
}
