package ddmatch.spark.sweep;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A node of a YAML document that remembers where it was written (1-based line and column), so that every validation
 * error can name {@code file:line:column}. Jackson's own tree model drops locations, hence this small reader over the
 * streaming parser. Duplicate keys are refused.
 *
 * @param value  a {@code Map<String, SpecNode>} (keys in file order), a {@code List<SpecNode>}, a {@code Double}, a
 *               {@code Boolean}, a {@code String}, or null
 * @param line   line of the node's first character
 * @param column column of the node's first character
 */
record SpecNode(Object value, int line, int column) {

    /** Parses one YAML document; syntax errors become {@link SweepSpecException}s with the parser's location. */
    static SpecNode parse(String text, String source) {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            if (p.nextToken() == null) {
                throw new SweepSpecException(source + ":1:1: the file is empty; expected a mapping with systems, neurons, seeds, …");
            }
            return read(p, source);
        } catch (JsonProcessingException e) {
            throw new SweepSpecException(syntaxError(e, source));
        } catch (IOException e) {
            throw new SweepSpecException(source + ": cannot be read: " + e.getMessage());
        }
    }

    /**
     * One line for a YAML syntax error: {@code file:line:column: not valid YAML: what (while … at line:column)}.
     * SnakeYAML's own message spans several lines (each place quoted with a caret under it); its parts are used instead.
     */
    static String syntaxError(JsonProcessingException e, String source) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m && m.getProblem() != null && m.getProblemMark() != null) {
                Mark at = m.getProblemMark();
                Mark context = m.getContextMark();
                String while_ = m.getContext() == null ? ""
                        : " (" + oneLine(m.getContext()) + (context == null ? "" : " at " + (context.getLine() + 1) + ":"
                                + (context.getColumn() + 1)) + ")";
                return source + ":" + (at.getLine() + 1) + ":" + (at.getColumn() + 1) + ": not valid YAML: "
                        + oneLine(m.getProblem()) + while_;
            }
        }
        var l = e.getLocation();
        String message = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
        return source + ":" + (l == null ? 1 : l.getLineNr()) + ":" + (l == null ? 1 : l.getColumnNr())
                + ": not valid YAML: " + oneLine(message.lines().findFirst().orElse(""));
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static SpecNode read(JsonParser p, String source) throws IOException {
        var l = p.currentTokenLocation();
        int line = l.getLineNr();
        int col = l.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, SpecNode> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    var kl = p.currentTokenLocation();
                    p.nextToken();
                    SpecNode v = read(p, source);
                    if (m.containsKey(key)) {
                        throw new SweepSpecException(source + ":" + kl.getLineNr() + ":" + kl.getColumnNr() + ": field '" + key
                                + "' is given twice; each field is allowed once");
                    }
                    m.put(key, v);
                }
                return new SpecNode(m, line, col);
            }
            case START_ARRAY -> {
                List<SpecNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, source));
                }
                return new SpecNode(items, line, col);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new SpecNode(p.getDoubleValue(), line, col);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new SpecNode(t == JsonToken.VALUE_TRUE, line, col);
            }
            case VALUE_NULL -> {
                return new SpecNode(null, line, col);
            }
            default -> {
                return new SpecNode(p.getText(), line, col);
            }
        }
    }

    /** What the node is, for "expected X, found Y" messages. */
    String kind() {
        if (value == null) return "null";
        if (value instanceof Map) return "a mapping";
        if (value instanceof List) return "a list";
        if (value instanceof Double) return "a number";
        if (value instanceof Boolean) return "a boolean";
        return "a string";
    }

    /** The value as written, for messages. */
    String shown() {
        if (value instanceof Double dv && dv == Math.rint(dv) && Math.abs(dv) < 1e15) return Long.toString(dv.longValue());
        if (value instanceof String s) return "'" + s + "'";
        if (value instanceof Map || value instanceof List) return kind();
        return String.valueOf(value);
    }
}
