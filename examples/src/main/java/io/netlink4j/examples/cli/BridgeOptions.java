package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeSettings;
import io.netlink4j.bridge.VlanProtocol;
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
    @Option(names = "--vlan-protocol", paramLabel = "802.1Q|802.1ad", description = "VLAN protocol.")
    String vlanProtocol;
    @Option(names = "--vlan-stats", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
            description = "Per-VLAN statistics (vlan_stats_enabled).")
    Toggle vlanStats;
    @Option(names = "--vlan-stats-per-port", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
            description = "Per-port per-VLAN statistics.")
    Toggle vlanStatsPerPort;
    @Option(names = "--group-fwd-mask", paramLabel = "MASK", description = "Link-local groups to forward (bit X = 01:80:c2:00:00:0X; 0x.. accepted).")
    String groupFwdMask;
    @Option(names = "--group-address", paramLabel = "MAC", description = "STP group address 01:80:c2:00:00:0X.")
    String groupAddress;
    @Option(names = "--no-linklocal-learn", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
            description = "Do not learn from link-local frames (bool option).")
    Toggle noLinklocalLearn;
    @Option(names = "--mcast-vlan-snooping", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
            description = "Per-VLAN multicast snooping (bool option; needs VLAN filtering).")
    Toggle mcastVlanSnooping;
    @Option(names = "--mst-enable", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
            description = "Multiple spanning trees (bool option; needs VLAN filtering).")
    Toggle mstEnable;
    @Option(names = "--mcast-router", paramLabel = "0|1|2", description = "0 disabled, 1 learned (default), 2 permanent.")
    Integer mcastRouter;
    @Option(names = "--mcast-querier", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
            description = "Send IGMP/MLD queries.")
    Toggle mcastQuerier;
    @Option(names = "--mcast-query-use-ifaddr", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
            description = "Queries from the bridge's own address instead of 0.0.0.0.")
    Toggle mcastQueryUseIfaddr;
    @Option(names = "--mcast-hash-max", paramLabel = "N", description = "Size of the MDB hash (a power of two).")
    Long mcastHashMax;
    @Option(names = "--mcast-last-member-count", paramLabel = "N", description = "Group-specific queries after a leave.")
    Long mcastLastMemberCount;
    @Option(names = "--mcast-startup-query-count", paramLabel = "N", description = "Queries at startup.")
    Long mcastStartupQueryCount;
    @Option(names = "--mcast-last-member-interval", paramLabel = "CS", description = "Centiseconds.")
    Long mcastLastMemberInterval;
    @Option(names = "--mcast-membership-interval", paramLabel = "CS", description = "Centiseconds.")
    Long mcastMembershipInterval;
    @Option(names = "--mcast-querier-interval", paramLabel = "CS", description = "Centiseconds.")
    Long mcastQuerierInterval;
    @Option(names = "--mcast-query-interval", paramLabel = "CS", description = "Centiseconds.")
    Long mcastQueryInterval;
    @Option(names = "--mcast-query-response-interval", paramLabel = "CS", description = "Centiseconds.")
    Long mcastQueryResponseInterval;
    @Option(names = "--mcast-startup-query-interval", paramLabel = "CS", description = "Centiseconds.")
    Long mcastStartupQueryInterval;
    @Option(names = "--mcast-stats", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
            description = "Multicast statistics (mcast_stats_enabled).")
    Toggle mcastStats;
    @Option(names = "--mcast-igmp-version", paramLabel = "2|3", description = "IGMP version.")
    Integer mcastIgmpVersion;
    @Option(names = "--mcast-mld-version", paramLabel = "1|2", description = "MLD version.")
    Integer mcastMldVersion;
    @Option(names = "--nf-call-iptables", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
            description = "Pass bridged IPv4 traffic through iptables (needs br_netfilter).")
    Toggle nfCallIptables;
    @Option(names = "--nf-call-ip6tables", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
            description = "Pass bridged IPv6 traffic through ip6tables.")
    Toggle nfCallIp6tables;
    @Option(names = "--nf-call-arptables", arity = "1", paramLabel = "on|off", converter = Converters.OnOff.class,
            description = "Pass bridged ARP through arptables.")
    Toggle nfCallArptables;
    @Option(names = "--fdb-max-learned", paramLabel = "N", description = "Most learned FDB entries, 0 = no limit (kernel 6.8+).")
    Long fdbMaxLearned;
    @Option(names = "--fdb-flush", description = "Flush the bridge's dynamic FDB entries.")
    boolean fdbFlush;

    private static VlanProtocol vlanProtocol(String s) {
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "802.1q": return VlanProtocol.IEEE_802_1Q;
            case "802.1ad": return VlanProtocol.IEEE_802_1AD;
            default: throw new IllegalArgumentException("VLAN protocol must be 802.1Q or 802.1ad: " + s);
        }
    }

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
        if (vlanProtocol != null) { b.vlanProtocol(vlanProtocol(vlanProtocol)); }
        if (vlanStats != null) { b.vlanStatsEnabled(vlanStats.on()); }
        if (vlanStatsPerPort != null) { b.vlanStatsPerPort(vlanStatsPerPort.on()); }
        if (groupFwdMask != null) { b.groupFwdMask(Integer.decode(groupFwdMask)); }
        if (groupAddress != null) { b.groupAddress(groupAddress); }
        if (noLinklocalLearn != null) { b.noLinklocalLearn(noLinklocalLearn.on()); }
        if (mcastVlanSnooping != null) { b.mcastVlanSnooping(mcastVlanSnooping.on()); }
        if (mstEnable != null) { b.mstEnable(mstEnable.on()); }
        if (mcastRouter != null) { b.mcastRouter(mcastRouter); }
        if (mcastQuerier != null) { b.mcastQuerier(mcastQuerier.on()); }
        if (mcastQueryUseIfaddr != null) { b.mcastQueryUseIfaddr(mcastQueryUseIfaddr.on()); }
        if (mcastHashMax != null) { b.mcastHashMax(mcastHashMax); }
        if (mcastLastMemberCount != null) { b.mcastLastMemberCount(mcastLastMemberCount); }
        if (mcastStartupQueryCount != null) { b.mcastStartupQueryCount(mcastStartupQueryCount); }
        if (mcastLastMemberInterval != null) { b.mcastLastMemberIntervalCentis(mcastLastMemberInterval); }
        if (mcastMembershipInterval != null) { b.mcastMembershipIntervalCentis(mcastMembershipInterval); }
        if (mcastQuerierInterval != null) { b.mcastQuerierIntervalCentis(mcastQuerierInterval); }
        if (mcastQueryInterval != null) { b.mcastQueryIntervalCentis(mcastQueryInterval); }
        if (mcastQueryResponseInterval != null) { b.mcastQueryResponseIntervalCentis(mcastQueryResponseInterval); }
        if (mcastStartupQueryInterval != null) { b.mcastStartupQueryIntervalCentis(mcastStartupQueryInterval); }
        if (mcastStats != null) { b.mcastStatsEnabled(mcastStats.on()); }
        if (mcastIgmpVersion != null) { b.mcastIgmpVersion(mcastIgmpVersion); }
        if (mcastMldVersion != null) { b.mcastMldVersion(mcastMldVersion); }
        if (nfCallIptables != null) { b.nfCallIptables(nfCallIptables.on()); }
        if (nfCallIp6tables != null) { b.nfCallIp6tables(nfCallIp6tables.on()); }
        if (nfCallArptables != null) { b.nfCallArptables(nfCallArptables.on()); }
        if (fdbMaxLearned != null) { b.fdbMaxLearned(fdbMaxLearned); }
        if (fdbFlush) { b.fdbFlush(); }
        return b.build();
    }
}
