package io.netlink4j.examples.state;

import java.util.List;
import java.util.Map;

/**
 * A value of a state file with where it was written: a map (keys in file order), a list, or a
 * scalar (String, Long, Boolean, or null).
 *
 * @param value the value
 * @param line  the line of its key (or of the value, for list items), 1-based
 * @param key   the dotted path, e.g. "bridges.br0.ports.eth1"
 */
record Node(Object value, int line, String key) {

    @SuppressWarnings("unchecked")
    Map<String, Node> map() {
        return value instanceof Map ? (Map<String, Node>) value : null;
    }

    @SuppressWarnings("unchecked")
    List<Node> list() {
        return value instanceof List ? (List<Node>) value : null;
    }
}
