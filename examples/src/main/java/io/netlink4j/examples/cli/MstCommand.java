package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.MstState;
import io.netlink4j.bridge.PortState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code nlbridge mst show|set}: per-port MST instance states, in the words of iproute2's {@code bridge mst}. */
@Command(name = "mst", description = "Show and set the state of bridge ports per MST instance (bridge mst;"
        + " needs the bridge's mst_enable).")
// sub-commands: CommandTree (built lazily)
public final class MstCommand extends Group {

    /** disabled|listening|learning|forwarding|blocking, or 0..4, as iproute2 takes a state. */
    static final class State implements ITypeConverter<PortState> {
        @Override
        public PortState convert(String s) {
            for (PortState p : PortState.values()) {
                if (p.label().equals(s.toLowerCase(Locale.ROOT)) || String.valueOf(p.value()).equals(s)) {
                    return p;
                }
            }
            throw new TypeConversionException("expected disabled, listening, learning, forwarding, blocking or 0..4, not \"" + s + "\"");
        }
    }

    @Command(name = "show", aliases = "list", description = "Show the MSTI states of every port, or of PORT (bridge mst show).")
    public static final class Show extends NlCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "PORT", converter = Converters.Dev.class)
        String port;

        @Override
        protected int run(BridgeNetlink nl) {
            Map<String, List<MstState>> shown = new LinkedHashMap<>();
            nl.mst().list().forEach((name, states) -> {
                if (port == null || port.equals(name)) {
                    shown.put(name, states);
                }
            });
            if (json()) {
                // iproute2's bridge -j mst show: [{"ifname": "v0", "mst": [{"msti": 0, "state": "forwarding"}]}]
                JsonOut.write(out(), g -> JsonOut.perDevice(g, shown, "mst", (j, s) -> {
                    j.writeStartObject();
                    j.writeNumberField("msti", s.msti());
                    j.writeStringField("state", s.state().label());
                    j.writeEndObject();
                }));
            } else {
                out().printf("%-16s  %s%n", "port", "msti");
                shown.forEach((name, states) -> {
                    boolean first = true;
                    for (MstState s : states) {
                        out().printf("%-16s  %-4d %s%n", first ? name : "", s.msti(), s.state().label());
                        first = false;
                    }
                });
            }
            return 0;
        }
    }

    @Command(name = "set", description = "Set PORT's state in MST instance MSTI (bridge mst set dev PORT msti MSTI state STATE).")
    public static final class Set extends NlCommand {
        @Parameters(index = "0", paramLabel = "PORT", converter = Converters.Dev.class)
        String port;

        @Parameters(index = "1", paramLabel = "MSTI", description = "0 (CIST) .. 4094.")
        int msti;

        @Parameters(index = "2", paramLabel = "STATE", converter = State.class,
                description = "disabled, listening, learning, forwarding, blocking (or 0..4).")
        PortState state;

        @Override
        protected void check() {
            new MstState(msti, state); // range check before anything is sent
        }

        @Override
        protected int run(BridgeNetlink nl) {
            nl.mst().set(port, msti, state);
            return 0;
        }
    }
}
