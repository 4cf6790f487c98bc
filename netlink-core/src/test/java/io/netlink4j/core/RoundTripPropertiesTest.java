package io.netlink4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netlink4j.core.testing.Gen;
import io.netlink4j.core.testing.SeededTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * encode → decode = identity: for the writer/iterator primitives (every kind, nested, padded)
 * and for the typed models of core ({@link Link} through a RTM_NEWLINK message). Typed models of
 * higher modules get the same property next to their codec. Each property runs the stated number
 * of inputs per seed ({@link Gen}): 4 seeds in the everyday build.
 */
class RoundTripPropertiesTest {

    /** One attribute of any kind, or a nest of them; {@code value} is what the reader must see. */
    sealed interface Attr permits Scalar, Nest {}

    record Scalar(int type, int kind, long number, String text, byte[] bytes) implements Attr {
        @Override
        public String toString() {
            return "Scalar[type=" + type + ", kind=" + kind + ", number=" + number + ", text=" + text + ", bytes="
                    + HexFormat.of().formatHex(bytes) + "]";
        }
    }

    record Nest(int type, boolean flag, List<Attr> children) implements Attr {}

    /** Up to 6 attributes; one in 5 a nest of the same, down to {@code depth} levels. */
    static List<Attr> attrs(Gen g, int depth) {
        return g.list(0, 6, () -> depth > 0 && g.weighted(4, 1) == 1
                ? new Nest(g.intBetween(0, 0x3fff), g.bool(), attrs(g, depth - 1))
                : new Scalar(g.intBetween(0, 0x3fff), g.intBetween(0, 7), g.anyLong(), g.string(20, (char) 1, (char) 0x7ff),
                        g.bytes(40)));
    }

    /** An attribute tree and where its area starts (any 4-aligned offset after 0 to 3 reserved words). */
    record Tree(List<Attr> attrs, int lead) {}

    private static void write(MessageWriter w, List<Attr> attrs) {
        for (Attr a : attrs) {
            if (a instanceof Nest n) {
                int token = w.beginNest(n.type(), n.flag());
                write(w, n.children());
                w.endNest(token);
                continue;
            }
            Scalar s = (Scalar) a;
            switch (s.kind()) {
                case 0 -> w.putU8(s.type(), (int) s.number());
                case 1 -> w.putU16(s.type(), (int) s.number());
                case 2 -> w.putU32(s.type(), (int) s.number());
                case 3 -> w.putU64(s.type(), s.number());
                case 4 -> w.putBe16(s.type(), (int) s.number());
                case 5 -> w.putString(s.type(), s.text());
                case 6 -> w.putFlag(s.type());
                default -> w.putBytes(s.type(), s.bytes());
            }
        }
    }

    private static void read(AttributeIterator it, List<Attr> expected) {
        List<Attr> left = new ArrayList<>(expected);
        while (it.next()) {
            assertThat(left).as("more attributes than written").isNotEmpty();
            Attr a = left.remove(0);
            assertThat(it.attributeOffset() % 4).isZero();
            if (a instanceof Nest n) {
                assertThat(it.type()).isEqualTo(n.type());
                assertThat(it.nestedFlag()).isEqualTo(n.flag());
                AttributeIterator child = it.nested(new AttributeIterator());
                read(child, n.children());
                it.absorb(child);
                continue;
            }
            Scalar s = (Scalar) a;
            assertThat(it.type()).isEqualTo(s.type());
            assertThat(it.nestedFlag()).isFalse();
            switch (s.kind()) {
                case 0 -> assertThat(it.u8()).isEqualTo((int) s.number() & 0xff);
                case 1 -> assertThat(it.u16()).isEqualTo((int) s.number() & 0xffff);
                case 2 -> {
                    assertThat(it.u32()).isEqualTo((int) s.number());
                    assertThat(it.uint()).isEqualTo(s.number() & 0xffffffffL);
                }
                case 3 -> {
                    assertThat(it.u64()).isEqualTo(s.number());
                    assertThat(it.uint()).isEqualTo(s.number());
                }
                case 4 -> assertThat(it.be16()).isEqualTo((int) s.number() & 0xffff);
                case 5 -> {
                    assertThat(it.string()).isEqualTo(s.text());
                    if (s.text().chars().allMatch(c -> c < 0x80)) {
                        assertThat(it.stringEquals(s.text())).isTrue();
                    }
                }
                case 6 -> assertThat(it.payloadLength()).isZero();
                default -> assertThat(it.bytes()).isEqualTo(s.bytes());
            }
        }
        it.check();
        assertThat(left).as("attributes written but not read").isEmpty();
    }

    private final MessageWriter writer = MessageWriter.allocate(64 * 1024);

    @SeededTest
    void writerThenIteratorIsIdentity(long seed) {
        Gen.forAll(seed, 250, g -> new Tree(attrs(g, 3), g.intBetween(0, 3)), tree -> {
            MessageWriter w = writer.reset();
            w.reserve(tree.lead()); // attribute areas start at any 4-aligned offset
            int start = w.length();
            write(w, tree.attrs());
            assertThat(w.length() % 4).isZero();
            AttributeIterator it = new AttributeIterator().wrap(w.buffer(), start, w.length() - start);
            read(it, tree.attrs());
        });
    }

