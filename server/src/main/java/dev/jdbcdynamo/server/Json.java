package dev.jdbcdynamo.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading request members and writing answers in DynamoDB's JSON (typed attribute values). */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiException.serialization("Start of structure or map found where not expected");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw ApiException.serialization("Malformed JSON request body");
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer could not be written", e);
        }
    }

    static String text(JsonNode request, String member) {
        JsonNode node = request.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.serialization("Unexpected value type in payload for " + member);
        }
        return node.asText();
    }

    static String required(JsonNode request, String member) {
        String value = text(request, member);
        if (value == null) {
            throw ApiException.validation("1 validation error detected: Value null at '" + lowerFirst(member)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    static Integer integer(JsonNode request, String member) {
        JsonNode node = request.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt()) {
            throw ApiException.serialization("Unexpected value type in payload for " + member);
        }
        return node.asInt();
    }

    static Boolean bool(JsonNode request, String member) {
        JsonNode node = request.get(member);
        return node == null || node.isNull() ? null : node.asBoolean();
    }

    static Map<String, AttributeValue> item(JsonNode request, String member) {
        JsonNode node = request.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return DynamoJson.itemFromJson(node);
        } catch (DynamoException | IllegalArgumentException e) {
            throw ApiException.serialization("Invalid attribute value in " + member + ": " + e.getMessage());
        }
    }

    static List<AttributeValue> values(JsonNode request, String member) {
        JsonNode node = request.get(member);
        List<AttributeValue> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        for (JsonNode value : node) {
            try {
                values.add(DynamoJson.valueFromJson(value));
            } catch (DynamoException | IllegalArgumentException e) {
                throw ApiException.serialization("Invalid attribute value in " + member + ": " + e.getMessage());
            }
        }
        return values;
    }

    static Map<String, String> names(JsonNode request) {
        JsonNode node = request.get("ExpressionAttributeNames");
        if (node == null || node.isNull()) {
            return null;
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            names.put(e.getKey(), e.getValue().asText());
        }
        return names;
    }

    static ObjectNode itemJson(Map<String, AttributeValue> item) {
        return DynamoJson.itemToJson(item);
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
