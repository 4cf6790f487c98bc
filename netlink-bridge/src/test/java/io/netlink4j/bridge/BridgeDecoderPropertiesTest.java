package io.netlink4j.bridge;

import io.netlink4j.core.testing.DecoderProperties;
import io.netlink4j.core.testing.DecoderTarget;
import java.util.List;

/** The decoder contract on every netlink-bridge decoder (see {@link BridgeDecoders}). */
class BridgeDecoderPropertiesTest extends DecoderProperties {
    @Override
    protected List<DecoderTarget> targets() {
        return BridgeDecoders.targets();
    }
}
