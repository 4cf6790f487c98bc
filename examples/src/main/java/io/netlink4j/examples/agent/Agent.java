package io.netlink4j.examples.agent;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.ReconcilePass;
import io.netlink4j.bridge.Reconciler;
import io.netlink4j.examples.state.StateFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The running agent: a {@link Reconciler} on the state of a file, its metrics and HTTP endpoints,
 * reloads on SIGHUP and file changes, and a stop on SIGTERM/SIGINT that lets the command return
 * (exit 0) instead of the JVM's default 143.
 */
public final class Agent implements AutoCloseable {
    /** Where the agent's log lines go. */
    public interface Log {
        void line(String s);

        void pass(ReconcilePass p);
    }

    private final Path file;
    private final Log log;
    private final AgentMetrics metrics = new AgentMetrics();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private Reconciler reconciler;
    private AgentHttp http;
    private FileWatch watch;
    private String text;

    private Agent(Path file, Log log) {
        this.file = file;
        this.log = log;
    }

    /** Starts reconciling {@code state} (read from {@code file}) and serving {@code host:port}. */
    public static Agent start(BridgeNetlink nl, Path file, StateFile state, String host, int port, Duration resync,
                              Log log) throws IOException {
        Agent a = new Agent(file, log);
        try {
            a.text = read(file);
            a.reconciler = Reconciler.builder(nl, state.state()).resync(resync).listener(p -> {
                a.metrics.record(p);
                log.pass(p);
            }).start();
            a.http = AgentHttp.start(host, port, a.metrics, a.reconciler::healthy);
            a.watch = new FileWatch(file, a::reloadIfChanged);
            a.on("TERM", s -> a.stop());
            a.on("INT", s -> a.stop());
            a.on("HUP", s -> a.reload("SIGHUP"));
        } catch (IOException | RuntimeException e) {
            a.close();
            throw e;
        }
        return a;
    }

    private void on(String name, SignalHandler h) {
        Signal s = new Signal(name);
        previous.add(Signal.handle(s, h));
        signals.add(s);
    }

    public int port() {
        return http.port();
    }

    public boolean healthy() {
        return reconciler.healthy();
    }

    public AgentMetrics metrics() {
        return metrics;
    }

    /** Blocks until {@link #stop()} (or a signal). */
    public void awaitStop() throws InterruptedException {
        stop.await();
    }

    public void stop() {
        stop.countDown();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private synchronized void reloadIfChanged() {
        try {
            if (!read(file).equals(text)) {
                reload("file changed");
            }
        } catch (IOException e) {
            // mid-swap of a ConfigMap's symlink, or deleted: the next event says more
        }
    }

    /** Re-reads the file; a bad file is refused and the previous state kept. */
    public synchronized void reload(String why) {
        try {
            String t = read(file);
            StateFile f = StateFile.parse(file.toString(), t);
            text = t;
            reconciler.update(f.state());
            log.line("reloaded " + file + " (" + why + ")");
        } catch (IOException | IllegalArgumentException e) {
            metrics.reloadFailed();
            log.line("reload of " + file + " refused (" + why + "), keeping the previous state: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
        try {
            if (watch != null) {
                watch.close();
            }
        } catch (IOException e) {
            log.line("closing the file watch: " + e.getMessage());
        }
        if (http != null) {
            http.close();
        }
        if (reconciler != null) {
            reconciler.close();
        }
    }
}
