package io.netlink4j.core.testing;

import java.util.function.Consumer;

/**
 * One decoder entry point for the fuzz and property harnesses: a name and a function that feeds
 * arbitrary bytes to the decoder. The contract checked by {@link DecoderHarness}: on any input the
 * decoder returns or throws a {@link io.netlink4j.core.NetlinkException} (normally
 * {@link io.netlink4j.core.NetlinkParseException}) — never IndexOutOfBounds, NPE,
 * IllegalArgument or any other exception — and it finishes within the per-input timeout.
 *
 * <p>A new codec joins every harness with one line in its module's target list, e.g.
 * {@code DecoderTarget.of("fdb", data -> FdbCodec.decode(Fuzzing.message(data), ...))}.
 */
public record DecoderTarget(String name, Consumer<byte[]> decoder) {
    public static DecoderTarget of(String name, Consumer<byte[]> decoder) {
        return new DecoderTarget(name, decoder);
    }

    @Override
    public String toString() {
        return name;
    }
}
