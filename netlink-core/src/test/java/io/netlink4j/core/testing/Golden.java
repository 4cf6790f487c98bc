package io.netlink4j.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A capture of what iproute2 sent and what the kernel answered (resources under /golden, see
 * their README.md): a list of datagrams in order, each marked send or recv.
 */
public final class Golden {
    /** One datagram of a capture. */
    public record Frame(boolean send, byte[] bytes) {
        public ByteBuffer buffer() {
            ByteBuffer b = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.nativeOrder());
            b.put(0, bytes);
            return b;
        }
    }

    private final String name;
    private final String command;
    private final List<Frame> frames;

    private Golden(String name, String command, List<Frame> frames) {
        this.name = name;
        this.command = command;
        this.frames = frames;
    }

    /** Loads /golden/NAME.txt from the test classpath. */
    public static Golden load(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("no golden capture " + name);
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Golden parse(String name, String text) {
        List<Frame> frames = new ArrayList<>();
        String command = null;
        Boolean dir = null;
        java.io.ByteArrayOutputStream cur = null;
        for (String raw : text.split("\n")) {
            String line = raw.trim();
            if (line.startsWith("# command:")) {
                command = line.substring("# command:".length()).trim();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith(">") || line.startsWith("<")) {
                if (cur != null) {
                    frames.add(new Frame(dir, cur.toByteArray()));
                }
                dir = line.startsWith(">");
                cur = new java.io.ByteArrayOutputStream();
                continue;
            }
            if (cur == null) {
                throw new IllegalArgumentException(name + ": hex before the first > send / < recv marker");
            }
            for (String h : line.split("\\s+")) {
                cur.write(Integer.parseInt(h, 16));
            }
        }
        if (cur != null) {
            frames.add(new Frame(dir, cur.toByteArray()));
        }
        return new Golden(name, command, frames);
    }

    public String command() {
        return command;
    }

    public List<Frame> frames() {
        return frames;
    }

    /** The {@code i}-th datagram sent. */
    public byte[] sent(int i) {
        return frames.stream().filter(Frame::send).skip(i).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no send #" + i)).bytes();
    }

    /**
     * The first message of the {@code i}-th datagram sent, cut to its nlmsg_len: iproute2 sometimes
     * sends its whole request buffer.
     */
    public byte[] sentMessage(int i) {
        byte[] d = sent(i);
        return Arrays.copyOf(d, ByteBuffer.wrap(d).order(ByteOrder.nativeOrder()).getInt(0));
    }

    /** The {@code i}-th datagram received. */
    public Frame received(int i) {
        return frames.stream().filter(f -> !f.send()).skip(i).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no recv #" + i));
    }

    public List<byte[]> allSent() {
        return frames.stream().filter(Frame::send).map(Frame::bytes).toList();
    }

    /** A copy of a message with nlmsg_seq and nlmsg_pid zeroed in every message of the datagram. */
    public static byte[] withoutSeqAndPid(byte[] datagram) {
        byte[] c = datagram.clone();
        ByteBuffer b = ByteBuffer.wrap(c).order(ByteOrder.nativeOrder());
        int pos = 0;
        while (pos + 16 <= c.length) {
            int len = b.getInt(pos);
            b.putInt(pos + 8, 0);
            b.putInt(pos + 12, 0);
            if (len < 16) {
                break;
            }
            pos += (len + 3) & ~3;
        }
        return c;
    }

    /** Hex dump (16 bytes a line) for assertion messages. */
    public static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length; i++) {
            sb.append(String.format("%02x", b[i] & 0xff)).append(i % 16 == 15 ? "\n" : " ");
        }
        return sb.toString().trim();
    }
}
