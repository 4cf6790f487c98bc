package io.netlink4j.bridge;

import io.netlink4j.benchmarks.GoldenKernel;
import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.Links;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.RtnlChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Java side of a 10k bulk add, per entry, without the kernel: validating the caller's list
 * into a plan ({@link FdbPlan#validate}: MACs parsed, the device looked up once against the
 * kernel's real answer) and encoding every change into batches as {@link Fdb#apply} does. What
 * the end-to-end bulk add costs beyond the syscalls and the kernel's own work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FdbBulkBench {
    private static final int N = 10_000;

    private final MessageWriter writer = MessageWriter.allocate(ChannelOptions.defaults().sendBufferBytes());
    private final byte[] scratch = new byte[6];
    private List<FdbChange> changes;
    private FdbPlan plan;
    private RtnlChannel ch;
    private Links links;

    @Setup(Level.Trial)
    public void setUp() {
        changes = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            changes.add(FdbChange.add(FdbSpec.of(String.format("02:30:00:00:%02x:%02x", i >> 8, i & 0xff), "v0")));
        }
        ch = RtnlChannel.over(new GoldenKernel(), ChannelOptions.defaults());
        links = new Links(ch);
        plan = FdbPlan.validate(changes, links);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        ch.close();
    }

    /** Per entry: validation of a 10k list into a plan (one device lookup for the whole list). */
    @Benchmark
    @OperationsPerInvocation(N)
    public int validatePerEntry() {
        return FdbPlan.validate(changes, links).size();
    }

    /** Per entry: encoding the plan's 10k adds into batches of 64 requests, as the pipeline does. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int encodePerEntry() {
        int seq = 0;
        for (int i = 0; i < N; i++) {
            if ((i & 63) == 0) {
                writer.reset();
            }
            FdbChange c = plan.change(i);
            writer.begin(FdbCodec.messageType(c.op()), FdbCodec.messageFlags(c.op()) | NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_ACK,
                    ++seq, 0);
            FdbCodec.encodeChange(writer, plan, i, scratch);
            writer.end();
        }
        return writer.length();
    }
}
