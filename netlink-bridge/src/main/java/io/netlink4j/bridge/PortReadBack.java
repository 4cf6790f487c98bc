package io.netlink4j.bridge;

import static io.netlink4j.bridge.PortCodec.IFLA_BRPORT_BACKUP_NHID;
import static io.netlink4j.bridge.PortCodec.IFLA_BRPORT_BACKUP_PORT;
import static io.netlink4j.bridge.PortCodec.IFLA_BRPORT_FLUSH;

import io.netlink4j.core.NetlinkException;
import io.netlink4j.core.RtnlChannel;
import java.util.BitSet;

/**
 * Decides the port updates of a broken bulk run whose answers were lost, by reading each port
 * back (one RTM_GETLINK per port, decoded as {@link BridgePorts#get} does): an update is in
 * effect when the kernel shows every setting it asked for, not in effect when one differs.
 *
 * <p>Left undecided: an update with a flush (an action, nothing to read back), one asking for
 * a value the kernel does not report, one whose port cannot be read, and one that a later sent
 * update of the same port overwrote in part (the kernel then shows the later value). An update
 * whose values the port already had before the run reads as in effect: it is.
 */
final class PortReadBack {
    private PortReadBack() {}

    /** What one read-back shows for an update. */
    enum Verdict { IN_EFFECT, NOT_IN_EFFECT, UNDECIDED }

    /**
     * Moves the decidable updates of {@code unknown} to {@code applied} or {@code notApplied} and
     * marks them in {@code readBack}. Throws when {@code ch} breaks (the rest stays unknown).
     */
    static void resolve(RtnlChannel ch, PortBulk.Run r, BitSet unknown, BitSet applied, BitSet notApplied,
                        BitSet readBack) {
        for (int k = 0; k < r.sent; k++) {
            int i = r.toSend[k];
            if (!unknown.get(i) || r.updates.get(i).settings().flush() || overwrittenLater(r, k)) {
                continue;
            }
            PortInfo now;
            try {
                now = BridgePorts.get(ch, r.ifindex[i], null);
            } catch (NetlinkException e) {
                if (!ch.isOpen()) {
                    throw e; // the read-back channel broke too: the rest stays unknown
                }
                continue; // the port is gone or no longer a port: cannot tell
            }
            Verdict v = compare(r.updates.get(i).settings(), now.settings());
            if (v != Verdict.UNDECIDED) {
                (v == Verdict.IN_EFFECT ? applied : notApplied).set(i);
                readBack.set(i);
                unknown.clear(i); // as it goes: a break of the read leaves the rest unknown, the decided not
            }
        }
    }

    /** Whether an update sent after the {@code k}-th one sets a value of the same port that it sets too. */
    private static boolean overwrittenLater(PortBulk.Run r, int k) {
        int i = r.toSend[k];
        AttrValues mine = r.updates.get(i).settings().values();
        for (int later = k + 1; later < r.sent; later++) {
            int j = r.toSend[later];
            if (r.ifindex[j] != r.ifindex[i]) {
                continue;
            }
            AttrValues theirs = r.updates.get(j).settings().values();
            for (int a = 0; a < mine.size(); a++) {
                if (theirs.has(mine.typeAt(a))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the settings {@code want} are all shown by {@code now}. */
    static Verdict compare(PortSettings want, PortConfig now) {
        AttrValues w = want.values();
        boolean differs = false;
        for (int a = 0; a < w.size(); a++) {
            int t = w.typeAt(a);
            if (t == IFLA_BRPORT_FLUSH) {
                return Verdict.UNDECIDED;
            }
            long shown;
            if (now.reported(t)) {
                shown = now.value(t);
            } else if (t == IFLA_BRPORT_BACKUP_PORT || t == IFLA_BRPORT_BACKUP_NHID) {
                shown = 0; // sent only when set
            } else {
                return Verdict.UNDECIDED; // this kernel does not report it
            }
            differs |= shown != w.get(t);
        }
        return differs ? Verdict.NOT_IN_EFFECT : Verdict.IN_EFFECT;
    }
}
