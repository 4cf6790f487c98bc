package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.Json;
import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Flushes that select by state and flags (bridge fdb flush ... static / sticky / noextern_learn),
 * with the kernel's bulk delete and entry by entry, checked with {@code bridge -j fdb show}.
 */
@KernelTest
class FdbFlushFlagsKernelTest {
    TestNetns ns;
    BridgeNetlink nl;

    @BeforeEach
    void setUp() {
        ns = TestNetns.withBridgeAndPort();
        try {
            nl = BridgeNetlink.open(ns.name());
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        ns.close(nl);
    }

    private void addOurs() {
        Fdb fdb = nl.fdb();
        fdb.add(FdbSpec.of("02:00:00:00:00:01", "v0"));
        fdb.add(FdbSpec.of("02:00:00:00:00:02", "v0").permanent());
        fdb.add(FdbSpec.of("02:00:00:00:00:06", "v0").sticky());
        fdb.add(FdbSpec.of("02:00:00:00:00:07", "v0").externLearn());
    }

    private List<String> ours() {
        return Json.list(ns.json("bridge -j fdb show dev v0")).stream().map(Json::map)
                .map(m -> (String) m.get("mac")).filter(m -> m.startsWith("02:00:00:00:00:0")).sorted()
                .collect(Collectors.toList());
    }

    private void flushesSelectByFlags(boolean kernelBulk) {
        addOurs();
        FdbFlush port = kernelBulk ? FdbFlush.port("v0") : FdbFlush.port("v0").withoutKernelBulk();
        nl.fdb().flush(port.sticky(true));
        assertThat(ours()).containsExactly("02:00:00:00:00:01", "02:00:00:00:00:02", "02:00:00:00:00:07");
        nl.fdb().flush(port.staticOnly().externLearn(false));
        assertThat(ours()).containsExactly("02:00:00:00:00:02", "02:00:00:00:00:07");
        nl.fdb().flush(port.externLearn(true));
        assertThat(ours()).containsExactly("02:00:00:00:00:02");
    }

    @Test
    void kernelBulkDeleteSelectsByFlags() {
        flushesSelectByFlags(true);
    }

    @Test
    void entryByEntrySelectsTheSame() {
        flushesSelectByFlags(false);
    }

    @Test
    void useMakesAUserAddedDynamicEntryThatAddedByUserFlushes() {
        nl.fdb().add(FdbSpec.of("02:00:00:00:00:05", "v0").use());     // bridge fdb add ... master use
        java.util.Map<String, Object> e = Json.list(ns.json("bridge -j fdb show dev v0")).stream().map(Json::map)
                .filter(m -> "02:00:00:00:00:05".equals(m.get("mac"))).findFirst().orElseThrow();
        assertThat(e).containsEntry("state", "");                        // "": dynamic, as the kernel learned it
        nl.fdb().add(FdbSpec.of("02:00:00:00:00:02", "v0").permanent());
        nl.fdb().flush(FdbFlush.port("v0").addedByUser(true));
        assertThat(ours()).containsExactly("02:00:00:00:00:02");        // permanent entries stay (nopermanent)
    }
}
