package io.netlink4j.bridge;

import io.netlink4j.core.Errno;
import io.netlink4j.core.Link;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.Links;
import io.netlink4j.core.NetlinkException;
import io.netlink4j.core.NoSuchDeviceException;
import io.netlink4j.core.RtnlChannel;

/**
 * One FDB change whose device is given by name or ifindex ({@link FdbPlan#byIndexOnly}), checked
 * and encoded straight into the channel's writer without building an {@link FdbPlan}: the same
 * checks in the same order, the same error texts and the same bytes on the wire as a one-change
 * plan, minus the plan's lists, maps and arrays (a single add is dominated by its system calls,
 * and the plan was most of the rest). The operation's text ("fdb add …") is built only when an
 * error needs it.
 */
final class FdbSingle {
    private FdbSingle() {}

    /**
     * Checks, sends and awaits {@code c}. Returns false, with nothing sent, when the transport
     * cannot resolve a name by ioctl (a fake kernel): the caller then takes the planned path.
     *
     * @throws IllegalArgumentException as {@link FdbPlan#validate} for one change
     * @throws io.netlink4j.core.NoSuchDeviceException when the device does not exist, as there
     * @throws NetlinkException as the planned path, explained by {@link FdbErrors#explain}
     */
    static boolean send(RtnlChannel ch, Links links, FdbChange c) {
        FdbSpec s = c.spec();
        long mac = FdbCodec.parseMac(s.mac());
        String why = mac < 0 ? FdbPlan.macProblem(s.mac()) : FdbPlan.fieldProblem(c, mac);
        if (why != null) {
            throw FdbPlan.invalid(c, why);
        }
        int ifindex = s.ifindex();
        if (s.device() != null) {
            try {
                LinkCodec.validateName(s.device());
            } catch (IllegalArgumentException e) {
                throw FdbPlan.invalid(c, e.getMessage());
            }
            ifindex = ch.ifindex(s.device());
            if (ifindex < 0) {
                return false;
            }
            if (ifindex == 0) {
                throw Devices.noSuchDevice("fdb " + c, s.device());
            }
        }
        int via = 0;
        if (s.via() != null) {
            try {
                via = links.indexOf(s.via());
            } catch (IllegalArgumentException e) {
                throw FdbPlan.invalid(c, e.getMessage() + " (via)");
            }
            if (via == 0) {
                throw FdbPlan.invalid(c, "no device \"" + s.via() + "\" (via)");
            }
        }
        byte[] dst = s.dst() == null ? null : s.dst().getAddress();
        FdbCodec.encodeChange(ch.request(FdbCodec.messageType(c.op()), FdbCodec.messageFlags(c.op())), c, ifindex,
                mac, dst, via, new byte[6]);
        try {
            ch.execute(new Op(c));
        } catch (NetlinkException e) {
            String op = "fdb " + c;
            // the kind of the device is looked up only now: a master entry on a device that is no
            // bridge port is refused with a bare EOPNOTSUPP, and the caller is told why
            Link dev = links.query("show link " + ifindex, ifindex, null, null);
            if (dev == null && s.device() == null && e instanceof NoSuchDeviceException) {
                // as a plan says it when its lookup by ifindex finds nothing
                throw Devices.noSuchDevice(op, "ifindex " + ifindex, (NoSuchDeviceException) e);
            }
            throw refused(e, op, c, dev);
        }
        return true;
    }

    /** "fdb " + the change, as text only when an exception or a log line asks for it. */
    private record Op(FdbChange change) {
        @Override
        public String toString() {
            return "fdb " + change;
        }
    }

    /**
     * The kernel's refusal {@code e} of {@code c} on device {@code dev} (looked up after the
     * refusal; null if it is gone): a bare EOPNOTSUPP for a master entry on a device that is no
     * bridge port becomes a {@link NotABridgePortException} saying why; anything else is
     * explained by {@link FdbErrors#explain}.
     */
    static NetlinkException refused(NetlinkException e, String op, FdbChange c, Link dev) {
        String kind = dev == null || e.errno() != Errno.EOPNOTSUPP ? null : FdbPlan.kindProblem(c.spec(), dev);
        if (kind == null) {
            return FdbErrors.explain(e, op, c, dev);
        }
        NotABridgePortException n = new NotABridgePortException(op, e.errno(), e.kernelMessage(), e.badAttribute(),
                dev.name(), kind);
        n.initCause(e);
        return n;
    }
}
