package dev.jdbcdynamo.bench.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Converts between the cases' JSON and the SDK's attribute values, and writes the README's canonical lines. */
final class RecordedJson {
    // Canonical text: object keys in code point order, no spaces, set elements sorted (numbers by
    // value, strings and binaries by their text), values as DynamoDB returned them; unordered item lists sorted by their canonical text.
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(NODES)
            .build();

    private RecordedJson() {
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** One line of output: keys sorted at every level, no spaces. */
    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(sortKeys(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A DynamoDB-JSON item as the SDK's map; every type key given is set, so malformed values reach the service. */
    static Map<String, AttributeValue> item(JsonNode item) {
        Map<String, AttributeValue> out = new java.util.LinkedHashMap<>();
        item.fields().forEachRemaining(e -> out.put(e.getKey(), value(e.getValue())));
        return out;
    }

    /** A DynamoDB-JSON attribute value as given (several type keys stay several). */
    static AttributeValue value(JsonNode node) {
        AttributeValue.Builder b = AttributeValue.builder();
        if (!node.isObject()) {
            throw new IllegalArgumentException("An attribute value is an object, not " + node);
        }
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "S":
                    b.s(v.asText());
                    break;
                case "N":
                    b.n(v.asText());
                    break;
                case "B":
                    b.b(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.asText())));
                    break;
                case "BOOL":
                    b.bool(v.asBoolean());
                    break;
                case "NULL":
                    b.nul(v.asBoolean());
                    break;
                case "SS":
                    b.ss(texts(v));
                    break;
                case "NS":
                    b.ns(texts(v));
                    break;
                case "BS":
                    List<SdkBytes> bytes = new ArrayList<>();
                    v.forEach(x -> bytes.add(SdkBytes.fromByteArray(Base64.getDecoder().decode(x.asText()))));
                    b.bs(bytes);
                    break;
                case "L":
                    List<AttributeValue> list = new ArrayList<>();
                    v.forEach(x -> list.add(value(x)));
                    b.l(list);
                    break;
                case "M":
                    b.m(item(v));
                    break;
                default:
                    throw new IllegalArgumentException("Unknown attribute type " + e.getKey());
            }
        });
        return b.build();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    /** A plain-JSON item: string S, number N with its text, bool BOOL, null NULL, array L, object M. */
    static Map<String, AttributeValue> plainItem(JsonNode item) {
        Map<String, AttributeValue> out = new java.util.LinkedHashMap<>();
        item.fields().forEachRemaining(e -> out.put(e.getKey(), plainValue(e.getValue())));
        return out;
    }

    private static AttributeValue plainValue(JsonNode v) {
        if (v.isTextual()) {
            return AttributeValue.fromS(v.asText());
        }
        if (v.isNumber()) {
            return AttributeValue.fromN(v.isBigDecimal() ? v.decimalValue().toString() : v.asText());
        }
        if (v.isBoolean()) {
            return AttributeValue.fromBool(v.asBoolean());
        }
        if (v.isNull()) {
            return AttributeValue.fromNul(true);
        }
        if (v.isArray()) {
            List<AttributeValue> list = new ArrayList<>();
            v.forEach(x -> list.add(plainValue(x)));
            return AttributeValue.fromL(list);
        }
        return AttributeValue.fromM(plainItem(v));
    }

    /** An SDK item as output: attribute names sorted, set elements sorted (NS by value, SS and BS by text). */
    static ObjectNode output(Map<String, AttributeValue> item) {
        ObjectNode out = object();
        new TreeMap<>(item).forEach((k, v) -> out.set(k, output(v)));
        return out;
    }

    private static ObjectNode output(AttributeValue v) {
        ObjectNode out = object();
        if (v.s() != null) {
            out.put("S", v.s());
        } else if (v.n() != null) {
            out.put("N", v.n());
        } else if (v.b() != null) {
            out.put("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
        } else if (v.bool() != null) {
            out.put("BOOL", v.bool());
        } else if (v.nul() != null) {
            out.put("NULL", v.nul());
        } else if (v.hasSs()) {
            out.set("SS", sortedTexts(v.ss()));
        } else if (v.hasNs()) {
            List<String> numbers = new ArrayList<>(v.ns());
            numbers.sort(Comparator.comparing(java.math.BigDecimal::new));
            ArrayNode set = array();
            numbers.forEach(set::add);
            out.set("NS", set);
        } else if (v.hasBs()) {
            List<String> texts = new ArrayList<>();
            v.bs().forEach(x -> texts.add(Base64.getEncoder().encodeToString(x.asByteArray())));
            out.set("BS", sortedTexts(texts));
        } else if (v.hasL()) {
            ArrayNode list = array();
            v.l().forEach(x -> list.add(output(x)));
            out.set("L", list);
        } else if (v.hasM()) {
            out.set("M", output(v.m()));
        }
        return out;
    }

    private static ArrayNode sortedTexts(List<String> texts) {
        List<String> sorted = new ArrayList<>(texts);
        sorted.sort(RecordedJson::compareCodePoints);
        ArrayNode out = array();
        sorted.forEach(out::add);
        return out;
    }

    /** Items sorted by their canonical text, for answers whose order DynamoDB does not specify. */
    static ArrayNode sorted(List<ObjectNode> items) {
        List<ObjectNode> list = new ArrayList<>(items);
        list.sort(Comparator.comparing(RecordedJson::write, RecordedJson::compareCodePoints));
        ArrayNode out = array();
        list.forEach(out::add);
        return out;
    }

    private static JsonNode sortKeys(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>(RecordedJson::compareCodePoints);
            node.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
            ObjectNode out = object();
            sorted.forEach((k, v) -> out.set(k, sortKeys(v)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = array();
            node.forEach(e -> out.add(sortKeys(e)));
            return out;
        }
        return node;
    }

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
}
