package io.netlink4j.bridge;

/**
 * Something declared that cannot be brought about as things are: a bridge or port that does not
 * exist, a port of another bridge, a device of the wrong kind. Nothing is planned for it.
 *
 * @param bridge  the bridge it concerns
 * @param port    the port, or null when it concerns the bridge itself
 * @param message what is wrong, e.g. "port eth9 of br0: no such device"
 */
public record StateProblem(String bridge, String port, String message) {
    @Override
    public String toString() {
        return message;
    }
}
