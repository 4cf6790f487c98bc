package io.netlink4j.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Real kernel answers for the benchmarks: datagrams of the golden captures (copied from
 * netlink-core's test resources into /golden of this module; format in that folder's README).
 */
public final class GoldenFrames {
    private GoldenFrames() {}

    /** Datagram {@code index} (0-based, sends and receives counted alike) of capture {@code name}, in a direct buffer. */
    public static ByteBuffer frame(String name, int index) {
        String text;
        try (InputStream in = GoldenFrames.class.getResourceAsStream("/golden/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("no golden capture " + name);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = -1;
        ByteArrayOutputStream cur = new ByteArrayOutputStream();
        for (String raw : text.split("\n")) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith(">") || line.startsWith("<")) {
                if (n == index) {
                    break;
                }
                n++;
                continue;
            }
            if (n == index) {
                for (String h : line.split("\\s+")) {
                    cur.write(Integer.parseInt(h, 16));
                }
            }
        }
        if (cur.size() == 0) {
            throw new IllegalArgumentException(name + " has no datagram " + index);
        }
        byte[] bytes = cur.toByteArray();
        ByteBuffer b = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.nativeOrder());
        b.put(0, bytes);
        return b;
    }
}
