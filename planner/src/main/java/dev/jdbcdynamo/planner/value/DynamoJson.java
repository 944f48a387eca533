package dev.jdbcdynamo.planner.value;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * DynamoDB JSON ({@code {"a":{"N":"1.5"},"b":{"SS":["x"]},"c":{"B":"AQI="}}}), the form in which
 * items are stored and parameters are given: reading with DynamoDB's checks, writing as stored
 * or canonical, and conversion from plain JSON.
 *
 * <p>Items are read into a {@link java.util.LinkedHashMap} in document order. Reading is
 * streaming (no tree), because every row read from storage is parsed here. Malformed input is a
 * {@link ErrorCode#VALIDATION} error (DynamoDB's wording where DynamoDB has one); a bad number is
 * {@link ErrorCode#NUMBER_INVALID}. The canonical form has no spaces, attribute names in UTF-8
 * byte order, and set elements sorted (SS by UTF-8 bytes, NS by value, BS by unsigned bytes):
 * two values are equal exactly when their canonical texts are.
 */
public final class DynamoJson {
    /** Shared and never reconfigured after class initialization; trees keep decimals exact. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private DynamoJson() {
    }

    /** Reads an item: a JSON object of attribute values. */
    public static Map<String, AttributeValue> readItem(String json) {
        return read(json, TypedJsonReader::readItem);
    }

    /** Reads an item from UTF-8 bytes, as stored in the {@code item} column. */
    public static Map<String, AttributeValue> readItem(byte[] utf8) {
        try (JsonParser p = FACTORY.createParser(utf8)) {
            return readWhole(p, TypedJsonReader::readItem);
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /** Reads one attribute value such as {@code {"N":"1.5"}}. */
    public static AttributeValue readValue(String json) {
        return read(json, TypedJsonReader::readValue);
    }

    /** Converts a tree holding an item in DynamoDB JSON. */
    public static Map<String, AttributeValue> itemFromJson(JsonNode node) {
        return read(node, TypedJsonReader::readItem);
    }

    /** Converts a tree holding one attribute value in DynamoDB JSON. */
    public static AttributeValue valueFromJson(JsonNode node) {
        return read(node, TypedJsonReader::readValue);
    }

    /** Writes an item in its own attribute and set order: the stored form. */
    public static String writeItem(Map<String, AttributeValue> item) {
        return write(false, w -> w.writeItem(item));
    }

    /** Writes one attribute value in its own order. */
    public static String writeValue(AttributeValue value) {
        return write(false, w -> w.writeValue(value));
    }

    /** Writes an item canonically (sorted names and set elements, no spaces). */
    public static String canonicalItem(Map<String, AttributeValue> item) {
        return write(true, w -> w.writeItem(item));
    }

    /** Writes one attribute value canonically. */
    public static String canonicalValue(AttributeValue value) {
        return write(true, w -> w.writeValue(value));
    }

    /** An item as a tree of DynamoDB JSON. */
    public static ObjectNode itemToJson(Map<String, AttributeValue> item) {
        return (ObjectNode) toTree(w -> w.writeItem(item));
    }

    /** One attribute value as a tree of DynamoDB JSON, such as {@code {"N":"1.5"}}. */
    public static ObjectNode valueToJson(AttributeValue value) {
        return (ObjectNode) toTree(w -> w.writeValue(value));
    }

    /** Reads a plain JSON object as an item (string to S, number to N with its exact text, ...). */
    public static Map<String, AttributeValue> readPlainItem(String json) {
        return read(json, PlainJsonReader::readItem);
    }

    /** Converts a plain JSON object tree to an item; read it with {@link #readTree} to keep every digit. */
    public static Map<String, AttributeValue> itemFromPlainJson(JsonNode node) {
        return read(node, PlainJsonReader::readItem);
    }

    /** Converts any plain JSON tree to a value (array to L, object to M, ...). */
    public static AttributeValue valueFromPlainJson(JsonNode node) {
        return read(node, PlainJsonReader::readValue);
    }

    /** Parses JSON text into a tree that keeps decimal numbers exact (no binary floating point). */
    public static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    private interface Reading<T> {
        T read(JsonParser p) throws IOException;
    }

    private interface Writing {
        void write(TypedJsonWriter w) throws IOException;
    }

    private static <T> T read(String json, Reading<T> reading) {
        try (JsonParser p = FACTORY.createParser(json)) {
            return readWhole(p, reading);
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    private static <T> T read(JsonNode node, Reading<T> reading) {
        try (JsonParser p = node.traverse(MAPPER)) {
            return readWhole(p, reading);
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    private static <T> T readWhole(JsonParser p, Reading<T> reading) throws IOException {
        T result = reading.read(p);
        if (p.nextToken() != null) {
            throw TypedJsonReader.invalid("Unexpected content after the end of the value", p);
        }
        return result;
    }

    private static String write(boolean canonical, Writing writing) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writing.write(new TypedJsonWriter(g, canonical));
        } catch (IOException e) {
            throw ErrorCode.INTERNAL.error("Cannot write DynamoDB JSON: " + e.getMessage());
        }
        return out.toString();
    }

    private static JsonNode toTree(Writing writing) {
        try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
            writing.write(new TypedJsonWriter(buffer, false));
            return MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw ErrorCode.INTERNAL.error("Cannot build a DynamoDB JSON tree: " + e.getMessage());
        }
    }

    private static DynamoException malformed(IOException e) {
        String message = e.getMessage();
        if (e instanceof JsonProcessingException jpe) {
            message = jpe.getOriginalMessage();
            JsonLocation location = jpe.getLocation();
            if (location != null && location.getLineNr() > 0) {
                message += " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            }
        }
        return new DynamoException(ErrorCode.VALIDATION, ErrorCode.VALIDATION.format("Malformed JSON: " + message), e);
    }
}
