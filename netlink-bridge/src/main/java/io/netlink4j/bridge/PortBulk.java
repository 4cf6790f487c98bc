package io.netlink4j.bridge;

import io.netlink4j.core.Links;
import io.netlink4j.core.NetlinkException;
import io.netlink4j.core.NotSupportedException;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Many port updates pipelined over one channel, like the FDB bulk path: every device resolved
 * first (each name once, by ioctl), nothing sent if any is missing, then one AF_BRIDGE
 * RTM_SETLINK per update, up to a window in flight, several per datagram. Refusals are explained
 * after the run, as {@link BridgePorts#set} explains a single one.
 */
final class PortBulk {
    private PortBulk() {}

    /** Problems listed in the exception, at most. */
    private static final int MAX_REPORTED = 20;

    static PortBulkResult run(RtnlChannel ch, List<PortUpdate> updates, BulkOptions options) {
        long t0 = System.nanoTime();
        int n = updates.size();
        int[] ifindex = resolve(ch, updates);
        BitSet applied = new BitSet(n);
        int[] toSend = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (updates.get(i).settings().isEmpty()) {
                applied.set(i); // nothing to change, nothing sent (as set() does)
            } else {
                toSend[count++] = i;
            }
        }
        NetlinkException[] errors = new NetlinkException[n];
        long d0 = ch.datagramsSent();
        if (count > 0) {
            ch.pipeline("port bulk", count, options.window(), (k, w, seq) -> {
                int i = toSend[k];
                w.begin(Rtnetlink.RTM_SETLINK, 0, seq, 0);
                PortCodec.encodeProtinfoSet(w, ifindex[i], updates.get(i).settings());
                w.end();
            }, (k, e) -> {
                if (e == null) {
                    applied.set(toSend[k]);
                    return true;
                }
                errors[toSend[k]] = e;
                return !options.stopAtFirstError();
            });
        }
        long datagrams = ch.datagramsSent() - d0;
        for (int i = 0; i < n; i++) {
            if (errors[i] != null) {
                errors[i] = explain(ch, i, updates.get(i), ifindex[i], errors[i], applied);
            }
        }
        return new PortBulkResult(n, applied, errors, datagrams, System.nanoTime() - t0);
    }

    /** The ifindex of every update; throws listing every bad name before anything is sent. */
    private static int[] resolve(RtnlChannel ch, List<PortUpdate> updates) {
        Links links = new Links(ch);
        Map<String, Integer> byName = new HashMap<>();
        int[] out = new int[updates.size()];
        List<String> problems = new ArrayList<>();
        int bad = 0;
        for (int i = 0; i < out.length; i++) {
            PortUpdate u = updates.get(i);
            String why = null;
            if (u.device() == null) {
                out[i] = u.ifindex();
            } else {
                Integer known = byName.get(u.device());
                if (known == null) {
                    try {
                        known = links.indexOf(u.device());
                    } catch (IllegalArgumentException e) {
                        why = e.getMessage();
                        known = 0;
                    }
                    byName.put(u.device(), known);
                }
                out[i] = known;
                if (known == 0 && why == null) {
                    why = "no device \"" + u.device() + "\"";
                }
            }
            if (why != null && bad++ < MAX_REPORTED) {
                problems.add("#" + i + " (" + Devices.label(u.ifindex(), u.device()) + "): " + why);
            }
        }
        if (bad > 0) {
            throw new IllegalArgumentException(bad + " of " + out.length + " port updates are invalid, nothing was sent: "
                    + String.join("; ", problems) + (bad > problems.size() ? "; and " + (bad - problems.size()) + " more" : ""));
        }
        return out;
    }

    /** The refusal of update {@code i} as a single {@link BridgePorts#set} would report it (one request more). */
    private static NetlinkException explain(RtnlChannel ch, int i, PortUpdate u, int index, NetlinkException e,
                                            BitSet applied) {
        String dev = Devices.label(u.ifindex(), u.device());
        String op = "set port " + dev + " (#" + i + ")";
        NetlinkException named = NetlinkException.of(op, e.errno(), e.kernelMessage(), e.badAttribute());
        try {
            if (named instanceof NotSupportedException) {
                return BridgePorts.diagnose(ch, op, u.ifindex(), u.device(), dev, (NotSupportedException) named);
            }
            if (BridgePorts.noText(named)) {
                BridgePorts.setAsNewlink(ch, index, u.settings(), op, dev); // for the kernel's text
                applied.set(i); // accepted this time: nothing to report
                return null;
            }
        } catch (NetlinkException again) {
            return again;
        }
        return PartialUpdate.possible(u.settings()) ? PartialUpdate.say(named) : named;
    }
}
