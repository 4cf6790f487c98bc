package io.netlink4j.bridge;

import io.netlink4j.core.Link;
import io.netlink4j.core.NdMsg;
import io.netlink4j.core.RtnlChannel;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides the changes of a broken bulk run whose answers were lost, by one dump of the FDB: an
 * add, append or replace is in effect when its entry (MAC, device, VLAN, and remote if given) is
 * there; a delete when it is not. A change is left undecided when another sent change of the run
 * touched the same entry, since the FDB then shows the last one's effect.
 */
final class FdbReadBack {
    private FdbReadBack() {}

    /** An entry as the FDB dump shows it; {@code dst} empty when the change names no remote. */
    private record Key(long mac, int ifindex, int vlan, List<Byte> dst) {}

    /** Same bridge entry: MAC and VLAN in one FDB (the bridge's for master entries, else the device's). */
    private record Scope(long mac, int vlan, int fdb) {}

    /**
     * Moves the decidable changes of {@code unknown} to {@code applied} or {@code notApplied}
     * and marks them in {@code readBack}. {@code sent} is how many changes went out.
     */
    static void resolve(RtnlChannel ch, FdbPlan p, int sent, BitSet unknown, BitSet applied, BitSet notApplied,
                        BitSet readBack) {
        Map<Scope, Integer> touched = new HashMap<>();
        for (int i = 0; i < sent; i++) {
            touched.merge(scope(p, i), 1, Integer::sum);
        }
        Set<Key> present = new HashSet<>();
        Set<Key> presentAnyDst = new HashSet<>();
        byte[] dst = new byte[16];
        Fdb.dump(ch, 0, 0, new FdbVisitor() {
            @Override
            public void onEntry(FdbView e) {
                int n = e.dst(dst, 0);
                present.add(new Key(e.macLong(), e.ifindex(), e.vlan(), bytes(Arrays.copyOf(dst, n))));
                presentAnyDst.add(new Key(e.macLong(), e.ifindex(), e.vlan(), List.of()));
            }

            @Override
            public void onRestart() {
                present.clear();
                presentAnyDst.clear();
            }
        });
        for (int i = unknown.nextSetBit(0); i >= 0; i = unknown.nextSetBit(i + 1)) {
            if (touched.get(scope(p, i)) > 1) {
                continue;
            }
            FdbChange c = p.change(i);
            byte[] want = p.dst(i);
            boolean there = want == null
                    ? presentAnyDst.contains(new Key(p.mac(i), p.ifindex(i), c.spec().vlan(), List.of()))
                    : present.contains(new Key(p.mac(i), p.ifindex(i), c.spec().vlan(), bytes(want)));
            boolean inEffect = c.op() == FdbChange.Op.DELETE ? !there : there;
            (inEffect ? applied : notApplied).set(i);
            readBack.set(i);
        }
        unknown.andNot(readBack);
    }

    private static Scope scope(FdbPlan p, int i) {
        Link dev = p.device(i);
        boolean master = (p.change(i).spec().target() & NdMsg.NTF_MASTER) != 0 && dev != null && dev.master() != 0;
        return new Scope(p.mac(i), p.change(i).spec().vlan(), master ? dev.master() : p.ifindex(i));
    }

    private static List<Byte> bytes(byte[] b) {
        Byte[] boxed = new Byte[b.length];
        for (int i = 0; i < b.length; i++) {
            boxed[i] = b[i];
        }
        return List.of(boxed);
    }
}
