package io.netlink4j.core;

import io.netlink4j.jna.LibC;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs code with the calling OS thread inside another network namespace.
 *
 * <p>setns(2) moves only the calling thread, and a socket stays in the namespace it was created
 * in whatever thread uses it later. So a channel for another namespace is made by switching the
 * thread, creating the socket, and switching back — in a {@code finally}, also when creation
 * failed. A virtual thread may move between carrier threads at any call, so for one the switch is
 * done on a short-lived platform thread instead.
 */
public final class Netns {
    private Netns() {}

    private static final String SELF = "/proc/thread-self/ns/net";
    private static final Method IS_VIRTUAL = lookupIsVirtual();

    /**
     * /run/netns/NAME for a name as `ip netns add` makes them, or the path itself when it has a
     * slash (absolute, or relative to the working directory).
     */
    public static String path(String nameOrPath) {
        if (nameOrPath == null) {
            throw new IllegalArgumentException("network namespace name is missing");
        }
        if (nameOrPath.contains("/")) {
            return nameOrPath;
        }
        if (nameOrPath.isEmpty() || nameOrPath.equals(".") || nameOrPath.equals("..")
                || nameOrPath.length() > 255) {
            throw new IllegalArgumentException("invalid network namespace name: \"" + nameOrPath + "\"");
        }
        return "/run/netns/" + nameOrPath;
    }

    /** Runs {@code action} inside network namespace {@code nameOrPath} and returns its result. */
    public static <T> T callIn(String nameOrPath, Supplier<T> action) {
        String path = path(nameOrPath);
        if (isVirtual(Thread.currentThread())) {
            return onPlatformThread(path, action);
        }
        int self = LibC.open(SELF, LibC.O_RDONLY | LibC.O_CLOEXEC);
        if (self < 0) {
            throw NetlinkException.of("open " + SELF, LibC.errno(), null, null);
        }
        try {
            int target = LibC.open(path, LibC.O_RDONLY | LibC.O_CLOEXEC);
            if (target < 0) {
                int e = LibC.errno();
                if (e == Errno.ENOENT) {
                    throw new NotFoundException("enter network namespace " + nameOrPath,
                            "network namespace " + nameOrPath + " does not exist (" + path + ")", null);
                }
                throw NetlinkException.of("open " + path, e, null, null);
            }
            try {
                if (LibC.setns(target, LibC.CLONE_NEWNET) < 0) {
                    int e = LibC.errno();
                    // setns(2) says EINVAL for any file that is not a namespace: say which file and why
                    throw NetlinkException.of("enter network namespace " + nameOrPath, e, null, null,
                            e == Errno.EINVAL ? path + " is not a network namespace (expected a name from ip netns"
                                    + " list, or a path such as /proc/PID/ns/net)" : null);
                }
                try {
                    return action.get();
                } finally {
                    if (LibC.setns(self, LibC.CLONE_NEWNET) < 0) {
                        // the thread is stranded in the other namespace: nothing later may run on it unknowingly
                        throw new IllegalStateException("could not return the thread to its network namespace: "
                                + Errno.name(LibC.errno()));
                    }
                }
            } finally {
                LibC.close(target);
            }
        } finally {
            LibC.close(self);
        }
    }

    private static <T> T onPlatformThread(String path, Supplier<T> action) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(callIn(path, action));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "netlink4j-setns");
        t.setDaemon(true);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while entering " + path, e);
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException) {
            throw (RuntimeException) e;
        }
        if (e instanceof Error) {
            throw (Error) e;
        }
        return result.get();
    }

    /** The inode of the calling thread's network namespace, as ls -L -i shows it (for tests and logs). */
    public static long currentInode() {
        try {
            return (Long) java.nio.file.Files.getAttribute(java.nio.file.Path.of(SELF), "unix:ino");
        } catch (java.io.IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot stat " + SELF, e);
        }
    }

    private static Method lookupIsVirtual() {
        try {
            return Thread.class.getMethod("isVirtual");
        } catch (NoSuchMethodException e) {
            return null; // Java 17-20: no virtual threads
        }
    }

    static boolean isVirtual(Thread t) {
        if (IS_VIRTUAL == null) {
            return false;
        }
        try {
            return (Boolean) IS_VIRTUAL.invoke(t);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
