package dev.jdbcdynamo.planner.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyCodecTest {

    @Test
    void numbersOrderByValueAcrossTheWholeRange() {
        assertStrictlyAscending(numbers(
                "-9.9999999999999999999999999999999999999E+125", "-1E+10", "-1.01", "-1.001", "-1",
                "-0.5", "-1E-130", "0", "1E-130", "1.2345678901234567890123456789012345678E-130",
                "2E-130", "0.001", "1", "1.001", "1.01", "2", "9", "10", "100",
                "12345678901234567890123456789012345678", "9.99E+125",
                "9.9999999999999999999999999999999999999E+125"));
    }

    @Test
    void theRequiredOrderHolds() {
        assertStrictlyAscending(numbers("-1E+10", "-1", "-0.5", "0", "1E-130", "2", "10", "9.99E+125"));
    }

    @Test
    void conformanceNumericSortOrder() {
        // numbers/numeric_sort_order: the NumKeys fixture in DynamoDB's order
        assertStrictlyAscending(numbers("-10", "-2.5", "-1E-130", "0", "0.001", "2", "10", "1E2", "9.99E125"));
    }

    @ParameterizedTest
    @CsvSource({
        "0, 02",
        "1, 03820b00",
        "2, 03821500",
        "2.0, 03821500",
        "20E-1, 03821500",
        "10, 03830b00",
        "1.01, 03820b0b00",
        "1.001, 03820b0200",
        "-1, 017df4ff",
        "1E-130, 03000b00",
        "9.99E+125, 03ff645b00",
    })
    void documentedNumberEncodings(String number, String hex) {
        assertThat(HexFormat.of().formatHex(KeyCodec.encode(AttributeValue.N.of(number)))).isEqualTo(hex);
    }

    @Test
    void longestNumberEncodingIs22Bytes() {
        byte[] encoded = KeyCodec.encode(AttributeValue.N.of("-1.2345678901234567890123456789012345678E-130"));
        assertThat(encoded).hasSize(22);
        assertThat(KeyCodec.decode("N", encoded)).isEqualTo(AttributeValue.N.of("-1.2345678901234567890123456789012345678E-130"));
    }

    @Test
    void stringsOrderByUtf8BytesNotJavaStringOrder() {
        String bmpMax = "\uFFFF";
        String emoji = "\uD83D\uDE00"; // U+1F600, a surrogate pair in Java
        assertThat(bmpMax.compareTo(emoji)).as("Java's UTF-16 order").isPositive();
        assertThat(compare(new AttributeValue.S(bmpMax), new AttributeValue.S(emoji))).isNegative();
        assertThat(compare(new AttributeValue.S("\uFB01"), new AttributeValue.S("\uD800\uDC00"))).isNegative();
        // StrKeys fixture, in DynamoDB's order (types/string_sort_order_desc, reversed)
        assertStrictlyAscending(strings("10", "9", "B", "Z", "a", "a b", "aa", "~", "\u00E1", "\u20AC", "\uFF5A", emoji));
    }

    @Test
    void trailingSpaceMakesADifferentKey() {
        byte[] a = KeyCodec.encode(new AttributeValue.S("a"));
        byte[] aSpace = KeyCodec.encode(new AttributeValue.S("a "));
        assertThat(a).isNotEqualTo(aSpace);
        assertThat(Arrays.compareUnsigned(a, aSpace)).isNegative();
    }

    @Test
    void stringEncodingIsUtf8() {
        assertThat(KeyCodec.encode(new AttributeValue.S("\u00E1\uD83D\uDE00")))
                .containsExactly(0xC3, 0xA1, 0xF0, 0x9F, 0x98, 0x80);
        assertThat(KeyCodec.encode(new AttributeValue.S(""))).isEmpty();
    }

    @Test
    void unpairedSurrogatesHaveNoEncoding() {
        assertThatThrownBy(() -> KeyCodec.encode(new AttributeValue.S("a\uD800b")))
                .isInstanceOf(DynamoException.class)
                .hasMessageContaining("unpaired UTF-16 surrogate U+D800 at index 1");
        assertThatThrownBy(() -> KeyCodec.encode(new AttributeValue.S("\uDC00")))
                .isInstanceOf(DynamoException.class);
    }

    @Test
    void binaryOrdersUnsigned() {
        // types/binary_sort_order: AA==, AAA=, AQI=, fw==, gA==, /w==
        List<AttributeValue> values = new ArrayList<>();
        for (String base64 : List.of("AA==", "AAA=", "AQI=", "fw==", "gA==", "/w==")) {
            values.add(AttributeValue.B.of(Base64.getDecoder().decode(base64)));
        }
        assertStrictlyAscending(values);
        assertThat(KeyCodec.encode(AttributeValue.B.of(new byte[] {1, (byte) 0xFF}))).containsExactly(1, 0xFF);
    }

    @Test
    void decodesEveryKeyType() {
        for (AttributeValue value : List.of(new AttributeValue.S("h\u00E9llo \uD83D\uDE00"), AttributeValue.N.of("-12.5"),
                AttributeValue.N.of("0"), AttributeValue.B.of(new byte[] {0, (byte) 0x80, (byte) 0xFF}),
                AttributeValue.B.of(new byte[0]))) {
            assertThat(KeyCodec.decode(value.type(), KeyCodec.encode(value))).isEqualTo(value);
        }
    }

    @Test
    void typeTagsAreTheAsciiLetters() {
        assertThat(KeyCodec.typeTag("S")).isEqualTo((byte) 'S');
        assertThat(KeyCodec.typeTag("N")).isEqualTo((byte) 'N');
        assertThat(KeyCodec.typeTag("B")).isEqualTo((byte) 'B');
        assertThat(KeyCodec.typeTag(AttributeValue.N.of(1))).isEqualTo((byte) 0x4E);
    }

    @Test
    void nonKeyTypesAreRejected() {
        for (AttributeValue value : List.of(AttributeValue.Bool.TRUE, AttributeValue.Null.INSTANCE,
                new AttributeValue.M(Map.of()), new AttributeValue.L(List.of()), new AttributeValue.SS(Set.of("a")))) {
            assertThatThrownBy(() -> KeyCodec.encode(value))
                    .isInstanceOf(DynamoException.class)
                    .hasMessage("Key attributes must be of type S, N or B, not " + value.type())
                    .satisfies(e -> assertThat(((DynamoException) e).code()).isEqualTo(ErrorCode.VALIDATION));
        }
        assertThatThrownBy(() -> KeyCodec.typeTag("BOOL")).isInstanceOf(DynamoException.class);
        assertThatThrownBy(() -> KeyCodec.decode("NS", new byte[] {2})).isInstanceOf(DynamoException.class);
    }

    @ParameterizedTest
    @CsvSource({"''", "04", "0200", "0382", "03820b", "03820b0b", "0382650b00", "0382000b00", "03820a00",
        "017df4", "017df4fe", "03820b0100"})
    void corruptNumberEncodingsAreInternalErrors(String hex) {
        assertThatThrownBy(() -> KeyCodec.decode("N", HexFormat.of().parseHex(hex)))
                .isInstanceOf(DynamoException.class)
                .hasMessageStartingWith("Corrupt N key encoding")
                .satisfies(e -> assertThat(((DynamoException) e).code()).isEqualTo(ErrorCode.INTERNAL));
    }

    static int compare(AttributeValue a, AttributeValue b) {
        return Arrays.compareUnsigned(KeyCodec.encode(a), KeyCodec.encode(b));
    }

    private static void assertStrictlyAscending(List<AttributeValue> values) {
        for (int i = 0; i + 1 < values.size(); i++) {
            assertThat(compare(values.get(i), values.get(i + 1)))
                    .as("%s < %s", values.get(i), values.get(i + 1))
                    .isNegative();
        }
    }

    private static List<AttributeValue> numbers(String... texts) {
        return Arrays.stream(texts).<AttributeValue>map(AttributeValue.N::of).toList();
    }

    private static List<AttributeValue> strings(String... texts) {
        return Arrays.stream(texts).<AttributeValue>map(AttributeValue.S::new).toList();
    }
}
