package io.netlink4j.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names an attribute of a request by its path of types from the top level down (e.g.
 * {@code [18, 5, 3]} = IFLA_LINKINFO › IFLA_INFO_SLAVE_DATA › IFLA_BRPORT_COST), so that an
 * error the kernel reports by offset reads as a name. Codecs register one per message type.
 */
@FunctionalInterface
public interface AttributeNamer {
    /** The name of the attribute at {@code path}, or null if unknown. */
    String name(int[] path);

    /** Registered namers by nlmsg_type. */
    Map<Integer, AttributeNamer> REGISTRY = new ConcurrentHashMap<>();

    /** Registers {@code namer} for requests of these message types. */
    static void register(AttributeNamer namer, int... messageTypes) {
        for (int t : messageTypes) {
            REGISTRY.merge(t, namer, (old, add) -> path -> {
                String n = add.name(path);
                return n != null ? n : old.name(path);
            });
        }
    }
}
