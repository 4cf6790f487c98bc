package io.netlink4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.Link;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.NetlinkParseException;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.testing.Golden;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every decoder of this module, fed the kernel's real answers (the golden captures) cut short and
 * with 16-bit words overwritten (all of them in short messages, a fixed random sample of 120 in
 * long ones, so that the test stays fast), either decodes or throws
 * {@link NetlinkParseException}: never IndexOutOfBounds, an IllegalArgumentException from an enum
 * lookup, or an endless loop (an endless loop would hang this test).
 */
class MalformedInputTest {
    private static final String[] ANSWERS = {
        "link_show_detail_dev", "link_show_bridge_detail", "bridge_link_show", "link_dump",
        "fdb_show_br", "fdb_show_brport", "fdb_get", "vlan_show", "vlan_show_vm", "vlan_show_compressed_vm",
        "vlan_show_detail_vm", "bridge_show_vlan_settings_vm", "bridge_vlan_settings_vm",
    };

    @Test
    void everyDecoderFailsOnlyWithParseExceptions() {
        int messages = 0;
        int mutations = 0;
        int parseErrors = 0;
        Random rnd = new Random(4);
        for (String name : ANSWERS) {
            for (Golden.Frame f : Golden.load(name).frames()) {
                if (f.send()) {
                    continue;
                }
                for (byte[] msg : messagesOf(f.bytes())) {
                    messages++;
                    assertThat(decodeAll(msg, name)).as("%s decodes as captured", name).isTrue();
                    // every cut and every word of short messages; a fixed random sample of long ones
                    int tries = Math.min(msg.length - 16, 120);
                    for (int k = 0; k < tries; k++) {
                        int cut = msg.length - 16 <= 120 ? 16 + k : 16 + rnd.nextInt(msg.length - 16);
                        byte[] m = java.util.Arrays.copyOf(msg, cut);
                        putU32(m, 0, cut); // the header says what is there; the attributes do not fit
                        mutations++;
                        parseErrors += decodeAll(m, name) ? 0 : 1;
                    }
                    int words = (msg.length - 16) / 2;
                    for (int k = 0; k < Math.min(words, 120); k++) {
                        int at = 16 + 2 * (words <= 120 ? k : rnd.nextInt(words));
                        for (int v : new int[] {0, 3, 5, 0xffff, 1 + rnd.nextInt(0xfffe)}) {
                            byte[] m = msg.clone();
                            m[at] = (byte) v;
                            m[at + 1] = (byte) (v >>> 8);
                            mutations++;
                            parseErrors += decodeAll(m, name) ? 0 : 1;
                        }
                    }
                }
            }
        }
        assertThat(messages).isGreaterThan(20);
        // proof that the mutations reach the decoders' error paths, not only harmless bytes
        assertThat(parseErrors).isGreaterThan(mutations / 20);
    }

    /** True when every decoder read the message, false when one threw NetlinkParseException. */
    private static boolean decodeAll(byte[] bytes, String capture) {
        ByteBuffer b = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.nativeOrder());
        b.put(0, bytes);
        NlMsg m = new NlMsg().wrap(b, 0);
        try {
            switch (m.type()) {
                case Rtnetlink.RTM_NEWLINK: {
                    PortInfo.Builder port = new PortInfo.Builder();
                    BridgeInfo.Builder bridge = new BridgeInfo.Builder();
                    BridgeVlanOptionsCodec.Reader vlanOptions = new BridgeVlanOptionsCodec.Reader();
                    Link l = LinkCodec.decode(m, new LinkCodec.Hook() {
                        @Override
                        public void infoData(String kind, AttributeIterator data) {
                            if ("bridge".equals(kind)) {
                                BridgeCodec.decode(data, bridge);
                            }
                        }

                        @Override
                        public void slaveData(String slaveKind, AttributeIterator data) {
                            if ("bridge".equals(slaveKind)) {
                                PortCodec.decode(data, port);
                            }
                        }

                        @Override
                        public void protinfo(AttributeIterator data) {
                            PortAttributes.decode(data, new HashMap<>());
                        }

                        @Override
                        public void afSpec(AttributeIterator data) {
                            BridgeAfSpecCodec.decode(data, new BitSet(), new BitSet());
                        }
                    });
                    LinkCodec.decode(m, vlanOptions);
                    // what a caller reads must not throw either
                    port.build(l).toString();
                    port.build(l).state();
                    bridge.build(l).toString();
                    bridge.build(l).settings().vlanProtocol();
                    return true;
                }
                case Rtnetlink.RTM_NEWNEIGH: {
                    FdbView v = new FdbView();
                    if (v.wrap(m)) {
                        v.toEntry(i -> null).toString();
                    }
                    return true;
                }
                case Rtnetlink.RTM_NEWVLAN: {
                    VlanDbCodec.decode(m, new AttributeIterator(), new AttributeIterator(), e -> e.toString());
                    return true;
                }
                default:
                    return true;
            }
        } catch (NetlinkParseException e) {
            return false;
        } catch (RuntimeException e) {
            fail(capture + ": " + e + " on " + Golden.hex(bytes), e);
            return false;
        }
    }

    private static List<byte[]> messagesOf(byte[] datagram) {
        ByteBuffer b = ByteBuffer.wrap(datagram).order(ByteOrder.nativeOrder());
        List<byte[]> out = new ArrayList<>();
        int pos = 0;
        while (pos + 16 <= datagram.length) {
            int len = b.getInt(pos);
            if (len < 16 || pos + len > datagram.length) {
                break;
            }
            out.add(java.util.Arrays.copyOfRange(datagram, pos, pos + len));
            pos += NlMsg.align(len);
        }
        return out;
    }

    private static void putU32(byte[] m, int at, int v) {
        ByteBuffer.wrap(m).order(ByteOrder.nativeOrder()).putInt(at, v);
    }
}
