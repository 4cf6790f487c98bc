package io.netlink4j.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The property kit itself: a failure names what replays it, and a seed replays the same inputs. */
class GenTest {
    @Test
    void aFailureNamesTheSeedTheIndexAndTheInput() {
        List<Integer> seen = new ArrayList<>();
        assertThatThrownBy(() -> Gen.forAll(42, 1000, g -> g.intBetween(0, 1000), i -> {
            seen.add(i);
            assertThat(i).isLessThan(900);
        })).isInstanceOf(AssertionError.class)
                .hasMessageContaining("input " + (seen.size() - 1) + " of seed 42 failed (replay: -Dnetlink4j.seed=42): "
                        + seen.get(seen.size() - 1))
                .hasMessageContaining("Expecting actual");
        assertThat(seen.get(seen.size() - 1)).isGreaterThanOrEqualTo(900);
    }

    @Test
    void aSeedReplaysTheSameInputsAndOtherSeedsDiffer() {
        assertThat(draws(7)).isEqualTo(draws(7)).isNotEqualTo(draws(8));
    }

    private static List<String> draws(long seed) {
        List<String> out = new ArrayList<>();
        Gen.forAll(seed, 50, g -> g.anyLong() + " " + g.string(0, 5, "ab") + " " + g.bytes(4).length, out::add);
        return out;
    }

    @Test
    void bytesAreShownInHex() {
        assertThatThrownBy(() -> Gen.forAll(1, 1, g -> new byte[] {1, (byte) 0xab}, b -> {
            throw new IllegalStateException("boom");
        })).hasMessageContaining("bytes 01ab").hasMessageContaining("boom");
    }

    @Test
    void drawsStayInRangeAndReachTheEdges() {
        Gen g = new Gen(3);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            long v = g.longBetween(-5, 1_000_000);
            assertThat(v).isBetween(-5L, 1_000_000L);
            seen.add(v);
        }
        assertThat(seen).contains(-5L, -4L, 0L, 999_999L, 1_000_000L);
        for (int i = 0; i < 2000; i++) {
            assertThat(g.longBetween(0, Long.MAX_VALUE)).isNotNegative();
            assertThat(g.intBetween(7, 7)).isEqualTo(7);
            assertThat(g.bytes(3).length).isBetween(0, 3);
        }
    }

    @Test
    void oneSeedReplaysOnlyThatSeed() {
        String seed = System.clearProperty(Gen.SEED_PROPERTY); // as this run was started
        String seeds = System.clearProperty(Gen.SEEDS_PROPERTY);
        try {
            assertThat(Gen.seeds().toArray()).containsExactly(Gen.SEEDS);
            System.setProperty(Gen.SEED_PROPERTY, "0x2a");
            assertThat(Gen.seeds().toArray()).containsExactly(42);
            System.clearProperty(Gen.SEED_PROPERTY);
            System.setProperty(Gen.SEEDS_PROPERTY, "3");
            assertThat(Gen.seeds().distinct().count()).isEqualTo(3);
        } finally {
            restore(Gen.SEED_PROPERTY, seed);
            restore(Gen.SEEDS_PROPERTY, seeds);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
