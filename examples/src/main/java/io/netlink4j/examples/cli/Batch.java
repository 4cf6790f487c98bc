package io.netlink4j.examples.cli;

import io.netlink4j.bridge.BridgeNetlink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code nlbridge -batch FILE|-}: many commands in one JVM, like {@code ip -batch}. Each line is
 * one command line (words split on blanks, "double quotes" group, {@code #} starts a comment);
 * blank lines are skipped. Commands share one handle per namespace, opened on first use and
 * closed at the end. The first failing line stops the run (with {@code -force}, the run goes on
 * and the status is that of the last failure); its message names the line.
 */
public final class Batch {
    private final Map<String, BridgeNetlink> handles = new HashMap<>();

    private Batch() {}

    /** The session's handle on {@code netns} (null = the caller's namespace), opened on first use. */
    public BridgeNetlink handle(String netns) {
        return handles.computeIfAbsent(netns == null ? "" : netns, k -> BridgeNetlink.open(netns));
    }

    /**
     * Runs the batch {@code source} ("-" = stdin); {@code command} runs one line's words with this
     * session and returns its exit status.
     */
    public static int run(String source, boolean force, PrintWriter err, java.io.InputStream stdin,
                          CommandRunner command) {
        Batch b = new Batch();
        int status = 0;
        try (Reader r = source.equals("-") ? new InputStreamReader(stdin, StandardCharsets.UTF_8)
                : Files.newBufferedReader(Path.of(source), StandardCharsets.UTF_8);
             BufferedReader in = new BufferedReader(r)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                List<String> words;
                try {
                    words = words(line);
                } catch (IllegalArgumentException e) {
                    err.println("nlbridge: " + source + ":" + number + ": " + e.getMessage());
                    status = 2;
                    if (!force) {
                        break;
                    }
                    continue;
                }
                if (words.isEmpty()) {
                    continue;
                }
                int s = command.run(b, words.toArray(new String[0]));
                if (s != 0) {
                    err.println("nlbridge: " + source + ":" + number + ": command failed: " + line.strip());
                    status = s;
                    if (!force) {
                        break;
                    }
                }
            }
        } catch (NoSuchFileException e) {
            err.println("nlbridge: -batch: no such file: " + source);
            status = 2;
        } catch (IOException e) {
            err.println("nlbridge: -batch: cannot read " + source + ": " + e.getMessage());
            status = 2;
        } finally {
            b.handles.values().forEach(BridgeNetlink::close);
            err.flush();
        }
        return status;
    }

    /** Runs one command line of a batch. */
    @FunctionalInterface
    public interface CommandRunner {
        int run(Batch session, String[] args);
    }

    /** The words of one line: blanks separate, "..." groups, # outside quotes ends the line. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = null;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    quoted = false;
                } else {
                    w.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                w = w == null ? new StringBuilder() : w;
            } else if (c == '#' && w == null) {
                break;
            } else if (Character.isWhitespace(c)) {
                if (w != null) {
                    out.add(w.toString());
                    w = null;
                }
            } else {
                w = w == null ? new StringBuilder() : w;
                w.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote");
        }
        if (w != null) {
            out.add(w.toString());
        }
        return out;
    }
}
