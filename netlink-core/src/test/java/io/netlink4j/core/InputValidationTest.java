package io.netlink4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.testing.ScriptedKernel;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The core input-validation matrix: every bad argument × every operation that takes it fails
 * with a clear IllegalArgumentException naming the problem, and nothing reaches the kernel (the
 * channel's datagram counter and the fake kernel's record are unchanged). Higher modules add
 * their rows (ports, VLANs, FDB) in the same shape.
 */
class InputValidationTest {

    /** Bad interface names and the words the refusal must contain. */
    static Stream<Arguments> badNames() {
        return Stream.of(
                Arguments.of(null, "empty"),
                Arguments.of("", "empty"),
                Arguments.of("a234567890123456", "longer than 15 bytes"),
                Arguments.of("x".repeat(300), "longer than 15 bytes"),
                Arguments.of("éééééééé", "longer than 15 bytes"), // 8 chars, 16 bytes in UTF-8
                Arguments.of("br/0", "contains '/'"),
                Arguments.of("br:0", "contains ':'"),
                Arguments.of("br 0", "contains ' '"),
                Arguments.of("br\t0", "contains '\t'"),
                Arguments.of("br\n0", "contains '\n'"),
                Arguments.of("br\0", "contains"),
                Arguments.of(".", "not a valid interface name"),
                Arguments.of("..", "not a valid interface name"));
    }

    /** Every Links operation that takes a name, with the bad name in each position. */
    static Stream<Arguments> nameMatrix() {
        return badNames().flatMap(a -> {
            String bad = (String) a.get()[0];
            String why = (String) a.get()[1];
            return Stream.<Consumer<Links>>of(
                    l -> l.get(bad),
                    l -> l.find(bad),
                    l -> l.createBridge(bad),
                    l -> l.create(bad, "dummy", null),
                    l -> l.createVeth(bad, "ok1"),
                    l -> l.createVeth("ok0", bad),
                    l -> l.delete(bad),
                    l -> l.setUp(bad, true),
                    l -> l.setMaster(bad, "br0"),
                    l -> l.setMaster("v0", bad),
                    l -> l.clearMaster(bad))
                    .map(op -> Arguments.of(bad == null ? "null" : bad.replace("\0", "\\0"), why, op));
        });
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("nameMatrix")
    void badInterfaceNameIsRefusedBeforeAnythingIsSent(String shown, String why, Consumer<Links> op) {
        ScriptedKernel kernel = new ScriptedKernel();
        RtnlChannel ch = RtnlChannel.over(kernel, ChannelOptions.defaults());
        assertThatThrownBy(() -> op.accept(new Links(ch)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(why);
        assertThat(ch.datagramsSent()).isZero();
        assertThat(kernel.sent()).isEmpty();
        assertThat(ch.isOpen()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("badIndexes")
    void nonPositiveIfindexIsRefusedBeforeAnythingIsSent(int index) {
        ScriptedKernel kernel = new ScriptedKernel();
        RtnlChannel ch = RtnlChannel.over(kernel, ChannelOptions.defaults());
        assertThatThrownBy(() -> new Links(ch).get(index)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ifindex must be positive");
        assertThat(kernel.sent()).isEmpty();
    }

    static Stream<Integer> badIndexes() {
        return Stream.of(0, -1, Integer.MIN_VALUE);
    }

    @ParameterizedTest
    @MethodSource("badNetnsNames")
    void badNetnsNameIsRefusedBeforeAnySocketIsOpened(String name, String why) {
        assertThatThrownBy(() -> RtnlChannel.open(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(why);
        assertThatThrownBy(() -> Netns.callIn(name, () -> 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(why);
    }

    static Stream<Arguments> badNetnsNames() {
        return Stream.of(
                Arguments.of("", "invalid network namespace name"),
                Arguments.of(".", "invalid network namespace name"),
                Arguments.of("..", "invalid network namespace name"),
                Arguments.of("n".repeat(256), "invalid network namespace name"));
    }

    @ParameterizedTest
    @MethodSource("nonexistentNetns")
    void nonexistentNetnsIsNotFoundNamingIt(String name) {
        assertThatThrownBy(() -> RtnlChannel.open(name)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining(name).hasMessageContaining("does not exist");
    }

    static Stream<String> nonexistentNetns() {
        return Stream.of("nl4j-no-such-netns", "/run/netns/nl4j-no-such-netns", "/nonexistent/dir/ns",
                "nonexistent-dir/ns");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("badMacs")
    void badMacAddressIsRefusedWithTheReason(String mac, String why) {
        assertThatThrownBy(() -> MacAddress.parse(mac)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(why);
    }

    static Stream<Arguments> badMacs() {
        return Stream.of(
                Arguments.of(null, "missing"),
                Arguments.of("", "expected 6 hex pairs"),
                Arguments.of("02:00:00:00:00", "expected 6 hex pairs"),
                Arguments.of("02:00:00:00:00:01:02", "expected 6 hex pairs"),
                Arguments.of("0200.0000.0001", "expected 6 hex pairs"),
                Arguments.of("02:00:00:00:00:0g", "'g' is not hex"),
                Arguments.of("02:00:00:00:00:001", "bad byte \"001\""),
                Arguments.of("02::00:00:00:00", "bad byte \"\""),
                Arguments.of("02:00:00:00:00:+1", "'+' is not hex"),
                Arguments.of("02:00:00:00:00:٣٣", "is not hex")); // Arabic-Indic digits: Character.digit accepts them
    }
}
