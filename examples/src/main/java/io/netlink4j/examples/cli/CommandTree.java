package io.netlink4j.examples.cli;

import io.netlink4j.examples.Nlbridge;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The nlbridge command tree, with picocli models built only where a command line needs them.
 *
 * <p>Building a picocli model is the largest part of a one-shot command's start-up (reflection
 * over every option of every command, run by the interpreter), so the groups do not list their
 * sub-commands in {@code @Command(subcommands = …)}: {@link #CHILDREN} does, and {@link #add}
 * builds the sub-commands that the arguments name, one per level. Wherever the arguments stop
 * naming one (no command, {@code --help} or {@code --version} before it, an unknown command or
 * option, {@code @FILE}, {@code --}), that level gets all its sub-commands, recursively: usage
 * help, "missing command" and picocli's own errors then see the same tree as before, in the same
 * order, so their text and exit status do not change.
 */
public final class CommandTree {
    private CommandTree() {}

    /** The sub-commands of each group, in the order that --help lists them. */
    private static final Map<Class<?>, List<Class<?>>> CHILDREN = Map.of(
            Nlbridge.class, List.of(PortCommand.class, BridgeCommand.class, VlanCommand.class, FdbCommand.class,
                    MdbCommand.class, VniCommand.class, MstCommand.class, MonitorCommand.class, DoctorCommand.class, DemoCommand.class,
                    StateCommands.Diff.class, StateCommands.Apply.class, AgentCommand.class),
            PortCommand.class, List.of(PortCommand.Show.class, PortCommand.Set.class),
            BridgeCommand.class, List.of(BridgeCommand.Add.class, BridgeCommand.Set.class, BridgeCommand.Del.class),
            VlanCommand.class, List.of(VlanCommand.Show.class, VlanCommand.Add.class, VlanCommand.Del.class,
                    VlanSetCommand.class, VlanCommand.Sync.class, VlanGlobalCommand.class, VlanTunnelCommand.class,
                    VlanTunnelCommand.Show.class),
            VlanTunnelCommand.class, List.of(VlanTunnelCommand.Add.class, VlanTunnelCommand.Del.class),
            VlanGlobalCommand.class, List.of(VlanGlobalCommand.Show.class, VlanGlobalCommand.Set.class),
            VniCommand.class, List.of(VniCommand.Show.class, VniCommand.Add.class, VniCommand.Del.class),
            MstCommand.class, List.of(MstCommand.Show.class, MstCommand.Set.class),
            FdbCommand.class, List.of(FdbCommand.Show.class, FdbCommand.Add.class, FdbCommand.Append.class,
                    FdbCommand.Replace.class, FdbCommand.Del.class, FdbCommand.Get.class, FdbCommand.Flush.class,
                    FdbLoadCommand.class),
            MdbCommand.class, List.of(MdbCommand.Show.class, MdbCommand.Add.class, MdbCommand.Replace.class,
                    MdbCommand.Del.class));

    /**
     * Adds to {@code cl} (a command of the tree, its model built) the sub-commands that
     * {@code args} name, from {@code from} on, and descends into those it has already. At the
     * first level where the arguments do not name one, a command without sub-commands gets all of
     * them, recursively ({@link #addAll}); one that has some already is left as it is. Returns
     * true when {@code args} named a command at every level. Call {@link #finish} on the root
     * when all is added.
     */
    public static boolean add(CommandLine cl, String[] args, int from) {
        List<Class<?>> children = CHILDREN.get(cl.getCommandSpec().userObject().getClass());
        if (children == null) {
            return true; // a leaf: its arguments are its own
        }
        int at = named(cl.getCommandSpec(), args, from);
        if (at >= 0) {
            CommandLine existing = cl.getCommandSpec().subcommands().get(args[at]);
            if (existing != null) {
                return add(existing, args, at + 1);
            }
            Class<?> child = child(cl.getCommandSpec().userObject().getClass(), args[at]);
            if (child != null) {
                CommandLine sub = new CommandLine(child);
                cl.addSubcommand(sub);
                return add(sub, args, at + 1);
            }
        }
        if (cl.getCommandSpec().subcommands().isEmpty()) {
            addAll(cl);
        }
        return false;
    }

    /**
     * Sets every {@code @ArgGroup} field of every command below {@code cl} back to null. picocli
     * resets a reused command line's options before a parse, but not its argument groups: the
     * group object of the previous line stays, with its values (measured with picocli 4.7.7: a
     * -batch line {@code fdb add MAC DEV} after one with {@code --self --permanent} had both).
     */
    public static void clearArgGroups(CommandLine cl) {
        Object command = cl.getCommandSpec().userObject();
        for (Class<?> c = command.getClass(); c != Object.class && c != null; c = c.getSuperclass()) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(picocli.CommandLine.ArgGroup.class)) {
                    try {
                        f.setAccessible(true);
                        f.set(command, null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("cannot clear " + f, e);
                    }
                }
            }
        }
        cl.getSubcommands().values().forEach(CommandTree::clearArgGroups);
    }

    private static volatile java.util.Set<String> commandNames;

    /**
     * True when {@code word} is the name or an alias of a command anywhere in the tree. picocli
     * refuses such a word as an option's value where that command could come next ("Expected
     * parameter for option '--netns' but found 'port'").
     */
    static boolean isCommandName(String word) {
        java.util.Set<String> names = commandNames;
        if (names == null) {
            names = new java.util.HashSet<>();
            for (List<Class<?>> children : CHILDREN.values()) {
                for (Class<?> child : children) {
                    Command c = child.getAnnotation(Command.class);
                    names.add(c.name());
                    names.addAll(List.of(c.aliases()));
                }
            }
            commandNames = names;
        }
        return names.contains(word);
    }

    /** True when {@code type} is a group: a command that has sub-commands. */
    static boolean isGroup(Class<?> type) {
        return CHILDREN.containsKey(type);
    }

    /** The sub-command of group {@code type} named {@code word} (its name or an alias), or null. */
    static Class<?> child(Class<?> type, String word) {
        for (Class<?> child : CHILDREN.getOrDefault(type, List.of())) {
            Command c = child.getAnnotation(Command.class);
            if (c.name().equals(word) || List.of(c.aliases()).contains(word)) {
                return child;
            }
        }
        return null;
    }

    /** True when {@code cl} (finished) has every command that {@code args} name, and they name one at every level. */
    public static boolean covers(CommandLine cl, String[] args, int from) {
        if (!CHILDREN.containsKey(cl.getCommandSpec().userObject().getClass())) {
            return true;
        }
        int at = named(cl.getCommandSpec(), args, from);
        CommandLine sub = at < 0 ? null : cl.getCommandSpec().subcommands().get(args[at]);
        return sub != null && covers(sub, args, at + 1);
    }

    /**
     * The last step of building a tree: the standard help options (-h, -V), which picocli adds
     * to every command below the root. They come last, after the inherited options, as when
     * picocli built the whole tree from annotations: --help lists the options in that order.
     */
    public static void finish(CommandLine root) {
        root.getCommandSpec().mixinStandardHelpOptions(true);
    }

    /** Adds every sub-command below {@code cl} (the whole tree for the root); {@code cl} has none yet. */
    public static void addAll(CommandLine cl) {
        List<Class<?>> children = CHILDREN.getOrDefault(cl.getCommandSpec().userObject().getClass(), List.of());
        if (!cl.getCommandSpec().subcommands().isEmpty()) {
            throw new IllegalStateException("addAll on a command that has sub-commands already");
        }
        for (Class<?> child : children) {
            CommandLine sub = new CommandLine(child);
            cl.addSubcommand(sub);
            addAll(sub);
        }
    }

    /**
     * The index in {@code args} of the word that names a sub-command of {@code spec}: the first
     * argument from {@code from} on that is not one of the command's (inherited) options with its
     * value; -1 when there is none, or something comes first that picocli must judge with the
     * whole tree (help, version, an unknown or clustered option, a value that looks like an
     * option, {@code --}, {@code @FILE}).
     */
    static int named(CommandSpec spec, String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("@")) {
                return -1;
            }
            if (!a.startsWith("-")) {
                return i;
            }
            int eq = a.indexOf('=');
            OptionSpec o = spec.findOption(eq > 0 ? a.substring(0, eq) : a);
            if (o == null || o.usageHelp() || o.versionHelp() || a.equals("--")) {
                return -1;
            }
            int min = o.arity().min();
            int max = o.arity().max();
            if (min == 0 && max == 0 && eq < 0) {
                continue; // a switch
            }
            if (min == 1 && max == 1) {
                // a value that is a command's name: picocli's verdict ("expected parameter")
                // depends on the commands built, so the level gets all of them
                if (eq > 0) {
                    if (isCommandName(a.substring(eq + 1))) {
                        return -1;
                    }
                    continue;
                }
                if (i + 1 < args.length && !args[i + 1].startsWith("-") && !args[i + 1].startsWith("@")
                        && !isCommandName(args[i + 1])) {
                    i++;
                    continue;
                }
            }
            return -1;
        }
        return -1;
    }
}
