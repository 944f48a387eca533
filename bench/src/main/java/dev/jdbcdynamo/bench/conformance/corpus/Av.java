package dev.jdbcdynamo.bench.conformance.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** DynamoDB-JSON attribute values and items for the generated cases, built as Jackson trees. */
final class Av {
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private Av() {
    }

    static ObjectNode s(String text) {
        return NODES.objectNode().put("S", text);
    }

    /** A number as its text, so the case keeps the exact digits written here. */
    static ObjectNode n(String text) {
        return NODES.objectNode().put("N", text);
    }

    static ObjectNode b(String text) {
        return NODES.objectNode().put("B", base64(text));
    }

    static ObjectNode bool(boolean value) {
        return NODES.objectNode().put("BOOL", value);
    }

    static ObjectNode nul() {
        return NODES.objectNode().put("NULL", true);
    }

    static ObjectNode m(String name, JsonNode value) {
        ObjectNode map = NODES.objectNode();
        map.set(name, value);
        ObjectNode out = NODES.objectNode();
        out.set("M", map);
        return out;
    }

    static ObjectNode l(JsonNode... values) {
        ArrayNode list = NODES.arrayNode();
        for (JsonNode v : values) {
            list.add(v);
        }
        ObjectNode out = NODES.objectNode();
        out.set("L", list);
        return out;
    }

    static ObjectNode ss(String... texts) {
        return set("SS", texts);
    }

    static ObjectNode ns(String... texts) {
        return set("NS", texts);
    }

    static ObjectNode bs(String... texts) {
        String[] encoded = new String[texts.length];
        for (int i = 0; i < texts.length; i++) {
            encoded[i] = base64(texts[i]);
        }
        return set("BS", encoded);
    }

    private static ObjectNode set(String type, String... texts) {
        ArrayNode elements = NODES.arrayNode();
        for (String t : texts) {
            elements.add(t);
        }
        ObjectNode out = NODES.objectNode();
        out.set(type, elements);
        return out;
    }

    /** Binary values are written as the base64 of a short text, so a case stays readable. */
    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** An item from name/value pairs, in the order given. */
    static ObjectNode item(Object... namesAndValues) {
        ObjectNode item = NODES.objectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            item.set((String) namesAndValues[i], (JsonNode) namesAndValues[i + 1]);
        }
        return item;
    }
}
