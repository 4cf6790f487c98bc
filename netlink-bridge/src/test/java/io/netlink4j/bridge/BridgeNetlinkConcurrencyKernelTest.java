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
 * <p>The work is a list of {@link Step}s run in order for each device of each thread; port and
 * FDB steps join the list when those APIs exist (each step says what it leaves behind in
 * {@link Expect}, checked at the end).
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
                }
            });

    @Test
    void eightThreadsShareOneHandleAndEveryReplyReachesItsCaller() throws Exception {
        try (TestNetns ns = TestNetns.create(); BridgeNetlink nl = BridgeNetlink.open(ns.name())) {
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
            // lo plus the kept pairs, nothing else
            assertThat(seen).hasSize(1 + 2 * (int) expected.values().stream().filter(e -> e.exists).count());
        }
    }
}
