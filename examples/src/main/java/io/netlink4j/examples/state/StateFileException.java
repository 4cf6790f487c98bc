package io.netlink4j.examples.state;

/**
 * A state file that cannot be used, found before anything was sent: names the file, the line and
 * the key, e.g. {@code metallb.yaml:7: bridges.br0.ports.eth1.hairpn: unknown key}.
 */
public final class StateFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String key;

    public StateFileException(String file, int line, String key, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (key == null || key.isEmpty() ? "" : key + ": ") + message);
        this.file = file;
        this.line = line;
        this.key = key;
    }

    public String file() {
        return file;
    }

    /** 1-based; 0 when unknown. */
    public int line() {
        return line;
    }

    /** The dotted key path, e.g. "bridges.br0.ports.eth1.hairpin". */
    public String key() {
        return key;
    }
}
