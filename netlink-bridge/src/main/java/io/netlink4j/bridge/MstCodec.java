package io.netlink4j.bridge;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.IfInfoMsg;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.Rtnetlink;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-port MST state (linux/if_bridge.h): RTM_SETLINK, ifinfomsg {AF_BRIDGE, port ifindex},
 * IFLA_AF_SPEC (no NLA_F_NESTED, as every AF_BRIDGE setlink of iproute2) › IFLA_BRIDGE_MST ›
 * IFLA_BRIDGE_MST_ENTRY › {MSTI u16, STATE u8}; the MST nests carry NLA_F_NESTED, which the
 * kernel's policy demands of IFLA_BRIDGE_MST_ENTRY (the 6.1 kernel answers EINVAL "NLA_F_NESTED
 * is missing" without it). Read back from the AF_BRIDGE link dump with IFLA_EXT_MASK RTEXT_FILTER_MST: the kernel
 * reports IFLA_BRIDGE_MST with one entry per MSTI in use on the port, only while the bridge has
 * mst_enable on.
 */
final class MstCodec {
    private MstCodec() {}

    static final int IFLA_BRIDGE_MST = 6;
    static final int IFLA_BRIDGE_MST_ENTRY = 1;
    static final int IFLA_BRIDGE_MST_ENTRY_MSTI = 1;
    static final int IFLA_BRIDGE_MST_ENTRY_STATE = 2;

    /** The request of {@code bridge mst set dev PORT msti N state S}. */
    static void encodeSet(MessageWriter w, int portIndex, int msti, PortState state) {
        IfInfoMsg.put(w, Rtnetlink.AF_BRIDGE, portIndex, 0, 0);
        int af = w.beginNest(LinkCodec.IFLA_AF_SPEC, false);
        int mst = w.beginNest(IFLA_BRIDGE_MST);
        int entry = w.beginNest(IFLA_BRIDGE_MST_ENTRY);
        w.putU16(IFLA_BRIDGE_MST_ENTRY_MSTI, msti);
        w.putU8(IFLA_BRIDGE_MST_ENTRY_STATE, state.value());
        w.endNest(entry);
        w.endNest(mst);
        w.endNest(af);
    }

    /** The dump request of {@code bridge mst show}. */
    static void encodeDump(MessageWriter w) {
        IfInfoMsg.put(w, Rtnetlink.AF_BRIDGE, 0, 0, 0);
        w.putU32(LinkCodec.IFLA_EXT_MASK, Rtnetlink.RTEXT_FILTER_MST);
    }

    /** Reads IFLA_AF_SPEC › IFLA_BRIDGE_MST of one AF_BRIDGE link message; everything else is skipped. */
    static final class Reader implements LinkCodec.Hook {
        private final AttributeIterator mst = new AttributeIterator();
        private final AttributeIterator entry = new AttributeIterator();
        final List<MstState> states = new ArrayList<>();
        boolean seen;

        void reset() {
            states.clear();
            seen = false;
        }

        @Override
        public void afSpec(AttributeIterator it) {
            while (it.next()) {
                if (it.type() != IFLA_BRIDGE_MST) {
                    continue;
                }
                seen = true;
                it.nested(mst);
                while (mst.next()) {
                    if (mst.type() == IFLA_BRIDGE_MST_ENTRY) {
                        decodeEntry(mst.nested(entry));
                        mst.absorb(entry);
                    }
                }
                it.absorb(mst);
            }
        }

        private void decodeEntry(AttributeIterator e) {
            int msti = -1;
            int state = -1;
            while (e.next()) {
                switch (e.type()) {
                    case IFLA_BRIDGE_MST_ENTRY_MSTI: msti = e.u16(); break;
                    case IFLA_BRIDGE_MST_ENTRY_STATE: state = e.u8(); break;
                    default: break;
                }
            }
            if (e.error() != null) {
                return;
            }
            if (msti < 0 || state < 0) {
                e.fail("IFLA_BRIDGE_MST_ENTRY without MSTI or STATE");
                return;
            }
            if (msti > Vlan.MAX_VID || state > PortState.BR_STATE_BLOCKING) {
                e.fail("IFLA_BRIDGE_MST_ENTRY with msti " + msti + " state " + state);
                return;
            }
            states.add(new MstState(msti, PortState.of(state)));
        }
    }
}
