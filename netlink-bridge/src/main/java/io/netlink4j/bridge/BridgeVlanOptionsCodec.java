package io.netlink4j.bridge;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.IfInfoMsg;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.Rtnetlink;
import java.nio.charset.StandardCharsets;

/**
 * The VLAN attributes of a bridge's IFLA_INFO_DATA (linux/if_link.h, IFLA_BR_*), as
 * {@code ip link set dev BR type bridge vlan_filtering 1 ...} sends them: RTM_NEWLINK, ifinfomsg
 * with the bridge's ifindex, IFLA_LINKINFO › IFLA_INFO_KIND "bridge" (no NUL, no NLA_F_NESTED on
 * the nests, as iproute2) › IFLA_INFO_DATA.
 */
final class BridgeVlanOptionsCodec {
    private BridgeVlanOptionsCodec() {}

    static final int IFLA_BR_VLAN_FILTERING = 7;
    static final int IFLA_BR_VLAN_PROTOCOL = 8;
    static final int IFLA_BR_VLAN_DEFAULT_PVID = 39;
    static final int IFLA_BR_VLAN_STATS_ENABLED = 41;

    /** linux/if_ether.h. */
    static final int ETH_P_8021Q = 0x8100;
    static final int ETH_P_8021AD = 0x88a8;

    private static final byte[] KIND_BRIDGE = "bridge".getBytes(StandardCharsets.US_ASCII);

    /** Opens RTM_NEWLINK › IFLA_LINKINFO › IFLA_INFO_DATA of bridge {@code index}; returns the two nest tokens. */
    static long begin(MessageWriter w, int index) {
        IfInfoMsg.put(w, Rtnetlink.AF_UNSPEC, index, 0, 0);
        int info = w.beginNest(LinkCodec.IFLA_LINKINFO, false);
        w.putBytes(LinkCodec.IFLA_INFO_KIND, KIND_BRIDGE);
        int data = w.beginNest(LinkCodec.IFLA_INFO_DATA, false);
        return ((long) info << 32) | (data & 0xffffffffL);
    }

    static void end(MessageWriter w, long tokens) {
        w.endNest((int) tokens);
        w.endNest((int) (tokens >>> 32));
    }

    /** Collects the VLAN settings from a bridge's IFLA_INFO_DATA. */
    static final class Reader implements LinkCodec.Hook {
        boolean filtering;
        int protocol = -1;
        int defaultPvid = -1;
        boolean statsEnabled;
        boolean seenBridge;

        @Override
        public void infoData(String kind, AttributeIterator it) {
            if (!"bridge".equals(kind)) {
                return;
            }
            seenBridge = true;
            while (it.next()) {
                switch (it.type()) {
                    case IFLA_BR_VLAN_FILTERING: filtering = it.u8() != 0; break;
                    case IFLA_BR_VLAN_PROTOCOL: protocol = it.be16(); break;
                    case IFLA_BR_VLAN_DEFAULT_PVID: defaultPvid = it.u16(); break;
                    case IFLA_BR_VLAN_STATS_ENABLED: statsEnabled = it.u8() != 0; break;
                    default: break;
                }
            }
        }

        /** The kernel reported IFLA_BR_VLAN_PROTOCOL, which exists only with CONFIG_BRIDGE_VLAN_FILTERING. */
        boolean supported() {
            return protocol >= 0;
        }

        BridgeVlanSettings result() {
            return new BridgeVlanSettings(filtering, protocol < 0 ? null : VlanProtocol.fromKernel(protocol), defaultPvid,
                    statsEnabled, supported());
        }
    }
}
