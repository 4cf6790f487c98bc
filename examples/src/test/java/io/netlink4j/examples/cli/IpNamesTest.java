package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.IfInfoMsg;
import org.junit.jupiter.api.Test;

class IpNamesTest {

    @Test
    void linkFlagsInIproute2Order() {
        int f = IfInfoMsg.IFF_UP | IfInfoMsg.IFF_BROADCAST | IfInfoMsg.IFF_RUNNING | IfInfoMsg.IFF_MULTICAST
                | IfInfoMsg.IFF_LOWER_UP;
        assertThat(IpNames.linkFlags(f)).containsExactly("BROADCAST", "MULTICAST", "UP", "LOWER_UP");
    }

    @Test
    void upWithoutCarrierIsNoCarrierAndUnknownBitsAreHex() {
        int f = IfInfoMsg.IFF_UP | IfInfoMsg.IFF_BROADCAST | IfInfoMsg.IFF_PROMISC | 0x80000;
        assertThat(IpNames.linkFlags(f)).containsExactly("NO-CARRIER", "BROADCAST", "PROMISC", "UP", "80000");
        assertThat(IpNames.linkFlags(0)).isEmpty();
    }
}
