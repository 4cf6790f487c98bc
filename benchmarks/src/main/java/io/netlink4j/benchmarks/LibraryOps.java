package io.netlink4j.benchmarks;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.core.IfInfoMsg;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.Links;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NdMsg;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;

/**
 * The library operations the end-to-end benchmark times, each one call of the public API.
 * (Core-level until the FDB and port APIs are merged.)
 */
final class LibraryOps {
    private static final int NDA_LLADDR = 2;
    private static final int IFLA_BRPORT_MODE = 4;
    private static final int IFLA_BRPORT_PROXYARP = 10;
    static final int WINDOW = 64;

    private final BridgeNetlink nl;

    LibraryOps(BridgeNetlink nl) {
        this.nl = nl;
    }

    /** MAC of entry {@code i}: 02:30 + i as 4 bytes, as the runner's bridge -batch file. */
    static void mac(int i, byte[] out) {
        out[0] = 2;
        out[1] = 0x30;
        out[2] = (byte) (i >>> 24);
        out[3] = (byte) (i >>> 16);
        out[4] = (byte) (i >>> 8);
        out[5] = (byte) i;
    }

    int ifindex(String dev) {
        return nl.call(ch -> new Links(ch).get(dev).index());
    }

    /** {@code n} static entries on port {@code dev} in one pipelined bulk call; returns how many succeeded. */
    int addBulk(String dev, int n) {
        return addBulk(dev, null, n);
    }

    /** The first {@code n} of {@code macs} (or generated MACs when null) as static entries on {@code dev}, in bulk. */
    int addBulk(String dev, byte[][] macs, int n) {
        int ifindex = ifindex(dev);
        byte[] mac = new byte[6];
        int[] ok = new int[1];
        nl.call(ch -> ch.pipeline("fdb add", n, WINDOW, (i, w, seq) -> {
            w.begin(Rtnetlink.RTM_NEWNEIGH, NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_CREATE | NlMsg.NLM_F_EXCL, seq, 0);
            NdMsg.put(w, Rtnetlink.AF_BRIDGE, ifindex, NdMsg.NUD_NOARP, NdMsg.NTF_MASTER, 0);
            if (macs == null) {
                mac(i, mac);
            }
            w.putBytes(NDA_LLADDR, macs == null ? mac : macs[i]);
            w.end();
        }, (i, err) -> {
            if (err == null) {
                ok[0]++;
            }
            return true;
        }));
        return ok[0];
    }

    /** {@code n} static entries, one request and ACK at a time. */
    int addOneByOne(String dev, int n) {
        int ifindex = ifindex(dev);
        byte[] mac = new byte[6];
        int ok = 0;
        for (int i = 0; i < n; i++) {
            mac(i, mac);
            nl.call(ch -> {
                MessageWriter w = ch.request(Rtnetlink.RTM_NEWNEIGH, NlMsg.NLM_F_CREATE | NlMsg.NLM_F_EXCL);
                NdMsg.put(w, Rtnetlink.AF_BRIDGE, ifindex, NdMsg.NUD_NOARP, NdMsg.NTF_MASTER, 0);
                w.putBytes(NDA_LLADDR, mac);
                ch.execute("fdb add");
                return null;
            });
            ok++;
        }
        return ok;
    }

    /** Streams the bridge's FDB; counts the static entries on port {@code ifindex}. */
    int dumpCountStatic(int ifindex) {
        NdMsg nd = new NdMsg();
        int[] count = new int[1];
        nl.call(ch -> {
            MessageWriter w = ch.request(Rtnetlink.RTM_GETNEIGH, 0);
            NdMsg.put(w, Rtnetlink.AF_BRIDGE, 0, 0, 0, 0);
            return ch.dump("fdb show", m -> {
                nd.wrap(m.buffer(), m.payloadOffset());
                if (nd.ifindex() == ifindex && nd.state() == NdMsg.NUD_NOARP) {
                    count[0]++;
                }
            });
        });
        return count[0];
    }

    /** One proxy_arp + hairpin update of port {@code ifindex}; returns the number of requests it took. */
    long port(int ifindex, boolean on) {
        return nl.call(ch -> {
            long before = ch.messagesSent();
            MessageWriter w = ch.request(Rtnetlink.RTM_NEWLINK, 0);
            IfInfoMsg.put(w, Rtnetlink.AF_UNSPEC, ifindex, 0, 0);
            int linkinfo = w.beginNest(LinkCodec.IFLA_LINKINFO, false);
            w.putStringNoNul(LinkCodec.IFLA_INFO_KIND, "bridge_slave");
            int slave = w.beginNest(LinkCodec.IFLA_INFO_SLAVE_DATA, false);
            w.putU8(IFLA_BRPORT_PROXYARP, on ? 1 : 0);
            w.putU8(IFLA_BRPORT_MODE, on ? 1 : 0);
            w.endNest(slave);
            w.endNest(linkinfo);
            ch.execute("port set");
            return ch.messagesSent() - before;
        });
    }

    void createScratch(String bridge, String port, String peer) {
        nl.call(ch -> {
            Links l = new Links(ch);
            l.createBridge(bridge);
            l.createVeth(port, peer);
            l.setMaster(port, bridge);
            l.setUp(bridge, true);
            l.setUp(port, true);
            l.setUp(peer, true);
            return null;
        });
    }

    void deleteLink(String name) {
        nl.call(ch -> {
            new Links(ch).delete(name);
            return null;
        });
    }
}
