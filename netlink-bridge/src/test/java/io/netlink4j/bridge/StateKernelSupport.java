package io.netlink4j.bridge;

import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.TestNetns;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A quiet namespace for desired-state tests (links stay down: no learning, no IPv6 chatter) with
 * br0 and ports v0, v2, and a handle whose channels are all counted, so a test can say how many
 * requests an operation sent.
 */
final class StateKernelSupport implements AutoCloseable {
    final TestNetns ns;
    final BridgeNetlink nl;
    private final List<RtnlChannel> channels = new CopyOnWriteArrayList<>();

    StateKernelSupport() {
        ns = TestNetns.create();
        try {
            ns.ip("link add br0 type bridge");
            ns.ip("link add v0 type veth peer name v1");
            ns.ip("link add v2 type veth peer name v3");
            ns.ip("link set v0 master br0");
            ns.ip("link set v2 master br0");
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
        nl = BridgeNetlink.over(() -> {
            RtnlChannel ch = RtnlChannel.open(ns.name());
            channels.add(ch);
            return ch;
        });
    }

    /** Messages sent on every channel of the handle so far. */
    long messagesSent() {
        return channels.stream().mapToLong(RtnlChannel::messagesSent).sum();
    }

    /** iproute2's view of a port: linkinfo.info_slave_data of {@code ip -d -j link show}. */
    Map<String, Object> slaveData(String dev) {
        return Json.map(Json.at(Json.list(ns.json("ip -d -j link show dev " + dev)).get(0), "linkinfo", "info_slave_data"));
    }

    /** iproute2's view of a bridge: linkinfo.info_data. */
    Map<String, Object> bridgeData(String dev) {
        return Json.map(Json.at(Json.list(ns.json("ip -d -j link show dev " + dev)).get(0), "linkinfo", "info_data"));
    }

    /**
     * {@code bridge -j fdb show br BR}: user entries (static or permanent, not the ports' own
     * addresses) as "mac[/vlan]" -> "dev state".
     */
    Map<String, String> userFdb(String bridge, String... ownMacsToSkip) {
        Map<String, String> out = new TreeMap<>();
        List<String> skip = List.of(ownMacsToSkip);
        for (Object o : Json.list(ns.json("bridge -j fdb show br " + bridge))) {
            Map<String, Object> m = Json.map(o);
            String state = (String) m.getOrDefault("state", "dynamic");
            if (state.isEmpty()) {
                state = "dynamic";
            }
            String mac = (String) m.get("mac");
            if (skip.contains(mac) || bridge.equals(m.get("ifname")) || Json.list(m.getOrDefault("flags", List.of())).contains("self")) {
                continue;
            }
            Object vlan = m.get("vlan");
            out.put(mac + (vlan != null ? "/" + vlan : ""), m.get("ifname") + " " + state);
        }
        return out;
    }

    String mac(String dev) {
        return (String) Json.map(Json.list(ns.json("ip -j link show dev " + dev)).get(0)).get("address");
    }

    @Override
    public void close() throws Exception {
        ns.close(nl);
    }
}
