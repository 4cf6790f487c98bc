package io.netlink4j.benchmarks;

import io.netlink4j.bridge.BridgeNetlink;
import io.netlink4j.bridge.BridgePorts;
import io.netlink4j.bridge.PortCodec;
import io.netlink4j.core.MessageWriter;
import io.netlink4j.core.NetlinkSocket;
import io.netlink4j.core.NlMsg;
import io.netlink4j.core.Rtnetlink;
import io.netlink4j.jna.LibC;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Where the time of one port update goes (E2eBench {@code layers N}): the same N proxy_arp +
 * hairpin updates of v0, each layer adding one step of the library on top of the one before, so
 * that the difference between two lines is the cost of that step. Prints CPU time of this thread
 * per update (user + system: the kernel processes the request in the sender's context) and wall
 * time, medians of 5 passes after warm-up (the layers' passes interleaved).
 *
 * <pre>
 *   jna           sendto + recvfrom through LibC of pre-built AF_BRIDGE RTM_SETLINK bytes (what C does)
 *   ioctl         Links-free name resolution alone: RtnlChannel.ifindex("v0") (SIOCGIFINDEX)
 *   channel       RtnlChannel.request + PortCodec.encodeProtinfoSet + execute (ACK parsed)
 *   conversation  BridgePorts.set(ch, 0, "v0", s): + name check, ioctl, operation text
 *   api           nl.ports().set("v0", s): + pool borrow and lambda
 *   newlink       for comparison: the RTM_NEWLINK bridge_slave form by ifindex, through the channel
 * </pre>
 */
final class RequestLayers {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String DEV = "v0";

    private RequestLayers() {}

    interface Step {
        void run(int i);
    }

    static void run(BridgeNetlink nl, int n) {
        int ifindex = nl.call(ch -> ch.ifindex(DEV));
        // pre-built requests for the raw loop: off and on
        NetlinkSocket sock = NetlinkSocket.open(LibC.NETLINK_ROUTE);
        ByteBuffer[] req = new ByteBuffer[2];
        long[] addr = new long[2];
        int[] len = new int[2];
        for (int k = 0; k < 2; k++) {
            MessageWriter w = MessageWriter.allocate(4096);
            w.begin(Rtnetlink.RTM_SETLINK, NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_ACK, 1000 + k, 0);
            PortCodec.encodeProtinfoSet(w, ifindex, k == 1 ? LibraryOps.ON : LibraryOps.OFF);
            w.end();
            req[k] = w.buffer();
            addr[k] = LibC.address(req[k]);
            len[k] = w.length();
        }
        ByteBuffer rbuf = ByteBuffer.allocateDirect(65536).order(ByteOrder.nativeOrder());
        long raddr = LibC.address(rbuf);
        try {
            nl.call(ch -> {
                String[] names = {"jna", "ioctl", "channel", "conversation", "api", "newlink"};
                Step[] steps = {
                    i -> {
                        LibC.sendto(sock.fd(), addr[i & 1], len[i & 1], 0, 0, 0);
                        if (LibC.recvfrom(sock.fd(), raddr, 65536, 0, 0, 0) < 0 || rbuf.getInt(16) != 0) {
                            throw new IllegalStateException("raw port update refused");
                        }
                    },
                    i -> ch.ifindex(DEV),
                    i -> {
                        MessageWriter w = ch.request(Rtnetlink.RTM_SETLINK, NlMsg.NLM_F_ACK);
                        PortCodec.encodeProtinfoSet(w, ifindex, (i & 1) == 1 ? LibraryOps.ON : LibraryOps.OFF);
                        ch.execute("set port");
                    },
                    i -> BridgePorts.set(ch, 0, DEV, (i & 1) == 1 ? LibraryOps.ON : LibraryOps.OFF),
                    i -> nl.ports().set(DEV, (i & 1) == 1 ? LibraryOps.ON : LibraryOps.OFF),
                    i -> {
                        MessageWriter w = ch.request(Rtnetlink.RTM_NEWLINK, NlMsg.NLM_F_ACK);
                        PortCodec.encodeSet(w, ifindex, null, (i & 1) == 1 ? LibraryOps.ON : LibraryOps.OFF);
                        ch.execute("set port");
                    },
                };
                for (int s = 0; s < steps.length; s++) {
                    for (int w = 0; w < 5; w++) {
                        pass(steps[s], n); // warm-up
                    }
                }
                // passes interleaved layer by layer, so that load that comes and goes hits all alike
                long[][] cpu = new long[steps.length][5];
                long[][] wall = new long[steps.length][5];
                for (int r = 0; r < 5; r++) {
                    for (int s = 0; s < steps.length; s++) {
                        long c0 = THREADS.getCurrentThreadCpuTime();
                        long t0 = System.nanoTime();
                        pass(steps[s], n);
                        wall[s][r] = System.nanoTime() - t0;
                        cpu[s][r] = THREADS.getCurrentThreadCpuTime() - c0;
                    }
                }
                for (int s = 0; s < steps.length; s++) {
                    java.util.Arrays.sort(cpu[s]);
                    java.util.Arrays.sort(wall[s]);
                    System.out.printf("%-13s cpu %7.0f ns/update  wall %7.0f ns/update%n", names[s],
                            cpu[s][2] / (double) n, wall[s][2] / (double) n);
                }
                return null;
            });
        } finally {
            sock.close();
        }
    }

    private static void pass(Step step, int n) {
        for (int i = 0; i < n; i++) {
            step.run(i);
        }
    }
}
