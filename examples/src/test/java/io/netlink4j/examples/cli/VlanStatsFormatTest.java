package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.bridge.VlanEntry;
import io.netlink4j.bridge.VlanStats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code vlan show --stats} against what iproute2 6.1 printed in the VM lane ({@code bridge -s
 * vlan show}, {@code bridge -s -j vlan show}) for a VLAN-filtering bridge br0 with
 * vlan_stats_per_port 1, port v0 with VLANs 1 (PVID, untagged) and 100.
 */
class VlanStatsFormatTest {
    static VlanStats stats(int ifindex, int vid, boolean pvidUntagged, long rxB, long rxP, long txB, long txP) {
        return new VlanStats(new VlanEntry(ifindex, vid, vid, pvidUntagged, pvidUntagged, 3, 1), rxB, rxP, txB, txP);
    }

    static Map<String, VlanStatsFormat.Device> sample() {
        Map<String, VlanStatsFormat.Device> m = new LinkedHashMap<>();
        m.put("br0", new VlanStatsFormat.Device(true, List.of(stats(2, 1, true, 512, 6, 356, 5))));
        m.put("v0", new VlanStatsFormat.Device(false, List.of(stats(4, 1, true, 356, 5, 416, 5),
                stats(4, 100, false, 0, 0, 0, 0))));
        return m;
    }

    /** {@code bridge -s vlan show}, 6.1, byte for byte (those devices' lines). */
    static final String IPROUTE2_TEXT = ""
            + "port              vlan-id\n"
            + "br0               1 PVID Egress Untagged\n"
            + "                    RX: 512 bytes 6 packets\n"
            + "                    TX: 356 bytes 5 packets\n"
            + "v0                1 PVID Egress Untagged\n"
            + "                    RX: 356 bytes 5 packets\n"
            + "                    TX: 416 bytes 5 packets\n"
            + "                  100\n"
            + "                    RX: 0 bytes 0 packets\n"
            + "                    TX: 0 bytes 0 packets\n";

    /** {@code bridge -s -j vlan show}, 6.1. */
    static final String IPROUTE2_JSON = "[{\"ifname\":\"br0\",\"vlans\":[{\"vid\":1,\"flags\":[\"PVID\",\"Egress Untagged\"],"
            + "\"rx_bytes\":512,\"rx_packets\":6,\"tx_bytes\":356,\"tx_packets\":5}]},"
            + "{\"ifname\":\"v0\",\"vlans\":[{\"vid\":1,\"flags\":[\"PVID\",\"Egress Untagged\"],"
            + "\"rx_bytes\":356,\"rx_packets\":5,\"tx_bytes\":416,\"tx_packets\":5},"
            + "{\"vid\":100,\"rx_bytes\":0,\"rx_packets\":0,\"tx_bytes\":0,\"tx_packets\":0}]}]\n";

    @Test
    void textIsIproute2s() {
        StringWriter s = new StringWriter();
        VlanStatsFormat.text(new PrintWriter(s, true), sample());
        assertThat(s.toString()).isEqualTo(IPROUTE2_TEXT.replace("\n", System.lineSeparator()));
    }

    @Test
    void jsonIsIproute2s() {
        StringWriter s = new StringWriter();
        JsonOut.write(new PrintWriter(s), g -> VlanStatsFormat.json(g, sample()));
        assertThat(s.toString()).isEqualTo(IPROUTE2_JSON.replace("\n", System.lineSeparator()));
    }

    @Test
    void aBridgesTaggedVlanHasAnEmptyFlagsListAPortsHasNone() {
        Map<String, VlanStatsFormat.Device> m = new LinkedHashMap<>();
        m.put("br0", new VlanStatsFormat.Device(true, List.of(stats(2, 100, false, 1, 2, 3, 4))));
        m.put("v0", new VlanStatsFormat.Device(false, List.of(stats(4, 100, false, 5, 6, 7, 8))));
        StringWriter s = new StringWriter();
        JsonOut.write(new PrintWriter(s), g -> VlanStatsFormat.json(g, m));
        assertThat(s.toString().strip()).isEqualTo("[{\"ifname\":\"br0\",\"vlans\":[{\"vid\":100,\"flags\":[],"
                + "\"rx_bytes\":1,\"rx_packets\":2,\"tx_bytes\":3,\"tx_packets\":4}]},"
                + "{\"ifname\":\"v0\",\"vlans\":[{\"vid\":100,\"rx_bytes\":5,\"rx_packets\":6,\"tx_bytes\":7,\"tx_packets\":8}]}]");
    }
}
