package io.netlink4j.core;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netlink4j.core.testing.DecoderHarness;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing of every netlink-core decoder with Jazzer. The first input byte picks
 * the decoder ({@link CoreDecoders#targets()}), the rest is its input. Tagged "fuzz": it runs with
 * {@code -Pfuzz} (JAZZER_FUZZ=1), fuzzing until 1,000,000 inputs have run; findings are saved
 * under src/test/resources/io/netlink4j/core/CoreDecodersFuzzTestInputs and replayed by
 * {@code mvn -Dgroups=fuzz verify}. The everyday bounded run is {@link CoreDecoderPropertiesTest}.
 */
@Tag("fuzz")
class CoreDecodersFuzzTest {
    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "30m")
    void decoders(byte[] data) {
        DecoderHarness.dispatch(CoreDecoders.targets(), data);
    }
}
