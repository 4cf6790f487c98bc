package io.netlink4j.core;

import java.nio.ByteBuffer;

/**
 * Decodes NLMSG_ERROR (and the error of NLMSG_DONE) with its extended-ACK TLVs
 * (linux/netlink.h, enum nlmsgerr_attrs) into a {@link NetlinkException}.
 *
 * <p>Layout: {@code int error}, then the request's nlmsghdr, then — unless NLM_F_CAPPED — the
 * request's payload, then, with NLM_F_ACK_TLVS, the TLVs. NLMSGERR_ATTR_OFFS is an offset into
 * our own request, so it is resolved against the request bytes still in the send buffer.
 */
public final class ErrorMessage {
    private ErrorMessage() {}

    public static final int NLMSGERR_ATTR_MSG = 1;
    public static final int NLMSGERR_ATTR_OFFS = 2;
    public static final int NLMSGERR_ATTR_COOKIE = 3;
    public static final int NLMSGERR_ATTR_POLICY = 4;
    public static final int NLMSGERR_ATTR_MISS_TYPE = 5;
    public static final int NLMSGERR_ATTR_MISS_NEST = 6;

    // enum netlink_policy_type_attr
    public static final int NL_POLICY_TYPE_ATTR_TYPE = 1;
    public static final int NL_POLICY_TYPE_ATTR_MIN_VALUE_S = 2;
    public static final int NL_POLICY_TYPE_ATTR_MAX_VALUE_S = 3;
    public static final int NL_POLICY_TYPE_ATTR_MIN_VALUE_U = 4;
    public static final int NL_POLICY_TYPE_ATTR_MAX_VALUE_U = 5;
    public static final int NL_POLICY_TYPE_ATTR_MIN_LENGTH = 6;
    public static final int NL_POLICY_TYPE_ATTR_MAX_LENGTH = 7;
    public static final int NL_POLICY_TYPE_ATTR_MASK = 12;

    private static final String[] ATTR_TYPES = {
        "invalid", "flag", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "binary", "string",
        "nul-string", "nested", "nested-array", "bitfield32", "sint", "uint"
    };

    /** The (negative or zero) error code of an NLMSG_ERROR / NLMSG_DONE message, or 1 if too short. */
    public static int code(NlMsg m) {
        return m.payloadLength() >= 4 ? m.buffer().getInt(m.payloadOffset()) : 1;
    }

    /** The sequence number of the request an NLMSG_ERROR answers (from the echoed header). */
    public static int requestSeq(NlMsg m) {
        return m.payloadLength() >= 4 + NlMsg.NLMSG_HDRLEN
                ? m.buffer().getInt(m.payloadOffset() + 4 + NlMsg.SEQ_OFFSET) : m.seq();
    }

    /** Fields of the extended ACK; allocated only on the error path. */
    public static final class ExtAck {
        public String message;
        public int offset = -1;
        public String policy;
        public int missingType = -1;
        public int missingNestOffset = -1;
    }

    /**
     * Reads the TLVs of an NLMSG_ERROR ({@code done == false}) or NLMSG_DONE message.
     *
     * @throws NetlinkParseException if the message is malformed
     */
    public static ExtAck extAck(NlMsg m, boolean done, AttributeIterator it) {
        ExtAck ack = new ExtAck();
        if ((m.flags() & NlMsg.NLM_F_ACK_TLVS) == 0) {
            return ack;
        }
        int len = m.payloadLength();
        int tlvStart;
        if (done) {
            tlvStart = 4;
        } else {
            if (len < 4 + NlMsg.NLMSG_HDRLEN) {
                throw new NetlinkParseException("NLMSG_ERROR of " + len + " bytes cannot hold the echoed header");
            }
            int echoed = m.buffer().getInt(m.payloadOffset() + 4);
            tlvStart = 4 + ((m.flags() & NlMsg.NLM_F_CAPPED) != 0 ? NlMsg.NLMSG_HDRLEN : NlMsg.align(echoed));
            if (echoed < NlMsg.NLMSG_HDRLEN || tlvStart > len) {
                throw new NetlinkParseException("NLMSG_ERROR echoes a request of " + echoed + " bytes in " + len);
            }
        }
        it.wrap(m.buffer(), m.payloadOffset() + tlvStart, len - tlvStart);
        while (it.next()) {
            switch (it.type()) {
                case NLMSGERR_ATTR_MSG:
                    ack.message = it.string();
                    break;
                case NLMSGERR_ATTR_OFFS:
                    ack.offset = it.u32();
                    break;
                case NLMSGERR_ATTR_MISS_TYPE:
                    ack.missingType = it.u32();
                    break;
                case NLMSGERR_ATTR_MISS_NEST:
                    ack.missingNestOffset = it.u32();
                    break;
                case NLMSGERR_ATTR_POLICY:
                    ack.policy = policy(it, new AttributeIterator());
                    break;
                default:
                    break;
            }
        }
        it.check();
        return ack;
    }

