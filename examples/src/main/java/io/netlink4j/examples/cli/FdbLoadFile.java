package io.netlink4j.examples.cli;

import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.MacAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The input of {@code nlbridge fdb load}: one change per line,
 *
 * <pre>
 * # comment
 * add 02:00:00:00:00:01 v0
 * add 02:00:00:00:00:02 v0 vlan 100 permanent
 * del 02:00:00:00:00:03 v1 vlan 100
 * </pre>
 *
 * i.e. {@code add|del MAC DEV [vlan VID] [static|permanent|dynamic]} (static by default, as for
 * {@code fdb add}); blank lines and {@code #} comments are skipped. {@link #parse} reads the whole
 * input and reports every bad line with its number and reason; nothing is sent by this class.
 * (Whether the devices exist and are bridge ports is checked by {@link FdbLoadCommand}, which
 * reports those lines together with these.)
 */
public final class FdbLoadFile {
    private FdbLoadFile() {}

    private static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("\\s+");

    /** What a line asks for. */
    public enum Op { ADD, DEL }

    /** Entry states a line can ask for. */
    public enum State { STATIC, PERMANENT, DYNAMIC }

    /**
     * One good line.
     *
     * @param lineNo 1-based line number
     * @param op     add or del
     * @param mac    canonical "aa:bb:cc:dd:ee:ff"
     * @param dev    the port
     * @param vlan   0 for none, else 1-4094
     * @param state  the entry state (adds only; static by default)
     */
    public record Line(int lineNo, Op op, String mac, String dev, int vlan, State state) {}

    /**
     * One bad line.
     *
     * @param lineNo  1-based line number
     * @param message "hosts.fdb:3: invalid MAC address ..."
     */
    public record Problem(int lineNo, String message) {}

    /** The result: the good lines, and one problem per bad line, in line order. */
    public record Parsed(List<Line> lines, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }

        /** The messages of {@link #problems()}. */
        public List<String> errors() {
            return problems.stream().map(Problem::message).toList();
        }
    }

    /** Reads every line of {@code in}; {@code name} prefixes error messages ("hosts.fdb:3: ..."). */
    public static Parsed parse(BufferedReader in, String name) throws IOException {
        List<Line> lines = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String text;
        int no = 0;
        while ((text = in.readLine()) != null) {
            no++;
            int hash = text.indexOf('#');
            String body = (hash >= 0 ? text.substring(0, hash) : text).strip();
            if (body.isEmpty()) {
                continue;
            }
            try {
                Line l = parseLine(no, body);
                String key = l.op() + " " + l.mac() + " " + l.dev() + " " + l.vlan();
                Integer first = seen.putIfAbsent(key, no);
                if (first != null) {
                    throw new IllegalArgumentException("the same change as line " + first);
                }
                lines.add(l);
            } catch (IllegalArgumentException e) {
                errors.add(new Problem(no, name + ":" + no + ": " + e.getMessage()));
            }
        }
        return new Parsed(lines, errors);
    }

    /** Parses one non-empty line without its comment. */
    static Line parseLine(int no, String body) {
        String[] w = BLANKS.split(body);
        if (w.length < 3) {
            throw new IllegalArgumentException("expected \"add|del MAC DEV [vlan VID] [static|permanent|dynamic]\", got \""
                    + body + "\"");
        }
        Op op;
        switch (w[0].toLowerCase(Locale.ROOT)) {
            case "add": op = Op.ADD; break;
            case "del": case "delete": op = Op.DEL; break;
            default: throw new IllegalArgumentException("unknown operation \"" + w[0] + "\": expected add or del");
        }
        String mac = MacAddress.format(MacAddress.parse(w[1]));
        String dev = LinkCodec.validateName(w[2]);
        int vlan = 0;
        State state = null;
        for (int i = 3; i < w.length; i++) {
            String word = w[i].toLowerCase(Locale.ROOT);
            switch (word) {
                case "vlan":
                    if (vlan != 0) {
                        throw new IllegalArgumentException("vlan given twice");
                    }
                    if (i + 1 >= w.length) {
                        throw new IllegalArgumentException("vlan needs a VLAN ID");
                    }
                    vlan = Vids.parseVid(w[++i]);
                    break;
                case "static": case "permanent": case "dynamic":
                    if (state != null) {
                        throw new IllegalArgumentException("more than one state (" + state.name().toLowerCase(Locale.ROOT)
                                + ", " + word + ")");
                    }
                    if (op == Op.DEL) {
                        throw new IllegalArgumentException("del takes no state (" + word + ")");
                    }
                    state = State.valueOf(word.toUpperCase(Locale.ROOT));
                    break;
                default:
                    throw new IllegalArgumentException("unexpected \"" + w[i] + "\": expected vlan VID or static|permanent|dynamic");
            }
        }
        if (op == Op.ADD && (Integer.parseInt(mac.substring(0, 2), 16) & 1) != 0) {
            throw new IllegalArgumentException("multicast address " + mac + " cannot be a bridge FDB entry");
        }
        if (op == Op.ADD && mac.equals("00:00:00:00:00:00")) {
            throw new IllegalArgumentException("00:00:00:00:00:00 cannot be a bridge FDB entry");
        }
        return new Line(no, op, mac, dev, vlan, op == Op.ADD ? (state == null ? State.STATIC : state) : null);
    }
}
