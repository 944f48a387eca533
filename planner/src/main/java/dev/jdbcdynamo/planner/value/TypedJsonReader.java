package dev.jdbcdynamo.planner.value;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads DynamoDB JSON ({@code {"a":{"N":"1.5"}}}) from a streaming parser, with DynamoDB's checks. */
final class TypedJsonReader {
    static final String MORE_THAN_ONE_TYPE =
            "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes";
    static final String NO_TYPE =
            "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
    static final String NULL_NOT_TRUE =
            "One or more parameter values were invalid: Null attribute value types must have the value of true";

    private TypedJsonReader() {
    }

    /** Reads an item; the parser is positioned before its start. */
    static Map<String, AttributeValue> readItem(JsonParser p) throws IOException {
        expect(p, p.nextToken(), JsonToken.START_OBJECT, "an item (a JSON object of attribute values)");
        return readMembers(p);
    }

    /** Reads one attribute value; the parser is positioned before its start. */
    static AttributeValue readValue(JsonParser p) throws IOException {
        return readValue(p, p.nextToken());
    }

    /** Reads the members of an object whose START_OBJECT was consumed, up to its END_OBJECT. */
    private static Map<String, AttributeValue> readMembers(JsonParser p) throws IOException {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        String name;
        while ((name = p.nextFieldName()) != null) {
            if (item.put(name, readValue(p, p.nextToken())) != null) {
                throw invalid("Duplicate attribute name \"" + name + "\"", p);
            }
        }
        expect(p, p.currentToken(), JsonToken.END_OBJECT, "an attribute name");
        return item;
    }

    private static AttributeValue readValue(JsonParser p, JsonToken token) throws IOException {
        expect(p, token, JsonToken.START_OBJECT, "an attribute value such as {\"S\":\"text\"}");
        String type = p.nextFieldName();
        if (type == null) {
            throw ErrorCode.VALIDATION.error(NO_TYPE);
        }
        AttributeValue value = readTyped(p, type, p.nextToken());
        if (p.nextToken() != JsonToken.END_OBJECT) {
            throw ErrorCode.VALIDATION.error(MORE_THAN_ONE_TYPE);
        }
        return value;
    }

    private static AttributeValue readTyped(JsonParser p, String type, JsonToken token) throws IOException {
        switch (type) {
            case "S":
                return new AttributeValue.S(string(p, token, type));
            case "N":
                return new AttributeValue.N(number(p, token));
            case "B":
                return new AttributeValue.B(binary(p, token, type));
            case "BOOL":
                return AttributeValue.Bool.of(bool(p, token, type));
            case "NULL":
                if (!bool(p, token, type)) {
                    throw ErrorCode.VALIDATION.error(NULL_NOT_TRUE);
                }
                return AttributeValue.Null.INSTANCE;
            case "M":
                expect(p, token, JsonToken.START_OBJECT, "a JSON object for M");
                return new AttributeValue.M(readMembers(p));
            case "L":
                expect(p, token, JsonToken.START_ARRAY, "a JSON array for L");
                List<AttributeValue> list = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(readValue(p, next));
                }
                return new AttributeValue.L(list);
            case "SS":
            case "NS":
            case "BS":
                return readSet(p, type, token);
            default:
                throw invalid("Unknown AttributeValue type \"" + type
                        + "\"; expected one of S, N, B, BOOL, NULL, M, L, SS, NS, BS", p);
        }
    }

    private static AttributeValue readSet(JsonParser p, String type, JsonToken token) throws IOException {
        expect(p, token, JsonToken.START_ARRAY, "a JSON array for " + type);
        Set<String> strings = new LinkedHashSet<>();
        Set<BigDecimal> numbers = new LinkedHashSet<>();
        Set<Bytes> binaries = new LinkedHashSet<>();
        int count = 0;
        JsonToken next;
        while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
            count++;
            boolean added = switch (type) {
                case "SS" -> strings.add(string(p, next, type));
                case "NS" -> numbers.add(number(p, next));
                default -> binaries.add(binary(p, next, type));
            };
            if (!added) {
                throw ErrorCode.VALIDATION.error(SetRules.duplicatesMessage(type));
            }
        }
        if (count == 0) {
            throw ErrorCode.VALIDATION.error(SetRules.emptyMessage(type));
        }
        return switch (type) {
            case "SS" -> new AttributeValue.SS(strings);
            case "NS" -> new AttributeValue.NS(numbers);
            default -> new AttributeValue.BS(binaries);
        };
    }

    private static String string(JsonParser p, JsonToken token, String type) throws IOException {
        expect(p, token, JsonToken.VALUE_STRING, "a JSON string for " + type);
        return p.getText();
    }

    private static BigDecimal number(JsonParser p, JsonToken token) throws IOException {
        // DynamoDB JSON writes numbers as strings; a bare JSON number is accepted too, as DynamoDB does.
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            expect(p, token, JsonToken.VALUE_STRING, "a number as a JSON string for N");
        }
        return DynamoNumber.parse(p.getText());
    }

    private static Bytes binary(JsonParser p, JsonToken token, String type) throws IOException {
        String text = string(p, token, type);
        try {
            return Bytes.wrap(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw invalid("Invalid base64 in a " + type + " value (" + e.getMessage() + ")", p);
        }
    }

    private static boolean bool(JsonParser p, JsonToken token, String type) throws IOException {
        if (token == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (token == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw invalid("Expected true or false for " + type + ", found " + describe(token), p);
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw invalid("Expected " + what + ", found " + describe(actual), p);
        }
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the input";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case END_OBJECT -> "the end of an object";
            case START_ARRAY -> "an array";
            case END_ARRAY -> "the end of an array";
            case FIELD_NAME -> "an attribute name";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    static DynamoException invalid(String message, JsonParser p) {
        var location = p.currentLocation();
        return ErrorCode.VALIDATION.error("Malformed DynamoDB JSON: " + message
                + (location.getLineNr() > 0 ? " at line " + location.getLineNr() + ", column " + location.getColumnNr() : ""));
    }
}
