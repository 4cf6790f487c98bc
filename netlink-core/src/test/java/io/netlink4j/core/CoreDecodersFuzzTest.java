package io.netlink4j.core;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netlink4j.core.testing.DecoderHarness;

/**
 * Coverage-guided fuzzing of every netlink-core decoder with Jazzer. The first input byte picks
 * the decoder ({@link CoreDecoders#targets()}), the rest is its input. In the everyday build this
 * replays the seed corpus (src/test/resources/io/netlink4j/core/CoreDecodersFuzzTestInputs);
 * with {@code -Pfuzz} (JAZZER_FUZZ=1) it fuzzes until 1,000,000 inputs have run.
 */
class CoreDecodersFuzzTest {
    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "30m")
    void decoders(byte[] data) {
        DecoderHarness.dispatch(CoreDecoders.targets(), data);
    }
}
