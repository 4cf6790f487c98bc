package io.netlink4j.examples;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.VlanFilteringUnsupportedException;
import io.netlink4j.bridge.VlanSet;
import io.netlink4j.bridge.VlanSyncResult;
import io.netlink4j.core.NetlinkException;
import java.io.PrintStream;

/**
 * A trunk port: VLAN filtering on the bridge, then the port carries the tagged VLANs given and one
 * native VLAN (its PVID, leaving untagged) — declared, not scripted: {@code sync} reads what the
 * port has and sends only the difference, so running it again changes nothing.
 *
 * <pre>
 * java -cp examples/target/nlbridge.jar io.netlink4j.examples.VlanTrunkPort BRIDGE PORT NATIVE_VID TAGGED [NETNS]
 *      e.g. ... VlanTrunkPort br0 eth1 10 100-110,200
 * </pre>
 *
 * Needs a kernel with CONFIG_BRIDGE_VLAN_FILTERING; without it the program says so (exit 1).
 */
public final class VlanTrunkPort {
    private VlanTrunkPort() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 4 || args.length > 5) {
            err.println("usage: VlanTrunkPort BRIDGE PORT NATIVE_VID TAGGED_LIST [NETNS]   (TAGGED_LIST e.g. 100-110,200)");
            return 2;
        }
        String bridge = args[0];
        String port = args[1];
        String netns = args.length == 5 ? args[4] : null;
        VlanSet trunk;
        try {
            // The desired state: tagged VLANs, plus the native VLAN as PVID leaving untagged.
            // VlanSet checks every VID (1..4094) here, before anything is sent.
            int nativeVid = Integer.parseInt(args[2]);
            VlanSet.Builder b = VlanSet.builder();
            for (String part : args[3].split(",")) {
                String[] r = part.split("-", 2);
                b.range(Integer.parseInt(r[0]), Integer.parseInt(r.length == 2 ? r[1] : r[0]));
            }
            trunk = b.untagged(nativeVid).pvid(nativeVid).build();
        } catch (IllegalArgumentException e) {   // NumberFormatException included
            err.println("bad VLAN list: " + e.getMessage());
            return 2;
        }

        try (BridgeNetlink nl = BridgeNetlink.open(netns)) {
            // 1. VLAN filtering on the bridge (without it the kernel keeps no per-port VLANs).
            if (!nl.vlans().settings(bridge).filtering()) {
                nl.vlans().setFiltering(bridge, true);
                out.println(bridge + ": vlan_filtering 1");
            }
            // 2. What would change (a dry run reads only) ...
            VlanSyncResult plan = nl.vlans().plan(port, trunk);
            out.println("plan: " + plan);
            // 3. ... and the change: new VLANs (the new PVID first), then removals; nothing if in sync.
            VlanSyncResult done = nl.vlans().sync(port, trunk);
            out.println("sync: " + done);
            // 4. Read back.
            out.println(port + " now: " + nl.vlans().get(port));
            return 0;
        } catch (VlanFilteringUnsupportedException e) {
            err.println(e.getMessage());   // "... this kernel lacks bridge VLAN filtering (CONFIG_BRIDGE_VLAN_FILTERING is not set)"
            return 1;
        } catch (NetlinkException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
    }
}
