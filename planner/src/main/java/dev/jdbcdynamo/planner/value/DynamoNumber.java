package dev.jdbcdynamo.planner.value;

import java.math.BigDecimal;

/**
 * DynamoDB's number type: up to 38 significant digits, magnitude 1E-130 to 9.99...E+125,
 * held normalized (no trailing zeros) so that 2 and 2.0 are one value and one key.
 */
public final class DynamoNumber {
    private DynamoNumber() {
    }

    /** Normalizes and validates; throws a ValidationException-coded error out of range. */
    public static BigDecimal normalize(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    /** Parses DynamoDB number text ("1.5", "-2E+10", " 3 " is rejected) and normalizes it. */
    public static BigDecimal parse(String text) {
        return normalize(new BigDecimal(text));
    }

    /** The text DynamoDB returns for a number. */
    public static String toText(BigDecimal value) {
        return value.toPlainString();
    }
}
