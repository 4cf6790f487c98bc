package io.netlink4j.examples.agent;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The agent's HTTP endpoints on the JDK's own server: /metrics (Prometheus client) and /healthz
 * (200 once the first apply succeeded and the watch is live, else 503). One small thread.
 */
public final class AgentHttp implements AutoCloseable {
    private final HTTPServer server;
    private final ExecutorService executor;

    private AgentHttp(HTTPServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Serves on {@code host:port} (port 0: any free port). */
    public static AgentHttp start(String host, int port, AgentMetrics metrics, BooleanSupplier healthy) throws IOException {
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "agent-http");
            t.setDaemon(true);
            return t;
        });
        HTTPServer s = HTTPServer.builder().hostname(host).port(port).registry(metrics.registry())
                .executorService(ex).registerHealthHandler(false)
                .defaultHandler(x -> handle(x, healthy)).buildAndStart();
        return new AgentHttp(s, ex);
    }

    private static void handle(HttpExchange x, BooleanSupplier healthy) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            int status;
            String body;
            if ("/healthz".equals(path)) {
                boolean ok = healthy.getAsBoolean();
                status = ok ? 200 : 503;
                body = ok ? "ok\n" : "not ready: first apply pending or failed, or the watch is down\n";
            } else {
                status = 404;
                body = "not found: /healthz, /metrics\n";
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            x.sendResponseHeaders(status, b.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(b);
            }
        }
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        // the JDK 17 server's stop may wait for its dispatcher's select timeout (about 1 s, fixed
        // in later JDKs): bounded here, the process is exiting and the socket goes with it
        Thread t = new Thread(server::close, "agent-http-stop");
        t.setDaemon(true);
        t.start();
        try {
            t.join(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }
}
