package io.netlink4j.bridge;

import static io.netlink4j.bridge.FdbScripted.V0;
import static io.netlink4j.bridge.FdbScripted.goldenAnswer;
import static io.netlink4j.bridge.FdbScripted.goldenRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.netlink4j.core.AlreadyExistsException;
import io.netlink4j.core.Errno;
import io.netlink4j.core.NoSuchDeviceException;
import io.netlink4j.core.testing.Golden;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lean single-change path ({@link FdbSingle}: device resolved by ioctl, no plan) against the
 * same iproute2 captures as {@link FdbGoldenTest}, and its error texts against the planned path's
 * (a kernel without ioctl).
 */
class FdbSingleGoldenTest {
    /** An Fdb whose fake kernel answers names by "ioctl" as the std netns of the captures: br0 2, v1 3, v0 4. */
    private static FdbScripted lean() {
        FdbScripted s = new FdbScripted();
        s.kernel.devices(Map.of("br0", 2, "v1", 3, "v0", 4));
        return s;
    }

    private static void sendsTheCapturedBytes(String capture, Consumer<Fdb> action) {
        FdbScripted s = lean();
        Golden g = Golden.load(capture);
        s.answer(goldenAnswer(g));
        action.accept(s.fdb);
        assertThat(s.kernel.sent()).as("one request, no RTM_GETLINK").hasSize(1);
        assertThat(s.sentWithoutSeq(0)).as(g.command()).isEqualTo(goldenRequest(g));
    }

    @Test
    void addStatic() {
        sendsTheCapturedBytes("fdb_add_static", f -> f.add(FdbSpec.of("02:00:00:00:00:01", "v0")));
    }

    @Test
    void addPermanent() {
        sendsTheCapturedBytes("fdb_add_permanent", f -> f.add(FdbSpec.of("02:00:00:00:00:04", "v0").permanent()));
    }

    @Test
    void append() {
        sendsTheCapturedBytes("fdb_append", f -> f.append(FdbSpec.of("02:00:00:00:00:03", "v0")));
    }

    @Test
    void replace() {
        sendsTheCapturedBytes("fdb_replace_novlan", f -> f.replace(FdbSpec.of("02:00:00:00:00:01", "v0")));
    }

    @Test
    void delete() {
        sendsTheCapturedBytes("fdb_del", f -> f.delete(FdbSpec.of("02:00:00:00:00:01", "v0")));
    }

    @Test
    void addByIfindexSendsTheCapturedBytesWithoutAnyLookup() {
        // as Go and C peers do: the caller resolved the port once; no ioctl, no RTM_GETLINK
        FdbScripted s = new FdbScripted(); // a kernel without ioctl: an ioctl would not be answered
        Golden g = Golden.load("fdb_add_static");
        s.answer(goldenAnswer(g));
        s.fdb.add(FdbSpec.of("02:00:00:00:00:01", 4));
        assertThat(s.kernel.sent()).as("one request").hasSize(1);
        assertThat(s.sentWithoutSeq(0)).as(g.command()).isEqualTo(goldenRequest(g));
    }

    @Test
    void unknownIfindexIsNamedAsAnUnknownName() {
        FdbScripted s = new FdbScripted();
        s.kernel.fail(Errno.ENODEV).fail(Errno.ENODEV); // the add, then the look-up after the refusal
        Throwable got = catchThrowable(() -> s.fdb.add(FdbSpec.of("02:00:00:00:00:01", 99)));
        assertThat(got).isInstanceOf(NoSuchDeviceException.class)
                .hasMessage(NoSuchDeviceException.device("fdb add " + FdbChange.add(FdbSpec.of("02:00:00:00:00:01", 99)).spec().describe(true),
                        "ifindex 99").getMessage())
                .hasCauseInstanceOf(NoSuchDeviceException.class);
        assertThat(s.kernel.sent()).as("the add, then RTM_GETLINK of 99").hasSize(2);
    }

    @Test
    void kernelRefusalIsExplainedAsByThePlannedPath() {
        Golden g = Golden.load("fdb_add_dup_error");
        FdbSpec e = FdbSpec.of("02:00:00:00:00:05", "v0");
        FdbScripted planned = new FdbScripted();
        planned.answer(V0).answer(goldenAnswer(g));
        Throwable expected = catchThrowable(() -> planned.fdb.add(e));
        FdbScripted s = lean();
        s.answer(goldenAnswer(g)).answer(V0); // the device is looked up only after the refusal
        Throwable got = catchThrowable(() -> s.fdb.add(e));
        assertThat(got).isInstanceOf(AlreadyExistsException.class).hasMessage(expected.getMessage());
        assertThat(s.sentWithoutSeq(0)).isEqualTo(goldenRequest(g));
    }

    @ParameterizedTest
    @ValueSource(strings = {"02:00:00:00:00:0g", "01:00:5e:00:00:01", "00:00:00:00:00:00", "vlan", "badname", "state"})
    void invalidInputIsRefusedWithThePlannedPathsTextAndNothingSent(String what) {
        FdbSpec e = switch (what) {
            case "vlan" -> FdbSpec.of("02:00:00:00:00:01", "v0").vlan(5000);
            case "badname" -> FdbSpec.of("02:00:00:00:00:01", "a/b");
            case "state" -> FdbSpec.of("02:00:00:00:00:01", "v0").state(FdbState.STALE);
            default -> FdbSpec.of(what, "v0");
        };
        FdbScripted planned = new FdbScripted();
        // all of these fail before any device is looked up, so the planned path needs no answers
        Throwable expected = catchThrowable(() -> planned.fdb.add(e));
        FdbScripted s = lean();
        Throwable got = catchThrowable(() -> s.fdb.add(e));
        assertThat(got).isInstanceOf(IllegalArgumentException.class).hasMessage(expected.getMessage());
        assertThat(s.kernel.sent()).isEmpty();
    }

    @Test
    void unknownDevicesAreNamedAndNothingSent() {
        FdbScripted s = lean();
        assertThat(catchThrowable(() -> s.fdb.add(FdbSpec.of("02:00:00:00:00:01", "nosuch"))))
                .isInstanceOf(NoSuchDeviceException.class)
                .hasMessageContaining("\"nosuch\"");
        assertThat(catchThrowable(() -> s.fdb.add(FdbSpec.of("02:00:00:00:00:01", "v0").via("nosuch"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid FDB add of 02:00:00:00:00:01: no device \"nosuch\" (via)");
        assertThat(s.kernel.sent()).isEmpty();
    }
}
