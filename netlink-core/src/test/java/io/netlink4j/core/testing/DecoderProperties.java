package io.netlink4j.core.testing;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The decoder contract as jqwik properties, for every target of {@link #targets()}: on any input
 * — netlink-shaped, damaged or random — only the typed NetlinkException family escapes, within
 * the per-input timeout. A module subclasses this once and lists its decoders. The number of
 * tries comes from {@code jqwik.tries.default} (junit-platform.properties; raised by -Pfuzz).
 */
public abstract class DecoderProperties {
    private static final DecoderHarness HARNESS = new DecoderHarness();

    /** The decoder entry points under test. */
    protected abstract List<DecoderTarget> targets();

    @Provide
    Arbitrary<DecoderTarget> target() {
        return Arbitraries.of(targets());
    }

    @Provide
    Arbitrary<byte[]> input() {
        return NetlinkArbitraries.inputs();
    }

    @Property(shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
    void onlyTypedExceptionsEscape(@ForAll("target") DecoderTarget target, @ForAll("input") byte[] data) {
        HARNESS.run(target, data);
    }
}
