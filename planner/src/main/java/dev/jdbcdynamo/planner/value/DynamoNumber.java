package dev.jdbcdynamo.planner.value;

import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.math.BigDecimal;

/**
 * DynamoDB's number type: up to 38 significant digits, magnitude 1E-130 to 9.99...E+125,
 * held normalized (no trailing zeros) so that 2 and 2.0 are one value and one key.
 *
 * <p>DynamoDB never rounds: a number it cannot hold exactly is rejected, with the checks in
 * DynamoDB's order (precision, then overflow, then underflow). Zero is always valid.
 */
public final class DynamoNumber {
    /** Most significant digits a number may have. */
    public static final int MAX_DIGITS = 38;
    /** Largest adjusted exponent (the power of ten of the first digit): 9.99...E+125. */
    public static final int MAX_EXPONENT = 125;
    /** Smallest adjusted exponent of a non-zero number: 1E-130. */
    public static final int MIN_EXPONENT = -130;

    /** DynamoDB's message (PartiQL) for more than 38 significant digits. */
    public static final String PRECISION_MESSAGE = "DynamoDB only supports precision up to 38 digits";
    /** DynamoDB's message for a magnitude of 1E+126 or more. */
    public static final String OVERFLOW_MESSAGE =
            "Number overflow. Attempting to store a number with magnitude larger than supported range";
    /** DynamoDB's message for a non-zero magnitude below 1E-130. */
    public static final String UNDERFLOW_MESSAGE =
            "Number underflow. Attempting to store a number with magnitude smaller than supported range";
    /** DynamoDB's message for number text that is not a number. */
    public static final String NOT_A_NUMBER_MESSAGE = "A value provided cannot be converted into a number";

    private DynamoNumber() {
    }

    /**
     * Normalizes (strips trailing zeros; every zero becomes {@link BigDecimal#ZERO}) and
     * validates precision and range.
     *
     * @throws DynamoException {@link ErrorCode#NUMBER_INVALID} with DynamoDB's message when the
     *     number has more than 38 significant digits or is out of range
     */
    public static BigDecimal normalize(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        // The adjusted exponent does not change when trailing zeros are stripped; it is computed
        // in long because precision - scale overflows int for absurd scales.
        long exponent = (long) value.precision() - value.scale() - 1;
        BigDecimal stripped;
        try {
            stripped = value.stripTrailingZeros();
        } catch (ArithmeticException e) {
            // The scale itself overflowed: the value is astronomically far out of range.
            throw error(exponent > 0 ? OVERFLOW_MESSAGE : UNDERFLOW_MESSAGE);
        }
        if (stripped.precision() > MAX_DIGITS) {
            throw error(PRECISION_MESSAGE);
        }
        if (exponent > MAX_EXPONENT) {
            throw error(OVERFLOW_MESSAGE);
        }
        if (exponent < MIN_EXPONENT) {
            throw error(UNDERFLOW_MESSAGE);
        }
        return stripped;
    }

    /**
     * Parses number text as DynamoDB accepts it and normalizes it. Accepted: an optional sign,
     * ASCII digits with at most one decimal point (at least one digit), and an optional exponent
     * {@code e}/{@code E} with optional sign and at least one digit: {@code 1.50}, {@code -0},
     * {@code 007}, {@code .5}, {@code 5.}, {@code +1}, {@code 1.0E+2}. Rejected: empty text,
     * spaces anywhere, {@code NaN}, {@code Infinity}, hexadecimal, digit separators, an exponent
     * beyond the int range, and digits of other scripts (DynamoDB Local, parsing with Java's
     * {@code BigDecimal}, reads the Arabic-Indic digit one U+0661 as 1; we do not assume the
     * service does too).
     *
     * @throws DynamoException {@link ErrorCode#NUMBER_INVALID} with DynamoDB's message
     */
    public static BigDecimal parse(String text) {
        if (!isNumberSyntax(text)) {
            throw error(NOT_A_NUMBER_MESSAGE);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            // Syntax was fine, so the exponent or the scale does not fit in an int.
            throw error(NOT_A_NUMBER_MESSAGE);
        }
        return normalize(value);
    }

    /** True if the text has the syntax {@link #parse} accepts (range is not checked). */
    static boolean isNumberSyntax(String text) {
        int n = text.length();
        int i = 0;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        boolean point = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i == n) {
            return true;
        }
        char e = text.charAt(i++);
        if (e != 'e' && e != 'E') {
            return false;
        }
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        if (i == n) {
            return false;
        }
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The text DynamoDB returns for a number: plain notation, never an exponent, no trailing
     * zeros ({@code 1E+2} is {@code 100}, {@code 1E-130} is {@code 0.} and 129 zeros and {@code 1}).
     */
    public static String toText(BigDecimal value) {
        return normalize(value).toPlainString();
    }

    /** The number of significant digits of a normalized number (1 for zero). */
    public static int significantDigits(BigDecimal normalized) {
        return normalized.precision();
    }

    private static DynamoException error(String message) {
        return ErrorCode.NUMBER_INVALID.error(message);
    }
}
