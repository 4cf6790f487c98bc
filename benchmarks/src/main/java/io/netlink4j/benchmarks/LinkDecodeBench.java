package io.netlink4j.benchmarks;

import io.netlink4j.core.AttributeIterator;
import io.netlink4j.core.IfInfoMsg;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.NlMsg;
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
 * Walking a full link message: the kernel's 1848-byte RTM_NEWLINK answer for an enslaved veth
 * (link_show_detail_dev golden capture, block 6: stats, IFLA_LINKINFO with bridge slave data,
 * IFLA_AF_SPEC, ...). Every attribute is visited, the nests the bridge layer reads included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LinkDecodeBench {
    private final NlMsg msg = new NlMsg();
    private final AttributeIterator it = new AttributeIterator();
    private final AttributeIterator info = new AttributeIterator();
    private final AttributeIterator data = new AttributeIterator();
    private ByteBuffer link;

    @Setup
    public void setUp() {
        link = GoldenFrames.frame("link_show_detail_dev", 5);
        msg.wrap(link, 0);
        if (msg.length() != 1848) {
            throw new IllegalStateException("unexpected capture: link message of " + msg.length() + " bytes");
        }
    }

    /** Visits every top-level attribute and those of IFLA_LINKINFO › INFO_DATA/INFO_SLAVE_DATA, IFLA_AF_SPEC. */
    @Benchmark
    public int iterateLinkAttributes() {
        msg.wrap(link, 0);
        msg.attributes(it, IfInfoMsg.LENGTH);
        int acc = 0;
        while (it.next()) {
            acc += it.type();
            switch (it.type()) {
                case LinkCodec.IFLA_MTU: acc += it.u32(); break;
                case LinkCodec.IFLA_MASTER: acc += it.u32(); break;
                case LinkCodec.IFLA_LINKINFO:
                    it.nested(info);
                    while (info.next()) {
                        if (info.type() == LinkCodec.IFLA_INFO_DATA || info.type() == LinkCodec.IFLA_INFO_SLAVE_DATA) {
                            info.nested(data);
                            while (data.next()) {
                                acc += data.type() + data.payloadLength();
                            }
                            info.absorb(data);
                        }
                    }
                    it.absorb(info);
                    break;
                case LinkCodec.IFLA_AF_SPEC:
                    it.nested(info);
                    while (info.next()) {
                        acc += info.type();
                    }
                    it.absorb(info);
                    break;
                default:
                    break;
            }
        }
        it.check();
        return acc;
    }

    /**
     * {@code FILE}: writes the benchmark's message to FILE, for the C walk
     * (benchmarks/src/main/c/linkwalk.c). {@code --cpu}: times the walk in thread CPU the way
     * linkwalk.c does (2 million walks per round, after a warm-up), which a loaded machine
     * disturbs less than JMH's wall clock.
     */
    public static void main(String[] args) throws java.io.IOException {
        LinkDecodeBench b = new LinkDecodeBench();
        b.setUp();
        if (args.length > 0 && args[0].equals("--cpu")) {
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            int sink = 0;
            for (int round = -3; round < 5; round++) { // three untimed rounds: C2 compiles the walk
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < 2_000_000; i++) {
                    sink += b.iterateLinkAttributes();
                }
                long t1 = mx.getCurrentThreadCpuTime();
                if (round >= 0) {
                    System.out.printf("Java walk: %.1f ns/op (thread cpu)%n", (t1 - t0) / 2e6);
                }
            }
            System.out.println("checksum " + sink);
            return;
        }
        byte[] out = new byte[b.msg.length()];
        b.link.get(0, out);
        java.nio.file.Files.write(java.nio.file.Path.of(args[0]), out);
    }

    /**
     * For comparison: {@link LinkCodec#decode} builds a {@code Link} record with its strings — an
     * API edge, so it allocates by design.
     */
    @Benchmark
    public Object decodeLinkRecord() {
        return LinkCodec.decode(msg.wrap(link, 0), null);
    }
}
