package io.netlink4j.examples.cli;

import io.netlink4j.examples.Nlbridge;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * A command line in its plain form, parsed without building picocli's models.
 *
 * <p>picocli's start-up (its classes, its built-in converters, the models of the commands) is
 * the largest part of a one-shot command after the JVM itself, and its parse of a line is most of
 * a {@code -batch} line's cost. This parser reads the same annotations and takes a line only when
 * it is plain enough that picocli is certain to parse it to the same values:
 * <ul>
 *   <li>the words name a leaf {@link NlCommand} through the tree of {@link CommandTree} (names
 *       and aliases), with the root's options anywhere;
 *   <li>every field of the command is a plain {@code @Option} or {@code @Parameters}: a switch,
 *       or one value (String, int, long, an enum, or with a converter), positional parameters at
 *       a fixed index; no default values, mix-ins, collections, negatable or split options;
 *       argument groups only of optional options, each group at most once (in an exclusive
 *       group, one of its options);
 *   <li>every option is given once, as {@code --name value} or {@code --name=value}, known to the
 *       command or the root, and no word or value starts with {@code @} or (values) {@code -};
 *   <li>every value converts, and every required option and parameter is there.
 * </ul>
 * Anything else (help, version, errors of any kind, a command outside that shape) returns
 * {@link Optional#empty()} and goes to picocli, which then prints its usage, its error text and
 * gives its exit status, as before. {@code QuickLineTest} checks line by line that whatever is
 * taken here, picocli parses to equal field values. One difference remains by design: with
 * {@code --debug}, a failure's stack trace shows this path's frames instead of picocli's.
 */
public final class QuickLine {
    /** The annotation default that means "no default value". */
    private static final String NO_DEFAULT = "__no_default_value__";

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private final List<String> names;
    private final Nlbridge app;
    private final NlCommand command;

    private QuickLine(List<String> names, Nlbridge app, NlCommand command) {
        this.names = names;
        this.app = app;
        this.command = command;
    }

    /** The command's names from the root, as picocli qualifies them ("port set"; aliases resolved). */
    public String qualifiedName() {
        return String.join(" ", names);
    }

    /** The root command with its options set. */
    public Nlbridge app() {
        return app;
    }

    /** The command with its options and parameters set. */
    public NlCommand command() {
        return command;
    }

    /** {@code args} parsed, or empty when picocli must parse them (see the class comment). */
    public static Optional<QuickLine> parse(String... args) {
        try {
            return Optional.ofNullable(tryParse(args));
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
    }

    /** True when commands of {@code type} can be parsed here (the shape of the class comment). */
    public static boolean eligible(Class<?> type) {
        return NlCommand.class.isAssignableFrom(type) && !CommandTree.isGroup(type) && shape(type).plain;
    }

    private static QuickLine tryParse(String[] args) throws ReflectiveOperationException {
        Shape rootShape = shape(Nlbridge.class);
        if (!rootShape.plain) {
            return null;
        }
        Nlbridge app = new Nlbridge();
        Set<Opt> seen = new HashSet<>();
        List<String> names = new ArrayList<>();
        Class<?> at = Nlbridge.class;
        int i = 0;
        // the groups: their words, with the root's (inherited) options between them
        while (CommandTree.isGroup(at)) {
            if (i == args.length) {
                return null;
            }
            String a = args[i];
            if (a.startsWith("-") || a.startsWith("@")) {
                i = option(args, i, rootShape, app, null, null, seen);
                if (i < 0) {
                    return null;
                }
                continue;
            }
            Class<?> child = CommandTree.child(at, a);
            if (child == null) {
                return null;
            }
            names.add(child.getAnnotation(Command.class).name());
            at = child;
            i++;
        }
        if (!eligible(at)) {
            return null;
        }
        Shape shape = shape(at);
        NlCommand command = (NlCommand) newInstance(at);
        int position = 0;
        while (i < args.length) {
            String a = args[i];
            if (a.startsWith("@")) {
                return null;
            }
            if (a.startsWith("-")) {
                i = option(args, i, rootShape, app, shape, command, seen);
                if (i < 0) {
                    return null;
                }
                continue;
            }
            if (position == shape.positionals.size()) {
                return null;
            }
            Opt p = shape.positionals.get(position++);
            if (!set(p, command, a)) {
                return null;
            }
            seen.add(p);
            i++;
        }
        for (Opt o : shape.required) {
            if (!seen.contains(o)) {
                return null;
            }
        }
        return new QuickLine(names, app, command);
    }

    /**
     * Takes the option at {@code args[i]} (the command's, else the root's) with its value; returns
     * the index after it, or -1 when the line must go to picocli.
     */
    private static int option(String[] args, int i, Shape root, Nlbridge app, Shape shape, Object command,
                              Set<Opt> seen) {
        String a = args[i];
        int eq = a.indexOf('=');
        String name = eq > 0 ? a.substring(0, eq) : a;
        Opt o = shape == null ? null : shape.options.get(name);
        Object target = command;
        if (o == null) {
            o = root.options.get(name);
            target = app;
        }
        if (o == null || !seen.add(o)) {
            return -1; // unknown here (help, version, a typo, a clustered switch) or given twice
        }
        if (o.group != null) {
            target = o.group.instance(command, seen, o);
            if (target == null) {
                return -1; // a second option of an exclusive group
            }
        }
        if (o.arity == 0) {
            return eq < 0 && set(o, target, null) ? i + 1 : -1;
        }
        String value;
        int next;
        if (eq > 0) {
            value = a.substring(eq + 1);
            next = i + 1;
        } else if (i + 1 < args.length) {
            value = args[i + 1];
            next = i + 2;
        } else {
            return -1;
        }
        if (value.startsWith("-") || value.startsWith("@") || CommandTree.isCommandName(value)) {
            return -1; // picocli may take a command's name for the next command, not a value
        }
        return set(o, target, value) ? next : -1;
    }

    /** Converts {@code value} as picocli would and sets the field; false when it does not convert. */
    private static boolean set(Opt o, Object target, String value) {
        Object v;
        try {
            v = o.convert(value);
        } catch (Exception e) {
            return false; // picocli reports it, with its own text
        }
        if (v == null) {
            return false;
        }
        try {
            o.field.set(target, v);
            return true;
        } catch (IllegalAccessException e) {
            return false;
        }
    }

    private static Object newInstance(Class<?> type) throws ReflectiveOperationException {
        var c = type.getDeclaredConstructor();
        c.setAccessible(true);
        return c.newInstance();
    }

    private static Shape shape(Class<?> type) {
        return SHAPES.computeIfAbsent(type, Shape::of);
    }

    /** The options and parameters of one command class, and whether all of them are plain. */
    private static final class Shape {
        final Map<String, Opt> options = new HashMap<>();
        final List<Opt> positionals = new ArrayList<>();
        final List<Opt> required = new ArrayList<>();
        boolean plain = true;

        static Shape of(Class<?> type) {
            Shape s = new Shape();
            try {
                Command command = type.getAnnotation(Command.class);
                s.plain &= command == null || isDefault(command.defaultValueProvider(), "NoDefaultProvider");
                Object probe = java.lang.reflect.Modifier.isAbstract(type.getModifiers()) ? null : newInstance(type);
                for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
                    for (Method m : c.getDeclaredMethods()) {
                        s.plain &= !picocli(m);
                    }
                    for (Field f : c.getDeclaredFields()) {
                        s.add(f, probe);
                    }
                }
                for (int k = 0; k < s.positionals.size(); k++) {
                    s.plain &= s.positionals.get(k) != null; // indexes 0..n-1, no gap
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                s.plain = false;
            }
            return s;
        }

        /** {@code probe}: a new object of the command's class (null for an abstract one), for initial values. */
        private void add(Field f, Object probe) throws ReflectiveOperationException {
            ArgGroup g = f.getAnnotation(ArgGroup.class);
            if (g != null) {
                addGroup(f, g);
                return;
            }
            addArg(f, null, probe);
        }

        /**
         * An argument group of options only, each optional, the group at most once: its options
         * are the command's, set on a group object made when the first of them is given (as
         * picocli does); in an exclusive group, a second one goes to picocli.
         */
        private void addGroup(Field f, ArgGroup g) throws ReflectiveOperationException {
            Class<?> t = f.getType();
            plain &= (g.multiplicity().isEmpty() || g.multiplicity().equals("0..1")) && g.validate()
                    && !t.isArray() && !Collection.class.isAssignableFrom(t) && !Map.class.isAssignableFrom(t)
                    && t.getSuperclass() == Object.class;
            if (!plain) {
                return;
            }
            f.setAccessible(true);
            Group group = new Group(f, g.exclusive());
            Object probe = newInstance(t);
            for (Method m : t.getDeclaredMethods()) {
                plain &= !picocli(m);
            }
            for (Field member : t.getDeclaredFields()) {
                Option o = member.getAnnotation(Option.class);
                if (o == null) {
                    plain &= !picocli(member);
                    continue;
                }
                plain &= !o.required();
                addArg(member, group, probe);
            }
        }

        private void addArg(Field f, Group group, Object probe) throws ReflectiveOperationException {
            Option o = f.getAnnotation(Option.class);
            Parameters p = f.getAnnotation(Parameters.class);
            if (o == null && p == null) {
                // NlCommand's and the root's @Spec are set by picocli and not needed here; any
                // other command that wants its spec needs picocli
                Class<?> owner = f.getDeclaringClass();
                plain &= !picocli(f) || f.isAnnotationPresent(Spec.class) && (owner == NlCommand.class || owner == Nlbridge.class);
                return;
            }
            if (o != null) {
                int arity = arity(o.arity(), f.getType());
                plain &= arity >= 0 && o.defaultValue().equals(NO_DEFAULT) && !o.negatable() && o.split().isEmpty()
                        && o.fallbackValue().isEmpty() && !o.interactive() && o.names().length > 0
                        && isDefault(o.preprocessor(), "NoOpParameterPreprocessor")
                        && isDefault(o.parameterConsumer(), "NullParameterConsumer")
                        && (arity == 1 || o.converter().length == 0 && !startsTrue(f, probe));
                for (String n : o.names()) {
                    plain &= n.startsWith("-");
                }
                Opt opt = Opt.of(f, arity, o.converter(), group);
                plain &= opt != null;
                for (String n : o.names()) {
                    plain &= options.put(n, opt) == null;
                }
                if (o.required()) {
                    required.add(opt);
                }
                return;
            }
            int index;
            try {
                index = Integer.parseInt(p.index());
            } catch (NumberFormatException e) {
                plain = false;
                return;
            }
            boolean optional = p.arity().equals("0..1");
            plain &= (optional || p.arity().isEmpty() || p.arity().equals("1")) && p.defaultValue().equals(NO_DEFAULT)
                    && p.split().isEmpty() && !p.interactive() && index >= 0 && index < 64
                    && isDefault(p.preprocessor(), "NoOpParameterPreprocessor")
                    && isDefault(p.parameterConsumer(), "NullParameterConsumer");
            Opt opt = Opt.of(f, 1, p.converter(), null);
            plain &= opt != null;
            if (!plain) {
                return;
            }
            while (positionals.size() <= index) {
                positionals.add(null);
            }
            plain &= positionals.set(index, opt) == null;
            if (!optional) {
                required.add(opt);
            }
        }

        /**
         * True when the switch {@code f} is true in {@code probe}, a new object of the command's
         * or group's class: picocli then sets it to false when it is given, this parser would set
         * true.
         */
        private static boolean startsTrue(Field f, Object probe) throws ReflectiveOperationException {
            if (probe == null) {
                return true; // not known: not plain
            }
            f.setAccessible(true);
            return Boolean.TRUE.equals(f.get(probe));
        }

        /** True when an annotation's class attribute is picocli's default ({@code CommandLine$NAME}, private). */
        private static boolean isDefault(Class<?> value, String name) {
            return value.getName().equals("picocli.CommandLine$" + name);
        }

        /** 0 for a switch, 1 for one value, -1 for anything else. */
        private static int arity(String arity, Class<?> type) {
            boolean flag = type == boolean.class || type == Boolean.class;
            if (arity.isEmpty()) {
                return flag ? 0 : 1;
            }
            if (arity.equals("0") && flag) {
                return 0;
            }
            return arity.equals("1") && !flag ? 1 : -1;
        }

        private static boolean picocli(AnnotatedElement e) {
            return e.isAnnotationPresent(Option.class) || e.isAnnotationPresent(Parameters.class)
                    || e.isAnnotationPresent(Mixin.class) || e.isAnnotationPresent(ArgGroup.class)
                    || e.isAnnotationPresent(ParentCommand.class) || e.isAnnotationPresent(Unmatched.class)
                    || e.isAnnotationPresent(Spec.class);
        }
    }

    /** An argument group field of a command: where its object goes, and whether its options exclude each other. */
    private static final class Group {
        final Field field;
        final boolean exclusive;

        Group(Field field, boolean exclusive) {
            this.field = field;
            this.exclusive = exclusive;
        }

        /**
         * The group object of {@code command} for option {@code o}, made on the first of its
         * options; null when {@code o} is a second option of an exclusive group.
         */
        Object instance(Object command, Set<Opt> seen, Opt o) {
            try {
                if (exclusive) {
                    for (Opt other : seen) {
                        if (other != o && other.group == this) {
                            return null;
                        }
                    }
                }
                Object g = field.get(command);
                if (g == null) {
                    g = newInstance(field.getType());
                    field.set(command, g);
                }
                return g;
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
    }

    /** One option or positional parameter: its field, arity, and how its value converts. */
    private static final class Opt {
        final Field field;
        final int arity;
        final ITypeConverter<?> converter;
        /** The argument group the option belongs to, or null. */
        final Group group;

        private Opt(Field field, int arity, ITypeConverter<?> converter, Group group) {
            this.field = field;
            this.arity = arity;
            this.converter = converter;
            this.group = group;
        }

        /** Null when the field's type is not one this parser converts like picocli. */
        static Opt of(Field f, int arity, Class<? extends ITypeConverter<?>>[] converters, Group group)
                throws ReflectiveOperationException {
            Class<?> t = f.getType();
            if (t.isArray() || Collection.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t)
                    || Optional.class.isAssignableFrom(t) || converters.length > 1) {
                return null;
            }
            ITypeConverter<?> c = null;
            if (converters.length == 1) {
                c = (ITypeConverter<?>) newInstance(converters[0]);
            } else if (arity == 1 && t != String.class && t != int.class && t != Integer.class && t != long.class
                    && t != Long.class && !t.isEnum()) {
                return null;
            }
            f.setAccessible(true);
            return new Opt(f, arity, c, group);
        }

        /** The value picocli would set; null when it would not accept {@code s}. */
        Object convert(String s) throws Exception {
            if (arity == 0) {
                return Boolean.TRUE;
            }
            if (converter != null) {
                return converter.convert(s);
            }
            Class<?> t = field.getType();
            if (t == String.class) {
                return s;
            }
            if (t == int.class || t == Integer.class) {
                return Integer.valueOf(s);
            }
            if (t == long.class || t == Long.class) {
                return Long.valueOf(s);
            }
            for (Object c : t.getEnumConstants()) { // the command lines allow any case
                if (((Enum<?>) c).name().equalsIgnoreCase(s)) {
                    return c;
                }
            }
            return null;
        }
    }
}
