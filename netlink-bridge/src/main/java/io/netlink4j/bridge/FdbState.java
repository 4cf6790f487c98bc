package io.netlink4j.bridge;

import io.netlink4j.core.NdMsg;

/**
 * The state of a bridge FDB entry, as the kernel reports it in {@code ndm_state} (fdb_to_nud) and
 * as {@code bridge fdb add} spells it.
 */
public enum FdbState {
    /** "permanent"/"local": the address of the bridge or a port; frames to it are delivered locally. Never ages. */
    PERMANENT,
    /** "static": a user entry that never ages (NUD_NOARP). */
    STATIC,
    /** "dynamic": learned or added as dynamic, ages out (NUD_REACHABLE). */
    DYNAMIC,
    /** A dynamic entry past its ageing time, not yet removed (NUD_STALE). */
    STALE;

    /** The state of a reported entry from its ndm_state. */
    public static FdbState fromNud(int nud) {
        if ((nud & NdMsg.NUD_PERMANENT) != 0) {
            return PERMANENT;
        }
        if ((nud & NdMsg.NUD_NOARP) != 0) {
            return STATIC;
        }
        if ((nud & NdMsg.NUD_STALE) != 0) {
            return STALE;
        }
        return DYNAMIC;
    }

    /**
     * The ndm_state iproute2 sends for this state in an add/replace: permanent = NOARP|PERMANENT,
     * static = NOARP|REACHABLE, dynamic = REACHABLE. STALE cannot be requested.
     */
    public int toNud() {
        switch (this) {
            case PERMANENT: return NdMsg.NUD_NOARP | NdMsg.NUD_PERMANENT;
            case STATIC: return NdMsg.NUD_NOARP | NdMsg.NUD_REACHABLE;
            case DYNAMIC: return NdMsg.NUD_REACHABLE;
            default: throw new IllegalArgumentException("an FDB entry cannot be added in state " + this);
        }
    }
}
