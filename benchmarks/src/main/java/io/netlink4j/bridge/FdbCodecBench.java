package io.netlink4j.bridge;

import io.netlink4j.benchmarks.GoldenKernel;
import io.netlink4j.core.ChannelOptions;
import io.netlink4j.core.Links;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NdMsg;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.RtnlChannel;
import io.netlink4j.core.Rtnetlink;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The FDB codec as the bulk path runs it: encoding one static-entry add of a validated plan into
 * the send buffer (what {@link Fdb#apply} does per change), and decoding one entry of a real
 * kernel dump (fdb_show_br golden capture) through the {@link FdbView} flyweight a dump visitor
 * gets. In the library's package because the codec and the plan are package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FdbCodecBench {
    private static final int PLAN_SIZE = 1024;

    private final MessageWriter writer = MessageWriter.allocate(4096);
    private final byte[] scratch = new byte[6];
    private final NlMsg msg = new NlMsg();
    private final FdbView view = new FdbView();
    private FdbPlan plan;
    private ByteBuffer dump;
    private int staticEntry;
    private int next;
    private int seq;

    @Setup
    public void setUp() {
        // a plan of 1024 static adds on v0, validated against the kernel's real answer for v0
        List<FdbChange> changes = new ArrayList<>();
        for (int i = 0; i < PLAN_SIZE; i++) {
            changes.add(FdbChange.add(FdbSpec.of(String.format("02:30:00:00:%02x:%02x", i >> 8, i & 0xff), "v0")));
        }
        try (RtnlChannel ch = RtnlChannel.over(new GoldenKernel(), ChannelOptions.defaults())) {
            plan = FdbPlan.validate(changes, new Links(ch));
        }
        dump = io.netlink4j.benchmarks.GoldenFrames.frame("fdb_show_br", 5);
        staticEntry = -1;
        NdMsg nd = new NdMsg();
        for (int pos = 0; pos < dump.limit(); pos += NlMsg.align(msg.length())) {
            msg.wrap(dump, pos);
            nd.wrap(dump, msg.payloadOffset());
            if (msg.type() == Rtnetlink.RTM_NEWNEIGH && nd.state() == NdMsg.NUD_NOARP) {
                staticEntry = pos;
                break;
            }
        }
        if (staticEntry < 0) {
            throw new IllegalStateException("no static entry in the fdb_show_br capture");
        }
    }

    /** One RTM_NEWNEIGH add (ndmsg + NDA_LLADDR) of the plan, as one message of a bulk batch. */
    @Benchmark
    public int encodeFdbAdd() {
        int i = next++ & (PLAN_SIZE - 1);
        writer.reset();
        FdbChange c = plan.change(i);
        writer.begin(FdbCodec.messageType(c.op()), FdbCodec.messageFlags(c.op()) | NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_ACK,
                ++seq, 0);
        FdbCodec.encodeChange(writer, plan, i, scratch);
        return writer.end();
    }

    /** Wrap one dumped entry and read what a visitor typically reads: port, state, MAC, VLAN, master. */
    @Benchmark
    public long decodeFdbNeigh() {
        msg.wrap(dump, staticEntry);
        if (!view.wrap(msg)) {
            throw new IllegalStateException("not an FDB entry");
        }
        return view.ifindex() + view.nudState() + view.macLong() + view.vlan() + view.master() + view.flags();
    }

    /** The request last encoded (for the golden-byte check of this benchmark). */
    public java.nio.ByteBuffer request() {
        return writer.buffer();
    }
}
