package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sync plan against a model of the kernel's add/delete semantics. */
class VlanSyncPlanTest {

    /** What the bridge does with RTM_SETLINK / RTM_DELLINK VLAN entries (br_vlan_add / br_vlan_delete). */
    static final class ModelPort {
        final BitSet vids = new BitSet();
        final BitSet untagged = new BitSet();
        int pvid;
        int requests;
        boolean lostPvid;

        ModelPort(VlanSet s) {
            for (int v : s.vids()) {
                vids.set(v);
                untagged.set(v, s.isUntagged(v));
            }
            pvid = s.pvid();
        }

        void setlink(List<Vlan> entries) {
            requests++;
            for (Vlan e : entries) {
                for (int v = e.first(); v <= e.last(); v++) {
                    vids.set(v);
                    untagged.set(v, e.untagged());
                    if (e.pvid()) {
                        pvid = v;
                    } else if (pvid == v) {
                        pvid = 0; // re-adding the PVID without the flag clears it
                    }
                }
            }
            lostPvid |= pvid == 0;
        }

        void dellink(List<Vlan> entries) {
            requests++;
            for (Vlan e : entries) {
                vids.clear(e.first(), e.last() + 1);
                untagged.clear(e.first(), e.last() + 1);
                if (pvid >= e.first() && pvid <= e.last()) {
                    pvid = 0;
                }
            }
            lostPvid |= pvid == 0;
        }

        VlanSet state() {
            return VlanSet.of(VlanSet.compress(vids, untagged, pvid).toArray(new Vlan[0]));
        }
    }

    /** Applies a plan the way Vlans.sync sends it; returns the model after. */
    static ModelPort apply(VlanSet before, VlanSyncPlan plan) {
        ModelPort port = new ModelPort(before);
        for (List<Vlan> part : VlanSyncPlan.split(plan.written)) {
            port.setlink(part);
        }
        for (List<Vlan> part : VlanSyncPlan.split(plan.removed)) {
            port.dellink(part);
        }
        return port;
    }

    static final VlanSet DESIRED = VlanSet.builder().untagged(20).pvid(20).range(100, 110).vids(300).build();

    @Test
    void severalStartingStatesEndEqual() {
        List<VlanSet> starts = List.of(
                VlanSet.empty(),
                VlanSet.builder().untagged(1).pvid(1).build(),                          // a fresh port
                VlanSet.builder().untagged(1).pvid(1).range(100, 200).untagged(20).build(),
                VlanSet.builder().range(100, 110).vids(20, 300).pvid(300).build(),       // same VIDs, wrong flags
                VlanSet.builder().untagged(100, 101, 102).pvid(105).range(1, 50).build(),
                DESIRED);
        for (VlanSet start : starts) {
            VlanSyncPlan plan = VlanSyncPlan.between(start, DESIRED);
            ModelPort after = apply(start, plan);
            assertThat(after.state()).as("from %s", start).isEqualTo(DESIRED);
            assertThat(after.requests).isEqualTo(plan.requests());
        }
    }

    @Test
    void nothingDiffersNothingPlanned() {
        VlanSyncPlan plan = VlanSyncPlan.between(DESIRED, VlanSet.of(DESIRED.ranges().toArray(new Vlan[0])));
        assertThat(plan.written).isEmpty();
        assertThat(plan.removed).isEmpty();
        assertThat(plan.requests()).isZero();
    }

    @Test
    void newPvidComesFirstAndOldOnesGoLast() {
        VlanSet before = VlanSet.builder().untagged(1).pvid(1).range(100, 110).build();
        VlanSyncPlan plan = VlanSyncPlan.between(before, DESIRED);
        assertThat(plan.written).containsExactly(Vlan.of(20).asPvid().asUntagged(), Vlan.of(300));
        assertThat(plan.removed).containsExactly(Vlan.of(1));
        ModelPort after = apply(before, plan);
        assertThat(after.lostPvid).isFalse();
        assertThat(plan.requests()).isEqualTo(2);
    }

    @Test
    void adjacentVidsWithEqualFlagsBecomeRanges() {
        VlanSet want = VlanSet.builder().range(10, 19).untagged(20, 21, 22).range(23, 30).build();
        VlanSyncPlan plan = VlanSyncPlan.between(VlanSet.empty(), want);
        assertThat(plan.written).containsExactly(Vlan.range(10, 19), Vlan.range(20, 22).asUntagged(), Vlan.range(23, 30));
        VlanSyncPlan back = VlanSyncPlan.between(want, VlanSet.empty());
        assertThat(back.removed).containsExactly(Vlan.range(10, 30));
        assertThat(back.requests()).isEqualTo(1);
    }

    @Test
    void droppingThePvidFlagOnAKeptVlanReaddsItWithoutIt() {
        VlanSet before = VlanSet.builder().untagged(1).pvid(1).build();
        VlanSet want = VlanSet.builder().untagged(1).build();
        VlanSyncPlan plan = VlanSyncPlan.between(before, want);
        assertThat(plan.written).containsExactly(Vlan.of(1).asUntagged());
        assertThat(plan.removed).isEmpty();
        assertThat(apply(before, plan).state()).isEqualTo(want);
    }

    @Test
    void longListsAreSplitIntoRequests() {
        VlanSet.Builder b = VlanSet.builder();
        for (int v = 1; v <= 2000; v += 2) {
            b.vids(v); // 1000 separate entries
        }
        VlanSet want = b.build();
        VlanSyncPlan plan = VlanSyncPlan.between(VlanSet.empty(), want);
        assertThat(plan.written).hasSize(1000);
        assertThat(plan.requests()).isEqualTo(4);
        assertThat(apply(VlanSet.empty(), plan).state()).isEqualTo(want);
    }

    @Test
    void randomPairsConvergeMinimallyAndKeepThePvid() {
        Random rnd = new Random(20261125);
        for (int i = 0; i < 2000; i++) {
            VlanSet before = random(rnd);
            VlanSet want = random(rnd);
            VlanSyncPlan plan = VlanSyncPlan.between(before, want);
            ModelPort after = apply(before, plan);
            assertThat(after.state()).as("%s -> %s", before, want).isEqualTo(want);
            if (before.pvid() != 0 && want.pvid() != 0) {
                assertThat(after.lostPvid).as("PVID kept: %s -> %s", before, want).isFalse();
            }
            // minimal: every VID written differs, every VID removed is unwanted
            for (Vlan v : plan.written) {
                for (int vid = v.first(); vid <= v.last(); vid++) {
                    assertThat(before.get(vid)).isNotEqualTo(want.get(vid));
                }
            }
            for (Vlan v : plan.removed) {
                for (int vid = v.first(); vid <= v.last(); vid++) {
                    assertThat(want.contains(vid)).isFalse();
                    assertThat(before.contains(vid)).isTrue();
                }
            }
            assertThat(VlanSyncPlan.between(want, want).requests()).isZero();
        }
    }

    private static VlanSet random(Random rnd) {
        VlanSet.Builder b = VlanSet.builder();
        int n = rnd.nextInt(25);
        for (int i = 0; i < n; i++) {
            int vid = 1 + rnd.nextInt(40);
            if (rnd.nextBoolean()) {
                b.untagged(vid);
            } else {
                b.vids(vid);
            }
        }
        if (n > 0 && rnd.nextInt(4) > 0) {
            b.pvid(1 + rnd.nextInt(40));
        }
        return b.build();
    }
}
