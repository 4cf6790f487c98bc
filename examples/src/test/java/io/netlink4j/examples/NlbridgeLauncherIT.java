package io.netlink4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.examples.cli.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start runs {@code examples/nlbridge}: this runs the launcher script itself,
 * from another directory, on the jar this build packaged (failsafe, after package).
 */
class NlbridgeLauncherIT {
    static final Path LAUNCHER = Path.of("nlbridge").toAbsolutePath();

    record Run(int status, String out, String err) {}

    static Run launch(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("nlbridge-out", ".txt");
        Path err = Files.createTempFile("nlbridge-err", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).directory(Path.of(System.getProperty("java.io.tmpdir")).toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("launcher finished").isTrue();
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void launcherIsExecutableAndFindsThePackagedJar() throws Exception {
        assertThat(Files.isExecutable(LAUNCHER)).isTrue();
        assertThat(LAUNCHER.resolveSibling("target/nlbridge.jar")).exists();
        Run r = launch("--version");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("nlbridge " + Version.project() + " (netlink4j)");
        // the jar was there and fresh: no build
        assertThat(r.err()).doesNotContain("building");
    }

    @Test
    void exitStatusAndOneLineErrorPassThroughTheProcess() throws Exception {
        Run r = launch("fdb-typo");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().lines().toList()).singleElement().asString().startsWith("nlbridge: Unmatched argument");
    }
}
