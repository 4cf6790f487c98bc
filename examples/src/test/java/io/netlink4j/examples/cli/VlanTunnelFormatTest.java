package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.bridge.VlanTunnel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code vlan tunnelshow} against what iproute2 6.1 printed in the VM lane for the same mappings
 * ({@code bridge vlan add dev vxlan0 vid 100 tunnel_info id 1100}, {@code vid 200-205 tunnel_info
 * id 1200-1205}, then {@code bridge vlan del dev vxlan0 vid 202 tunnel_info id 1202}).
 */
class VlanTunnelFormatTest {
    static final Map<String, List<VlanTunnel>> SPLIT = Map.of("vxlan0", List.of(VlanTunnel.of(100, 1100),
            VlanTunnel.range(200, 201, 1200), VlanTunnel.range(203, 205, 1203)));

    /** {@code bridge vlan tunnelshow}, 6.1, byte for byte. */
    static final String IPROUTE2_TEXT = ""
            + "port              vlan-id    tunnel-id\n"
            + "vxlan0            100        1100\n"
            + "                  200-201    1200-1201\n"
            + "                  203-205    1203-1205\n";

    /** {@code bridge -j vlan tunnelshow}, 6.1. */
    static final String IPROUTE2_JSON = "[{\"ifname\":\"vxlan0\",\"tunnels\":[{\"vlan\":100,\"tunid\":1100},"
            + "{\"vlan\":200,\"vlanEnd\":201,\"tunid\":1200,\"tunidEnd\":1201},"
            + "{\"vlan\":203,\"vlanEnd\":205,\"tunid\":1203,\"tunidEnd\":1205}]}]\n";

    @Test
    void textIsIproute2s() {
        StringWriter s = new StringWriter();
        VlanTunnelFormat.text(new PrintWriter(s, true), SPLIT);
        assertThat(s.toString()).isEqualTo(IPROUTE2_TEXT.replace("\n", System.lineSeparator()));
    }

    @Test
    void jsonIsIproute2s() {
        StringWriter s = new StringWriter();
        JsonOut.write(new PrintWriter(s), g -> VlanTunnelFormat.json(g, SPLIT));
        assertThat(s.toString()).isEqualTo(IPROUTE2_JSON.replace("\n", System.lineSeparator()));
    }

    @Test
    void noMappingsIsTheHeaderAndAnEmptyList() {
        StringWriter text = new StringWriter();
        VlanTunnelFormat.text(new PrintWriter(text, true), Map.of());
        assertThat(text.toString()).isEqualTo("port              vlan-id    tunnel-id" + System.lineSeparator());
        StringWriter json = new StringWriter();
        JsonOut.write(new PrintWriter(json), g -> VlanTunnelFormat.json(g, Map.of()));
        assertThat(json.toString().strip()).isEqualTo("[]");
    }

    @Test
    void widestRangeFillsTheColumnAndPortsFollowInOrder() {
        Map<String, List<VlanTunnel>> two = new LinkedHashMap<>();
        two.put("vxlan0", List.of(VlanTunnel.range(4000, 4094, 16777120)));
        two.put("vxlan1", List.of(VlanTunnel.of(7, 0)));
        StringWriter s = new StringWriter();
        VlanTunnelFormat.text(new PrintWriter(s, true), two);
        assertThat(s.toString().lines()).containsExactly(
                "port              vlan-id    tunnel-id",
                "vxlan0            4000-4094  16777120-16777214",
                "vxlan1            7          0");
    }
}
