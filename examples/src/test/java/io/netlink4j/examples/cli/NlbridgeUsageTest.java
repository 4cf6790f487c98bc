package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Usage errors and help: no kernel needed, nothing is sent. */
class NlbridgeUsageTest {

    @Test
    void versionPrintsTheProjectVersion() {
        Cli.Result r = Cli.run("--version");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("nlbridge " + Version.project() + " ");
        assertThat(Version.project()).isNotEqualTo("unknown");
    }

    @Test
    void helpListsTheCommandsAndExitStatuses() {
        Cli.Result r = Cli.run("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("port", "bridge", "--netns", "--json", "--debug", "bad usage or bad input");
        assertThat(r.err()).isEmpty();
    }

    /** The one exit-status table: in --help of every command, and row for row in docs/cli.md. */
    @Test
    void theExitStatusTableIsInEveryHelpAndInTheDocs() throws java.io.IOException {
        java.util.Map<String, String> table = io.netlink4j.examples.Nlbridge.commandLine(
                        new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter()))
                .getCommandSpec().usageMessage().exitCodeList();
        assertThat(table.keySet().stream().map(String::strip).toList())
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8");
        assertThat(table.get("4")).contains("not a bridge port", "NOT_A_BRIDGE_PORT");
        assertThat(table.get("6")).contains("NEEDS_FIX");
        assertThat(table.get("7")).contains("BLOCKED");
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/cli.md"));
        for (java.util.Map.Entry<String, String> row : table.entrySet()) {
            assertThat(docs).as("docs/cli.md row " + row.getKey())
                    .contains("| " + row.getKey().strip() + " | " + row.getValue() + " |");
        }
        for (String[] cmd : new String[][] {{"--help"}, {"doctor", "--help"}, {"fdb", "load", "--help"},
                {"port", "set", "--help"}, {"vlan", "sync", "--help"}, {"diff", "--help"}}) {
            Cli.Result r = Cli.run(cmd);
            assertThat(r.status()).isZero();
            assertThat(r.out()).as(String.join(" ", cmd)).contains("Exit status:");
            for (String meaning : table.values()) {
                assertThat(r.out().replaceAll("\\s+", " ")).as(String.join(" ", cmd)).contains(meaning);
            }
        }
    }

    @Test
    void subcommandHelpWorks() {
        Cli.Result r = Cli.run("bridge", "add", "--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Usage: nlbridge bridge add", "NAME");
    }

    @Test
    void noCommandIsAUsageErrorOnOneLine() {
        Cli.Result r = Cli.run();
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith("nlbridge: missing command: one of port, bridge");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void groupWithoutSubcommandIsAUsageError() {
        Cli.Result r = Cli.run("port");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith("nlbridge: port: missing command: one of show");
    }

    @Test
    void unknownOptionAndCommandAreUsageErrors() {
        Cli.Result r = Cli.run("bridge", "add", "br0", "--frobnicate");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString()
                .isEqualTo("nlbridge: bridge add: Unknown option: '--frobnicate'");
        Cli.Result r2 = Cli.run("frobnicate");
        assertThat(r2.status()).isEqualTo(2);
        assertThat(r2.errLines()).singleElement().asString().startsWith("nlbridge: Unmatched argument");
    }

    @Test
    void badInterfaceNameIsRejectedBeforeAnythingIsSent() {
        // no --netns: were it sent, it would go to the host; the converter refuses it first
        Cli.Result r = Cli.run("bridge", "add", "a-name-that-is-far-too-long");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("nlbridge: bridge add: Invalid value for positional parameter at index 0 (NAME):")
                .contains("longer than 15 bytes");
    }

    @Test
    void globalOptionsAreAcceptedAfterTheCommandToo() {
        // --netns of a namespace that does not exist: the failure names it, so the option was seen
        Cli.Result r = Cli.run("port", "show", "--netns", "nl4j-no-such-ns", "--json");
        assertThat(r.status()).as(r.toString()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("nlbridge: enter network namespace nl4j-no-such-ns: ")
                .contains("does not exist");
    }
}
