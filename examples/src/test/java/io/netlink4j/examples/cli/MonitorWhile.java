package io.netlink4j.examples.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/** For monitor command kernel tests: {@code nlbridge monitor --count N ...} while changes are made. */
final class MonitorWhile {
    private MonitorWhile() {}

    /**
     * Runs {@code monitor --count COUNT EXTRA...} in {@code netns} while calling {@code change} with
     * 1, 2, ... (at most 199 times, {@code pollMillis} apart) until it has printed COUNT events: the
     * monitor subscribes when it starts, so changes are made until it has seen enough. Waits at
     * most {@code waitSeconds} for it to finish after the last change (a bound against hanging).
     */
    static Cli.Result run(String netns, int count, IntConsumer change, long pollMillis, long waitSeconds,
                          String... extra) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        // global options may follow the command, and objects must
        String[] args = new String[extra.length + 3];
        args[0] = "monitor";
        args[1] = "--count";
        args[2] = Integer.toString(count);
        System.arraycopy(extra, 0, args, 3, extra.length);
        CompletableFuture<Cli.Result> mon = CompletableFuture.supplyAsync(() -> {
            try {
                return Cli.in(netns, args);
            } finally {
                done.set(true);
            }
        });
        for (int i = 1; !done.get() && i < 200; i++) {
            change.accept(i);
            try {
                mon.get(pollMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still waiting for events: make another change
            }
        }
        return mon.get(waitSeconds, TimeUnit.SECONDS);
    }
}
