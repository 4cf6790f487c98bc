package io.netlink4j.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/**
 * Indents JSON as iproute2's json_writer does with {@code -j -p}: a member on its own line, four
 * spaces per level; arrays inline with a space inside the brackets ({@code [ "a","b" ]},
 * {@code [ ]}); an object in an array right after the bracket or comma ({@code [ {…},{…} ]});
 * an empty object {@code {}}. One instance per document: it counts the levels.
 */
final class Iproute2PrettyPrinter implements PrettyPrinter {
    private int depth;

    private void newline(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
        for (int i = 0; i < depth; i++) {
            g.writeRaw("    ");
        }
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        g.writeRaw('{');
        depth++;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        newline(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        newline(g);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        depth--;
        if (entries > 0) {
            newline(g);
        }
        g.writeRaw('}');
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        g.writeRaw("[ ");
        depth++;
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) {
        // the first value follows "[ " directly
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        depth--;
        g.writeRaw(values > 0 ? " ]" : "]");
    }
}
