package dev.jdbcdynamo.driver.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The canonical text of output lines, and the comparison form in which answers DynamoDB counts as equal are equal. */
final class CanonicalJson {
    // Canonical text: sorted keys and set elements, no spaces, values as given. Comparison form:
    // numbers as their values, sets and unordered lists sorted.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> SETS = Set.of("SS", "NS", "BS");
    /** Line members whose arrays hold items (or objects holding an "item"). */
    private static final Set<String> ITEM_LISTS = Set.of("items");
    private static final Set<String> HOLDER_LISTS = Set.of("batch", "responses", "reasons");

    private CanonicalJson() {
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + json, e);
        }
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Canonical text: object keys sorted, no spaces. */
    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(sortKeys(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An item as output: attribute names sorted, set elements sorted by their text, values as given. */
    static JsonNode outputItem(JsonNode item) {
        if (!item.isObject()) {
            return item;
        }
        ObjectNode out = object();
        sortedFields(item).forEach((name, value) -> out.set(name, outputValue(value)));
        return out;
    }

    private static JsonNode outputValue(JsonNode value) {
        if (!isTyped(value)) {
            return value;
        }
        String type = value.fieldNames().next();
        JsonNode inner = value.get(type);
        ObjectNode out = object();
        if (SETS.contains(type) && inner.isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            inner.forEach(elements::add);
            elements.sort(Comparator.comparing(JsonNode::asText));
            out.set(type, array().addAll(elements));
        } else if (type.equals("M")) {
            out.set(type, outputItem(inner));
        } else if (type.equals("L") && inner.isArray()) {
            ArrayNode list = array();
            inner.forEach(e -> list.add(outputValue(e)));
            out.set(type, list);
        } else {
            out.set(type, inner);
        }
        return out;
    }

    /** A whole output line in comparison form (see the class comment). */
    static JsonNode comparable(JsonNode line, boolean unorderedItems) {
        if (!line.isObject()) {
            return comparableGeneric(line);
        }
        ObjectNode out = object();
        sortedFields(line).forEach((name, value) -> {
            if (ITEM_LISTS.contains(name) && value.isArray()) {
                List<JsonNode> items = new ArrayList<>();
                value.forEach(i -> items.add(comparableItem(i)));
                if (unorderedItems) {
                    items.sort(Comparator.comparing(CanonicalJson::write));
                }
                out.set(name, array().addAll(items));
            } else if (name.equals("item")) {
                out.set(name, comparableItem(value));
            } else if (HOLDER_LISTS.contains(name) && value.isArray()) {
                ArrayNode list = array();
                value.forEach(holder -> list.add(comparable(holder, false)));
                out.set(name, list);
            } else {
                out.set(name, comparableGeneric(value));
            }
        });
        return out;
    }

    /** An item in comparison form. */
    static JsonNode comparableItem(JsonNode item) {
        if (!item.isObject()) {
            return comparableGeneric(item);
        }
        ObjectNode out = object();
        sortedFields(item).forEach((name, value) -> out.set(name, comparableValue(value)));
        return out;
    }

    private static JsonNode comparableValue(JsonNode value) {
        if (!isTyped(value)) {
            return comparableGeneric(value);
        }
        String type = value.fieldNames().next();
        JsonNode inner = value.get(type);
        ObjectNode out = object();
        switch (type) {
            case "N":
                out.put(type, number(inner.asText()));
                break;
            case "B":
                out.put(type, binary(inner.asText()));
                break;
            case "NS":
            case "SS":
            case "BS":
                if (!inner.isArray()) {
                    out.set(type, comparableGeneric(inner));
                    break;
                }
                List<String> elements = new ArrayList<>();
                for (JsonNode e : inner) {
                    String text = e.asText();
                    elements.add(type.equals("NS") ? number(text) : type.equals("BS") ? binary(text) : text);
                }
                elements.sort(Comparator.naturalOrder());
                ArrayNode set = array();
                elements.forEach(set::add);
                out.set(type, set);
                break;
            case "M":
                out.set(type, comparableItem(inner));
                break;
            case "L":
                if (!inner.isArray()) {
                    out.set(type, comparableGeneric(inner));
                    break;
                }
                ArrayNode list = array();
                inner.forEach(e -> list.add(comparableValue(e)));
                out.set(type, list);
                break;
            default:
                out.set(type, comparableGeneric(inner));
        }
        return out;
    }

    /** Any JSON: keys sorted, numbers by value. */
    private static JsonNode comparableGeneric(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = object();
            sortedFields(node).forEach((name, value) -> out.set(name, comparableGeneric(value)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = array();
            node.forEach(e -> out.add(comparableGeneric(e)));
            return out;
        }
        if (node.isNumber()) {
            return NODES.textNode("#" + number(node.asText()));
        }
        return node;
    }

    /** A number's value as text: {@code 1}, {@code 1.0} and {@code 10E-1} give the same. */
    static String number(String text) {
        try {
            BigDecimal value = new BigDecimal(text.trim());
            return value.signum() == 0 ? "0" : value.stripTrailingZeros().toString();
        } catch (NumberFormatException e) {
            return "not a number: " + text;
        }
    }

    private static String binary(String base64) {
        try {
            return Base64.getEncoder().encodeToString(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            return "not base64: " + base64;
        }
    }

    /** {@code {"T": value}} with T one of DynamoDB's type tags. */
    private static boolean isTyped(JsonNode value) {
        if (!value.isObject() || value.size() != 1) {
            return false;
        }
        String type = value.fieldNames().next();
        return switch (type) {
            case "S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS" -> true;
            default -> false;
        };
    }

    private static Map<String, JsonNode> sortedFields(JsonNode object) {
        Map<String, JsonNode> sorted = new TreeMap<>(CanonicalJson::compareCodePoints);
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            sorted.put(field.getKey(), field.getValue());
        }
        return sorted;
    }

    private static JsonNode sortKeys(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = object();
            sortedFields(node).forEach((name, value) -> out.set(name, sortKeys(value)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = array();
            node.forEach(e -> out.add(sortKeys(e)));
            return out;
        }
        return node;
    }

    /** Code point order, as the recorded files sort their keys (UTF-16 order differs above U+FFFF). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** A step's output line for a failed call: its error code, message, the old item if any, and the step. */
    static ObjectNode errorLine(String code, String message, JsonNode item, int step) {
        ObjectNode line = object();
        line.put("error", code);
        if (item != null) {
            line.set("item", item);
        }
        line.put("message", message == null ? "" : message);
        line.put("step", step);
        return line;
    }
}