    private static String policy(AttributeIterator parent, AttributeIterator it) {
        StringBuilder sb = new StringBuilder();
        String type = null;
        Long minU = null;
        Long maxU = null;
        Long minS = null;
        Long maxS = null;
        Long minLen = null;
        Long maxLen = null;
        parent.nested(it);
        while (it.next()) {
            switch (it.type()) {
                case NL_POLICY_TYPE_ATTR_TYPE: {
                    int t = it.u32();
                    type = t >= 0 && t < ATTR_TYPES.length ? ATTR_TYPES[t] : "type " + t;
                    break;
                }
                case NL_POLICY_TYPE_ATTR_MIN_VALUE_U: minU = it.u64(); break;
                case NL_POLICY_TYPE_ATTR_MAX_VALUE_U: maxU = it.u64(); break;
                case NL_POLICY_TYPE_ATTR_MIN_VALUE_S: minS = it.u64(); break;
                case NL_POLICY_TYPE_ATTR_MAX_VALUE_S: maxS = it.u64(); break;
                case NL_POLICY_TYPE_ATTR_MIN_LENGTH: minLen = (long) it.u32(); break;
                case NL_POLICY_TYPE_ATTR_MAX_LENGTH: maxLen = (long) it.u32(); break;
                default: break;
            }
        }
        parent.absorb(it);
        sb.append(type == null ? "value" : type);
        if (minU != null || maxU != null) {
            sb.append(" in [").append(minU == null ? "0" : Long.toUnsignedString(minU)).append("..")
                    .append(maxU == null ? "" : Long.toUnsignedString(maxU)).append(']');
        }
        if (minS != null || maxS != null) {
            sb.append(" in [").append(minS == null ? "" : minS).append("..").append(maxS == null ? "" : maxS).append(']');
        }
        if (minLen != null || maxLen != null) {
            sb.append(" of length [").append(minLen == null ? "0" : minLen).append("..")
                    .append(maxLen == null ? "" : maxLen).append(']');
        }
        return sb.toString();
    }

    /**
     * Builds the exception for a failed request. {@code request}/{@code requestOffset} locate our
     * request's bytes (for NLMSGERR_ATTR_OFFS), or {@code request} is null when they are gone.
     */
    public static NetlinkException toException(String op, int errno, ExtAck ack, ByteBuffer request, int requestOffset) {
        String attr = null;
        if (ack.offset >= 0) {
            attr = describe(request, requestOffset, ack.offset);
            if (ack.policy != null) {
                attr = attr + ", expected " + ack.policy;
            }
        } else if (ack.policy != null) {
            attr = "expected " + ack.policy;
        }
        if (ack.missingType >= 0) {
            String where = ack.missingNestOffset >= 0 ? " in " + describe(request, requestOffset, ack.missingNestOffset) : "";
            attr = (attr == null ? "" : attr + "; ") + "missing attribute type " + ack.missingType + where;
        }
        return NetlinkException.of(op, errno, ack.message, attr);
    }

    /** "IFLA_BRPORT_COST (path 18.5.3, offset 52)" or, unnamed, "type 3 (path 18.5.3, offset 52)". */
    static String describe(ByteBuffer request, int msgOffset, int offset) {
        // written so that no sum can overflow: the offsets come from the kernel's answer
        if (request == null || msgOffset < 0 || msgOffset > request.limit() - NlMsg.NLMSG_HDRLEN) {
            return "at offset " + offset;
        }
        NlMsg m = new NlMsg().wrap(request, msgOffset);
        int type = m.type();
        int msgLen = m.length();
        if (msgLen < NlMsg.NLMSG_HDRLEN || msgLen > request.limit() - msgOffset || offset < 0 || offset >= msgLen) {
            return "at offset " + offset;
        }
        int[] path = new int[8];
        int depth = 0;
        int start = NlMsg.NLMSG_HDRLEN + NlMsg.align(familyHeaderLength(type));
        int end = msgLen;
        AttributeIterator it = new AttributeIterator();
        boolean found = false;
        outer:
        while (depth < path.length) {
            if (start > end) {
                break;
            }
            it.wrap(request, msgOffset + start, end - start);
            while (it.next()) {
                int at = it.attributeOffset() - msgOffset;
                int stop = it.payloadOffset() - msgOffset + it.payloadLength();
                if (at == offset) {
                    path[depth++] = it.type();
                    found = true;
                    break outer;
                }
                if (offset > at && offset < stop) {
                    path[depth++] = it.type();
                    start = it.payloadOffset() - msgOffset;
                    end = stop;
                    continue outer;
                }
            }
            break;
        }
        if (!found || depth == 0) {
            return "at offset " + offset;
        }
        int[] p = java.util.Arrays.copyOf(path, depth);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            sb.append(i == 0 ? "" : ".").append(p[i]);
        }
        AttributeNamer namer = AttributeNamer.REGISTRY.get(type);
        String name = namer == null ? null : namer.name(p);
        return (name != null ? name : "type " + p[depth - 1]) + " (path " + sb + ", offset " + offset + ")";
    }

    /** Length of the family header that precedes the attributes of a request of this type. */
    public static int familyHeaderLength(int type) {
        switch (type) {
            case Rtnetlink.RTM_NEWLINK:
            case Rtnetlink.RTM_DELLINK:
            case Rtnetlink.RTM_GETLINK:
            case Rtnetlink.RTM_SETLINK:
                return IfInfoMsg.LENGTH;
            case Rtnetlink.RTM_NEWNEIGH:
            case Rtnetlink.RTM_DELNEIGH:
            case Rtnetlink.RTM_GETNEIGH:
                return NdMsg.LENGTH;
            case Rtnetlink.RTM_NEWVLAN:
            case Rtnetlink.RTM_DELVLAN:
            case Rtnetlink.RTM_GETVLAN:
            case Rtnetlink.RTM_NEWMDB:
            case Rtnetlink.RTM_DELMDB:
            case Rtnetlink.RTM_GETMDB:
                return 8; // struct br_vlan_msg / struct br_port_msg
            default:
                return 0;
        }
    }
}
