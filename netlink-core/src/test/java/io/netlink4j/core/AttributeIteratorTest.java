package io.netlink4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class AttributeIteratorTest {
    private static ByteBuffer buf(int... bytes) {
        ByteBuffer b = ByteBuffer.allocate(bytes.length).order(ByteOrder.nativeOrder());
        for (int i = 0; i < bytes.length; i++) {
            b.put(i, (byte) bytes[i]);
        }
        return b;
    }

    @Test
    void writesAndReadsEveryKindAligned() {
        MessageWriter w = MessageWriter.allocate(256);
        w.putU8(1, 0xab).putU16(2, 0xbeef).putU32(3, 0xdeadbeef).putU64(4, 0x0102030405060708L)
                .putString(5, "br0").putFlag(6).putBytes(7, new byte[] {1, 2, 3, 4, 5, 6}).putBe16(8, 4789);
        int nest = w.beginNest(9);
        w.putU32(1, 42);
        w.endNest(nest);
        // every attribute starts 4-aligned and padding is zero
        assertThat(w.length() % 4).isZero();
        assertThat(w.buffer().get(5)).isZero();

        AttributeIterator it = new AttributeIterator().wrap(w.buffer(), 0, w.length());
        AttributeIterator child = new AttributeIterator();
        int seen = 0;
        while (it.next()) {
            seen++;
            switch (it.type()) {
                case 1 -> assertThat(it.u8()).isEqualTo(0xab);
                case 2 -> assertThat(it.u16()).isEqualTo(0xbeef);
                case 3 -> assertThat(it.u32()).isEqualTo(0xdeadbeef);
                case 4 -> assertThat(it.u64()).isEqualTo(0x0102030405060708L);
                case 5 -> {
                    assertThat(it.string()).isEqualTo("br0");
                    assertThat(it.stringEquals("br0")).isTrue();
                    assertThat(it.stringEquals("br")).isFalse();
                }
                case 6 -> assertThat(it.payloadLength()).isZero();
                case 7 -> assertThat(it.bytes()).containsExactly(1, 2, 3, 4, 5, 6);
                case 8 -> assertThat(it.be16()).isEqualTo(4789);
                case 9 -> {
                    assertThat(it.nestedFlag()).isTrue();
                    it.nested(child);
                    assertThat(child.next()).isTrue();
                    assertThat(child.u32()).isEqualTo(42);
                    assertThat(child.next()).isFalse();
                    it.absorb(child);
                }
                default -> throw new AssertionError("type " + it.type());
            }
        }
        it.check();
        assertThat(seen).isEqualTo(9);
    }

    @Test
    void nlaLenBelowFourIsAStickyErrorNotALoop() {
        AttributeIterator it = new AttributeIterator().wrap(buf(0, 0, 1, 0, 8, 0, 2, 0, 1, 2, 3, 4), 0, 12);
        assertThat(it.next()).isFalse();
        assertThat(it.next()).isFalse();
        assertThat(it.error()).contains("nla_len 0");
        assertThatThrownBy(it::check).isInstanceOf(NetlinkParseException.class);
    }

    @Test
    void lengthPastTheEndIsAnError() {
        AttributeIterator it = new AttributeIterator().wrap(buf(8, 0, 1, 0, 1, 2, 3, 4), 0, 6);
        assertThat(it.next()).isFalse();
        assertThat(it.error()).contains("past the end");
    }

    @Test
    void truncatedHeaderIsAnError() {
        AttributeIterator it = new AttributeIterator().wrap(buf(5, 0, 1, 0, 7, 0, 0, 0, 9, 9), 0, 10);
        assertThat(it.next()).isTrue();
        assertThat(it.next()).isFalse();
        assertThat(it.error()).contains("truncated attribute header");
    }

    @Test
    void shortPayloadForGetterIsStickyAndFirstErrorWins() {
        AttributeIterator it = new AttributeIterator().wrap(buf(5, 0, 1, 0, 7, 0, 0, 0, 4, 0, 2, 0), 0, 12);
        assertThat(it.next()).isTrue();
        assertThat(it.u32()).isZero();
        assertThat(it.error()).contains("u32 needs 4");
        it.fail("second");
        assertThat(it.error()).contains("u32 needs 4");
        assertThat(it.next()).isFalse();
    }

    @Test
    void zeroLengthNestAndUnknownTypesAreFine() {
        MessageWriter w = MessageWriter.allocate(64);
        w.endNest(w.beginNest(200));
        w.putU32(999 & NlAttr.NLA_TYPE_MASK, 1);
        AttributeIterator it = new AttributeIterator().wrap(w.buffer(), 0, w.length());
        AttributeIterator child = new AttributeIterator();
        int n = 0;
        while (it.next()) {
            n++;
            if (it.type() == 200) {
                assertThat(it.nested(child).next()).isFalse();
                it.absorb(child);
            }
        }
        it.check();
        assertThat(n).isEqualTo(2);
    }

    @Test
    void childErrorIsCarriedUp() {
        MessageWriter w = MessageWriter.allocate(64);
        int nest = w.beginNest(1);
        w.putU32(2, 7);
        w.endNest(nest);
        w.buffer().putShort(4, (short) 2); // corrupt the inner nla_len
        AttributeIterator it = new AttributeIterator().wrap(w.buffer(), 0, w.length());
        AttributeIterator child = new AttributeIterator();
        assertThat(it.next()).isTrue();
        assertThat(it.nested(child).next()).isFalse();
        it.absorb(child);
        assertThat(it.next()).isFalse();
        assertThat(it.error()).contains("nla_len 2");
    }

    @Test
    void writerRefusesWhatDoesNotFit() {
        MessageWriter w = MessageWriter.allocate(64);
        w.begin(16, 0, 1, 0);
        assertThatThrownBy(() -> w.putBytes(1, new byte[60]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not fit");
    }

    @Test
    void macAddressesParseAndFormat() {
        assertThat(MacAddress.format(MacAddress.parse("02:AB:00:00:0f:01"))).isEqualTo("02:ab:00:00:0f:01");
        assertThat(MacAddress.parse("02-00-00-00-00-01")).hasSize(6);
        for (String bad : new String[] {"02:00:00:00:00", "02:00:00:00:00:0g", "020:00:00:00:00:01", "", "02:00:00:00:00:01:02"}) {
            assertThatThrownBy(() -> MacAddress.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid MAC address");
        }
    }
}
