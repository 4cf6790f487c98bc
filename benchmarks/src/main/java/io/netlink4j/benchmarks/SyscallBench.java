package io.netlink4j.benchmarks;

import io.netlink4j.core.NetlinkSocket;
import io.netlink4j.jna.LibC;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The price of one trip into the kernel through the JNA binding: a non-blocking recvfrom on a
 * NETLINK_ROUTE socket with nothing queued (EAGAIN), the cheapest call the bulk path makes once
 * per ACK. Compare with the same loop in C (docs/performance.md) to see the binding's share.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SyscallBench {
    private NetlinkSocket socket;
    private long buf;
    private ByteBuffer buffer;

    @Setup
    public void setUp() {
        socket = NetlinkSocket.open(LibC.NETLINK_ROUTE);
        buffer = ByteBuffer.allocateDirect(65536).order(ByteOrder.nativeOrder());
        buf = LibC.address(buffer);
    }

    @TearDown
    public void tearDown() {
        socket.close();
    }

    /** LibC.recvfrom directly: the JNA direct-mapped call and the syscall. */
    @Benchmark
    public long recvfromEmptyJna() {
        return LibC.recvfrom(socket.fd(), buf, 65536, LibC.MSG_DONTWAIT, 0, 0);
    }

    /** Through NetlinkSocket.receive (sender address captured, as the channel reads every datagram). */
    @Benchmark
    public int receiveEmptySocket() {
        return socket.receive(buffer, LibC.MSG_DONTWAIT);
    }
}
