package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeSettings;
import picocli.CommandLine.Option;

/** The bridge settings {@code bridge add} and {@code bridge set} take (units as in ip link: centiseconds). */
public final class BridgeOptions {
    @Option(names = "--vlan-filtering", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
            description = "VLAN-aware bridge (needs CONFIG_BRIDGE_VLAN_FILTERING).")
    Toggle vlanFiltering;
    @Option(names = "--stp", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
            description = "Kernel spanning tree (stp_state 1/0).")
    Toggle stp;
    @Option(names = "--priority", paramLabel = "N", description = "Bridge priority, 0-65535.")
    Integer priority;
    @Option(names = "--forward-delay", paramLabel = "CS", description = "STP forward delay, centiseconds.")
    Long forwardDelay;
    @Option(names = "--hello-time", paramLabel = "CS", description = "STP hello time, centiseconds (100-1000).")
    Long helloTime;
    @Option(names = "--max-age", paramLabel = "CS", description = "STP max age, centiseconds (600-4000).")
    Long maxAge;
    @Option(names = "--ageing-time", paramLabel = "CS", description = "FDB ageing time, centiseconds.")
    Long ageingTime;
    @Option(names = "--mcast-snooping", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
            description = "IGMP/MLD snooping.")
    Toggle mcastSnooping;
    @Option(names = "--vlan-default-pvid", paramLabel = "VID", description = "PVID of new ports, 0 for none.")
    Integer vlanDefaultPvid;

    /** The settings given, in this order; out-of-range values are IllegalArgumentException. */
    BridgeSettings build() {
        BridgeSettings.Builder b = BridgeSettings.builder();
        if (vlanFiltering != null) { b.vlanFiltering(vlanFiltering.on()); }
        if (stp != null) { b.stpState(stp.on() ? 1 : 0); }
        if (priority != null) { b.priority(priority); }
        if (forwardDelay != null) { b.forwardDelayCentis(forwardDelay); }
        if (helloTime != null) { b.helloTimeCentis(helloTime); }
        if (maxAge != null) { b.maxAgeCentis(maxAge); }
        if (ageingTime != null) { b.ageingTimeCentis(ageingTime); }
        if (mcastSnooping != null) { b.mcastSnooping(mcastSnooping.on()); }
        if (vlanDefaultPvid != null) { b.vlanDefaultPvid(vlanDefaultPvid); }
        return b.build();
    }
}
