package io.netlink4j.bridge;

import io.netlink4j.core.ChannelBrokenException;
import io.netlink4j.core.Links;
import io.netlink4j.core.NetlinkException;
import io.netlink4j.core.NetlinkTimeoutException;
import io.netlink4j.core.NotSupportedException;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.core.RtnlChannel;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many port updates pipelined over one channel, like the FDB bulk path: every device resolved
 * first (each name once, by ioctl), nothing sent if any is missing, then one AF_BRIDGE
 * RTM_SETLINK per update, up to a window in flight, several per datagram.
 *
 * <p>A run that breaks (timeout, overrun, failed send) still ends in a result: the updates sent
 * whose answer was lost are read back ({@link PortReadBack}) on a fresh channel of the handle
 * (the broken one is closed and not given back to the pool). Refusals are explained after the
 * run, as {@link BridgePorts#set} explains a single one, on a channel that is still working.
 */
final class PortBulk {
    private PortBulk() {}

    private static final Logger LOG = LoggerFactory.getLogger(PortBulk.class);

    /** Problems listed in the exception, at most. */
    private static final int MAX_REPORTED = 20;

    /** One run as the answers arrive; indexes are positions in {@link #updates}. */
    static final class Run {
        final List<PortUpdate> updates;
        final int[] ifindex;
        /** The indexes of the updates to send, in sending order (empty updates are not sent). */
        final int[] toSend;
        final int count;
        final BitSet applied;
        final NetlinkException[] errors;
        /** How many of {@link #toSend} went out. */
        int sent;
        long datagrams;
        NetlinkException interruption;

        Run(List<PortUpdate> updates, int[] ifindex) {
            int n = updates.size();
            this.updates = updates;
            this.ifindex = ifindex;
            this.applied = new BitSet(n);
            this.errors = new NetlinkException[n];
            this.toSend = new int[n];
            int c = 0;
            for (int i = 0; i < n; i++) {
                if (updates.get(i).settings().isEmpty()) {
                    applied.set(i); // nothing to change, nothing sent (as set() does)
                } else {
                    toSend[c++] = i;
                }
            }
            this.count = c;
        }
    }

    /** Runs the updates over channels of {@code nl}: the run on one, the aftermath (if any) on a working one. */
    static PortBulkResult run(BridgeNetlink nl, List<PortUpdate> updates, BulkOptions options) {
        long t0 = System.nanoTime();
        Run r = nl.call(ch -> send(ch, updates, options));
        BitSet notApplied = new BitSet();
        BitSet unknown = new BitSet();
        BitSet readBack = new BitSet();
        boolean refused = false;
        for (int i = 0; i < r.errors.length; i++) {
            if (r.errors[i] != null) {
                r.errors[i] = named(i, r.updates.get(i), r.errors[i]);
                refused = true;
            }
        }
        if (r.interruption != null) {
            for (int k = 0; k < r.sent; k++) {
                int i = r.toSend[k];
                if (!r.applied.get(i) && r.errors[i] == null) {
                    unknown.set(i);
                }
            }
        }
        if (refused || !unknown.isEmpty()) {
            BitSet explained = new BitSet();
            try {
                // the broken channel was closed and not given back: this is a fresh one
                nl.call(ch -> {
                    if (!unknown.isEmpty()) {
                        PortReadBack.resolve(ch, r, unknown, r.applied, notApplied, readBack);
                    }
                    for (int i = 0; i < r.errors.length; i++) {
                        if (r.errors[i] != null) {
                            r.errors[i] = explain(ch, i, r.updates.get(i), r.ifindex[i], r.errors[i], r.applied);
                            explained.set(i);
                        }
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.debug("port bulk: after the run, could not read {} ports back or explain every refusal: {}",
                        unknown.cardinality(), e.toString());
            }
            for (int i = 0; i < r.errors.length; i++) {
                if (r.errors[i] != null && !explained.get(i)) {
                    r.errors[i] = partial(r.updates.get(i), r.errors[i]);
                }
            }
        }
        return new PortBulkResult(updates.size(), r.applied, r.errors, notApplied, unknown, readBack, r.datagrams,
                System.nanoTime() - t0, r.interruption);
    }

    /** Resolves the devices and pipelines the updates; a break of the channel ends the run, recorded in it. */
    static Run send(RtnlChannel ch, List<PortUpdate> updates, BulkOptions options) {
        Run r = new Run(updates, resolve(ch, updates));
        long d0 = ch.datagramsSent();
        if (r.count > 0) {
            try {
                ch.pipeline("port bulk", r.count, options.window(), (k, w, seq) -> {
                    int i = r.toSend[k];
                    w.begin(Rtnetlink.RTM_SETLINK, 0, seq, 0);
                    PortCodec.encodeProtinfoSet(w, r.ifindex[i], r.updates.get(i).settings());
                    w.end();
                }, new RtnlChannel.ResultHandler() {
                    @Override
                    public boolean onResult(int k, NetlinkException e) {
                        if (e == null) {
                            r.applied.set(r.toSend[k]);
                            return true;
                        }
                        r.errors[r.toSend[k]] = e;
                        return !options.stopAtFirstError();
                    }

                    @Override
                    public void onSent(int from, int batch) {
                        r.sent = from + batch;
                    }
                });
            } catch (NetlinkException e) {
                LOG.debug("port bulk: the run broke after {} of {} updates were sent: {}", r.sent, r.count,
                        e.getMessage());
                r.interruption = e;
            }
        }
        r.datagrams = ch.datagramsSent() - d0;
        return r;
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

    /** The refusal of update {@code i} named as a single {@link BridgePorts#set} would name it. */
    private static NetlinkException named(int i, PortUpdate u, NetlinkException e) {
        String op = "set port " + Devices.label(u.ifindex(), u.device()) + " (#" + i + ")";
        return NetlinkException.of(op, e.errno(), e.kernelMessage(), e.badAttribute());
    }

    /** {@code named} with the warning that part of the update may be in effect, where that can be. */
    private static NetlinkException partial(PortUpdate u, NetlinkException named) {
        return PartialUpdate.possible(u.settings()) ? PartialUpdate.say(named) : named;
    }

    /**
     * The refusal of update {@code i} (as {@link #named} names it) as a single
     * {@link BridgePorts#set} would report it: one request more; null when that request was
     * accepted. Throws when {@code ch} breaks.
     */
    private static NetlinkException explain(RtnlChannel ch, int i, PortUpdate u, int index, NetlinkException named,
                                            BitSet applied) {
        String dev = Devices.label(u.ifindex(), u.device());
        String op = named.operation();
        try {
            if (named instanceof NotSupportedException) {
                return BridgePorts.diagnose(ch, op, u.ifindex(), u.device(), dev, (NotSupportedException) named);
            }
            if (BridgePorts.noText(named)) {
                BridgePorts.setAsNewlink(ch, index, u.settings(), op, dev); // for the kernel's text
                applied.set(i); // accepted this time: nothing to report
                return null;
            }
        } catch (ChannelBrokenException | NetlinkTimeoutException broke) {
            throw broke; // no answer: the refusal keeps its first form
        } catch (NetlinkException again) {
            return again;
        }
        return partial(u, named);
    }
}
