package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.examples.Nlbridge;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The lazily built command tree: a command line builds only the commands it names, and help,
 * usage errors and exit statuses are those of the whole tree. No kernel: nothing here is sent
 * (every command line below fails or prints help before a handle is opened).
 */
class CommandTreeTest {

    private static final PrintWriter NULL = new PrintWriter(Writer.nullWriter());

    /** Every command path of the whole tree, aliases included: [], [port], [port, show], [port, list], ... */
    private static List<List<String>> paths() {
        List<List<String>> out = new ArrayList<>();
        walk(Nlbridge.commandLine(NULL, NULL), new ArrayList<>(), out);
        return out;
    }

    private static void walk(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(path);
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            walk(e.getValue(), p, out);
        }
    }

    /** Runs args on the whole tree, as every command line ran before the tree was built lazily. */
    private static Cli.Result whole(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Nlbridge.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Cli.Result(status, out.toString(), err.toString());
    }

    private static void same(List<String> args) {
        String[] a = args.toArray(String[]::new);
        assertThat(Cli.run(a)).as(String.join(" ", args)).hasToString(whole(a).toString());
    }

    @Test
    void helpOfEveryCommandIsThatOfTheWholeTree() {
        List<List<String>> paths = paths();
        assertThat(paths).hasSizeGreaterThan(30).contains(List.of("port", "list"), List.of("fdb", "load"));
        for (List<String> p : paths) {
            List<String> help = new ArrayList<>(p);
            help.add("--help");
            same(help);
            List<String> shortHelp = new ArrayList<>(List.of("--json"));
            shortHelp.addAll(p);
            shortHelp.add("-h");
            same(shortHelp);
        }
    }

    @Test
    void usageErrorsAreThoseOfTheWholeTree() {
        for (List<String> p : paths()) {
            List<String> unknownOption = new ArrayList<>(p);
            unknownOption.add("--frobnicate");
            same(unknownOption);
        }
        for (String[] a : new String[][] {{}, {"zzz"}, {"port"}, {"port", "zzz"}, {"PORT", "show"}, {"po"},
                {"--netns"}, {"--netns", "port"}, {"--netns=x"}, {"-hV"}, {"-V"}, {"--", "port"},
                {"@/nonexistent/args"}, {"-h", "port", "show"}, {"port", "-h", "show"}, {"--json=true", "port"},
                {"port", "set", "v0"}, {"port", "set", "v0", "--hairpin", "maybe"}, {"fdb", "add", "zz", "v0"},
                {"bridge", "add", "a-name-that-is-far-too-long"}, {"port", "show", "a", "b"}}) {
            Cli.Result lazy = Cli.run(a);
            assertThat(lazy).as(String.join(" ", a)).hasToString(whole(a).toString());
            assertThat(lazy.status()).as(String.join(" ", a)).isIn(0, 2);
        }
    }

    @Test
    void aCommandLineBuildsOnlyTheCommandsItNames() {
        CommandLine cl = Nlbridge.commandLine(NULL, NULL, "--netns", "x", "--json", "port", "show", "v0");
        assertThat(cl.getSubcommands()).containsOnlyKeys("port");
        assertThat(cl.getSubcommands().get("port").getSubcommands()).containsOnlyKeys("show", "list");
        CommandLine load = Nlbridge.commandLine(NULL, NULL, "fdb", "load", "--netns=x", "file");
        assertThat(load.getSubcommands()).containsOnlyKeys("fdb");
        assertThat(load.getSubcommands().get("fdb").getSubcommands()).containsOnlyKeys("load");
        // the standard and inherited options are there, in the order of the whole tree
        CommandLine show = cl.getSubcommands().get("port").getSubcommands().get("show");
        assertThat(show.getCommandSpec().options().stream().map(o -> o.longestName()).toList())
                .containsExactly("--netns", "--json", "--pretty", "--debug", "--help", "--version");
    }

    @Test
    void whereTheArgumentsNameNoCommandTheLevelGetsAllOfThem() {
        assertThat(Nlbridge.commandLine(NULL, NULL, "port").getSubcommands().get("port").getSubcommands())
                .containsKeys("show", "set");
        assertThat(Nlbridge.commandLine(NULL, NULL, "--help", "port").getSubcommands()).hasSize(13);
        assertThat(Nlbridge.commandLine(NULL, NULL, "frobnicate").getSubcommands()).hasSize(13);
        assertThat(Nlbridge.commandLine(NULL, NULL).getSubcommands().get("fdb").getSubcommands())
                .containsKeys("show", "add", "append", "replace", "del", "get", "flush", "load");
    }
}
