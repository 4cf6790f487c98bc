package io.netlink4j.bridge;

/**
 * One entry of {@link BridgePorts#setAll}: the settings for one port, named by device name or by
 * ifindex.
 *
 * @param device   the port's name, or null when {@code ifindex} names it
 * @param ifindex  the port's ifindex, or 0 when {@code device} names it
 * @param settings what to change (an empty one sends nothing and counts as applied)
 */
public record PortUpdate(String device, int ifindex, PortSettings settings) {
    public PortUpdate {
        if ((device == null) == (ifindex <= 0)) {
            throw new IllegalArgumentException("a port update names its device by name or by a positive ifindex, not both");
        }
        if (settings == null) {
            throw new IllegalArgumentException("port settings are null");
        }
    }

    public static PortUpdate of(String device, PortSettings settings) {
        return new PortUpdate(device, 0, settings);
    }

    public static PortUpdate of(int ifindex, PortSettings settings) {
        return new PortUpdate(null, ifindex, settings);
    }

    @Override
    public String toString() {
        return Devices.label(ifindex, device) + " " + settings;
    }
}
