package io.netlink4j.core.testing;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * Seeded random inputs for property tests in plain JUnit 5, without shrinking. A property is a
 * {@link SeededTest} method that calls {@link #forAll}: per seed it generates a fixed number of
 * inputs and checks each; a failure names the seed and the input, and
 * {@code -Dnetlink4j.seed=S} runs only seed S, which regenerates the same inputs in the same
 * order. The everyday build runs the fixed {@link #SEEDS}, so every run checks the same inputs;
 * {@code -Dnetlink4j.seeds=N} runs N fresh random seeds instead (printed in the test names).
 *
 * <p>Draws lean towards the edges the way hand-picked cases do: one in {@link #EDGE_ONE_IN}
 * numbers is a bound of its range (or 0, or next to a bound), so empty and full sizes, 0 and
 * the extremes come up in every run. {@link Random} is used because its sequence for a seed is
 * specified, so a seed replays on every JDK.
 */
public final class Gen {
    /** System property: run only this seed (replay). */
    public static final String SEED_PROPERTY = "netlink4j.seed";
    /** System property: run this many fresh random seeds instead of {@link #SEEDS}. */
    public static final String SEEDS_PROPERTY = "netlink4j.seeds";
    /** The seeds of the everyday build. */
    static final long[] SEEDS = {1, 0x5eed_2026L, 0xbadc0ffeeL, -7};
    /** One draw in this many is an edge value. */
    static final int EDGE_ONE_IN = 8;

    private final Random random;

    public Gen(long seed) {
        random = new Random(seed);
    }

    /** The seeds a {@link SeededTest} runs (see the class comment). */
    public static LongStream seeds() {
        String one = System.getProperty(SEED_PROPERTY);
        if (one != null && !one.isBlank()) {
            return LongStream.of(Long.decode(one.strip()));
        }
        String fresh = System.getProperty(SEEDS_PROPERTY);
        if (fresh != null && !fresh.isBlank()) {
            return new SecureRandom().longs(Integer.parseInt(fresh.strip()));
        }
        return LongStream.of(SEEDS);
    }

    /** A property over generated inputs; may throw (a failure is any exception or error). */
    @FunctionalInterface
    public interface Property<T> {
        void check(T input) throws Exception;
    }

    /**
     * Checks {@code property} on {@code count} inputs drawn by {@code generator} from one
     * {@code Gen} seeded with {@code seed}; the first failure is rethrown as an AssertionError
     * naming the seed, the input's index and the input.
     */
    public static <T> void forAll(long seed, int count, Function<Gen, T> generator, Property<T> property) {
        Gen g = new Gen(seed);
        for (int i = 0; i < count; i++) {
            T input = generator.apply(g);
            try {
                property.check(input);
            } catch (Exception | AssertionError | StackOverflowError e) {
                throw new AssertionError("input " + i + " of seed " + seed + " failed (replay: -D" + SEED_PROPERTY + "="
                        + seed + "): " + describe(input) + "\n" + e.getMessage(), e);
            }
        }
    }

    static String describe(Object input) {
        return input instanceof byte[] b ? "bytes " + HexFormat.of().formatHex(b) : String.valueOf(input);
    }

    // ------------------------------------------------------------------ draws

    /** An int in [min, max], an edge value one time in {@link #EDGE_ONE_IN}. */
    public int intBetween(int min, int max) {
        return (int) longBetween(min, max);
    }

    /** A long in [min, max], an edge value (a bound, next to a bound, or 0) one time in {@link #EDGE_ONE_IN}. */
    public long longBetween(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException(min + " > " + max);
        }
        if (random.nextInt(EDGE_ONE_IN) == 0) {
            long[] edges = {min, max, min < max ? min + 1 : min, min < max ? max - 1 : max, min <= 0 && 0 <= max ? 0 : min};
            return edges[random.nextInt(edges.length)];
        }
        if (max < Long.MAX_VALUE) {
            return random.nextLong(min, max + 1);
        }
        return min == Long.MIN_VALUE ? random.nextLong() : random.nextLong(min - 1, max) + 1;
    }

    /** Any long. */
    public long anyLong() {
        return longBetween(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Any int. */
    public int anyInt() {
        return intBetween(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public boolean bool() {
        return random.nextBoolean();
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** Random bytes, 0 to {@code maxSize} of them. */
    public byte[] bytes(int maxSize) {
        return bytesOfSize(intBetween(0, maxSize));
    }

    /** Exactly {@code size} random bytes. */
    public byte[] bytesOfSize(int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }

    /** A string of {@code minLength} to {@code maxLength} chars, each picked from {@code chars}. */
    public String string(int minLength, int maxLength, String chars) {
        int n = intBetween(minLength, maxLength);
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(chars.charAt(random.nextInt(chars.length())));
        }
        return s.toString();
    }

    /** A string of 0 to {@code maxLength} chars in [from, to]. */
    public String string(int maxLength, char from, char to) {
        int n = intBetween(0, maxLength);
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) intBetween(from, to));
        }
        return s.toString();
    }

    /** One of {@code options}, uniformly. */
    @SafeVarargs
    public final <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    public <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** An index into {@code weights}, each picked with probability proportional to its weight. */
    public int weighted(int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; ; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
    }

    /** {@code minSize} to {@code maxSize} elements from {@code element}. */
    public <T> List<T> list(int minSize, int maxSize, Supplier<T> element) {
        int n = intBetween(minSize, maxSize);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(element.get());
        }
        return out;
    }
}
