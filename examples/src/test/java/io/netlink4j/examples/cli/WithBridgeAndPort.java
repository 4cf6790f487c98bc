package io.netlink4j.examples.cli;

import io.netlink4j.core.testing.TestNetns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the CLI kernel tests whose every test runs in a fresh {@link TestNetns#withBridgeAndPort()}
 * namespace: br0 with port v0, v0's peer v1 no port, all up and settled; deleted after the test.
 */
abstract class WithBridgeAndPort {
    TestNetns ns;

    @BeforeEach
    void createNamespace() {
        ns = TestNetns.withBridgeAndPort();
    }

    @AfterEach
    void deleteNamespace() {
        ns.close();
    }
}
