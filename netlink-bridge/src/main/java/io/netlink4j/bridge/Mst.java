package io.netlink4j.bridge;

import io.netlink4j.core.Link;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.Links;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import java.util.List;
import java.util.Map;

/**
 * Multiple spanning trees ({@code bridge mst}): the STP state of a bridge port per MST instance.
 * A VLAN follows the state of its MSTI ({@link VlanGlobalOptions.Builder#msti}). Needs the bridge's
 * {@code mst_enable} ({@link BridgeSettings.Builder#mstEnable}), which the kernel only lets change
 * while no port has VLANs, and VLAN filtering. Get it from {@link BridgeNetlink#mst()}.
 *
 * <pre>{@code
 * nl.vlans().global().set("br0", Vlan.of(100), VlanGlobalOptions.builder().msti(5).build());
 * nl.mst().set("v0", 5, PortState.BLOCKING);   // VLAN 100 on v0 now blocks
 * }</pre>
 *
 * Thread-safe: every call is one conversation on a channel of the handle.
 */
public final class Mst {
    private final BridgeNetlink nl;

    Mst(BridgeNetlink nl) {
        this.nl = nl;
        LinkCodec.init();
    }

    /**
     * {@code bridge mst set dev PORT msti MSTI state STATE}, one RTM_SETLINK. The kernel refuses it
     * (EBUSY, "Can't modify MST state when MST is disabled") while mst_enable is off.
     *
     * @throws IllegalArgumentException msti outside 0..4094 or state null (nothing is sent)
     * @throws NotABridgePortException  {@code port} is not a bridge port
     */
    public void set(String port, int msti, PortState state) {
        LinkCodec.validateName(port);
        MstState s = new MstState(msti, state); // checks msti and state
        String op = "mst set dev " + port + " msti " + msti + " state " + state.label();
        nl.call(ch -> {
            Link l = new Links(ch).find(port).orElseThrow(() -> Devices.noSuchDevice(op, port));
            if (!l.isBridgePort()) {
                throw new NotABridgePortException(op, 0, null, null, port, port + " is not a bridge port");
            }
            MessageWriter w = ch.request(Rtnetlink.RTM_SETLINK, NlMsg.NLM_F_ACK);
            MstCodec.encodeSet(w, l.index(), s.msti(), s.state());
            Vlans.execute(ch, op);
            return null;
        });
    }

    /** The MSTI states of one port; empty when mst_enable is off or the port has no VLANs. */
    public List<MstState> get(String port) {
        LinkCodec.validateName(port);
        return list().getOrDefault(port, List.of());
    }

    /**
     * Every bridge port's MSTI states by port name ({@code bridge mst show}): the AF_BRIDGE link
     * dump with RTEXT_FILTER_MST. Ports that report none (mst_enable off, no VLANs) are left out.
     */
    public Map<String, List<MstState>> list() {
        return nl.call(ch -> {
            MessageWriter w = ch.request(Rtnetlink.RTM_GETLINK, NlMsg.NLM_F_DUMP);
            MstCodec.encodeDump(w);
            MstCodec.Reader reader = new MstCodec.Reader();
            return Vlans.linkDump(ch, "mst show", reader::reset, reader,
                    l -> reader.seen ? List.copyOf(reader.states) : null);
        });
    }
}
