package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.core.testing.KernelTest;
import io.netlink4j.core.testing.TestNetns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** nlbridge vni against a real vnifilter VXLAN device: --json and text compared with bridge vni show's. */
@KernelTest
class VniCommandKernelTest {
    TestNetns ns;

    @BeforeEach
    void setUp() {
        ns = TestNetns.create();
        try {
            ns.ip("link add v0 type veth peer name v1");
            ns.ip("link set v0 up");
            ns.ip("link set v1 up");
            ns.ip("addr add 192.0.2.10/24 dev v0");
            ns.ip("link add vxlan0 type vxlan dstport 4789 dev v0 external vnifilter");
            ns.ip("link add vxlan1 type vxlan dstport 4790 external vnifilter");
            ns.ip("link set vxlan0 up");
            ns.ip("link set vxlan1 up");
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    @AfterEach
    void tearDown() {
        ns.close();
    }

    private void ok(String... args) {
        Cli.ok(ns.name(), args);
    }

    @Test
    void addShowDelMatchBridgeVniShow() {
        ok("vni", "add", "vxlan0", "100,200-205");
        ok("vni", "add", "vxlan0", "400", "--group", "239.1.1.1");
        ok("vni", "add", "vxlan0", "500", "--remote", "2001:db8::9");
        ok("vni", "add", "vxlan1", "300", "--remote", "192.0.2.9");

        for (String[] c : new String[][] {{"", "vni", "show"}, {"-s", "vni", "show", "-s"},
                {"", "vni", "show", "--dev", "vxlan1"}}) {
            String flags = c[0];
            String[] ours = java.util.Arrays.copyOfRange(c, 1, c.length);
            String dev = ours.length > 2 && ours[2].equals("--dev") ? " dev " + ours[3] : "";
            Cli.Result json = Cli.in(ns.name(), prepend("--json", ours));
            assertThat(json.status()).as(json.toString()).isZero();
            assertThat(json.json()).as(String.join(" ", ours)).isEqualTo(ns.json(("bridge -j " + flags).trim() + " vni show" + dev));
            Cli.Result text = Cli.in(ns.name(), ours);
            assertThat(text.out()).as(String.join(" ", ours)).isEqualTo(ns.bridge((flags + " vni show").trim() + dev));
            // -p indents as iproute2's json_writer does: the same text, byte for byte
            Cli.Result pretty = Cli.in(ns.name(), prepend("-p", prepend("--json", ours)));
            assertThat(pretty.out()).as("-p " + String.join(" ", ours))
                    .isEqualTo(ns.bridge(("-j -p " + flags).trim() + " vni show" + dev));
        }

        ok("vni", "del", "vxlan0", "100,202");
        Cli.Result json = Cli.in(ns.name(), "--json", "vni", "show", "--dev", "vxlan0");
        assertThat(json.json()).isEqualTo(ns.json("bridge -j vni show dev vxlan0"));
        assertThat(json.out()).contains("{\"vni\":200,\"vniEnd\":201},{\"vni\":203,\"vniEnd\":205}")
                .doesNotContain("\"vni\":100,");
    }

    @Test
    void badInputIsStatus2AndAMissingVniIs1() {
        assertThat(Cli.in(ns.name(), "vni", "add", "vxlan0", "16777216").status()).isEqualTo(2);
        assertThat(Cli.in(ns.name(), "vni", "add", "vxlan0", "0").status()).isEqualTo(2);
        assertThat(Cli.in(ns.name(), "vni", "add", "vxlan0", "5", "--group", "192.0.2.1").status()).isEqualTo(2);
        assertThat(Cli.in(ns.name(), "vni", "add", "vxlan0", "5", "--group", "239.1.1.1", "--remote", "192.0.2.1")
                .status()).isEqualTo(2);
        assertThat(Cli.in(ns.name(), "vni", "add", "v0", "5").status()).isEqualTo(2);
        assertThat(Cli.in(ns.name(), "vni", "add", "nosuch0", "5").status()).isEqualTo(3);
        Cli.Result missing = Cli.in(ns.name(), "vni", "del", "vxlan0", "77");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("vni delete dev vxlan0 vni 77").contains("ENOENT");
        assertThat(ns.bridge("-j vni show dev vxlan0")).doesNotContain("\"vni\"");
    }

    private static String[] prepend(String first, String[] rest) {
        String[] out = new String[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
