package dev.jdbcdynamo.planner.value;

import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.math.BigDecimal;
import java.math.BigInteger;

/** The order-preserving byte encoding of N key values; the format is specified in {@link KeyCodec}. */
final class NumberKey {
    static final int NEGATIVE = 0x01;
    static final int ZERO = 0x02;
    static final int POSITIVE = 0x03;
    /** Added to the adjusted exponent (-130..125) to make it one unsigned byte (0..255). */
    static final int EXPONENT_BIAS = 130;
    /** Longest encoding: sign, exponent, 19 digit pairs, terminator. */
    static final int MAX_LENGTH = 3 + (DynamoNumber.MAX_DIGITS + 1) / 2;

    private static final byte[] ZERO_ENCODING = {ZERO};

    private NumberKey() {
    }

    static byte[] encode(BigDecimal number) {
        BigDecimal n = DynamoNumber.normalize(number);
        int signum = n.signum();
        if (signum == 0) {
            return ZERO_ENCODING.clone();
        }
        String digits = n.unscaledValue().abs().toString();
        int count = digits.length();
        int exponent = count - 1 - n.scale();
        int pairs = (count + 1) / 2;
        byte[] out = new byte[3 + pairs];
        // Positive form first; a negative number is its magnitude's form complemented after the sign.
        out[1] = (byte) (exponent + EXPONENT_BIAS);
        for (int p = 0; p < pairs; p++) {
            int high = digits.charAt(2 * p) - '0';
            int low = 2 * p + 1 < count ? digits.charAt(2 * p + 1) - '0' : 0;
            out[2 + p] = (byte) (high * 10 + low + 1);
        }
        out[out.length - 1] = 0x00;
        if (signum > 0) {
            out[0] = POSITIVE;
        } else {
            out[0] = NEGATIVE;
            for (int i = 1; i < out.length; i++) {
                out[i] = (byte) ~out[i];
            }
        }
        return out;
    }

    static BigDecimal decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw corrupt(bytes, "empty");
        }
        int sign = bytes[0] & 0xFF;
        if (sign == ZERO) {
            if (bytes.length != 1) {
                throw corrupt(bytes, "zero has trailing bytes");
            }
            return BigDecimal.ZERO;
        }
        if (sign != POSITIVE && sign != NEGATIVE) {
            throw corrupt(bytes, "unknown sign byte");
        }
        if (bytes.length < 4 || bytes.length > MAX_LENGTH) {
            throw corrupt(bytes, "bad length");
        }
        int flip = sign == NEGATIVE ? 0xFF : 0x00;
        if (((bytes[bytes.length - 1] & 0xFF) ^ flip) != 0x00) {
            throw corrupt(bytes, "missing terminator");
        }
        int exponent = ((bytes[1] & 0xFF) ^ flip) - EXPONENT_BIAS;
        int pairs = bytes.length - 3;
        char[] digits = new char[pairs * 2];
        for (int p = 0; p < pairs; p++) {
            int pair = ((bytes[2 + p] & 0xFF) ^ flip) - 1;
            if (pair < 0 || pair > 99) {
                throw corrupt(bytes, "bad digit pair");
            }
            digits[2 * p] = (char) ('0' + pair / 10);
            digits[2 * p + 1] = (char) ('0' + pair % 10);
        }
        int count = digits.length;
        if (digits[count - 1] == '0') {
            count--; // the padding of an odd digit count
        }
        if (digits[0] == '0' || digits[count - 1] == '0') {
            throw corrupt(bytes, "digits not normalized");
        }
        BigInteger unscaled = new BigInteger(new String(digits, 0, count));
        BigDecimal magnitude = new BigDecimal(unscaled, count - 1 - exponent);
        return sign == NEGATIVE ? magnitude.negate() : magnitude;
    }

    private static DynamoException corrupt(byte[] bytes, String why) {
        return ErrorCode.INTERNAL.error("Corrupt N key encoding (" + why + "): " + Bytes.copyOf(bytes).toHex());
    }
}
