package io.netlink4j.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's import block is the one ReadmeSnippets compiles with: line for line, in order. */
class ReadmeImportsTest {
    static List<String> imports(String text) {
        return text.lines().filter(l -> l.startsWith("import ") && !l.startsWith("import static")).toList();
    }

    @Test
    void readmeImportsAreTheCompiledOnes() throws IOException {
        List<String> compiled = imports(Files.readString(
                Path.of("src/test/java/io/netlink4j/examples/readme/ReadmeSnippets.java")));
        List<String> readme = imports(Files.readString(Path.of("../README.md")));
        assertThat(compiled).hasSizeGreaterThan(20);
        assertThat(readme).containsExactlyElementsOf(compiled);
    }
}
