package io.netlink4j.core.testing;

import io.netlink4j.core.NetlinkException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs decoder targets on arbitrary input and enforces their contract (see {@link DecoderTarget}):
 * only the typed {@link NetlinkException} family may escape, and each input must finish within a
 * per-input timeout — an endless loop (nla_len &lt; 4, an empty nest) fails with the input in hex
 * instead of hanging the build. Inputs run on one reused worker thread; a worker stuck in a loop
 * is abandoned (it is a daemon) and replaced.
 */
public final class DecoderHarness implements AutoCloseable {
    /** Per-input limit: generous (a decode takes microseconds) so a loaded CI machine never trips it. */
    public static final long TIMEOUT_MILLIS = Long.getLong("netlink4j.fuzz.timeoutMillis", 5_000);

    private ExecutorService worker = newWorker();

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "decoder-harness");
            t.setDaemon(true);
            return t;
        });
    }

    /** Picks a target by the first byte and feeds it the rest (one fuzz input for all targets). */
    public static void dispatch(List<DecoderTarget> targets, byte[] data) {
        if (data.length == 0) {
            return;
        }
        DecoderTarget t = targets.get((data[0] & 0xff) % targets.size());
        runChecked(t, java.util.Arrays.copyOfRange(data, 1, data.length));
    }

    /**
     * Runs {@code target} on {@code data} in the calling thread; a {@link NetlinkException} counts
     * as a clean refusal, anything else is rethrown as an {@link AssertionError} naming the input.
     * Returns the exception thrown, or null.
     */
    public static NetlinkException runChecked(DecoderTarget target, byte[] data) {
        try {
            target.decoder().accept(data);
            return null;
        } catch (NetlinkException expected) {
            return expected;
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError(target.name() + " threw " + e + " on input " + HexFormat.of().formatHex(data), e);
        }
    }

    /** {@link #runChecked} on the worker thread, failing if it takes longer than {@link #TIMEOUT_MILLIS}. */
    public NetlinkException run(DecoderTarget target, byte[] data) {
        Future<NetlinkException> f = worker.submit(() -> runChecked(target, data));
        try {
            return f.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            throw new AssertionError(target.name() + " did not finish within " + TIMEOUT_MILLIS
                    + " ms (endless loop?) on input " + HexFormat.of().formatHex(data));
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof AssertionError a) {
                throw a;
            }
            throw new AssertionError(target.name() + " failed on input " + HexFormat.of().formatHex(data), c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
