package io.netlink4j.benchmarks;

import io.netlink4j.core.IfInfoMsg;
import io.netlink4j.core.LinkCodec;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Encoding one port-settings update: proxy_arp and hairpin together in one request. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PortCodecBench {
    private static final int IFLA_BRPORT_MODE = 4;
    private static final int IFLA_BRPORT_PROXYARP = 10;

    private final MessageWriter writer = MessageWriter.allocate(4096);
    private int seq;

    @Benchmark
    public int encodePortSettings() {
        writer.reset();
        writer.begin(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_ACK, ++seq, 0);
        IfInfoMsg.put(writer, Rtnetlink.AF_UNSPEC, 4, 0, 0);
        int linkinfo = writer.beginNest(LinkCodec.IFLA_LINKINFO, false);
        writer.putStringNoNul(LinkCodec.IFLA_INFO_KIND, "bridge_slave");
        int slave = writer.beginNest(LinkCodec.IFLA_INFO_SLAVE_DATA, false);
        writer.putU8(IFLA_BRPORT_PROXYARP, 1);
        writer.putU8(IFLA_BRPORT_MODE, 1);
        writer.endNest(slave);
        writer.endNest(linkinfo);
        return writer.end();
    }
}