    private static final String[] OPER_STATES = {"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"};

    static Link link(Gen g) {
        return new Link(g.intBetween(0, Integer.MAX_VALUE), g.string(1, 15, "abcdefghijklmnopqrstuvwxyz0123456789"),
                kind(g), kind(g), g.anyInt(), g.pick(OPER_STATES), g.intBetween(0, Integer.MAX_VALUE),
                g.chance(0.2) ? null : MacAddress.format(g.bytesOfSize(6)), g.intBetween(0, Integer.MAX_VALUE),
                g.intBetween(0, Integer.MAX_VALUE), g.intBetween(0, Integer.MAX_VALUE), g.intBetween(-1, 1000),
                g.pick(Rtnetlink.AF_UNSPEC, Rtnetlink.AF_BRIDGE));
    }

    private static String kind(Gen g) {
        return g.chance(0.3) ? null : g.pick("bridge", "veth", "dummy", "vxlan");
    }

    /** Writes {@code l} as the kernel would report it (rtnl_fill_ifinfo order), in a message of type RTM_NEWLINK. */
    static NlMsg encode(Link l) {
        MessageWriter w = MessageWriter.allocate(4096);
        w.begin(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_MULTI, 1, 0);
        int at = w.reserve(IfInfoMsg.LENGTH);
        w.buffer().put(at + IfInfoMsg.FAMILY_OFFSET, (byte) l.family());
        w.buffer().putInt(at + IfInfoMsg.INDEX_OFFSET, l.index());
        w.buffer().putInt(at + IfInfoMsg.FLAGS_OFFSET, l.flags());
        w.putString(LinkCodec.IFLA_IFNAME, l.name());
        w.putU32(LinkCodec.IFLA_MTU, l.mtu());
        w.putU8(LinkCodec.IFLA_OPERSTATE, Arrays.asList(OPER_STATES).indexOf(l.operState()));
        w.putU32(LinkCodec.IFLA_PROMISCUITY, l.promiscuity());
        if (l.master() != 0) {
            w.putU32(LinkCodec.IFLA_MASTER, l.master());
        }
        if (l.link() != 0) {
            w.putU32(LinkCodec.IFLA_LINK, l.link());
        }
        if (l.linkNetnsId() >= 0) {
            w.putU32(LinkCodec.IFLA_LINK_NETNSID, l.linkNetnsId());
        }
        if (l.address() != null) {
            w.putBytes(LinkCodec.IFLA_ADDRESS, MacAddress.parse(l.address()));
        }
        w.putU32(LinkCodec.IFLA_GROUP, 0); // attributes the codec does not read are skipped
        if (l.kind() != null || l.slaveKind() != null) {
            int info = w.beginNest(LinkCodec.IFLA_LINKINFO, false);
            if (l.kind() != null) {
                w.putString(LinkCodec.IFLA_INFO_KIND, l.kind());
                int data = w.beginNest(LinkCodec.IFLA_INFO_DATA, false);
                w.putU32(1, 7);
                w.endNest(data);
            }
            if (l.slaveKind() != null) {
                w.putString(LinkCodec.IFLA_INFO_SLAVE_KIND, l.slaveKind());
            }
            w.endNest(info);
        }
        w.end();
        return new NlMsg().wrap(w.buffer(), 0);
    }

    @SeededTest
    void linkMessageRoundTrips(long seed) {
        Gen.forAll(seed, 250, RoundTripPropertiesTest::link, RoundTripPropertiesTest::linkMessageRoundTrips);
    }

    private static void linkMessageRoundTrips(Link link) {
        String[] seenKind = {null};
        int[] seenValue = {0};
        LinkCodec.Hook hook = new LinkCodec.Hook() {
            @Override
            public void infoData(String kind, AttributeIterator data) {
                seenKind[0] = kind;
                while (data.next()) {
                    seenValue[0] = data.u32();
                }
            }
        };
        assertThat(LinkCodec.decode(encode(link), hook)).isEqualTo(link);
        // the nest for a higher layer reaches the hook, with the kind it belongs to
        assertThat(seenKind[0]).isEqualTo(link.kind());
        assertThat(seenValue[0]).isEqualTo(link.kind() == null ? 0 : 7);
    }

    @SeededTest
    void macAddressFormatParseRoundTrips(long seed) {
        Gen.forAll(seed, 50, g -> g.bytesOfSize(6), mac -> assertThat(MacAddress.parse(MacAddress.format(mac))).isEqualTo(mac));
    }

    @SeededTest
    void attributeTooLongForNlaLenIsRefusedNotWrapped(long seed) {
        Gen.forAll(seed, 13, g -> g.intBetween(65532, 70000), RoundTripPropertiesTest::attributeTooLongIsRefused);
    }

    private static void attributeTooLongIsRefused(int size) {
        MessageWriter w = MessageWriter.allocate(128 * 1024);
        assertThatThrownBy(() -> w.putBytes(1, new byte[size])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65535");
        int nest = w.beginNest(2);
        w.putBytes(1, new byte[size / 2]);
        w.putBytes(1, new byte[size / 2]);
        assertThatThrownBy(() -> w.endNest(nest)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65535");
    }
}
