package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.AlreadyExistsException;
import io.netlink4j.core.InvalidArgumentException;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NdMsg;
import io.netlink4j.core.NeighCodec;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.NoSuchDeviceException;
import io.netlink4j.core.NotFoundException;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import io.netlink4j.jna.Errno;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * FDB operations against the real kernel in a throw-away namespace: br0 with ports v0 and v2, and
 * br1 with port v4. Every write is checked with {@code bridge -j fdb show}.
 */
@KernelTest
class FdbKernelTest {
    TestNetns ns;
    BridgeNetlink nl;
    Fdb fdb;

    @BeforeEach
    void setUp() {
        ns = TestNetns.withBridgeAndPort();
        ns.ip("link add v2 type veth peer name v3");
        ns.ip("link set v2 master br0");
        ns.ip("link add br1 type bridge");
        ns.ip("link add v4 type veth peer name v5");
        ns.ip("link set v4 master br1");
        for (String d : new String[] {"v2", "v3", "br1", "v4", "v5"}) {
            ns.ip("link set " + d + " up");
        }
        nl = BridgeNetlink.open(ns.name());
        fdb = nl.fdb();
    }

    @AfterEach
    void tearDown() throws Exception {
        ns.close(nl); // the netns goes also when closing the handle fails
    }

    /** iproute2's view: "mac dev [vlan N] state" for every entry of {@code filter} (e.g. "br br0"). */
    private List<Map<String, Object>> show(String filter) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : Json.list(ns.json("bridge -j fdb show " + filter))) {
            out.add(Json.map(o));
        }
        return out;
    }

    private Set<String> staticMacs(String filter, String dev) {
        return show(filter).stream()
                // with a brport filter iproute2 leaves "ifname" out
                .filter(m -> (m.get("ifname") == null ? filter.contains("brport " + dev) : dev.equals(m.get("ifname")))
                        && "static".equals(m.get("state")))
                .map(m -> (String) m.get("mac")).collect(Collectors.toSet());
    }

    private static String mac(int i) {
        return FdbCodec.formatMac(0x020001000000L + i);
    }

    @Test
    void bulkAddOf10000EntriesLandsExactly() {
        List<FdbSpec> specs = new ArrayList<>();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            specs.add(FdbSpec.of(mac(i), "v0"));
            expected.add(mac(i));
        }
        BulkResult r = fdb.addAll(specs);
        System.out.printf("FDB bulk add: 10000 entries in %.1f ms (%d datagrams, window 64, validation included)%n",
                r.nanos() / 1e6, r.datagrams());
        assertThat(r.ok()).as(r.toString()).isTrue();
        assertThat(r.appliedCount()).isEqualTo(10_000);
        assertThat(r.datagrams()).isLessThan(10_000 / 8);
        assertThat(staticMacs("br br0 brport v0", "v0")).isEqualTo(expected);
        // our streaming dump agrees, without objects per entry
        long[] count = new long[1];
        fdb.dump(FdbFilter.port("v0"), v -> {
            if (v.state() == FdbState.STATIC && v.master() != 0) {
                count[0]++;
            }
        });
        assertThat(count[0]).isEqualTo(10_000);
    }

    @Test
    void getOneEntry() {
        ns.bridge("fdb add 02:00:00:00:00:11 dev v0 master static");
        FdbEntry e = fdb.get("02:00:00:00:00:11", "br0", 0).orElseThrow();
        assertThat(e.ifname()).isEqualTo("v0");
        assertThat(e.state()).isEqualTo(FdbState.STATIC);
        assertThat(e.master()).isEqualTo(nl.call(ch -> new io.netlink4j.core.Links(ch).get("br0").index()));
        FdbEntry p = fdb.getOnPort("02:00:00:00:00:11", "v0", 0).orElseThrow();
        assertThat(p.mac() + p.ifname() + p.master() + p.state()).isEqualTo(e.mac() + e.ifname() + e.master() + e.state());
        assertThat(fdb.get("02:00:00:00:00:12", "br0", 0)).isEmpty();
    }

    @Test
    void addReplaceAppendDelete() {
        fdb.add(FdbSpec.of("02:00:00:00:00:21", "v0"));
        assertThat(staticMacs("br br0", "v0")).contains("02:00:00:00:00:21");
        // replace moves it to v2
        fdb.replace(FdbSpec.of("02:00:00:00:00:21", "v2"));
        assertThat(staticMacs("br br0", "v0")).doesNotContain("02:00:00:00:00:21");
        assertThat(staticMacs("br br0", "v2")).contains("02:00:00:00:00:21");
        fdb.append(FdbSpec.of("02:00:00:00:00:22", "v2"));
        assertThat(staticMacs("br br0", "v2")).contains("02:00:00:00:00:22");
        fdb.add(FdbSpec.of("02:00:00:00:00:23", "v0").permanent());
        assertThat(show("br br0")).anySatisfy(m -> {
            assertThat(m.get("mac")).isEqualTo("02:00:00:00:00:23");
            assertThat(m.get("state")).isEqualTo("permanent");
        });
        fdb.delete(FdbSpec.of("02:00:00:00:00:21", "v2"));
        assertThat(staticMacs("br br0", "v2")).containsExactly("02:00:00:00:00:22");
        assertThatThrownBy(() -> fdb.delete(FdbSpec.of("02:00:00:00:00:21", "v2")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void singleChangesByIfindexWithoutNames() {
        int v0 = nl.call(ch -> ch.ifindex("v0"));
        int v1 = nl.call(ch -> ch.ifindex("v1"));
        fdb.add(FdbSpec.of("02:00:00:00:00:51", v0));
        assertThat(staticMacs("br br0", "v0")).contains("02:00:00:00:00:51");
        assertThatThrownBy(() -> fdb.add(FdbSpec.of("02:00:00:00:00:51", v0)))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("02:00:00:00:00:51");
        // refusals after the send are explained as by name: the device is looked up then
        assertThatThrownBy(() -> fdb.add(FdbSpec.of("02:00:00:00:00:52", v1)))
                .isInstanceOf(NotABridgePortException.class).hasMessageContaining("v1 is not a bridge port");
        assertThatThrownBy(() -> fdb.add(FdbSpec.of("02:00:00:00:00:52", 999_999)))
                .isInstanceOf(NoSuchDeviceException.class).hasMessageContaining("if999999");
        fdb.delete(FdbSpec.of("02:00:00:00:00:51", v0));
        assertThat(staticMacs("br br0", "v0")).doesNotContain("02:00:00:00:00:51");
        assertThat(show("br br0")).noneSatisfy(m -> assertThat(m.get("mac")).isEqualTo("02:00:00:00:00:52"));
    }

    @Test
    void duplicateAddIsAlreadyExistsNamingTheEntry() {
        fdb.add(FdbSpec.of("02:00:00:00:00:31", "v0"));
        assertThatThrownBy(() -> fdb.add(FdbSpec.of("02:00:00:00:00:31", "v0")))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessageContaining("02:00:00:00:00:31")
                .hasMessageContaining("v0");
    }

    @Test
    void badInputIsRefusedBeforeSending() {
        assertThatThrownBy(() -> fdb.add(FdbSpec.of("02:00:00:00:00", "v0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid MAC");
        assertThatThrownBy(() -> fdb.add(FdbSpec.of("02:00:00:00:00:41", "v0").vlan(4095)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4095");
        assertThatThrownBy(() -> fdb.add(FdbSpec.of("02:00:00:00:00:41", "nosuch0")))
                .isInstanceOf(NoSuchDeviceException.class).hasMessageContaining("device \"nosuch0\" does not exist (ENODEV)");
        // the kernel would say EOPNOTSUPP without a word; we say what is wrong
        assertThatThrownBy(() -> fdb.add(FdbSpec.of("02:00:00:00:00:41", "br0")))
                .isInstanceOf(NotABridgePortException.class).hasMessageContaining("br0 is a bridge, not a bridge port");
        assertThatThrownBy(() -> fdb.add(FdbSpec.of("02:00:00:00:00:41", "v1")))
                .isInstanceOf(NotABridgePortException.class).hasMessageContaining("v1 is not a bridge port");
        assertThat(show("br br0")).noneSatisfy(m -> assertThat(m.get("mac")).isEqualTo("02:00:00:00:00:41"));
    }

    @Test
    void kernelExtAckTextIsSurfaced() {
        // past our validation, straight through the codec: the kernel's own check answers
        int v0 = nl.call(ch -> new io.netlink4j.core.Links(ch).get("v0").index());
        assertThatThrownBy(() -> nl.call(ch -> {
            MessageWriter w = ch.request(Rtnetlink.RTM_NEWNEIGH, NlMsg.NLM_F_CREATE | NlMsg.NLM_F_EXCL);
            NdMsg.put(w, Rtnetlink.AF_BRIDGE, v0, FdbState.STATIC.toNud(), NdMsg.NTF_MASTER, 0);
            FdbCodec.putMac(w, NeighCodec.NDA_LLADDR, 0x020000000051L, new byte[6]);
            w.putU16(NeighCodec.NDA_VLAN, 4095);
            ch.execute("raw fdb add vlan 4095");
            return null;
        })).isInstanceOfSatisfying(InvalidArgumentException.class,
                e -> assertThat(e.kernelMessage()).isEqualTo("invalid vlan id"))
                .hasMessageContaining("invalid vlan id (EINVAL)");
    }

    @Test
    void vlanEntriesFollowWhatTheKernelSupports() {
        boolean vlanFiltering = ns.tryExec("ip -n " + ns.name() + " link set br0 type bridge vlan_filtering 1").status() == 0;
        if (vlanFiltering) {
            ns.bridge("vlan add dev v0 vid 100");
            fdb.add(FdbSpec.of("02:00:00:00:00:61", "v0").vlan(100));
            assertThat(show("br br0 brport v0")).anySatisfy(m -> {
                assertThat(m.get("mac")).isEqualTo("02:00:00:00:00:61");
                assertThat(m.get("vlan")).isEqualTo(100L);
            });
            assertThat(fdb.get("02:00:00:00:00:61", "br0", 100)).isPresent();
        } else {
            // this host: no CONFIG_BRIDGE_VLAN_FILTERING, so the bridge has no VLANs and refuses (EINVAL, no text)
            assertThatThrownBy(() -> fdb.add(FdbSpec.of("02:00:00:00:00:61", "v0").vlan(100)))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("VLAN 100 is not configured on v0");
            assertThat(show("br br0")).noneSatisfy(m -> assertThat(m.get("mac")).isEqualTo("02:00:00:00:00:61"));
        }
        // a flush by VLAN is a filter, accepted either way; it must leave entries without that VLAN alone
        fdb.add(FdbSpec.of("02:00:00:00:00:62", "v0"));
        fdb.flush(FdbFlush.port("v0").vlan(100));
        assertThat(staticMacs("br br0", "v0")).contains("02:00:00:00:00:62");
    }

    @Test
    void flushByPortWithKernelBulkAndByDump() {
        // no learning on v0: the namespace is quiet, and this keeps it so for the count below (a
        // learned entry would be flushed and counted too)
        ns.bridge("link set dev v0 learning off");
        List<FdbSpec> specs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            specs.add(FdbSpec.of(mac(i), "v0"));
        }
        for (int i = 20; i < 30; i++) {
            specs.add(FdbSpec.of(mac(i), "v2"));
        }
        fdb.addAll(specs).orThrow();
        Set<String> permanentV0 = show("br br0 brport v0").stream().filter(m -> "permanent".equals(m.get("state"))
                && m.get("master") != null).map(m -> (String) m.get("mac")).collect(Collectors.toSet());
        assertThat(permanentV0).isNotEmpty();

        FlushResult bulk = fdb.flush(FdbFlush.port("v0"));
        assertThat(bulk.kernelBulk()).isTrue();
        assertThat(staticMacs("br br0", "v0")).isEmpty();
        assertThat(staticMacs("br br0", "v2")).hasSize(10);
        // the port's own (permanent) address stays
        assertThat(show("br br0 brport v0").stream().map(m -> (String) m.get("mac")).collect(Collectors.toSet()))
                .containsAll(permanentV0);

        // the fallback counts what it removed (the bulk flush above took any learned entry too)
        fdb.addAll(specs.subList(0, 15)).orThrow();
        FlushResult byDump = fdb.flush(FdbFlush.port("v0").withoutKernelBulk());
        assertThat(byDump.kernelBulk()).isFalse();
        assertThat(byDump.removed()).isEqualTo(15);
        assertThat(staticMacs("br br0", "v0")).isEmpty();
        assertThat(staticMacs("br br0", "v2")).hasSize(10);

        // a whole bridge
        fdb.flush(FdbFlush.bridge("br0"));
        assertThat(staticMacs("br br0", "v2")).isEmpty();
    }

    @Test
    void dumpFiltersByBridgeAndByPort() {
        List<FdbSpec> mine = List.of(FdbSpec.of("02:00:00:00:00:71", "v0"), FdbSpec.of("02:00:00:00:00:72", "v2"),
                FdbSpec.of("02:00:00:00:00:73", "v4"), FdbSpec.of("02:00:00:00:00:74", "v4"));
        fdb.addAll(mine).orThrow();
        // both sides compared on this test's entries and the ports' own (permanent) addresses, which
        // iproute2 made in set-up; anything else (e.g. a learned entry) is not the test's to compare
        Set<String> owned = new HashSet<>();
        mine.forEach(m -> owned.add(m.mac()));
        for (String dev : new String[] {"v0", "v2", "v4"}) {
            owned.add((String) Json.at(Json.list(ns.json("ip -j link show dev " + dev)).get(0), "address"));
        }
        for (String[] f : new String[][] {{"br br0", "br0", null}, {"br br1", "br1", null}, {"brport v2", null, "v2"},
                                          {"br br1 brport v4", "br1", "v4"}}) {
            Set<String> theirs = show(f[0]).stream().filter(m -> owned.contains((String) m.get("mac")))
                    .map(m -> m.get("mac") + " " + m.getOrDefault("ifname", f[2]) + " " + m.get("state"))
                    .collect(Collectors.toSet());
            Set<String> ours = fdb.list(new FdbFilter(f[1], f[2])).stream().filter(e -> owned.contains(e.mac()))
                    .map(e -> e.mac() + " " + e.ifname() + " " + e.state().name().toLowerCase())
                    .collect(Collectors.toSet());
            assertThat(ours).as(f[0]).isEqualTo(theirs).isNotEmpty();
        }
        assertThat(fdb.list(FdbFilter.bridge("br1"))).extracting(FdbEntry::mac)
                .contains("02:00:00:00:00:73", "02:00:00:00:00:74")
                .doesNotContain("02:00:00:00:00:71", "02:00:00:00:00:72");
        assertThat(fdb.list(FdbFilter.port("v2"))).extracting(FdbEntry::mac)
                .contains("02:00:00:00:00:72").doesNotContain("02:00:00:00:00:71", "02:00:00:00:00:73");
    }

    @Test
    void bulkWithOneBadEntryInTheMiddle() {
        // the kernel refuses entry #50: it exists already
        ns.bridge("fdb add " + mac(50) + " dev v0 master static");
        List<FdbChange> changes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            changes.add(FdbChange.add(FdbSpec.of(mac(i), "v0")));
        }
        BulkResult r = fdb.apply(changes, BulkOptions.defaults().continueOnError());
        assertThat(r.failures()).extracting(BulkResult.Failure::index).containsExactly(50);
        BulkResult.Failure f = r.failures().get(0);
        assertThat(f.errno()).isEqualTo(Errno.EEXIST);
        assertThat(f.error()).isInstanceOf(AlreadyExistsException.class).hasMessageContaining(mac(50));
        assertThat(r.appliedCount()).isEqualTo(99);
        Set<String> all = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            all.add(mac(i));
        }
        assertThat(staticMacs("br br0", "v0")).isEqualTo(all);

        // stop mode: a failure at #100 of 1000 ends the run; what was sent is exactly what is there
        ns.bridge("fdb add " + mac(1100) + " dev v2 master static");
        List<FdbChange> more = new ArrayList<>();
        for (int i = 1000; i < 2000; i++) {
            more.add(FdbChange.add(FdbSpec.of(mac(i), "v2")));
        }
        BulkResult s = fdb.apply(more, BulkOptions.defaults().withWindow(16));
        assertThat(s.failures()).extracting(BulkResult.Failure::index).containsExactly(100);
        assertThat(s.sent()).isLessThan(1000);
        Set<String> there = staticMacs("br br0", "v2");
        assertThat(there).hasSize(s.appliedCount() + 1);
        for (int i = 0; i < 1000; i++) {
            assertThat(there.contains(mac(1000 + i))).as("#" + i)
                    .isEqualTo(s.status(i) == BulkStatus.APPLIED || i == 100);
        }
    }
}
