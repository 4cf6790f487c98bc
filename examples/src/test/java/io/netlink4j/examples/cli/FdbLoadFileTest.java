package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netlink4j.examples.cli.FdbLoadFile.Line;
import io.netlink4j.examples.cli.FdbLoadFile.Op;
import io.netlink4j.examples.cli.FdbLoadFile.State;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class FdbLoadFileTest {

    static FdbLoadFile.Parsed parse(String text) throws IOException {
        return FdbLoadFile.parse(new BufferedReader(new StringReader(text)), "f");
    }

    @Test
    void parsesAddsDeletesVlansStatesCommentsAndBlankLines() throws IOException {
        FdbLoadFile.Parsed p = parse("""
                # hosts behind v0
                add 02:00:00:00:00:01 v0
                add 02-00-00-00-00-0A v0 vlan 100 permanent   # dashes and upper case are fine

                ADD 02:00:00:00:00:03 v1 dynamic vlan 4094
                del 02:00:00:00:00:04 v1 vlan 1
                """);
        assertThat(p.errors()).isEmpty();
        assertThat(p.ok()).isTrue();
        assertThat(p.lines()).containsExactly(
                new Line(2, Op.ADD, "02:00:00:00:00:01", "v0", 0, State.STATIC),
                new Line(3, Op.ADD, "02:00:00:00:00:0a", "v0", 100, State.PERMANENT),
                new Line(5, Op.ADD, "02:00:00:00:00:03", "v1", 4094, State.DYNAMIC),
                new Line(6, Op.DEL, "02:00:00:00:00:04", "v1", 1, null));
    }

    @Test
    void reportsEveryBadLineWithItsNumberAndReason() throws IOException {
        FdbLoadFile.Parsed p = parse("""
                add 02:00:00:00:00:01 v0
                add zz:00:00:00:00:01 v0
                add 02:00:00:00:00:02 v0 vlan 4096
                add 02:00:00:00:00:03
                move 02:00:00:00:00:04 v0
                add 02:00:00:00:00:05 a-name-that-is-far-too-long
                add 02:00:00:00:00:06 v0 vlan
                add 02:00:00:00:00:07 v0 static permanent
                del 02:00:00:00:00:08 v0 static
                add 01:00:5e:00:00:01 v0
                add 02:00:00:00:00:01 v0
                add 02:00:00:00:00:09 v0 sticky
                """);
        assertThat(p.ok()).isFalse();
        assertThat(p.lines()).extracting(Line::lineNo).containsExactly(1);
        assertThat(p.errors()).hasSize(11);
        assertThat(p.errors().get(0)).startsWith("f:2: invalid MAC address \"zz:00:00:00:00:01\"");
        assertThat(p.errors().get(1)).isEqualTo("f:3: VLAN 4096 is out of range: VLAN IDs are 1-4094");
        assertThat(p.errors().get(2)).startsWith("f:4: expected \"add|del MAC DEV");
        assertThat(p.errors().get(3)).isEqualTo("f:5: unknown operation \"move\": expected add or del");
        assertThat(p.errors().get(4)).startsWith("f:6: interface name \"a-name-that-is-far-too-long\" is longer");
        assertThat(p.errors().get(5)).isEqualTo("f:7: vlan needs a VLAN ID");
        assertThat(p.errors().get(6)).isEqualTo("f:8: more than one state (static, permanent)");
        assertThat(p.errors().get(7)).isEqualTo("f:9: del takes no state (static)");
        assertThat(p.errors().get(8)).isEqualTo("f:10: multicast address 01:00:5e:00:00:01 cannot be a bridge FDB entry");
        assertThat(p.errors().get(9)).isEqualTo("f:11: the same change as line 1");
        assertThat(p.errors().get(10)).startsWith("f:12: unexpected \"sticky\"");
    }
}
