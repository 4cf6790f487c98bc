package io.netlink4j.examples;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.MetalLbDoctor;
import io.netlink4j.bridge.MetalLbReport;
import io.netlink4j.bridge.PortConfig;
import io.netlink4j.bridge.PortInfo;
import io.netlink4j.bridge.PortSettings;
import io.netlink4j.core.NetlinkException;
import java.io.PrintStream;

/**
 * The MetalLB L2 fix as a program: make sure the node's uplink port has {@code proxy_arp on
 * hairpin on}, the same as {@code ip link set dev UPLINK type bridge_slave proxy_arp on hairpin on}.
 *
 * <pre>
 * java -cp examples/target/nlbridge.jar io.netlink4j.examples.MetalLbFix UPLINK [NETNS]
 * </pre>
 *
 * Exit status 0 when the port is (now) fixed, 1 when a netlink call failed, 2 for bad arguments or
 * when UPLINK is not a bridge port.
 */
public final class MetalLbFix {
    private MetalLbFix() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 1 || args.length > 2) {
            err.println("usage: MetalLbFix UPLINK [NETNS]");
            return 2;
        }
        String uplink = args[0];
        String netns = args.length == 2 ? args[1] : null;   // null: this process's namespace

        // One handle per namespace; it is thread-safe and cheap to keep for the life of a program.
        try (BridgeNetlink nl = BridgeNetlink.open(netns)) {

            // 1. Diagnose first: reads only (three RTM_GETLINK, no dump).
            MetalLbReport report = new MetalLbDoctor(nl).examine(uplink);
            out.println(uplink + ": " + report.verdict());
            if (report.verdict() == MetalLbReport.Verdict.NOT_A_BRIDGE_PORT) {
                err.println(uplink + " is not a bridge port: nothing to do");
                return 2;
            }

            // 2. The fix is one request carrying both settings: the kernel applies both or neither.
            //    (Other settings of the port stay as they are: only what is set is sent.)
            PortInfo port = nl.ports().get(uplink);
            boolean proxyArp = port.settings().proxyArp();
            boolean hairpin = port.settings().hairpin();
            if (proxyArp && hairpin) {
                out.println(uplink + ": proxy_arp and hairpin are on already");
                return 0;
            }
            nl.ports().set(uplink, PortSettings.builder().proxyArp(true).hairpin(true).build());

            // 3. Read it back rather than trust the ACK alone.
            PortConfig now = nl.ports().get(uplink).settings();
            out.println(uplink + ": proxy_arp " + onOff(now.proxyArp()) + ", hairpin " + onOff(now.hairpin()));

            // 4. What the fix costs: print the caveats with it, every time.
            report.caveats().forEach(c -> out.println("  caveat: " + c));
            return now.proxyArp() && now.hairpin() ? 0 : 1;
        } catch (NetlinkException e) {
            // the operation, the errno and the kernel's own text, e.g.
            // "set port eth1: Operation not permitted (EPERM): this needs CAP_NET_ADMIN ..."
            err.println(e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private static String onOff(boolean b) {
        return b ? "on" : "off";
    }
}
