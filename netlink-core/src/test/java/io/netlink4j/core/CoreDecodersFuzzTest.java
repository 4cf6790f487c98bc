package io.netlink4j.core;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netlink4j.core.testing.DecoderHarness;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing of every netlink-core decoder with Jazzer. The first input byte picks
 * the decoder ({@link CoreDecoders#targets()}), the rest is its input. Every {@code mvn verify}
 * runs it in Jazzer's regression mode: it replays the saved inputs under
 * src/test/resources/io/netlink4j/core/CoreDecodersFuzzTestInputs (and the empty input) without
 * Jazzer's agent ({@code jazzer.hooks=false}). {@code -Pfuzz} (tag "fuzz", JAZZER_FUZZ=1, hooks on)
 * fuzzes until 1,000,000 inputs have run; save a finding there with its fix. The everyday
 * random run is {@link CoreDecoderPropertiesTest}.
 */
@Tag("fuzz")
class CoreDecodersFuzzTest {
    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "30m")
    void decoders(byte[] data) {
        DecoderHarness.dispatch(CoreDecoders.targets(), data);
    }
}
