package io.netlink4j.bridge;

import io.netlink4j.core.NdMsg;

/**
 * What {@link Fdb#flush} removes from a bridge FDB. By default: static and dynamic entries, not
 * the permanent (local) ones — those are the bridge's and ports' own addresses.
 *
 * <pre>{@code
 * fdb.flush(FdbFlush.port("v0").dynamicOnly());          // learned entries behind v0
 * fdb.flush(FdbFlush.bridge("br0").vlan(100));
 * fdb.flush(FdbFlush.port("v0").staticOnly().externLearn(false));   // bridge fdb flush ... static noextern_learn
 * }</pre>
 *
 * @param bridge           the bridge (may be null when {@code port} is given: its master)
 * @param port             only entries behind this port, or null
 * @param vlan             only entries of this VLAN, 0 = any
 * @param onlyDynamic      only dynamic (learned / ageing) entries
 * @param withPermanent    also permanent (local) entries
 * @param kernelBulk       use the kernel's bulk delete when it has one (default); false = dump and delete
 * @param onlyStatic       only static entries (not permanent, not dynamic)
 * @param flags            the NTF_* bits entries must have, among {@code flagsMask}
 * @param flagsMask        the NTF_* bits that are compared: NTF_USE (added by user), NTF_EXT_LEARNED,
 *                         NTF_STICKY, NTF_OFFLOADED, as {@code bridge fdb flush [no]added_by_user ...}
 */
public record FdbFlush(String bridge, String port, int vlan, boolean onlyDynamic, boolean withPermanent,
                       boolean kernelBulk, boolean onlyStatic, int flags, int flagsMask) {

    /** The NTF_* bits a flush can select on (bridge(8) 6.1). */
    static final int FLAG_BITS = NdMsg.NTF_USE | NdMsg.NTF_EXT_LEARNED | NdMsg.NTF_STICKY | NdMsg.NTF_OFFLOADED;

    public FdbFlush {
        if (onlyDynamic && (onlyStatic || withPermanent) || onlyStatic && withPermanent) {
            throw new IllegalArgumentException("flush: dynamic only, static only and with permanent exclude each other");
        }
        if ((flagsMask & ~FLAG_BITS) != 0 || (flags & ~flagsMask) != 0) {
            throw new IllegalArgumentException("flush: flags 0x" + Integer.toHexString(flags) + " / mask 0x"
                    + Integer.toHexString(flagsMask) + " outside added_by_user, extern_learn, sticky, offloaded");
        }
    }

    /** The six-field form of the first releases (no static-only, no flag selection). */
    public FdbFlush(String bridge, String port, int vlan, boolean onlyDynamic, boolean withPermanent, boolean kernelBulk) {
        this(bridge, port, vlan, onlyDynamic, withPermanent, kernelBulk, false, 0, 0);
    }

    public static FdbFlush bridge(String bridge) {
        return new FdbFlush(bridge, null, 0, false, false, true);
    }

    /** The entries behind port {@code port} of its bridge. */
    public static FdbFlush port(String port) {
        return new FdbFlush(null, port, 0, false, false, true);
    }

    public FdbFlush vlan(int v) {
        return new FdbFlush(bridge, port, v, onlyDynamic, withPermanent, kernelBulk, onlyStatic, flags, flagsMask);
    }

    /** Only dynamic (learned, ageing) entries. */
    public FdbFlush dynamicOnly() {
        return new FdbFlush(bridge, port, vlan, true, withPermanent, kernelBulk, onlyStatic, flags, flagsMask);
    }

    /** Only static entries ({@code bridge fdb flush ... static}). */
    public FdbFlush staticOnly() {
        return new FdbFlush(bridge, port, vlan, onlyDynamic, withPermanent, kernelBulk, true, flags, flagsMask);
    }

    /** Also the permanent (local) entries. */
    public FdbFlush includePermanent() {
        return new FdbFlush(bridge, port, vlan, onlyDynamic, true, kernelBulk, onlyStatic, flags, flagsMask);
    }

    /** Dump and delete entry by entry even where the kernel has a bulk delete (counts what it removed). */
    public FdbFlush withoutKernelBulk() {
        return new FdbFlush(bridge, port, vlan, onlyDynamic, withPermanent, false, onlyStatic, flags, flagsMask);
    }

    /** Only entries added by a user ({@code true}: {@code added_by_user}) or not ({@code noadded_by_user}); kernel bulk delete only. */
    public FdbFlush addedByUser(boolean with) {
        return flag(NdMsg.NTF_USE, with);
    }

    /** Only entries with ({@code extern_learn}) or without ({@code noextern_learn}) the extern_learn flag. */
    public FdbFlush externLearn(boolean with) {
        return flag(NdMsg.NTF_EXT_LEARNED, with);
    }

    /** Only sticky ({@code sticky}) or non-sticky ({@code nosticky}) entries. */
    public FdbFlush sticky(boolean with) {
        return flag(NdMsg.NTF_STICKY, with);
    }

    /** Only entries offloaded to hardware ({@code offloaded}) or not ({@code nooffloaded}). */
    public FdbFlush offloaded(boolean with) {
        return flag(NdMsg.NTF_OFFLOADED, with);
    }

    private FdbFlush flag(int bit, boolean with) {
        return new FdbFlush(bridge, port, vlan, onlyDynamic, withPermanent, kernelBulk, onlyStatic,
                with ? flags | bit : flags & ~bit, flagsMask | bit);
    }
}
