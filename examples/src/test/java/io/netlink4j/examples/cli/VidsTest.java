package io.netlink4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VidsTest {

    @Test
    void parsesVidsRangesAndLists() {
        assertThat(Vids.parseVid("1")).isEqualTo(1);
        assertThat(Vids.parseVid("4094")).isEqualTo(4094);
        assertThat(Vids.parseRange("100")).isEqualTo(new Vids.Range(100, 100));
        assertThat(Vids.parseRange("100-199")).isEqualTo(new Vids.Range(100, 199));
        assertThat(Vids.parseList("100,300-302")).containsExactly(new Vids.Range(100, 100), new Vids.Range(300, 302));
        assertThat(Vids.parseList("100,300-302").toString()).isEqualTo("[100, 300-302]");
    }

    @Test
    void refusesReservedAndMalformedVids() {
        assertThatThrownBy(() -> Vids.parseVid("4096")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VLAN 4096 is out of range: VLAN IDs are 1-4094");
        assertThatThrownBy(() -> Vids.parseVid("0")).hasMessageContaining("VLAN 0 is out of range");
        assertThatThrownBy(() -> Vids.parseVid("4095")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Vids.parseVid("ten")).hasMessageContaining("invalid VLAN ID \"ten\"");
        assertThatThrownBy(() -> Vids.parseVid("-1")).hasMessageContaining("invalid VLAN ID");
        assertThatThrownBy(() -> Vids.parseVid("99999999999")).hasMessageContaining("invalid VLAN ID");
        assertThatThrownBy(() -> Vids.parseRange("200-100")).hasMessageContaining("backwards");
        assertThatThrownBy(() -> Vids.parseRange("100-")).hasMessageContaining("invalid VLAN ID \"\"");
        assertThatThrownBy(() -> Vids.parseList("100,,200")).hasMessageContaining("empty element");
        assertThatThrownBy(() -> Vids.parseList("")).hasMessageContaining("empty VLAN list");
    }
}
