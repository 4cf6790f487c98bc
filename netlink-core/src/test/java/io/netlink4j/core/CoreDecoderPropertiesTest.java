package io.netlink4j.core;

import io.netlink4j.core.testing.DecoderProperties;
import io.netlink4j.core.testing.DecoderTarget;
import java.util.List;

/** The decoder contract on every netlink-core decoder (see {@link CoreDecoders}). */
class CoreDecoderPropertiesTest extends DecoderProperties {
    @Override
    protected List<DecoderTarget> targets() {
        return CoreDecoders.targets();
    }
}
