package io.netlink4j.bridge;

import io.netlink4j.core.LinkCodec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One bridge of a desired {@link BridgeState}: the bridge settings to hold (only those set are
 * managed) and its ports by name, in declaration order.
 *
 * @param name     the bridge device
 * @param settings the bridge settings to hold (may be empty)
 * @param ports    the managed ports by name
 */
public record DesiredBridge(String name, BridgeSettings settings, Map<String, DesiredPort> ports) {

    public DesiredBridge {
        LinkCodec.validateName(name);
        if (settings == null) {
            throw new IllegalArgumentException("bridge " + name + ": settings are null");
        }
        if (settings.fdbFlush()) {
            throw new IllegalArgumentException("bridge " + name + ": fdb flush is an action, not a state");
        }
        ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
        for (Map.Entry<String, DesiredPort> e : ports.entrySet()) {
            if (!e.getKey().equals(e.getValue().name())) {
                throw new IllegalArgumentException("bridge " + name + ": port key " + e.getKey() + " names port "
                        + e.getValue().name());
            }
            if (e.getKey().equals(name)) {
                throw new IllegalArgumentException("bridge " + name + " cannot be a port of itself");
            }
        }
    }

    /** A bridge with these settings and no managed port. */
    public static DesiredBridge of(String name, BridgeSettings settings) {
        return new DesiredBridge(name, settings, Map.of());
    }

    /** This bridge with {@code port} added (or replaced). */
    public DesiredBridge withPort(DesiredPort port) {
        Map<String, DesiredPort> m = new LinkedHashMap<>(ports);
        m.put(port.name(), port);
        return new DesiredBridge(name, settings, m);
    }
}
