package io.netlink4j.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Streams one JSON document to the command's output on one line, as {@code ip -j} does, or
 * indented as {@code ip -j -p} does while {@link #pretty(boolean)} is on.
 *
 * <pre>{@code
 * JsonOut.write(out(), g -> { g.writeStartArray(); ...; g.writeEndArray(); });
 * }</pre>
 */
public final class JsonOut {
    private JsonOut() {}

    /** Made on the first document: a command without --json loads no Jackson class (start-up). */
    private static final class Factory {
        static final JsonFactory FACTORY = JsonFactory.builder()
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
                .build();
    }

    /** Writes a document through {@code body}, then a newline. */
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** Set by the command line for the command it runs ({@code --pretty}); the CLI runs one command at a time. */
    private static volatile boolean pretty;

    /** Indent the documents written from now on as iproute2's {@code -p} does (true), or one line each (false). */
    public static void pretty(boolean on) {
        pretty = on;
    }

    public static void write(PrintWriter out, Body body) {
        try (JsonGenerator g = Factory.FACTORY.createGenerator(out)) {
            if (pretty) {
                g.setPrettyPrinter(new Iproute2PrettyPrinter());
            }
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON", e);
        }
        out.println();
        out.flush();
    }

    /** {@code "name": value} when value is not null (iproute2 leaves absent attributes out). */
    public static void opt(JsonGenerator g, String name, Boolean value) throws IOException {
        if (value != null) {
            g.writeBooleanField(name, value);
        }
    }

    public static void opt(JsonGenerator g, String name, Integer value) throws IOException {
        if (value != null) {
            g.writeNumberField(name, value);
        }
    }

    public static void opt(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    /** Writes one item of a list. */
    public interface Item<T> {
        void write(JsonGenerator g, T item) throws IOException;
    }

    /**
     * {@code [{"ifname": NAME, KEY: [ITEM, ...]}, ...]}, a device per map entry in the map's order:
     * the shape of iproute2's per-device listings ({@code bridge -j vlan show}, {@code tunnelshow}, …).
     */
    public static <T> void perDevice(JsonGenerator g, java.util.Map<String, ? extends List<T>> byDevice, String key,
                                     Item<T> item) throws IOException {
        g.writeStartArray();
        for (java.util.Map.Entry<String, ? extends List<T>> d : byDevice.entrySet()) {
            g.writeStartObject();
            g.writeStringField("ifname", d.getKey());
            g.writeArrayFieldStart(key);
            for (T t : d.getValue()) {
                item.write(g, t);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** {@code "name": ["A","B"]}. */
    public static void strings(JsonGenerator g, String name, Iterable<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
