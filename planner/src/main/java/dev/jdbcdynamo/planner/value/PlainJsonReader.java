package dev.jdbcdynamo.planner.value;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads plain JSON as DynamoDB's document clients convert it: string to S, number to N (from its
 * exact text), boolean to BOOL, null to NULL, array to L, object to M.
 */
final class PlainJsonReader {
    private PlainJsonReader() {
    }

    /** Reads an item (a JSON object); the parser is positioned before its start. */
    static Map<String, AttributeValue> readItem(JsonParser p) throws IOException {
        JsonToken token = p.nextToken();
        if (token != JsonToken.START_OBJECT) {
            throw TypedJsonReader.invalid("Expected an item (a JSON object), found " + TypedJsonReader.describe(token), p);
        }
        return readMembers(p);
    }

    /** Reads one value; the parser is positioned before its start. */
    static AttributeValue readValue(JsonParser p) throws IOException {
        return readValue(p, p.nextToken());
    }

    private static Map<String, AttributeValue> readMembers(JsonParser p) throws IOException {
        Map<String, AttributeValue> members = new LinkedHashMap<>();
        String name;
        while ((name = p.nextFieldName()) != null) {
            if (members.put(name, readValue(p, p.nextToken())) != null) {
                throw TypedJsonReader.invalid("Duplicate attribute name \"" + name + "\"", p);
            }
        }
        return members;
    }

    private static AttributeValue readValue(JsonParser p, JsonToken token) throws IOException {
        if (token == null) {
            throw TypedJsonReader.invalid("Expected a value, found the end of the input", p);
        }
        switch (token) {
            case VALUE_STRING:
                return new AttributeValue.S(p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new AttributeValue.N(DynamoNumber.parse(p.getText()));
            case VALUE_TRUE:
                return AttributeValue.Bool.TRUE;
            case VALUE_FALSE:
                return AttributeValue.Bool.FALSE;
            case VALUE_NULL:
                return AttributeValue.Null.INSTANCE;
            case START_ARRAY:
                List<AttributeValue> list = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(readValue(p, next));
                }
                return new AttributeValue.L(list);
            case START_OBJECT:
                return new AttributeValue.M(readMembers(p));
            default:
                throw TypedJsonReader.invalid("Unexpected " + TypedJsonReader.describe(token), p);
        }
    }
}
