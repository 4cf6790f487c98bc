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

    @Test
    void bridgeIdWithoutZeroPaddingLikeIproute2() {
        assertThat(IpNames.bridgeId("8000.b2:cc:28:03:34:3e")).isEqualTo("8000.b2:cc:28:3:34:3e");
        assertThat(IpNames.bridgeId("0000.00:00:00:00:00:01")).isEqualTo("0000.0:0:0:0:0:1");
        assertThat(IpNames.bridgeId(null)).isNull();
    }
}
