package io.netlink4j.benchmarks;

import io.netlink4j.bridge.PortCodec;
import io.netlink4j.bridge.PortSettings;
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

/**
 * Encoding one port-settings update, proxy_arp and hairpin together in one request, as
 * {@code nl.ports().set(dev, settings)} sends it (RTM_NEWLINK › IFLA_LINKINFO › bridge_slave data).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PortCodecBench {
    private final MessageWriter writer = MessageWriter.allocate(4096);
    private final PortSettings settings = PortSettings.builder().proxyArp(true).hairpin(true).build();
    private int seq;

    @Benchmark
    public int encodePortSettings() {
        writer.reset();
        writer.begin(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_ACK, ++seq, 0);
        PortCodec.encodeSet(writer, 4, null, settings);
        return writer.end();
    }

    /** The request last encoded (for the golden-byte check of this benchmark). */
    public java.nio.ByteBuffer request() {
        return writer.buffer();
    }
}
