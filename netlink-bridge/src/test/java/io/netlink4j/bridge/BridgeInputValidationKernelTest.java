package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.NoSuchDeviceException;
import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The bridge-level input validation matrix through the public API, against the real kernel
 * (br0, v0 in br0, unenslaved veth peer v1): every bad input is refused with a clear exception
 * of the expected type, sends nothing beyond the device lookups it needs (the channel's datagram
 * counter), and changes nothing (iproute2's view of links, FDB and VLANs is the same before and
 * after).
 */
@KernelTest
class BridgeInputValidationKernelTest {
    static final String LONG = "averyveryverylongname0"; // 22 bytes, IFNAMSIZ is 16

    /** One refusal: the call, the exception it must throw, a fragment of its message, and how many datagrams it may send. */
    record Case(String what, ThrowingCall call, Class<? extends Throwable> type, String message, int datagrams) {}

    interface ThrowingCall {
        void run(BridgeNetlink nl) throws Exception;
    }

    static final PortSettings COST10 = PortSettings.builder().cost(10).build();

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        Class<IllegalArgumentException> iae = IllegalArgumentException.class;
        // MACs
        for (String mac : new String[] {"02:00:00:00:00", "zz:00:00:00:00:01", "02:00:00:00:00:01:02", "02-00-00-00-00-01x",
                "", "0２:00:00:00:00:01"}) {
            c.add(new Case("fdb add mac '" + mac + "'", nl -> nl.fdb().add(FdbSpec.of(mac, "v0")), iae, "", 0));
            c.add(new Case("fdb get mac '" + mac + "'", nl -> nl.fdb().get(mac, "br0", 0), iae, "", 0));
        }
        // VLAN ids
        for (int vid : new int[] {-1, 4095, 4096, 65536}) {
            c.add(new Case("fdb add vlan " + vid, nl -> nl.fdb().add(FdbSpec.of("02:00:00:00:00:01", "v0").vlan(vid)), iae, "", 0));
            c.add(new Case("fdb get vlan " + vid, nl -> nl.fdb().get("02:00:00:00:00:01", "br0", vid), iae, "", 0));
        }
        for (int vid : new int[] {0, 4095, 4096, -1}) {
            c.add(new Case("vlan add " + vid, nl -> nl.vlans().add("v0", Vlan.of(vid)), iae, String.valueOf(vid), 0));
        }
        c.add(new Case("vlan range inverted", nl -> nl.vlans().add("v0", Vlan.range(20, 10)), iae, "", 0));
        c.add(new Case("pvid on a range", nl -> nl.vlans().add("v0", new Vlan(10, 20, true, false)), iae, "PVID", 0));
        // port settings
        c.add(new Case("cost -1", nl -> nl.ports().set("v0", PortSettings.builder().cost(-1).build()), iae, "cost", 0));
        c.add(new Case("cost 0", nl -> nl.ports().set("v0", PortSettings.builder().cost(0).build()), iae, "cost", 0));
        c.add(new Case("cost 65536", nl -> nl.ports().set("v0", PortSettings.builder().cost(65536).build()), iae, "cost", 0));
        c.add(new Case("priority 64", nl -> nl.ports().set("v0", PortSettings.builder().priority(64).build()), iae, "priority", 0));
        c.add(new Case("priority -1", nl -> nl.ports().set("v0", PortSettings.builder().priority(-1).build()), iae, "priority", 0));
        // names
        for (String bad : new String[] {LONG, "", "a b", "a/b", ".."}) {
            c.add(new Case("port get '" + bad + "'", nl -> nl.ports().get(bad), iae, "", 0));
            c.add(new Case("port set '" + bad + "'", nl -> nl.ports().set(bad, COST10), iae, "", 0));
            c.add(new Case("fdb add on '" + bad + "'", nl -> nl.fdb().add(FdbSpec.of("02:00:00:00:00:01", bad)), iae, "", 0));
            c.add(new Case("vlan add on '" + bad + "'", nl -> nl.vlans().add(bad, Vlan.of(10)), iae, "", 0));
            c.add(new Case("bridge get '" + bad + "'", nl -> nl.bridges().get(bad), iae, "", 0));
        }
        // unknown devices: one lookup (or the request itself), answered ENODEV
        c.add(new Case("port get unknown", nl -> nl.ports().get("nosuch0"), NoSuchDeviceException.class, "nosuch0", 1));
        // (FDB changes are validated as a plan first: an unknown device is a single change's typed
        // exception; a single change resolves its device by ioctl, so not even a lookup goes out)
        c.add(new Case("fdb add on unknown", nl -> nl.fdb().add(FdbSpec.of("02:00:00:00:00:01", "nosuch0")),
                NoSuchDeviceException.class, "device \"nosuch0\" does not exist (ENODEV)", 0));
        c.add(new Case("vlan add on unknown", nl -> nl.vlans().add("nosuch0", Vlan.of(10)), NoSuchDeviceException.class, "nosuch0", 1));
        c.add(new Case("fdb get on unknown bridge", nl -> nl.fdb().get("02:00:00:00:00:01", "nosuch0", 0),
                NoSuchDeviceException.class, "nosuch0", 1));
        // non-port devices
        c.add(new Case("port get of the bridge", nl -> nl.ports().get("br0"), NotABridgePortException.class, "br0", 1));
        c.add(new Case("port get of an unenslaved veth", nl -> nl.ports().get("v1"), NotABridgePortException.class, "v1", 1));
        // a single master FDB change: the kernel refuses it (EOPNOTSUPP, nothing applied), then one
        // lookup says why; the state check below proves nothing changed
        c.add(new Case("fdb add on the bridge as port", nl -> nl.fdb().add(FdbSpec.of("02:00:00:00:00:01", "br0")),
                NotABridgePortException.class, "br0 is a bridge, not a bridge port", 2));
        c.add(new Case("fdb add on an unenslaved veth", nl -> nl.fdb().add(FdbSpec.of("02:00:00:00:00:01", "v1")),
                NotABridgePortException.class, "Operation not supported (EOPNOTSUPP): v1 is not a bridge port", 2));
        c.add(new Case("vlan add on an unenslaved veth", nl -> nl.vlans().add("v1", Vlan.of(10)),
                NotABridgePortException.class, "v1 is neither a bridge nor a bridge port", 1));
        c.add(new Case("list ports of a port", nl -> nl.ports().list("v0"), NotABridgeException.class,
                "v0 is not a bridge (kind veth)", 1));
        c.add(new Case("fdb get with a port as bridge", nl -> nl.fdb().get("02:00:00:00:00:01", "v0", 0),
                NotABridgeException.class, "v0 is not a bridge", 1));
        // a bulk run with one bad entry among good ones: refused as a whole before anything is sent
        c.add(new Case("bulk with a bad device", nl -> nl.fdb().addAll(List.of(FdbSpec.of("02:00:00:00:00:01", "v0"),
                FdbSpec.of("02:00:00:00:00:02", "br0"), FdbSpec.of("02:00:00:00:00:03", "v0"))), iae, "br0", 2));
        return c;
    }

    /** iproute2's view of the namespace, without the running timers. */
    static Map<String, Object> state(TestNetns ns) {
        Map<String, Object> s = new TreeMap<>();
        s.put("links", withoutTimers(ns.json("ip -d -j link show")));
        // the bridge's own FDB (what a bad call could have written): static and permanent entries;
        // learned ones (none in a quiet namespace) are not the test's, and the devices' own
        // multicast lists are not the bridge's
        s.put("fdb", Json.list(ns.json("bridge -j fdb show br br0")).stream()
                .filter(f -> Json.map(f).containsKey("master") && !"".equals(Json.map(f).get("state"))
                        && !"stale".equals(Json.map(f).get("state")))
                .toList());
        TestNetns.Result vlans = ns.tryExec("bridge -j vlan show");
        s.put("vlans", vlans.status() == 0 ? vlans.out() : "unsupported");
        return s;
    }

    static Object withoutTimers(Object json) {
        if (json instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, v) -> {
                if (!((String) k).contains("timer")) {
                    out.put((String) k, withoutTimers(v));
                }
            });
            return out;
        }
        if (json instanceof List<?> l) {
            return l.stream().map(BridgeInputValidationKernelTest::withoutTimers).toList();
        }
        return json;
    }

    @Test
    void everyBadInputIsRefusedClearlyNothingSentNothingChanged() {
        try (TestNetns ns = TestNetns.withBridgeAndPort(); BridgeNetlink nl = BridgeNetlink.open(ns.name())) {
            Map<String, Object> before = state(ns);
            List<String> problems = new ArrayList<>();
            List<Case> cases = cases();
            for (Case c : cases) {
                long d0 = nl.call(ch -> ch.datagramsSent()); // one thread: the pool lends the same channel
                Throwable thrown = null;
                try {
                    c.call().run(nl);
                } catch (Throwable t) {
                    thrown = t;
                }
                long sent = nl.call(ch -> ch.datagramsSent()) - d0;
                if (thrown == null) {
                    problems.add(c.what() + ": accepted");
                } else if (!c.type().isInstance(thrown) || !String.valueOf(thrown.getMessage()).contains(c.message())) {
                    problems.add(c.what() + ": " + thrown);
                }
                if (sent != c.datagrams()) {
                    problems.add(c.what() + ": sent " + sent + " datagrams, expected " + c.datagrams());
                }
            }
            assertThat(problems).isEmpty();
            assertThat(state(ns)).as("iproute2's view after " + cases.size() + " refused calls").isEqualTo(before);
            assertThat(Json.list(ns.json("bridge -j fdb show br br0")))
                    .noneMatch(f -> "static".equals(Json.map(f).get("state")));
        }
    }
}
