package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.Link;
import io.netlink4j.core.Links;
import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The threading model under load: 8 threads share ONE {@link BridgeNetlink} handle and run
 * mixed conversations against the real kernel at the same time. Every reply must reach the
 * thread that asked (each checks that what it reads is its own device), and the final state, as
 * iproute2 reports it, must be exactly what the threads did.
 *
 * <p>The work is a list of {@link Step}s run in order for each device of each thread (each step
 * says what it leaves behind in {@link Expect}, checked at the end): veth create/get/up, enslave
 * to br0, ports().set/get of a cost of the thread's own, FDB add/get/bulk add/dump of the
 * thread's own MAC range, a duplicate add (typed error), delete, a link dump, and for every
 * other device a delete. The final state is read with {@code ip -d -j link show} and
 * {@code bridge -j fdb show}.
 */
@KernelTest
class BridgeNetlinkConcurrencyKernelTest {
    static final int THREADS = 8;
    static final int ROUNDS = 6;

    /** One device pair of one thread in one round. */
    record Dev(String name, String peer, boolean keep) {}

    /** What the namespace must hold at the end for one device. */
    static final class Expect {
        boolean exists;
        boolean up;
        boolean port;
        long cost;
        final java.util.Set<String> macs = new java.util.TreeSet<>();
    }

    /** The bridge every thread's devices join. */
    static final String BRIDGE = "br0";

    /** MAC {@code n} of the range a device owns: 02:TT:RR:00:00:NN for thread TT, round RR. */
    static String mac(Dev d, int n) {
        return String.format("02:%02x:%02x:00:00:%02x", Integer.parseInt(d.name().substring(1, d.name().indexOf('r'))),
                Integer.parseInt(d.name().substring(d.name().indexOf('r') + 1)), n);
    }

