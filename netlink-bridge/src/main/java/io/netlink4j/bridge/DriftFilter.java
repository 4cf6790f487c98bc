package io.netlink4j.bridge;

import java.util.HashSet;
import java.util.Set;

/**
 * Which monitor events may mean that a desired state drifted: events of declared bridges and
 * ports (settings changed, enslaved, released, created, deleted), of declared FDB entries (removed or moved), and static entries appearing on exclusive
 * ports. Learned entries elsewhere — the bulk of FDB traffic — never cause a pass.
 */
final class DriftFilter {
    private final Set<String> devices = new HashSet<>();
    private final Set<String> macs = new HashSet<>();
    private final Set<String> exclusive = new HashSet<>();

    DriftFilter(BridgeState s) {
        for (DesiredBridge b : s.bridges().values()) {
            devices.add(b.name());
            for (DesiredPort p : b.ports().values()) {
                devices.add(p.name());
                if (p.fdbExclusive()) {
                    exclusive.add(p.name());
                }
                for (StaticFdbEntry e : p.fdb()) {
                    macs.add(e.mac());
                }
            }
        }
    }

    boolean matters(BridgeEvent e) {
        if (e instanceof BridgeEvent.PortEvent p) {
            return devices.contains(p.name());
        }
        if (e instanceof BridgeEvent.BridgeChanged b) {
            return devices.contains(b.name());
        }
        if (e instanceof BridgeEvent.FdbEvent f) {
            FdbEntry x = f.entry();
            if (x.mac() != null && macs.contains(x.mac())) {
                return true;
            }
            boolean user = x.state() == FdbState.STATIC || x.state() == FdbState.PERMANENT;
            return user && f.kind() != BridgeEvent.FdbKind.REMOVED && exclusive.contains(x.ifname());
        }
        return e instanceof BridgeEvent.Overrun;
    }
}
