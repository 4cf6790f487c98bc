package io.netlink4j.bridge;

import static io.netlink4j.bridge.VlanTestSupport.PID;
import static io.netlink4j.bridge.VlanTestSupport.ifinfomsg;
import static io.netlink4j.bridge.VlanTestSupport.port;
import static io.netlink4j.bridge.VlanTestSupport.u16;
import static io.netlink4j.bridge.VlanTestSupport.u8;
import static io.netlink4j.core.testing.Messages.attr;
import static io.netlink4j.core.testing.Messages.concat;
import static io.netlink4j.core.testing.Messages.cstring;
import static io.netlink4j.core.testing.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.testing.Golden;
import io.netlink4j.core.testing.Messages;
import io.netlink4j.core.testing.ScriptedKernel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MST requests against bytes written out from the uapi layout (iproute2 6.1 has no {@code bridge
 * mst}, so there is no capture), and the MST part of an AF_BRIDGE link dump decoded.
 */
class MstTest {
    final ScriptedKernel kernel = new ScriptedKernel();
    final BridgeNetlink nl = BridgeNetlink.over(() -> RtnlChannel.over(kernel, ChannelOptions.defaults()));

    @AfterEach
    void close() {
        nl.close();
    }

    @Test
    void setIsTheUapiLayout() {
        kernel.reply(k -> port(k.lastSeq(), 4, "v0"));
        kernel.reply(k -> Messages.error(k.lastSeq(), 0, new byte[0]));
        nl.mst().set("v0", 5, PortState.BLOCKING);
        String expected = ""
                // nlmsghdr: len 60, RTM_SETLINK (19), NLM_F_REQUEST|NLM_F_ACK, seq/pid zeroed
                + "3c000000 1300 0500 00000000 00000000"
                // ifinfomsg: AF_BRIDGE, ifindex 4
                + "07 00 0000 04000000 00000000 00000000"
                // IFLA_AF_SPEC (26) len 28 › IFLA_BRIDGE_MST (6 | NLA_F_NESTED) len 24
                // › IFLA_BRIDGE_MST_ENTRY (1 | NLA_F_NESTED) len 20
                + "1c00 1a00 1800 0680 1400 0180"
                // IFLA_BRIDGE_MST_ENTRY_MSTI u16 5 (+2 pad), IFLA_BRIDGE_MST_ENTRY_STATE u8 4 (+3 pad)
                + "0600 0100 0500 0000 0500 0200 04 000000";
        assertThat(Golden.hex(Golden.withoutSeqAndPid(kernel.sent().get(1))))
                .isEqualTo(Golden.hex(hex(expected)));
    }

    @Test
    void dumpRequestAsksForRtextFilterMst() {
        kernel.reply(k -> Messages.done(k.lastSeq(), 0));
        assertThat(nl.mst().list()).isEmpty();
        String expected = "28000000 1200 0103 00000000 00000000"
                + "07 00 0000 00000000 00000000 00000000"
                + "0800 1d00 80000000"; // IFLA_EXT_MASK RTEXT_FILTER_MST
        assertThat(Golden.hex(Golden.withoutSeqAndPid(kernel.sent().get(0)))).isEqualTo(Golden.hex(hex(expected)));
    }

    static byte[] entry(int msti, int state) {
        return attr(MstCodec.IFLA_BRIDGE_MST_ENTRY | 0x8000, concat(attr(MstCodec.IFLA_BRIDGE_MST_ENTRY_MSTI, u16(msti)),
                attr(MstCodec.IFLA_BRIDGE_MST_ENTRY_STATE, u8(state)), attr(9, u8(1))));
    }

    static byte[] linkWithMst(int seq, int index, String name, byte[]... entries) {
        byte[] afSpec = concat(attr(BridgeAfSpecCodec.IFLA_BRIDGE_FLAGS, u16(0)), // skipped
                attr(MstCodec.IFLA_BRIDGE_MST | 0x8000, concat(concat(entries), attr(7, u8(0)))));
        return message(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_MULTI, seq, PID, concat(ifinfomsg(Rtnetlink.AF_BRIDGE, index),
                attr(LinkCodec.IFLA_IFNAME, cstring(name)), attr(LinkCodec.IFLA_AF_SPEC, afSpec)));
    }

    @Test
    void dumpDecodesPerPortStatesAndSkipsUnknownAttributes() {
        kernel.reply(k -> concat(linkWithMst(k.lastSeq(), 4, "v0", entry(0, 3), entry(5, 4)),
                linkWithMst(k.lastSeq(), 5, "v2", entry(0, 1)),
                message(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_MULTI, k.lastSeq(), PID, concat(ifinfomsg(Rtnetlink.AF_BRIDGE, 2),
                        attr(LinkCodec.IFLA_IFNAME, cstring("br0")))),
                Messages.done(k.lastSeq(), 0)));
        Map<String, List<MstState>> all = nl.mst().list();
        assertThat(all).containsOnlyKeys("v0", "v2");
        assertThat(all.get("v0")).containsExactly(new MstState(0, PortState.FORWARDING), new MstState(5, PortState.BLOCKING));
        assertThat(all.get("v2")).containsExactly(new MstState(0, PortState.LISTENING));
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> nl.mst().set("v0", 4095, PortState.BLOCKING)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nl.mst().set("v0", -1, PortState.BLOCKING)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nl.mst().set("v0", 1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(kernel.sent()).isEmpty();
    }

    private static byte[] hex(String s) {
        String h = s.replace(" ", "");
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
