package io.netlink4j.examples.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * VLAN IDs as the CLI writes them: one VID ("100"), a range ("100-199"), or a comma-separated
 * list of both ("100,300-302"). VIDs 0 and 4095 are reserved by 802.1Q, so 1-4094.
 */
public final class Vids {
    private Vids() {}

    public static final int MIN = 1;
    public static final int MAX = 4094;

    /** An inclusive range of VIDs; {@code first == last} for one VID. */
    public record Range(int first, int last) {
        public Range {
            check(first);
            check(last);
            if (first > last) {
                throw new IllegalArgumentException("VLAN range " + first + "-" + last + " is backwards");
            }
        }

        public boolean single() {
            return first == last;
        }

        @Override
        public String toString() {
            return single() ? Integer.toString(first) : first + "-" + last;
        }
    }

    /** Checks one VID. */
    public static int check(int vid) {
        if (vid < MIN || vid > MAX) {
            throw new IllegalArgumentException("VLAN " + vid + " is out of range: VLAN IDs are " + MIN + "-" + MAX);
        }
        return vid;
    }

    /** Parses one VID. */
    public static int parseVid(String s) {
        String t = s == null ? "" : s.strip();
        if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("invalid VLAN ID \"" + s + "\": expected a number " + MIN + "-" + MAX);
        }
        return check(Integer.parseInt(t));
    }

    /** Parses "VID" or "VID-VID". */
    public static Range parseRange(String s) {
        String t = s == null ? "" : s.strip();
        int dash = t.indexOf('-');
        if (dash < 0) {
            int v = parseVid(t);
            return new Range(v, v);
        }
        return new Range(parseVid(t.substring(0, dash)), parseVid(t.substring(dash + 1)));
    }

    /** Parses "100,300-302"; at least one element, none empty. */
    public static List<Range> parseList(String s) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("empty VLAN list: expected e.g. 100,300-302");
        }
        List<Range> out = new ArrayList<>();
        for (String part : s.split(",", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("invalid VLAN list \"" + s + "\": empty element");
            }
            out.add(parseRange(part));
        }
        return out;
    }
}
