package io.netlink4j.benchmarks;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NdMsg;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import java.nio.ByteBuffer;
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
 * FDB codec: encoding one static-entry add request as the bulk apply does, and decoding one
 * neighbour message of a real kernel dump (fdb_show_br golden capture) through the flyweight.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FdbCodecBench {
    private static final int NDA_LLADDR = 2;
    private static final int NDA_MASTER = 9;
    private static final int NDA_VLAN = 5;

    private final MessageWriter writer = MessageWriter.allocate(4096);
    private final byte[] mac = {2, 0x30, 0, 0, 0x12, 0x34};
    private final NlMsg msg = new NlMsg();
    private final NdMsg nd = new NdMsg();
    private final AttributeIterator it = new AttributeIterator();
    private ByteBuffer dump;
    private int staticEntry;
    private int seq;

    @Setup
    public void setUp() {
        dump = GoldenFrames.frame("fdb_show_br", 5);
        staticEntry = -1;
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

    /** One RTM_NEWNEIGH add of a static entry (ndmsg + NDA_LLADDR), as one message of a bulk batch. */
    @Benchmark
    public int encodeFdbAdd() {
        writer.reset();
        writer.begin(Rtnetlink.RTM_NEWNEIGH,
                NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_ACK | NlMsg.NLM_F_CREATE | NlMsg.NLM_F_EXCL, ++seq, 0);
        NdMsg.put(writer, Rtnetlink.AF_BRIDGE, 4, NdMsg.NUD_NOARP, NdMsg.NTF_MASTER, 0);
        writer.putBytes(NDA_LLADDR, mac);
        return writer.end();
    }

    /** Port, state, flags, MAC (as a long), VLAN and master of one dumped entry. */
    @Benchmark
    public long decodeFdbNeigh() {
        msg.wrap(dump, staticEntry);
        nd.wrap(dump, msg.payloadOffset());
        long acc = nd.ifindex() + nd.state() + nd.flags();
        msg.attributes(it, NdMsg.LENGTH);
        while (it.next()) {
            switch (it.type()) {
                case NDA_LLADDR:
                    acc += ((long) it.buffer().getInt(it.payloadOffset()) << 16) ^ it.buffer().getShort(it.payloadOffset() + 4);
                    break;
                case NDA_VLAN: acc += it.u16(); break;
                case NDA_MASTER: acc += it.u32(); break;
                default: break;
            }
        }
        it.check();
        return acc;
    }
}
