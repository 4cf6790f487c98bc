package io.netlink4j.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code nlbridge fdb …}): run alone it is a usage error.
 * Its sub-commands are listed in {@link CommandTree}, which builds their models when needed.
 */
public abstract class Group implements Runnable {
    @Spec
    protected CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: one of " + String.join(", ", spec.subcommands().keySet()) + " (see --help)");
    }
}
