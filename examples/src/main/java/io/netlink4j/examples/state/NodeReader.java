package io.netlink4j.examples.state;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML or JSON into {@link Node}s with their lines, through Jackson's streaming parser
 * (a data-binding tree would lose the lines). Duplicate keys are refused.
 */
final class NodeReader {
    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();

    private final String file;

    private NodeReader(String file) {
        this.file = file;
    }

    /** Parses {@code text}: JSON when it starts with '{' or the file ends in .json, else YAML. */
    static Node read(String file, String text) {
        boolean json = file.endsWith(".json") || text.stripLeading().startsWith("{");
        NodeReader r = new NodeReader(file);
        try (JsonParser p = (json ? JSON : YAML).createParser(text)) {
            if (p.nextToken() == null) {
                throw new StateFileException(file, 1, "", "the file is empty");
            }
            return r.value(p, "", p.currentTokenLocation().getLineNr());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new StateFileException(file, line, "", "not valid " + (json ? "JSON" : "YAML") + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new StateFileException(file, 0, "", e.getMessage());
        }
    }

    private Node value(JsonParser p, String key, int line) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Node> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int at = p.currentTokenLocation().getLineNr();
                    String path = key.isEmpty() ? name : key + "." + name;
                    p.nextToken();
                    if (m.containsKey(name)) {
                        throw new StateFileException(file, at, path, "duplicate key (first on line " + m.get(name).line() + ")");
                    }
                    m.put(name, value(p, path, at));
                }
                return new Node(m, line, key);
            }
            case START_ARRAY: {
                List<Node> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p, key + "[" + l.size() + "]", p.currentTokenLocation().getLineNr()));
                }
                return new Node(l, line, key);
            }
            case VALUE_STRING: return new Node(p.getText(), line, key);
            case VALUE_NUMBER_INT: return new Node(p.getLongValue(), line, key);
            case VALUE_TRUE: return new Node(Boolean.TRUE, line, key);
            case VALUE_FALSE: return new Node(Boolean.FALSE, line, key);
            case VALUE_NULL: return new Node(null, line, key);
            default:
                throw new StateFileException(file, line, key, "unexpected " + p.getText() + " (numbers are whole numbers)");
        }
    }
}
