package dev.jdbcdynamo.planner.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DynamoNumberTest {
    private static final String MAX = "9.9999999999999999999999999999999999999E+125";
    private static final String PRECISION = "DynamoDB only supports precision up to 38 digits";
    private static final String OVERFLOW =
            "Number overflow. Attempting to store a number with magnitude larger than supported range";
    private static final String UNDERFLOW =
            "Number underflow. Attempting to store a number with magnitude smaller than supported range";
    private static final String NOT_A_NUMBER = "A value provided cannot be converted into a number";

    @ParameterizedTest
    @CsvSource({
        // from conformance insert/number_normalization and numbers/key_lookup_equal_numbers
        "1.50, 1.5",
        "1E3, 1000",
        "-0, 0",
        "0.0001, 0.0001",
        "007, 7",
        "-12.340, -12.34",
        "00.5, 0.5",
        "1.0E+2, 100",
        "100.00, 100",
        "0.000, 0",
        "0E+99, 0",
        "0E-999, 0",
        "+1, 1",
        ".5, 0.5",
        "5., 5",
        "15E-1, 1.5",
        "0.10, 0.1",
        "2.0, 2",
    })
    void parsesAndNormalizesAsDynamoDbReturnsIt(String text, String expected) {
        assertThat(DynamoNumber.toText(DynamoNumber.parse(text))).isEqualTo(expected);
    }

    @Test
    void equalNumbersAreEqualAfterNormalization() {
        assertThat(DynamoNumber.parse("2")).isEqualTo(DynamoNumber.parse("2.0")).isEqualTo(DynamoNumber.parse("20E-1"));
        assertThat(new AttributeValue.N(new BigDecimal("100.00"))).isEqualTo(AttributeValue.N.of("1E2"));
        assertThat(DynamoNumber.parse("-0.000")).isSameAs(BigDecimal.ZERO);
    }

    @Test
    void writesPlainNotationOverTheWholeRange() {
        // DynamoDB Local returns these texts (conformance numbers/numeric_sort_order).
        assertThat(DynamoNumber.toText(DynamoNumber.parse("9.99E125"))).isEqualTo("999" + "0".repeat(123));
        assertThat(DynamoNumber.toText(DynamoNumber.parse("-1E-130"))).isEqualTo("-0." + "0".repeat(129) + "1");
        assertThat(DynamoNumber.toText(DynamoNumber.parse(MAX))).isEqualTo("9".repeat(38) + "0".repeat(88));
        assertThat(DynamoNumber.toText(new BigDecimal("99999999999999999999999999999999999999").add(BigDecimal.ONE)))
                .isEqualTo("1" + "0".repeat(38));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "12345678901234567890123456789012345678",
        "0.12345678901234567890123456789012345678",
        "-1.2345678901234567890123456789012345678",
        "100000000000000000000000000000000000000", // 39 digits of text, one significant
        "1.00000000000000000000000000000000000000000000",
        MAX,
        "-" + MAX,
        "1E-130",
        "-1E-130",
        "1.2345678901234567890123456789012345678E-130",
        "99.999999999999999999999999999999999999",
    })
    void acceptsTheEdgesOfTheRange(String text) {
        assertThat(DynamoNumber.parse(text).compareTo(new BigDecimal(text))).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "123456789012345678901234567890123456789 | " + PRECISION,
        "1.23456789012345678901234567890123456789 | " + PRECISION,
        "-0.000123456789012345678901234567890123456789 | " + PRECISION,
        "1E+126 | " + OVERFLOW,
        "-1E+126 | " + OVERFLOW,
        "10E+125 | " + OVERFLOW,
        "99999999999999999999999999999999999999E+89 | " + OVERFLOW,
        "1E+2147483647 | " + OVERFLOW,
        "100E+2147483647 | " + OVERFLOW, // stripping the zeros overflows the scale itself
        "1E-131 | " + UNDERFLOW,
        "-1E-131 | " + UNDERFLOW,
        "0.1E-130 | " + UNDERFLOW,
        "1E-2147483647 | " + UNDERFLOW,
        // DynamoDB checks precision before range
        "1.23456789012345678901234567890123456789E+200 | " + PRECISION,
    })
    void rejectsWithDynamoDbsMessages(String text, String message) {
        assertNumberError(() -> DynamoNumber.parse(text), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", " 3", "3 ", " 3 ", "NaN", "nan", "Infinity", "-Infinity", "inf", "0x10", "1_000", "1,5",
        "+", "-", ".", "+.", "1..2", "1.2.3", "e5", "1e", "1e+", "1E5.5", "--1", "+-1", "1-", "abc",
        "\u0661", "1\u00A0", "1d", "1f", "1L", "1E99999999999",
    })
    void rejectsWhatIsNotANumber(String text) {
        assertNumberError(() -> DynamoNumber.parse(text), NOT_A_NUMBER);
    }

    @Test
    void normalizeValidatesComputedResults() {
        // numbers/arithmetic_overflow: 38 nines + 0.5 needs 39 digits
        BigDecimal nines = new BigDecimal("99999999999999999999999999999999999999");
        assertNumberError(() -> DynamoNumber.normalize(nines.add(new BigDecimal("0.5"))), PRECISION);
        assertNumberError(() -> new AttributeValue.N(new BigDecimal("1E+126")), OVERFLOW);
        assertNumberError(() -> new AttributeValue.N(BigDecimal.valueOf(1, Integer.MAX_VALUE)), UNDERFLOW);
        assertNumberError(() -> new AttributeValue.N(new BigDecimal("100E-2147483647")), UNDERFLOW);
    }

    @Test
    void countsSignificantDigits() {
        assertThat(DynamoNumber.significantDigits(DynamoNumber.parse("0"))).isEqualTo(1);
        assertThat(DynamoNumber.significantDigits(DynamoNumber.parse("1000"))).isEqualTo(1);
        assertThat(DynamoNumber.significantDigits(DynamoNumber.parse("-12.340"))).isEqualTo(4);
    }

    private static void assertNumberError(Runnable action, String message) {
        assertThatThrownBy(action::run)
                .isInstanceOf(DynamoException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((DynamoException) e).code()).isEqualTo(ErrorCode.NUMBER_INVALID));
    }
}
