package io.netlink4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * encode → decode = identity: for the writer/iterator primitives (every kind, nested, padded)
 * and for the typed models of core ({@link Link} through a RTM_NEWLINK message). Typed models of
 * higher modules get the same property next to their codec.
 */
class RoundTripPropertiesTest {

    /** One attribute of any kind, or a nest of them; {@code value} is what the reader must see. */
    sealed interface Attr permits Scalar, Nest {}

    record Scalar(int type, int kind, long number, String text, byte[] bytes) implements Attr {}

    record Nest(int type, boolean flag, List<Attr> children) implements Attr {}

    @Provide
    Arbitrary<List<Attr>> trees() {
        return attrs(3);
    }

    private Arbitrary<List<Attr>> attrs(int depth) {
        Arbitrary<Attr> scalar = Combinators.combine(Arbitraries.integers().between(0, 0x3fff),
                Arbitraries.integers().between(0, 7), Arbitraries.longs(),
                Arbitraries.strings().withCharRange((char) 1, (char) 0x7ff).ofMaxLength(20),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40))
                .as((t, k, n, s, b) -> new Scalar(t, k, n, s, b));
        Arbitrary<Attr> one = depth == 0 ? scalar : Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, scalar),
                net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, 0x3fff), Arbitraries.of(true, false),
                        Arbitraries.lazy(() -> attrs(depth - 1))).as(Nest::new)));
        return one.list().ofMaxSize(6);
    }

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

    @Property(tries = 1000)
    void writerThenIteratorIsIdentity(@ForAll("trees") List<Attr> tree, @ForAll @IntRange(min = 0, max = 3) int lead) {
        MessageWriter w = writer.reset();
        w.reserve(lead); // attribute areas start at any 4-aligned offset
        int start = w.length();
        write(w, tree);
        assertThat(w.length() % 4).isZero();
        AttributeIterator it = new AttributeIterator().wrap(w.buffer(), start, w.length() - start);
        read(it, tree);
    }

    @Provide
    Arbitrary<Link> links() {
        Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(15);
        Arbitrary<String> kind = Arbitraries.of("bridge", "veth", "dummy", "vxlan").injectNull(0.3);
        Arbitrary<String> mac = Arbitraries.bytes().array(byte[].class).ofSize(6).map(MacAddress::format).injectNull(0.2);
        Arbitrary<String> oper = Arbitraries.of("UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP");
        Arbitrary<Integer> u31 = Arbitraries.integers().greaterOrEqual(0);
        return Combinators.combine(List.of(u31.map(i -> (Object) i), name.map(s -> (Object) s), kind.map(s -> (Object) s),
                kind.map(s -> (Object) s), Arbitraries.integers().map(i -> (Object) i), oper.map(s -> (Object) s),
                u31.map(i -> (Object) i), mac.map(s -> (Object) s), u31.map(i -> (Object) i), u31.map(i -> (Object) i),
                u31.map(i -> (Object) i), Arbitraries.integers().between(-1, 1000).map(i -> (Object) i),
                Arbitraries.of(Rtnetlink.AF_UNSPEC, Rtnetlink.AF_BRIDGE).map(i -> (Object) i)))
                .as(v -> new Link((Integer) v.get(0), (String) v.get(1), (String) v.get(2), (String) v.get(3),
                        (Integer) v.get(4), (String) v.get(5), (Integer) v.get(6), (String) v.get(7), (Integer) v.get(8),
                        (Integer) v.get(9), (Integer) v.get(10), (Integer) v.get(11), (Integer) v.get(12)));
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
        w.putU8(LinkCodec.IFLA_OPERSTATE, Arrays.asList("UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING",
                "DORMANT", "UP").indexOf(l.operState()));
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

    @Property(tries = 1000)
    void linkMessageRoundTrips(@ForAll("links") Link link) {
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

    @Property(tries = 200)
    void macAddressFormatParseRoundTrips(@ForAll @Size(6) byte[] mac) {
        assertThat(MacAddress.parse(MacAddress.format(mac))).isEqualTo(mac);
    }

    @Property(tries = 50)
    void attributeTooLongForNlaLenIsRefusedNotWrapped(@ForAll @IntRange(min = 65532, max = 70000) int size) {
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
