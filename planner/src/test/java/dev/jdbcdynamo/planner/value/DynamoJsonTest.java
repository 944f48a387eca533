package dev.jdbcdynamo.planner.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DynamoJsonTest {

    /** One attribute of every type, nested types included. */
    static Map<String, AttributeValue> everyType() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("s", new AttributeValue.S("h\u00E9llo \"q\" \\ \n \uD83D\uDE00"));
        item.put("n", AttributeValue.N.of("-12.5"));
        item.put("b", AttributeValue.B.of(new byte[] {0, 1, (byte) 0xFF}));
        item.put("t", AttributeValue.Bool.TRUE);
        item.put("f", AttributeValue.Bool.FALSE);
        item.put("z", AttributeValue.Null.INSTANCE);
        item.put("m", new AttributeValue.M(Map.of("k", new AttributeValue.L(List.of(AttributeValue.N.of(1),
                new AttributeValue.M(Map.of()))))));
        item.put("l", new AttributeValue.L(List.of(new AttributeValue.S(""), AttributeValue.Null.INSTANCE, new AttributeValue.L(List.of()))));
        item.put("ss", new AttributeValue.SS(new LinkedHashSet<>(List.of("y", "x"))));
        item.put("ns", new AttributeValue.NS(new LinkedHashSet<>(List.of(new BigDecimal("20.5"), BigDecimal.TEN, new BigDecimal("3")))));
        item.put("bs", new AttributeValue.BS(new LinkedHashSet<>(List.of(Bytes.copyOf(new byte[] {(byte) 0x80}), Bytes.copyOf(new byte[] {1})))));
        item.put("e", new AttributeValue.B(Bytes.EMPTY));
        return item;
    }

    @Test
    void everyTypeRoundTripsInOrder() {
        Map<String, AttributeValue> item = everyType();
        String json = DynamoJson.writeItem(item);
        Map<String, AttributeValue> read = DynamoJson.readItem(json);
        assertThat(read).isEqualTo(item);
        assertThat(read).isInstanceOf(LinkedHashMap.class);
        assertThat(read.keySet()).containsExactlyElementsOf(item.keySet());
        assertThat(DynamoJson.readItem(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(item);
        assertThat(DynamoJson.itemFromJson(DynamoJson.itemToJson(item))).isEqualTo(item);
        for (AttributeValue value : item.values()) {
            assertThat(DynamoJson.readValue(DynamoJson.writeValue(value))).isEqualTo(value);
            assertThat(DynamoJson.valueFromJson(DynamoJson.valueToJson(value))).isEqualTo(value);
        }
    }

    @Test
    void writesTheStoredFormCompactlyInItsOwnOrder() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("b", AttributeValue.N.of("1.50"));
        item.put("a", new AttributeValue.SS(new LinkedHashSet<>(List.of("y", "x"))));
        item.put("c", AttributeValue.B.of(new byte[] {1, 2}));
        item.put("d", AttributeValue.Null.INSTANCE);
        assertThat(DynamoJson.writeItem(item))
                .isEqualTo("{\"b\":{\"N\":\"1.5\"},\"a\":{\"SS\":[\"y\",\"x\"]},\"c\":{\"B\":\"AQI=\"},\"d\":{\"NULL\":true}}");
    }

    @Test
    void canonicalFormSortsNamesAndSetElements() {
        assertThat(DynamoJson.canonicalItem(everyType())).isEqualTo("{"
                + "\"b\":{\"B\":\"AAH/\"},"
                + "\"bs\":{\"BS\":[\"AQ==\",\"gA==\"]},"
                + "\"e\":{\"B\":\"\"},"
                + "\"f\":{\"BOOL\":false},"
                + "\"l\":{\"L\":[{\"S\":\"\"},{\"NULL\":true},{\"L\":[]}]},"
                + "\"m\":{\"M\":{\"k\":{\"L\":[{\"N\":\"1\"},{\"M\":{}}]}}},"
                + "\"n\":{\"N\":\"-12.5\"},"
                + "\"ns\":{\"NS\":[\"3\",\"10\",\"20.5\"]},"
                + "\"s\":{\"S\":\"h\u00E9llo \\\"q\\\" \\\\ \\n \uD83D\uDE00\"},"
                + "\"ss\":{\"SS\":[\"x\",\"y\"]},"
                + "\"t\":{\"BOOL\":true},"
                + "\"z\":{\"NULL\":true}}");
    }

    @Test
    void canonicalOrderIsUtf8ByteOrder() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("\uD83D\uDE00", AttributeValue.N.of(1));
        item.put("\uFFFF", AttributeValue.N.of(2));
        item.put("B", new AttributeValue.SS(Set.of("\uD83D\uDE00", "\uFFFF", "a")));
        assertThat(DynamoJson.canonicalItem(item)).isEqualTo(
                "{\"B\":{\"SS\":[\"a\",\"\uFFFF\",\"\uD83D\uDE00\"]},\"\uFFFF\":{\"N\":\"2\"},\"\uD83D\uDE00\":{\"N\":\"1\"}}");
    }

    @Test
    void readsConformanceStyleJson() {
        // as in the cases' expected files: numbers written by DynamoDB Local, compared by value
        Map<String, AttributeValue> item = DynamoJson.readItem(
                "{\"delta\":{\"N\":\"3.5\"},\"temp\":{\"N\":\"-2.0\"},\"tags\":{\"SS\":[\"gift\",\"priority\"]}}");
        assertThat(DynamoJson.canonicalItem(item))
                .isEqualTo("{\"delta\":{\"N\":\"3.5\"},\"tags\":{\"SS\":[\"gift\",\"priority\"]},\"temp\":{\"N\":\"-2\"}}");
        assertThat(DynamoJson.readValue(" { \"N\" : \"1.0E+2\" } ")).isEqualTo(AttributeValue.N.of(100));
    }

    @Test
    void acceptsABareJsonNumberForN() {
        assertThat(DynamoJson.readValue("{\"N\":1.50}")).isEqualTo(AttributeValue.N.of("1.5"));
        assertThat(DynamoJson.readValue("{\"NS\":[1, \"2\"]}"))
                .isEqualTo(new AttributeValue.NS(Set.of(BigDecimal.ONE, BigDecimal.valueOf(2))));
    }

    @Test
    void plainJsonBecomesTypedValues() {
        String plain = "{\"customer_id\": \"C9\", \"total\": 1.50, \"big\": 12345678901234567890123456789012345678,"
                + " \"e\": 1E2, \"neg\": -0, \"ok\": true, \"no\": false, \"nothing\": null,"
                + " \"list\": [1, \"a\", [], {}], \"map\": {\"x\": {\"y\": 2.50}}}";
        Map<String, AttributeValue> expected = new LinkedHashMap<>();
        expected.put("customer_id", new AttributeValue.S("C9"));
        expected.put("total", AttributeValue.N.of("1.5"));
        expected.put("big", AttributeValue.N.of("12345678901234567890123456789012345678"));
        expected.put("e", AttributeValue.N.of(100));
        expected.put("neg", AttributeValue.N.of(0));
        expected.put("ok", AttributeValue.Bool.TRUE);
        expected.put("no", AttributeValue.Bool.FALSE);
        expected.put("nothing", AttributeValue.Null.INSTANCE);
        expected.put("list", new AttributeValue.L(List.of(AttributeValue.N.of(1), new AttributeValue.S("a"),
                new AttributeValue.L(List.of()), new AttributeValue.M(Map.of()))));
        expected.put("map", new AttributeValue.M(Map.of("x", new AttributeValue.M(Map.of("y", AttributeValue.N.of("2.5"))))));

        Map<String, AttributeValue> streamed = DynamoJson.readPlainItem(plain);
        assertThat(streamed).isEqualTo(expected);
        assertThat(streamed.keySet()).containsExactlyElementsOf(expected.keySet());
        JsonNode tree = DynamoJson.readTree(plain);
        assertThat(DynamoJson.itemFromPlainJson(tree)).isEqualTo(expected);
        assertThat(DynamoJson.valueFromPlainJson(tree.get("list"))).isEqualTo(expected.get("list"));
    }

    @Test
    void plainJsonNumbersAreValidated() {
        assertThatThrownBy(() -> DynamoJson.readPlainItem("{\"v\": 123456789012345678901234567890123456789}"))
                .isInstanceOf(DynamoException.class)
                .hasMessage(DynamoNumber.PRECISION_MESSAGE);
        assertThatThrownBy(() -> DynamoJson.readPlainItem("[1]"))
                .isInstanceOf(DynamoException.class)
                .hasMessage("Malformed DynamoDB JSON: Expected an item (a JSON object), found an array at line 1, column 2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // conformance errors/invalid_av_param
        "{\"S\":\"C1\",\"N\":\"1\"} | Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes",
        "{} | Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
        "{\"NULL\":false} | One or more parameter values were invalid: Null attribute value types must have the value of true",
        "{\"SS\":[]} | One or more parameter values were invalid: An string set  may not be empty",
        "{\"NS\":[]} | One or more parameter values were invalid: An number set  may not be empty",
        "{\"BS\":[]} | One or more parameter values were invalid: Binary sets should not be empty",
        "{\"NS\":[\"1\",\"1.0\"]} | One or more parameter values were invalid: Input collection of type NS contains duplicates",
        "{\"SS\":[\"a\",\"a\"]} | One or more parameter values were invalid: Input collection of type SS contains duplicates",
        "{\"N\":\"abc\"} | A value provided cannot be converted into a number",
        "{\"N\":\" 1\"} | A value provided cannot be converted into a number",
        "{\"N\":\"NaN\"} | A value provided cannot be converted into a number",
        "{\"N\":\"1E126\"} | Number overflow. Attempting to store a number with magnitude larger than supported range",
        "{\"N\":\"1E-131\"} | Number underflow. Attempting to store a number with magnitude smaller than supported range",
        "{\"N\":\"1.23456789012345678901234567890123456789\"} | DynamoDB only supports precision up to 38 digits",
    })
    void rejectsWithDynamoDbsMessages(String json, String message) {
        assertThatThrownBy(() -> DynamoJson.readValue(json))
                .isInstanceOf(DynamoException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"X\":\"1\"} | Unknown AttributeValue type \"X\"; expected one of S, N, B, BOOL, NULL, M, L, SS, NS, BS at line 1, column",
        "\"x\" | Expected an attribute value such as {\"S\":\"text\"}, found a string",
        "{\"S\":1} | Expected a JSON string for S, found a number",
        "{\"S\":null} | Expected a JSON string for S, found null",
        "{\"BOOL\":\"true\"} | Expected true or false for BOOL, found a string",
        "{\"B\":\"not base64!\"} | Invalid base64 in a B value",
        "{\"BS\":[\"AQ==\",\"AQ\"]} | Input collection of type BS contains duplicates",
        "{\"M\":[]} | Expected a JSON object for M, found an array",
        "{\"L\":{}} | Expected a JSON array for L, found an object",
        "{\"L\":[1]} | Expected an attribute value such as {\"S\":\"text\"}, found a number",
        "{\"N\":true} | Expected a number as a JSON string for N, found a boolean",
        "{\"S\":\"a\"} x | Malformed JSON: Unrecognized token 'x'",
        "{\"S\":\"a\"} {} | Unexpected content after the end of the value",
        "{\"S\":\"a\" | Malformed JSON: Unexpected end-of-input",
        "`` | Expected an attribute value such as {\"S\":\"text\"}, found the end of the input",
    })
    void rejectsMalformedValuesClearly(String json, String message) {
        assertThatThrownBy(() -> DynamoJson.readValue(json))
                .isInstanceOf(DynamoException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((DynamoException) e).code()).isEqualTo(ErrorCode.VALIDATION));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\":{\"S\":\"x\"},\"a\":{\"S\":\"y\"}}",
        "{\"a\":{\"M\":{\"k\":{\"N\":\"1\"},\"k\":{\"N\":\"2\"}}}}",
    })
    void rejectsDuplicateAttributeNames(String json) {
        assertThatThrownBy(() -> DynamoJson.readItem(json))
                .isInstanceOf(DynamoException.class)
                .hasMessageContaining("Duplicate attribute name");
    }

    @Test
    void rejectsItemsThatAreNotObjects() {
        assertThatThrownBy(() -> DynamoJson.readItem("[]"))
                .isInstanceOf(DynamoException.class)
                .hasMessage("Malformed DynamoDB JSON: Expected an item (a JSON object of attribute values), found an array at line 1, column 2");
        assertThatThrownBy(() -> DynamoJson.readItem("{\"a\":\"x\"}"))
                .isInstanceOf(DynamoException.class)
                .hasMessageContaining("Expected an attribute value such as {\"S\":\"text\"}, found a string");
        assertThatThrownBy(() -> DynamoJson.readTree("{"))
                .isInstanceOf(DynamoException.class)
                .hasMessageStartingWith("Malformed JSON: Unexpected end-of-input");
    }

    @Test
    void readTreeKeepsEveryDigit() {
        JsonNode tree = DynamoJson.readTree("{\"v\": 0.12345678901234567890123456789012345678}");
        assertThat(DynamoJson.itemFromPlainJson(tree).get("v"))
                .isEqualTo(AttributeValue.N.of("0.12345678901234567890123456789012345678"));
    }
}
