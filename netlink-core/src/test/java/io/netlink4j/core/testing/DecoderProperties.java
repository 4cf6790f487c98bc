package io.netlink4j.core.testing;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decoder contract as a seeded property, for every target of {@link #targets()}: on any input
 * — netlink-shaped, damaged or random ({@link NetlinkInputs}) — only the typed NetlinkException
 * family escapes, within the per-input timeout. Each target gets {@link #INPUTS_PER_SEED} inputs
 * per seed of {@link Gen#seeds()} (the same inputs for every target). A module subclasses this
 * once and lists its decoders.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DecoderProperties {
    /** Inputs per target and seed: 4 seeds × 250 = 1,000 per target in the everyday build. */
    public static final int INPUTS_PER_SEED = Integer.getInteger("netlink4j.decoderInputs", 250);

    private final DecoderHarness harness = new DecoderHarness();

    /** The decoder entry points under test. */
    protected abstract List<DecoderTarget> targets();

    Stream<Arguments> targetsAndSeeds() {
        return targets().stream().flatMap(t -> Gen.seeds().mapToObj(seed -> Arguments.of(t, seed)));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("targetsAndSeeds")
    void onlyTypedExceptionsEscape(DecoderTarget target, long seed) {
        Gen.forAll(seed, INPUTS_PER_SEED, NetlinkInputs::input, data -> harness.run(target, data));
    }

    @AfterAll
    void stopWorker() {
        harness.close();
    }
}
