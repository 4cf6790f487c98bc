package io.netlink4j.bridge;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netlink4j.core.testing.DecoderHarness;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing of every netlink-bridge decoder with Jazzer: the first input byte picks
 * the target ({@link BridgeDecoders#targets()}), the rest is its input. Every {@code mvn verify}
 * replays the inputs under src/test/resources/io/netlink4j/bridge/BridgeDecodersFuzzTestInputs
 * (Jazzer's regression mode, without its agent); {@code -Pfuzz} fuzzes until 1,000,000 inputs.
 * The everyday random run is {@link BridgeDecoderPropertiesTest}.
 */
@Tag("fuzz")
class BridgeDecodersFuzzTest {
    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "30m")
    void decoders(byte[] data) {
        DecoderHarness.dispatch(BridgeDecoders.targets(), data);
    }
}
