package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.InvalidArgumentException;
import io.netlink4j.core.NetlinkException;
import io.netlink4j.core.NotFoundException;
import io.netlink4j.jna.Errno;
import org.junit.jupiter.api.Test;

/** Which failed updates may have been applied in part, and how the exception says it. */
class PartialUpdateTest {
    @Test
    void flagsAloneAreAllOrNothingAnythingElseWithMoreThanOneSettingIsNot() {
        assertThat(PartialUpdate.possible(PortSettings.builder().proxyArp(true).hairpin(true).build())).isFalse();
        assertThat(PartialUpdate.possible(PortSettings.builder().state(PortState.FORWARDING).build())).isFalse();
        assertThat(PartialUpdate.possible(PortSettings.builder().proxyArp(true).state(PortState.FORWARDING).build()))
                .isTrue();
        assertThat(PartialUpdate.possible(PortSettings.builder().cost(5).priority(3).build())).isTrue();
        assertThat(PartialUpdate.possible(PortSettings.builder().hairpin(true).multicastRouter(MulticastRouter.PERM).build())).isTrue();
        assertThat(PartialUpdate.possible(BridgeSettings.builder().stpState(1).build())).isFalse();
        assertThat(PartialUpdate.possible(BridgeSettings.builder().stpState(1).priority(4096).build())).isTrue();
    }

    @Test
    void theExceptionKeepsItsTypeErrnoAndTextAndGainsTheWarning() {
        NetlinkException e = PartialUpdate.say(NetlinkException.of("set port v0", Errno.ENOENT, null, null));
        assertThat(e).isInstanceOf(NotFoundException.class).hasMessageContaining("set port v0")
                .hasMessageContaining("may already be in effect").hasCauseInstanceOf(NotFoundException.class);
        assertThat(e.errno()).isEqualTo(Errno.ENOENT);
        e = PartialUpdate.say(NetlinkException.of("set port v0", Errno.ERANGE, "too big", "IFLA_BRPORT_COST"));
        assertThat(e).isInstanceOf(InvalidArgumentException.class);
        assertThat(e.kernelMessage()).isEqualTo("too big");
        assertThat(e.badAttribute()).isEqualTo("IFLA_BRPORT_COST");
        e = PartialUpdate.say(NetlinkException.of("set port v0", Errno.EBUSY, null, null));
        assertThat(e.getClass()).isEqualTo(NetlinkException.class);
        assertThat(e).hasMessageContaining("EBUSY").hasMessageContaining("may already be in effect");
        e = PartialUpdate.say(new VlanFilteringUnsupportedException("set bridge br0", null));
        assertThat(e).isInstanceOf(VlanFilteringUnsupportedException.class)
                .hasMessageContaining("CONFIG_BRIDGE_VLAN_FILTERING").hasMessageContaining("may already be in effect");
    }

    @Test
    void aNotABridgePortAnswerIsLeftAsItIs() {
        NotABridgePortException n = new NotABridgePortException("set port v1", Errno.EOPNOTSUPP, null, null, "v1",
                "v1 is not a bridge port");
        assertThat(PartialUpdate.say(n)).isSameAs(n);
    }
}
