package io.netlink4j.bridge;

import io.netlink4j.core.NdMsg;
import io.netlink4j.core.NeighCodec;
import java.util.EnumSet;
import java.util.Set;

/** Flags of an FDB entry: the NTF_* bits of ndm_flags and the NTF_EXT_* bits of NDA_FLAGS_EXT. */
public enum FdbFlag {
    /** NTF_SELF: an entry of the device itself (its own FDB: a NIC, a VXLAN device, the bridge's local table). */
    SELF(NdMsg.NTF_SELF, false),
    /** NTF_MASTER: an entry of the device's master (the bridge FDB). */
    MASTER(NdMsg.NTF_MASTER, false),
    /** NTF_USE: refresh the entry as if used. */
    USE(NdMsg.NTF_USE, false),
    /** NTF_EXT_LEARNED: learned by an external agent (driver, control plane). */
    EXTERN_LEARN(NdMsg.NTF_EXT_LEARNED, false),
    /** NTF_OFFLOADED: installed in hardware. */
    OFFLOADED(NdMsg.NTF_OFFLOADED, false),
    /** NTF_STICKY: the entry never moves to another port. */
    STICKY(NdMsg.NTF_STICKY, false),
    /** NTF_ROUTER: the address belongs to a router. */
    ROUTER(NdMsg.NTF_ROUTER, false),
    /** NTF_EXT_MANAGED (NDA_FLAGS_EXT). */
    MANAGED(NeighCodec.NTF_EXT_MANAGED, true),
    /** NTF_EXT_LOCKED (NDA_FLAGS_EXT): learned on a locked port, not used for forwarding. */
    LOCKED(NeighCodec.NTF_EXT_LOCKED, true);

    private final int bit;
    private final boolean ext;

    FdbFlag(int bit, boolean ext) {
        this.bit = bit;
        this.ext = ext;
    }

    /** The bit in ndm_flags, or in NDA_FLAGS_EXT when {@link #isExt()}. */
    public int bit() {
        return bit;
    }

    /** True for flags carried in NDA_FLAGS_EXT. */
    public boolean isExt() {
        return ext;
    }

    /** The flags set in {@code ndmFlags} and {@code extFlags}. */
    public static Set<FdbFlag> of(int ndmFlags, int extFlags) {
        EnumSet<FdbFlag> s = EnumSet.noneOf(FdbFlag.class);
        for (FdbFlag f : values()) {
            if (((f.ext ? extFlags : ndmFlags) & f.bit) != 0) {
                s.add(f);
            }
        }
        return s;
    }
}
