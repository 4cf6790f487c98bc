package io.netlink4j.examples.cli;

import io.netlink4j.core.Netns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway named network namespace for the demo ({@code ip netns add}), deleted by
 * {@link #close()} — and by a shutdown hook if the JVM ends first (Ctrl-C, SIGTERM), so that no
 * namespace is left behind either way. IPv6 is off in it before any device exists: otherwise each
 * veth coming up sends DAD, router solicitations and MLD reports, the bridge learns their MACs, and
 * those entries and events would show up in the demo's output among the ones it makes itself.
 */
public final class DemoNetns implements AutoCloseable {
    private final String name;
    private final Thread hook;
    private boolean closed;

    private DemoNetns(String name) {
        this.name = name;
        this.hook = new Thread(this::delete, "nlbridge-demo-cleanup");
    }

    /** Creates namespace {@code name}; fails with the reason if it cannot (not root, no iproute2, exists). */
    public static DemoNetns create(String name) {
        DemoNetns ns = new DemoNetns(name);
        // the hook first: a Ctrl-C right after "ip netns add" must still clean up
        Runtime.getRuntime().addShutdownHook(ns.hook);
        try {
            ip("netns", "add", name);
        } catch (RuntimeException e) {
            ns.unhook();
            throw e;
        }
        try {
            quiet(name);
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /**
     * IPv6 off in namespace {@code name}: "all" for the devices there now (lo), "default" for the
     * ones made later. /proc/sys/net shows the namespace of the thread that opens it. A kernel
     * without IPv6 has no /proc/sys/net/ipv6 and nothing to turn off.
     */
    private static void quiet(String name) {
        Netns.callIn(name, () -> {
            Path conf = Path.of("/proc/sys/net/ipv6/conf");
            if (Files.isDirectory(conf)) {
                for (String scope : List.of("all", "default")) {
                    try {
                        Files.writeString(conf.resolve(scope).resolve("disable_ipv6"), "1");
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot turn IPv6 off in network namespace " + name + ": " + e, e);
                    }
                }
            }
            return null;
        });
    }

    public String name() {
        return name;
    }

    /** Deletes the namespace and with it every device made inside. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            delete();
            unhook();
        }
    }

    private synchronized void delete() {
        if (!closed) {
            closed = true;
            try {
                ip("netns", "del", name);
            } catch (RuntimeException e) {
                System.err.println("nlbridge: demo: could not delete network namespace " + name + ": " + e.getMessage());
            }
        }
    }

    private void unhook() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs (or ran) anyway
        }
    }

    private static void ip(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " did not finish");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + ": " + (out.isEmpty() ? "exit " + p.exitValue() : out));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", cmd) + " (is iproute2 installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", cmd), e);
        }
    }
}
