package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.examples.Nlbridge;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@link QuickLine} against picocli, line by line: whatever QuickLine takes, picocli parses to the
 * same command with equal values in every option and parameter field (the command's and the
 * root's); whatever picocli refuses, QuickLine leaves to it. The lines are made from the models of
 * every command QuickLine can take: one plain line each, then variants of it (values in other
 * cases, bad, empty, option-like or @-files, options given twice, unknown options, help, the
 * {@code --name=value} form, root options at every position, parameters missing or extra). No
 * kernel: nothing is run.
 */
class QuickLineTest {

    private static final PrintWriter NULL = new PrintWriter(Writer.nullWriter());
    private static final CommandLine WHOLE = Nlbridge.commandLine(NULL, NULL);

    /** The leaf commands of the whole tree with their names from the root: {"port", "set"} -> model. */
    private static Map<List<String>, CommandLine> leaves() {
        Map<List<String>, CommandLine> out = new LinkedHashMap<>();
        walk(Nlbridge.commandLine(NULL, NULL), new ArrayList<>(), out);
        return out;
    }

    private static void walk(CommandLine cl, List<String> path, Map<List<String>, CommandLine> out) {
        if (cl.getSubcommands().isEmpty()) {
            out.put(path, cl);
        }
        cl.getSubcommands().forEach((name, sub) -> {
            List<String> p = new ArrayList<>(path);
            p.add(name);
            walk(sub, p, out);
        });
    }

    private static Map<List<String>, CommandLine> quickLeaves() {
        Map<List<String>, CommandLine> out = new LinkedHashMap<>();
        leaves().forEach((path, cl) -> {
            if (QuickLine.eligible(cl.getCommand().getClass())) {
                out.put(path, cl);
            }
        });
        return out;
    }

    @Test
    void thePortCommandsAndOthersAreTakenWithoutPicocli() {
        Set<Class<?>> quick = new LinkedHashSet<>();
        quickLeaves().values().forEach(cl -> quick.add(cl.getCommand().getClass()));
        System.out.printf("QuickLineTest: %d of %d leaf commands taken: %s%n", quickLeaves().size(), leaves().size(),
                quickLeaves().keySet());
        assertThat(quick).contains(PortCommand.Show.class, PortCommand.Set.class, VlanCommand.Show.class,
                FdbCommand.Add.class, FdbCommand.Del.class);
        // an argument group with required options, and mix-ins, stay with picocli
        assertThat(QuickLine.eligible(FdbCommand.Get.class)).isFalse();
        assertThat(QuickLine.eligible(BridgeCommand.Add.class)).isFalse();
        assertThat(QuickLine.eligible(PortCommand.class)).as("a group").isFalse();
    }

    @Test
    void everyPlainLineOfATakenCommandIsTakenWithPicocliSValues() {
        int taken = 0;
        for (Map.Entry<List<String>, CommandLine> e : quickLeaves().entrySet()) {
            List<String> line = plainLine(e.getKey(), e.getValue());
            Optional<QuickLine> q = QuickLine.parse(line.toArray(String[]::new));
            assertThat(q).as("plain line %s", line).isPresent();
            same(line, q.get());
            taken++;
        }
        assertThat(taken).isGreaterThan(10);
    }

    @Test
    void everyVariantIsEitherParsedLikePicocliOrLeftToIt() {
        int takenCount = 0;
        int leftCount = 0;
        for (Map.Entry<List<String>, CommandLine> e : quickLeaves().entrySet()) {
            for (List<String> line : variants(e.getKey(), e.getValue())) {
                Optional<QuickLine> q = QuickLine.parse(line.toArray(String[]::new));
                if (q.isPresent()) {
                    same(line, q.get());
                    takenCount++;
                } else {
                    leftCount++;
                }
            }
        }
        // both sides of the rule are exercised
        System.out.printf("QuickLineTest: %d variants taken, %d left to picocli%n", takenCount, leftCount);
        assertThat(takenCount).isGreaterThan(300);
        assertThat(leftCount).isGreaterThan(300);
    }

    @Test
    void linesOutsideThePlainFormAreLeftToPicocli() {
        for (String line : List.of("", "port", "port show -h", "--help", "-V", "port show @args", "port show -- v0",
                "port set v0 --proxy-arp on --proxy-arp off", "port set v0 --proxy-arp", "port set v0 --proxy-arp -1",
                "port set v0 --proxy-arp maybe", "port set v0 --bogus on", "port set", "port show v0 v1",
                "fdb add 02:00:00:00:00:01 dev v0", "fdb add 02:00:00:00:00:01 v0 --master --self",
                "fdb add 02:00:00:00:00:01 v0 --permanent --dynamic", "fdb get 02:00:00:00:00:01 --br br0",
                "--json --json port show", "nosuch show", "port nosuch",
                "--netns", "--netns=@x port show", "port show -p -p", "port set v0 --mcast-router=x",
                "--netns port port show", "bridge --netns delete del x", "port --netns=list show")) {
            String[] args = line.isEmpty() ? new String[0] : line.split(" ");
            assertThat(QuickLine.parse(args)).as(line).isEmpty();
        }
    }

    @Test
    void aliasesAndRootOptionsAnywhere() {
        QuickLine q = QuickLine.parse("port", "--netns", "ns1", "list", "v0", "--json").orElseThrow();
        assertThat(q.qualifiedName()).isEqualTo("port show");
        assertThat(q.app().netns()).isEqualTo("ns1");
        assertThat(q.app().json()).isTrue();
        same(List.of("port", "--netns", "ns1", "list", "v0", "--json"), q);
    }

    /** picocli's parse of {@code line} gives the same command, and equal option and parameter fields. */
    private static void same(List<String> line, QuickLine q) {
        // one tree for every parse, as -batch has it: picocli resets every option before a
        // parse, and the argument groups are cleared as -batch clears them
        CommandLine cl = WHOLE;
        CommandTree.clearArgGroups(cl);
        ParseResult pr;
        try {
            pr = cl.parseArgs(line.toArray(String[]::new));
        } catch (CommandLine.ParameterException ex) {
            throw new AssertionError("QuickLine took " + line + " but picocli refuses it: " + ex.getMessage(), ex);
        }
        List<String> names = new ArrayList<>();
        while (pr.subcommand() != null) {
            pr = pr.subcommand();
            names.add(pr.commandSpec().name());
        }
        assertThat(q.qualifiedName()).as("%s", line).isEqualTo(String.join(" ", names));
        Object leaf = pr.commandSpec().userObject();
        assertThat(q.command()).as("%s", line).isExactlyInstanceOf(leaf.getClass());
        assertThat(fields(q.command())).as("%s: command fields", line).isEqualTo(fields(leaf));
        assertThat(fields(q.app())).as("%s: root fields", line).isEqualTo(fields(cl.getCommand()));
    }

    /**
     * The @Option and @Parameters fields of {@code o} (its class and superclasses): name -> value;
     * an @ArgGroup field: null, or the fields of its group object.
     */
    private static Map<String, Object> fields(Object o) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Class<?> c = o.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                boolean group = f.isAnnotationPresent(CommandLine.ArgGroup.class);
                if (group || f.isAnnotationPresent(CommandLine.Option.class)
                        || f.isAnnotationPresent(CommandLine.Parameters.class)) {
                    f.setAccessible(true);
                    try {
                        Object v = f.get(o);
                        out.put(c.getSimpleName() + "." + f.getName(), group && v != null ? fields(v) : v);
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        return out;
    }

    /** The command's words, every positional parameter, then every option of its own with a good value. */
    private static List<String> plainLine(List<String> path, CommandLine cl) {
        List<String> line = new ArrayList<>(path);
        for (PositionalParamSpec p : cl.getCommandSpec().positionalParameters()) {
            line.add(sample(p));
        }
        Set<Object> exclusiveGroups = new java.util.HashSet<>();
        for (OptionSpec o : ownOptions(cl)) {
            if (o.group() != null && o.group().exclusive() && !exclusiveGroups.add(o.group())) {
                continue; // one option of an exclusive group
            }
            line.add(o.longestName());
            if (o.arity().max() > 0) {
                line.add(sample(o));
            }
        }
        return line;
    }

    private static List<OptionSpec> ownOptions(CommandLine cl) {
        return cl.getCommandSpec().options().stream()
                .filter(o -> !o.inherited() && !o.usageHelp() && !o.versionHelp()).toList();
    }

    /** A value its converter or type takes. */
    private static String sample(ArgSpec a) {
        Class<?> t = a.type();
        String conv = a.converters().length == 0 ? "" : a.converters()[0].getClass().getSimpleName();
        switch (conv) {
            case "OnOff": return "on";
            case "Mac": return "02:00:00:00:00:01";
            case "Dev": return "v0";
            case "Vid": return "10";
            case "VidRange": return "10-20";
            case "TunnelIds": return "1000-1010";
            case "IpLiteral": return "192.0.2.1";
            default: break;
        }
        if (t.isEnum()) {
            return ((Enum<?>) t.getEnumConstants()[0]).name().toLowerCase();
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "2";
        }
        return "x1";
    }

    private static List<List<String>> variants(List<String> path, CommandLine cl) {
        List<String> plain = plainLine(path, cl);
        int start = path.size();
        List<List<String>> out = new ArrayList<>();
        // every word replaced by other values: cases, bad, empty, option-like, @-file, numbers
        for (int i = start; i < plain.size(); i++) {
            for (String v : List.of("ON", "Off", "bad-value", "", "-1", "@file", "-", "2", "99999999999", "v0",
                    "forwarding", "FORWARDING", "02:00:00:00:00:0G", "10-5", "4095", "--json", "x=y", "port", "show",
                    "delete", "global")) {
                out.add(with(plain, i, v));
            }
            out.add(without(plain, i));
        }
        // the --name=value form, every option given twice, unknown options, help
        for (OptionSpec o : ownOptions(cl)) {
            int at = plain.indexOf(o.longestName());
            if (at < 0) { // another option of an exclusive group: with the one in the line, and instead of it
                List<String> add = new ArrayList<>(List.of(o.longestName()));
                if (o.arity().max() > 0) {
                    add.add(sample(o));
                }
                out.add(concat(plain, add));
                List<String> instead = new ArrayList<>(plain);
                for (OptionSpec other : o.group().options()) {
                    int i = instead.indexOf(other.longestName());
                    if (i >= 0) {
                        instead.remove(i);
                        if (other.arity().max() > 0) {
                            instead.remove(i);
                        }
                    }
                }
                out.add(concat(instead, add));
                continue;
            }
            if (o.arity().max() > 0) {
                List<String> eq = without(plain, at + 1);
                eq.set(at, o.longestName() + "=" + plain.get(at + 1));
                out.add(eq);
                out.add(concat(plain, List.of(o.longestName(), plain.get(at + 1))));
                for (String n : o.names()) {
                    out.add(with(plain, at, n));
                }
            } else {
                out.add(concat(plain, List.of(o.longestName())));
                out.add(with(plain, at, o.longestName() + "=true"));
            }
        }
        for (String extra : List.of("--bogus", "-h", "--help", "-V", "--", "extra", "-pj", "--netns=ns2")) {
            out.add(concat(plain, List.of(extra)));
        }
        // the root's options at every position, given once or twice
        for (int i = 0; i <= plain.size(); i++) {
            for (List<String> root : List.of(List.of("--json"), List.of("-p"), List.of("--pretty", "--debug"),
                    List.of("--netns", "ns1"), List.of("--netns=ns1"), List.of("--netns", "-x"),
                    List.of("--json", "--json"), List.of("--netns", "port"), List.of("--netns=show"),
                    List.of("--netns", "delete"), List.of("--netns", "global"), List.of("--netns", "fdb"))) {
                List<String> l = new ArrayList<>(plain);
                l.addAll(i, root);
                out.add(l);
            }
        }
        // a plain line with only the parameters, and with each single option
        List<String> bare = new ArrayList<>(plain.subList(0, start + cl.getCommandSpec().positionalParameters().size()));
        out.add(bare);
        for (OptionSpec o : ownOptions(cl)) {
            List<String> one = new ArrayList<>(bare);
            one.add(o.longestName());
            if (o.arity().max() > 0) {
                one.add(sample(o));
            }
            out.add(one);
        }
        return out;
    }

    private static List<String> with(List<String> l, int i, String v) {
        List<String> out = new ArrayList<>(l);
        out.set(i, v);
        return out;
    }

    private static List<String> without(List<String> l, int i) {
        List<String> out = new ArrayList<>(l);
        out.remove(i);
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
