package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.InvalidArgumentException;
import io.netlink4j.core.NetlinkException;
import io.netlink4j.core.NoSuchDeviceException;
import io.netlink4j.core.NotSupportedException;
import io.netlink4j.core.PermissionDeniedException;
import io.netlink4j.jna.Errno;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FailureTest {

    @Test
    void kernelErrorIsExitOneWithTheOperationAndTheKernelText() {
        NetlinkException e = new InvalidArgumentException("set port v0", Errno.EINVAL,
                "Port is not a bridge port", "IFLA_PROTINFO");
        Failure f = Failure.of("port set", e);
        assertThat(f.exitCode()).isEqualTo(Failure.FAILED);
        assertThat(f.line()).isEqualTo(
                "nlbridge: set port v0: Port is not a bridge port (EINVAL) [attribute IFLA_PROTINFO]");
        assertThat(f.details()).isEmpty();
    }

    @Test
    void kernelErrorWithoutTextUsesTheErrnoMessage() {
        Failure f = Failure.of("fdb add", new NoSuchDeviceException("add fdb entry dev v9", null, null));
        assertThat(f.exitCode()).isEqualTo(Failure.NO_SUCH_DEVICE);
        assertThat(f.line()).startsWith("nlbridge: add fdb entry dev v9: ").endsWith("(ENODEV)");
    }

    @Test
    void permissionDeniedSaysWhatIsNeeded() {
        Failure f = Failure.of("bridge add",
                new PermissionDeniedException("create bridge br0", Errno.EPERM, null, null));
        assertThat(f.exitCode()).isEqualTo(1);
        assertThat(f.line()).startsWith("nlbridge: create bridge br0: ").contains("(EPERM)", "CAP_NET_ADMIN");
    }

    @Test
    void notSupportedIsAKernelFailure() {
        Failure f = Failure.of("vlan add", new NotSupportedException("add vlan 10 dev v0", Errno.EOPNOTSUPP, null, null));
        assertThat(f.exitCode()).isEqualTo(1);
        assertThat(f.line()).contains("EOPNOTSUPP");
    }

    @Test
    void illegalArgumentIsBadInputExitTwo() {
        Failure f = Failure.of("fdb add", new IllegalArgumentException("invalid MAC address \"zz\""));
        assertThat(f.exitCode()).isEqualTo(Failure.USAGE);
        assertThat(f.line()).isEqualTo("nlbridge: fdb add: invalid MAC address \"zz\"");
    }

    @Test
    void picocliParameterExceptionIsBadUsage() {
        CommandLine cl = new CommandLine(new Object() {
            @CommandLine.Option(names = "-x")
            int x;
        });
        CommandLine.ParameterException e = new CommandLine.ParameterException(cl, "Unknown option: '-y'");
        Failure f = Failure.of("", e);
        assertThat(f.exitCode()).isEqualTo(2);
        assertThat(f.line()).isEqualTo("nlbridge: Unknown option: '-y'");
    }

    @Test
    void badInputDetailsComeFirstEachOnOneLine() {
        BadInputException e = new BadInputException("2 bad lines in hosts.fdb, nothing applied",
                List.of("hosts.fdb:3: invalid MAC address \"zz\"", "hosts.fdb:7: VLAN 4096 is out of range"));
        Failure f = Failure.of("fdb load", e);
        assertThat(f.exitCode()).isEqualTo(2);
        assertThat(f.details()).containsExactly(
                "nlbridge: fdb load: hosts.fdb:3: invalid MAC address \"zz\"",
                "nlbridge: fdb load: hosts.fdb:7: VLAN 4096 is out of range");
        assertThat(f.line()).isEqualTo("nlbridge: fdb load: 2 bad lines in hosts.fdb, nothing applied");
    }

    @Test
    void unexpectedExceptionIsExitOneAndNamesItsType() {
        Failure f = Failure.of("monitor", new IllegalStateException("socket gone"));
        assertThat(f.exitCode()).isEqualTo(1);
        assertThat(f.line()).isEqualTo("nlbridge: monitor: IllegalStateException: socket gone");
        Failure npe = Failure.of("monitor", new NullPointerException());
        assertThat(npe.line()).isEqualTo("nlbridge: monitor: NullPointerException: NullPointerException");
    }

    @Test
    void executionExceptionIsUnwrapped() {
        CommandLine cl = new CommandLine(new Object() {
            @CommandLine.Option(names = "-x")
            int x;
        });
        Failure f = Failure.of("port set", new CommandLine.ExecutionException(cl, "wrapped",
                new IllegalArgumentException("cost must be 1-65535")));
        assertThat(f.exitCode()).isEqualTo(2);
        assertThat(f.line()).isEqualTo("nlbridge: port set: cost must be 1-65535");
    }

    @Test
    void multiLineMessagesAreFoldedIntoOneLine() {
        Failure f = Failure.of("fdb load", new IllegalArgumentException("first\nsecond\r\n  third   and more"));
        assertThat(f.line()).isEqualTo("nlbridge: fdb load: first; second; third and more").doesNotContain("\n");
    }
}
