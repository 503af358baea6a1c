package ddmatch.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML or JSON document read into a small tree whose every node remembers its line and column, so that errors in a
 * spec can point at the offending field (Jackson's own tree model forgets locations). Duplicate keys are refused.
 */
final class SpecTree {
    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();

    private SpecTree() {}

    /** A position in the file, 1-based. */
    record Loc(int line, int column) {
        static Loc of(JsonLocation l) {
            return new Loc(l.getLineNr(), l.getColumnNr());
        }
    }

    sealed interface Node permits Scalar, MapNode, ListNode {
        Loc loc();

        /** What the node is, for "expected X, found Y" messages. */
        String kind();
    }

    /**
     * A scalar: {@code number} is set for numbers, {@code text} holds the text as written (null for a YAML/JSON null).
     */
    record Scalar(String text, Double number, boolean isBoolean, Loc loc) implements Node {
        public String kind() {
            return text == null ? "null" : number != null ? "a number" : isBoolean ? "a boolean" : "a string";
        }
    }

    /** A mapping, keys in file order. */
    record MapNode(Map<String, Node> entries, Map<String, Loc> keyLocs, Loc loc) implements Node {
        public String kind() {
            return "a mapping";
        }
    }

    /** A sequence. */
    record ListNode(List<Node> items, Loc loc) implements Node {
        public String kind() {
            return "a list";
        }
    }

    /**
     * Parses one document.
     *
     * @param text   the document
     * @param json   JSON syntax (else YAML)
     * @param source the file name for messages
     */
    static Node parse(String text, boolean json, String source) {
        try (JsonParser p = (json ? JSON : YAML).createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new DataFormatException(source + ":1:1: the file is empty; expected a mapping with name, state, drift, …");
            }
            Node root = read(p, source);
            if (p.nextToken() != null) {
                Loc l = Loc.of(p.currentTokenLocation());
                throw new DataFormatException(source + ":" + l.line() + ":" + l.column()
                        + ": content after the end of the spec; a spec file holds one document");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String where = l == null ? ":1:1" : ":" + l.getLineNr() + ":" + l.getColumnNr();
            throw new DataFormatException(source + where + ": " + (json ? "JSON" : "YAML") + " syntax error: "
                    + oneLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new DataFormatException(source + ": cannot parse: " + e.getMessage(), e);
        }
    }

    /** The number, with YAML's special floats mapped to doubles so that the spec reader can refuse them by field. */
    private static double doubleValue(JsonParser p) throws IOException {
        String text = p.getText().toLowerCase(java.util.Locale.ROOT);
        switch (text) {
            case ".nan":
                return Double.NaN;
            case ".inf", "+.inf":
                return Double.POSITIVE_INFINITY;
            case "-.inf":
                return Double.NEGATIVE_INFINITY;
            default:
                return p.getDoubleValue();
        }
    }

    /** SnakeYAML's multi-line messages (with a source excerpt and a caret) as one line. */
    private static String oneLine(String message) {
        StringBuilder sb = new StringBuilder();
        for (String line : message.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("in 'reader'") || l.startsWith("^") || line.startsWith("    ")) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : "; ").append(l);
        }
        return sb.toString();
    }

    private static Node read(JsonParser p, String source) throws IOException {
        Loc loc = Loc.of(p.currentTokenLocation());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Loc> keyLocs = new LinkedHashMap<>();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String key = p.currentName();
                    Loc keyLoc = Loc.of(p.currentTokenLocation());
                    if (entries.containsKey(key)) {
                        throw new DataFormatException(source + ":" + keyLoc.line() + ":" + keyLoc.column() + ": key '" + key
                                + "' appears twice in this mapping (first at line " + keyLocs.get(key).line()
                                + "); each key may appear once");
                    }
                    p.nextToken();
                    entries.put(key, read(p, source));
                    keyLocs.put(key, keyLoc);
                }
                return new MapNode(Collections.unmodifiableMap(entries), Collections.unmodifiableMap(keyLocs), loc);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, source));
                }
                return new ListNode(Collections.unmodifiableList(items), loc);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Scalar(p.getText(), doubleValue(p), false, loc);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Scalar(p.getText(), null, true, loc);
            }
            case VALUE_NULL -> {
                return new Scalar(null, null, false, loc);
            }
            case VALUE_STRING -> {
                return new Scalar(p.getText(), null, false, loc);
            }
            default -> throw new DataFormatException(source + ":" + loc.line() + ":" + loc.column() + ": unsupported content ("
                    + t + "); allowed are mappings, lists, numbers and strings");
        }
    }
}
