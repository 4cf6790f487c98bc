package io.netlink4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import org.junit.jupiter.api.Test;

/**
 * A dump abandoned half-way (the visitor threw) leaves the kernel's dump running on the socket;
 * the channel must not hand that state to the next conversation (before the fix, the kernel
 * answered the next dump on that socket with EBUSY — and a pooled channel went back to the pool
 * in that state).
 */
@KernelTest
class AbandonedDumpKernelTest {
    @Test
    void dumpAbandonedByTheVisitorDoesNotPoisonTheNextConversation() {
        try (TestNetns ns = TestNetns.create(); RtnlChannel ch = RtnlChannel.open(ns.name())) {
            Links links = new Links(ch);
            for (int i = 0; i < 30; i++) { // enough links for the dump to span several datagrams
                links.createVeth("a" + i, "b" + i);
            }
            MessageWriter w = ch.request(Rtnetlink.RTM_GETLINK, 0);
            IfInfoMsg.put(w, 0, 0, 0, 0);
            assertThatThrownBy(() -> ch.dump("list links", m -> {
                throw new IllegalStateException("visitor failed");
            })).hasMessage("visitor failed");
            // drained, not closed: the next dump and lookups work on the same socket
            assertThat(ch.isOpen()).isTrue();
            assertThat(links.list()).hasSize(61);
            assertThat(links.get("b29").kind()).isEqualTo("veth");
        }
    }
}
