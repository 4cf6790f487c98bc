package io.netlink4j.bridge;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.LinkCodec;

/**
 * The link-decoding hook every bridge read shares: IFLA_INFO_DATA of a bridge goes into
 * {@link #bridge}, IFLA_INFO_SLAVE_DATA of a bridge port into {@link #port}; other kinds are
 * skipped. One instance per decoded message.
 */
final class BridgeLinkHook implements LinkCodec.Hook {
    final BridgeInfo.Builder bridge = new BridgeInfo.Builder();
    final PortInfo.Builder port = new PortInfo.Builder();

    @Override
    public void infoData(String kind, AttributeIterator data) {
        if ("bridge".equals(kind)) {
            BridgeCodec.decode(data, bridge);
        }
    }

    @Override
    public void slaveData(String slaveKind, AttributeIterator data) {
        if ("bridge".equals(slaveKind)) {
            PortCodec.decode(data, port);
        }
    }
}
