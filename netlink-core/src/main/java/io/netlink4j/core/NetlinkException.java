package io.netlink4j.core;


/**
 * A netlink operation failed: the kernel answered with an error, or the socket call failed.
 *
 * <p>Carries what a caller branches on and what a person needs to read: the operation
 * ("set port v0"), the errno and its name, the kernel's extended-ACK text, and the attribute of
 * our request the kernel pointed at, when it did. Subclasses exist for the errors callers
 * usually branch on; {@link #of} picks the right one for an errno.
 */
public class NetlinkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final int errno;
    private final String kernelMessage;
    private final String badAttribute;

    public NetlinkException(String operation, int errno, String kernelMessage, String badAttribute) {
        this(operation, errno, kernelMessage, badAttribute, null);
    }

    protected NetlinkException(String operation, int errno, String kernelMessage, String badAttribute, String hint) {
        super(format(operation, errno, kernelMessage, badAttribute, hint));
        this.operation = operation;
        this.errno = errno;
        this.kernelMessage = kernelMessage;
        this.badAttribute = badAttribute;
    }

    /**
     * With our own words for the reason in place of the errno's text (the kernel sent none):
     * {@code OP: REASON (ENAME)}; {@link #kernelMessage()} stays null.
     */
    protected NetlinkException(String operation, int errno, String reason) {
        super((operation == null ? "netlink" : operation) + ": " + reason + " (" + Errno.name(errno) + ")");
        this.operation = operation;
        this.errno = errno;
        this.kernelMessage = null;
        this.badAttribute = null;
    }

    /** The most specific exception type for {@code errno}. */
    public static NetlinkException of(String operation, int errno, String kernelMessage, String badAttribute) {
        switch (errno) {
            case Errno.ENODEV:
                return new NoSuchDeviceException(operation, kernelMessage, badAttribute);
            case Errno.EOPNOTSUPP:
            case Errno.ENOTSUPP:
                return new NotSupportedException(operation, errno, kernelMessage, badAttribute);
            case Errno.EPERM:
            case Errno.EACCES:
                return new PermissionDeniedException(operation, errno, kernelMessage, badAttribute);
            case Errno.EEXIST:
                return new AlreadyExistsException(operation, kernelMessage, badAttribute);
            case Errno.ENOENT:
                return new NotFoundException(operation, kernelMessage, badAttribute);
            case Errno.EINVAL:
            case Errno.ERANGE:
                return new InvalidArgumentException(operation, errno, kernelMessage, badAttribute);
            default:
                return new NetlinkException(operation, errno, kernelMessage, badAttribute);
        }
    }

    /**
     * Like {@link #of(String, int, String, String)}, adding {@code hint} (what a caller should know
     * that the kernel did not say) to the message, whatever the errno; the type is the same.
     */
    public static NetlinkException of(String operation, int errno, String kernelMessage, String badAttribute, String hint) {
        if (hint == null) {
            return of(operation, errno, kernelMessage, badAttribute);
        }
        switch (errno) {
            case Errno.EOPNOTSUPP:
            case Errno.ENOTSUPP:
                return new NotSupportedException(operation, errno, kernelMessage, badAttribute, hint);
            case Errno.EEXIST:
                return new AlreadyExistsException(operation, kernelMessage, badAttribute, hint);
            case Errno.EINVAL:
            case Errno.ERANGE:
                return new InvalidArgumentException(operation, errno, kernelMessage, badAttribute, hint);
            case Errno.ENODEV:
                return new NoSuchDeviceException(operation, kernelMessage, badAttribute, hint);
            case Errno.EPERM:
            case Errno.EACCES:
                return new PermissionDeniedException(operation, errno, kernelMessage, badAttribute, hint);
            case Errno.ENOENT:
                return new NotFoundException(operation, kernelMessage, badAttribute, hint);
            default:
                return new NetlinkException(operation, errno, kernelMessage, badAttribute, hint);
        }
    }

    private static String format(String op, int errno, String text, String attr, String hint) {
        StringBuilder sb = new StringBuilder();
        sb.append(op == null ? "netlink" : op).append(": ");
        if (text != null && !text.isEmpty()) {
            sb.append(text).append(" (");
            sb.append(errno > 0 ? Errno.name(errno) : "error").append(')');
        } else if (errno > 0) {
            sb.append(Errno.message(errno)).append(" (").append(Errno.name(errno)).append(')');
        } else if (hint != null) {
            // found by us, not answered by the kernel: no errno to name
            return sb.append(hint).toString();
        } else {
            sb.append("failed");
        }
        if (attr != null) {
            sb.append(" [attribute ").append(attr).append(']');
        }
        if (hint != null) {
            sb.append(": ").append(hint);
        }
        return sb.toString();
    }

    /** What was being done, e.g. "set port v0". */
    public String operation() {
        return operation;
    }

    /**
     * The positive errno the kernel (or a system call) returned, or 0 where there is none: a
     * condition this library found itself, e.g. from a read (a parse error has EBADMSG).
     */
    public int errno() {
        return errno;
    }

    /** The symbolic errno ("ENODEV"). */
    public String errnoName() {
        return Errno.name(errno);
    }

    /** The kernel's extended-ACK text (NLMSGERR_ATTR_MSG), or null. */
    public String kernelMessage() {
        return kernelMessage;
    }

    /** The attribute of our request that the kernel rejected (NLMSGERR_ATTR_OFFS), or null. */
    public String badAttribute() {
        return badAttribute;
    }
}
