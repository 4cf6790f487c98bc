package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.MulticastRouter;
import io.netlink4j.bridge.PortState;
import io.netlink4j.bridge.Vlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nlbridge vlan set DEV VID[-VID] [--state STATE] [--mcast-router N]}: iproute2's
 * {@code bridge vlan set dev DEV vid VID[-VID] [state STATE] [mcast_router N]} (6.1 has these two
 * options), both in one RTM_NEWVLAN so that both apply or neither.
 */
@Command(name = "set", description = {
    "Set per-VLAN options of existing VLANs VID or VID-VID on DEV (a port, or the bridge for its own",
    "VLANs), like bridge vlan set: the VLAN's STP state and its multicast router mode, in one request."})
public final class VlanSetCommand extends NlCommand {
    @Parameters(index = "0", paramLabel = "DEV", converter = Converters.Dev.class)
    String dev;

    @Parameters(index = "1", paramLabel = "VID[-VID]", converter = Converters.VidRange.class)
    Vids.Range vids;

    @Option(names = "--state", paramLabel = "STATE", converter = MstCommand.State.class,
            description = "Per-VLAN STP state: disabled, listening, learning, forwarding, blocking (or 0-4);"
                    + " refused while the bridge runs kernel STP.")
    PortState state;

    @Option(names = "--mcast-router", paramLabel = "0-3",
            description = "Per-VLAN multicast router mode: 0 never, 1 learned (default), 2 always, 3 temporary.")
    Integer mcastRouter;

    private MulticastRouter router;

    @Override
    protected void check() {
        if (state == null && mcastRouter == null) {
            throw new IllegalArgumentException("nothing to change: give --state and/or --mcast-router");
        }
        if (mcastRouter != null) {
            if (mcastRouter < 0 || mcastRouter > 3) {
                throw new IllegalArgumentException("--mcast-router " + mcastRouter + " is out of range: 0-3");
            }
            router = MulticastRouter.of(mcastRouter);
        }
    }

    @Override
    protected int run(BridgeNetlink nl) {
        nl.vlans().setOptions(dev, Vlan.range(vids.first(), vids.last()), state, router);
        return 0;
    }
}
