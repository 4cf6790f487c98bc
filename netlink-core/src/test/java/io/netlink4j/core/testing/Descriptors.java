package io.netlink4j.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Counts this process's open file descriptors, for leak tests. */
public final class Descriptors {
    private Descriptors() {}

    /** The number of entries of /proc/self/fd (the listing's own descriptor included). */
    public static long count() {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The open descriptors and what they point at, to name a leak when there is one. */
    public static String targets() {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            s.forEach(p -> {
                try {
                    sb.append(p.getFileName()).append("->").append(Files.readSymbolicLink(p)).append(' ');
                } catch (IOException gone) {
                    // the descriptor of the listing itself
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /**
     * Asserts the count is back to at most {@code before}. The JVM may hold a descriptor for an
     * instant (a listing of /proc/self/fd elsewhere was seen once), so the count is sampled up to
     * 20 times, 25 ms apart, and the bound itself stays strict: a leak of one descriptor per
     * operation over thousands of operations can never pass.
     */
    public static void assertNoGrowth(long before) {
        long now = count();
        for (int i = 0; i < 20 && now > before; i++) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            now = count();
        }
        assertThat(now).as("open descriptors (before: %d): %s", before, targets()).isLessThanOrEqualTo(before);
    }
}
