package io.netlink4j.examples.cli;

/**
 * An "on|off" option value. A type of its own rather than Boolean: picocli treats Boolean options
 * as flags and would never hand "on" to a converter.
 */
public enum Toggle {
    ON, OFF;

    public boolean on() {
        return this == ON;
    }
}