    /** This device's static entries as our dump reports them. */
    static java.util.Set<String> ownStaticEntries(BridgeNetlink nl, Dev d) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (FdbEntry f : nl.fdb().list(FdbFilter.port(d.name()))) {
            assertThat(f.ifindex()).as("dump filtered by " + d.name()).isEqualTo(nl.call(ch -> new Links(ch).get(d.name())).index());
            if (f.state() == FdbState.STATIC) {
                out.add(f.mac());
            }
        }
        return out;
    }

    /** One operation of the mix; it checks its own replies and records what it leaves behind. */
    interface Step {
        void run(BridgeNetlink nl, Dev dev, Expect expect);
    }

    static final List<Step> STEPS = List.of(
            (nl, d, e) -> {
                nl.call(ch -> {
                    new Links(ch).createVeth(d.name(), d.peer());
                    return null;
                });
                e.exists = true;
            },
            (nl, d, e) -> {
                Link a = nl.call(ch -> new Links(ch).get(d.name()));
                Link b = nl.call(ch -> new Links(ch).get(d.peer()));
                assertThat(a.name()).isEqualTo(d.name());
                assertThat(b.name()).isEqualTo(d.peer());
                assertThat(a.kind()).isEqualTo("veth");
                assertThat(a.link()).as("peer of " + d.name()).isEqualTo(b.index());
                Link byIndex = nl.call(ch -> new Links(ch).get(a.index()));
                assertThat(byIndex.name()).isEqualTo(d.name());
            },
            (nl, d, e) -> {
                nl.call(ch -> {
                    new Links(ch).setUp(d.name(), true);
                    return null;
                });
                assertThat(nl.call(ch -> new Links(ch).get(d.name())).isUp()).isTrue();
                e.up = true;
            },
            (nl, d, e) -> {
                nl.call(ch -> {
                    new Links(ch).setMaster(d.name(), BRIDGE);
                    return null;
                });
                e.port = true;
            },
            (nl, d, e) -> {
                // a cost and flags of this thread's own, read back: the reply must be this port's
                long cost = 100 + 10L * Integer.parseInt(d.name().substring(1, d.name().indexOf('r')))
                        + Integer.parseInt(d.name().substring(d.name().indexOf('r') + 1));
                nl.ports().set(d.name(), PortSettings.builder().cost(cost).hairpin(true).proxyArp(true).build());
                PortInfo p = nl.ports().get(d.name());
                assertThat(p.name()).isEqualTo(d.name());
                assertThat(p.settings().cost()).isEqualTo(cost);
                assertThat(p.settings().hairpin()).isTrue();
                assertThat(p.settings().proxyArp()).isTrue();
                e.cost = cost;
            },
            (nl, d, e) -> {
                // single adds, a get of each (answered with this port's entry), a pipelined bulk add
                for (int n = 0; n < 3; n++) {
                    nl.fdb().add(FdbSpec.of(mac(d, n), d.name()));
                    e.macs.add(mac(d, n));
                    FdbEntry got = nl.fdb().get(mac(d, n), BRIDGE, 0).orElseThrow();
                    assertThat(got.mac()).isEqualTo(mac(d, n));
                    assertThat(got.ifname()).isEqualTo(d.name());
                }
                List<FdbSpec> bulk = new ArrayList<>();
                for (int n = 16; n < 48; n++) {
                    bulk.add(FdbSpec.of(mac(d, n), d.name()));
                    e.macs.add(mac(d, n));
                }
                BulkResult r = nl.fdb().addAll(bulk);
                assertThat(r.ok()).as(String.valueOf(r)).isTrue();
                assertThat(r.appliedCount()).isEqualTo(bulk.size());
                assertThat(ownStaticEntries(nl, d)).isEqualTo(e.macs);
            },
            (nl, d, e) -> {
                // a duplicate add fails typed without disturbing anybody; a delete, then get finds nothing
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> nl.fdb().add(FdbSpec.of(mac(d, 0), d.name())))
                        .isInstanceOf(io.netlink4j.core.AlreadyExistsException.class);
                nl.fdb().delete(FdbSpec.of(mac(d, 1), d.name()));
                e.macs.remove(mac(d, 1));
                assertThat(nl.fdb().get(mac(d, 1), BRIDGE, 0)).isEmpty();
                assertThat(ownStaticEntries(nl, d)).isEqualTo(e.macs);
            },
            (nl, d, e) -> {
                // a dump in the middle of everybody's writes still holds this thread's device
                List<Link> all = nl.call(ch -> new Links(ch).list());
                assertThat(all).extracting(Link::name).contains(d.name(), d.peer());
            },
            (nl, d, e) -> {
                if (!d.keep()) {
                    nl.call(ch -> {
                        new Links(ch).delete(d.name());
                        return null;
                    });
                    java.util.Optional<Link> gone = nl.call(ch -> new Links(ch).find(d.name()));
                    assertThat(gone).isEmpty();
                    e.exists = false;
                    e.port = false;
                    e.macs.clear(); // the kernel drops a deleted port's entries
                }
            });

    @Test
    void eightThreadsShareOneHandleAndEveryReplyReachesItsCaller() throws Exception {
        try (TestNetns ns = TestNetns.create(); BridgeNetlink nl = BridgeNetlink.open(ns.name())) {
            nl.call(ch -> {
                new Links(ch).createBridge(BRIDGE);
                new Links(ch).setUp(BRIDGE, true);
                return null;
            });
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<Map<Dev, Expect>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    Map<Dev, Expect> mine = new HashMap<>();
                    start.await();
                    for (int r = 0; r < ROUNDS; r++) {
                        Dev d = new Dev("t" + thread + "r" + r, "t" + thread + "p" + r, r % 2 == 0);
                        Expect e = new Expect();
                        mine.put(d, e);
                        for (Step s : STEPS) {
                            s.run(nl, d, e);
                        }
                    }
                    return mine;
                }));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
            Map<Dev, Expect> expected = new HashMap<>();
            for (Future<Map<Dev, Expect>> f : results) {
                expected.putAll(f.get()); // rethrows a thread's assertion failure
            }
            assertThat(expected).hasSize(THREADS * ROUNDS);

            Map<String, Object> seen = new HashMap<>();
            for (Object link : Json.list(ns.json("ip -j link show"))) {
                seen.put((String) Json.at(link, "ifname"), link);
            }
            for (Map.Entry<Dev, Expect> x : expected.entrySet()) {
                Dev d = x.getKey();
                Expect e = x.getValue();
                assertThat(seen.containsKey(d.name())).as(d.name() + " exists").isEqualTo(e.exists);
                assertThat(seen.containsKey(d.peer())).as(d.peer() + " exists").isEqualTo(e.exists);
                if (e.exists && e.up) {
                    assertThat(Json.list(Json.at(seen.get(d.name()), "flags"))).as(d.name()).contains((Object) "UP");
                }
            }
            // lo, the bridge, the kept pairs, nothing else
            assertThat(seen).hasSize(2 + 2 * (int) expected.values().stream().filter(e -> e.exists).count());

            // ports and their costs as iproute2 reads them
            Map<String, Object> detailed = new HashMap<>();
            for (Object link : Json.list(ns.json("ip -d -j link show"))) {
                detailed.put((String) Json.at(link, "ifname"), link);
            }
            // every static FDB entry of the bridge, by port, as iproute2 reads them
            Map<String, java.util.Set<String>> fdb = new HashMap<>();
            for (Object f : Json.list(ns.json("bridge -j fdb show br " + BRIDGE))) {
                if ("static".equals(Json.map(f).get("state"))) {
                    fdb.computeIfAbsent((String) Json.at(f, "ifname"), k -> new java.util.TreeSet<>()).add((String) Json.at(f, "mac"));
                }
            }
            int entries = 0;
            for (Map.Entry<Dev, Expect> x : expected.entrySet()) {
                Dev d = x.getKey();
                Expect e = x.getValue();
                if (!e.exists) {
                    assertThat(fdb).doesNotContainKey(d.name());
                    continue;
                }
                Object link = detailed.get(d.name());
                assertThat(Json.at(link, "master")).as(d.name() + " master").isEqualTo(BRIDGE);
                assertThat(((Number) Json.at(link, "linkinfo", "info_slave_data", "cost")).longValue())
                        .as(d.name() + " cost").isEqualTo(e.cost);
                assertThat(Json.at(link, "linkinfo", "info_slave_data", "hairpin")).as(d.name() + " hairpin").isEqualTo(true);
                assertThat(Json.at(link, "linkinfo", "info_slave_data", "proxy_arp")).as(d.name() + " proxy_arp").isEqualTo(true);
                assertThat(fdb.get(d.name())).as(d.name() + " static FDB entries").isEqualTo(e.macs);
                entries += e.macs.size();
            }
            assertThat(fdb.values().stream().mapToInt(java.util.Set::size).sum()).isEqualTo(entries);
        }
    }
}
