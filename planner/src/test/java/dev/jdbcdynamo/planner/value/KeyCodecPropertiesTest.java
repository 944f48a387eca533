package dev.jdbcdynamo.planner.value;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdbcdynamo.planner.error.DynamoException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

class KeyCodecPropertiesTest {

    @Property(tries = 300)
    void numberEncodingOrderIsNumericOrder(@ForAll("numbers") BigDecimal a, @ForAll("numbers") BigDecimal b) {
        assertThat(Integer.signum(compareEncoded(a, b))).isEqualTo(a.compareTo(b));
    }

    @Property(tries = 300)
    void numberEncodingOrdersNeighbours(@ForAll("numbers") BigDecimal x, @ForAll @IntRange(min = 1, max = 9) int digit) {
        for (BigDecimal neighbour : neighbours(x, digit)) {
            assertThat(Integer.signum(compareEncoded(x, neighbour)))
                    .as("%s vs %s", x.toPlainString(), neighbour.toPlainString())
                    .isEqualTo(x.compareTo(neighbour));
        }
    }

    @Property(tries = 300)
    void numberEncodingRoundTrips(@ForAll("numbers") BigDecimal x) {
        AttributeValue.N n = new AttributeValue.N(x);
        assertThat(KeyCodec.decode("N", KeyCodec.encode(n))).isEqualTo(n);
        assertThat(KeyCodec.encode(n).length).isLessThanOrEqualTo(22);
    }

    @Property(tries = 200)
    void trailingZerosDoNotChangeTheKey(@ForAll("numbers") BigDecimal x, @ForAll @IntRange(min = 1, max = 30) int zeros) {
        BigDecimal padded = x.setScale(x.scale() + zeros);
        assertThat(NumberKey.encode(padded)).isEqualTo(KeyCodec.encode(new AttributeValue.N(x)));
    }

    @Property(tries = 300)
    void stringEncodingOrderIsUtf8ByteOrder(@ForAll("strings") String a, @ForAll("strings") String b) {
        byte[] ea = KeyCodec.encode(new AttributeValue.S(a));
        byte[] eb = KeyCodec.encode(new AttributeValue.S(b));
        int byCodePoint = Integer.signum(Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()));
        assertThat(Integer.signum(Arrays.compareUnsigned(ea, eb))).isEqualTo(byCodePoint);
        assertThat(Integer.signum(Utf8.compare(a, b))).isEqualTo(byCodePoint);
        assertThat(Utf8.length(a)).isEqualTo(ea.length);
        assertThat(KeyCodec.decode("S", ea)).isEqualTo(new AttributeValue.S(a));
    }

    @Property(tries = 200)
    void binaryEncodingIsTheBytes(@ForAll byte[] a, @ForAll byte[] b) {
        byte[] ea = KeyCodec.encode(AttributeValue.B.of(a));
        assertThat(ea).isEqualTo(a);
        assertThat(Integer.signum(Arrays.compareUnsigned(ea, KeyCodec.encode(AttributeValue.B.of(b)))))
                .isEqualTo(Integer.signum(AttributeValue.B.of(a).value().compareTo(AttributeValue.B.of(b).value())));
        assertThat(KeyCodec.decode("B", ea)).isEqualTo(AttributeValue.B.of(a));
    }

    /** Normalized decimals over DynamoDB's whole range: any sign, 1..38 digits, exponent -130..125. */
    @Provide
    Arbitrary<BigDecimal> numbers() {
        Arbitrary<Integer> signs = Arbitraries.frequency(Tuple.of(1, 0), Tuple.of(5, 1), Tuple.of(5, -1));
        Arbitrary<Integer> firstDigits = Arbitraries.integers().between(1, 9);
        Arbitrary<String> moreDigits = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().withCharRange('0', '9').ofMaxLength(37)),
                Tuple.of(1, Arbitraries.strings().withChars("09").ofMaxLength(37)));
        Arbitrary<Integer> exponents = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(DynamoNumber.MIN_EXPONENT, DynamoNumber.MAX_EXPONENT)),
                Tuple.of(1, Arbitraries.integers().between(-3, 3)),
                Tuple.of(1, Arbitraries.of(DynamoNumber.MIN_EXPONENT, DynamoNumber.MAX_EXPONENT)));
        return Combinators.combine(signs, firstDigits, moreDigits, exponents).as((sign, first, more, exponent) -> {
            if (sign == 0) {
                return BigDecimal.ZERO;
            }
            String digits = first + more;
            BigDecimal magnitude = new BigDecimal(new BigInteger(digits), digits.length() - 1 - exponent);
            return DynamoNumber.normalize(sign < 0 ? magnitude.negate() : magnitude);
        });
    }

    /** Strings of characters chosen to meet each other: ASCII, U+E000..U+FFFF and supplementary. */
    @Provide
    Arbitrary<String> strings() {
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(0x00, 0x20, 0x61, 0x62, 0x7F, 0x80, 0xE1, 0x7FF, 0x800, 0xD7FF,
                        0xE000, 0xFB01, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF)),
                Tuple.of(1, Arbitraries.integers().between(0, 0x7F)),
                Tuple.of(1, Arbitraries.integers().between(0x80, 0xD7FF)),
                Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)));
        return codePoints.list().ofMaxSize(6).map(list -> {
            StringBuilder s = new StringBuilder();
            list.forEach(s::appendCodePoint);
            return s.toString();
        });
    }

    /** Numbers next to x: one more digit, one less digit, the last digit changed, negated, halved. */
    private static List<BigDecimal> neighbours(BigDecimal x, int digit) {
        List<BigDecimal> out = new ArrayList<>();
        if (x.signum() == 0) {
            out.add(new BigDecimal("1E-130"));
            out.add(new BigDecimal("-1E-130"));
            return out;
        }
        BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-x.scale());
        BigDecimal nextUnit = BigDecimal.ONE.scaleByPowerOfTen(-x.scale() - 1);
        out.add(x.add(nextUnit.multiply(BigDecimal.valueOf(digit))));
        out.add(x.subtract(nextUnit.multiply(BigDecimal.valueOf(digit))));
        out.add(x.add(unit));
        out.add(x.subtract(unit));
        out.add(x.setScale(x.scale() - 1, RoundingMode.DOWN));
        out.add(x.negate());
        out.add(x.multiply(BigDecimal.TEN));
        out.add(x.movePointLeft(1));
        List<BigDecimal> valid = new ArrayList<>();
        for (BigDecimal candidate : out) {
            try {
                valid.add(DynamoNumber.normalize(candidate));
            } catch (DynamoException outOfRange) {
                // a neighbour DynamoDB cannot hold is no key
            }
        }
        return valid;
    }

    private static int compareEncoded(BigDecimal a, BigDecimal b) {
        return Arrays.compareUnsigned(KeyCodec.encode(new AttributeValue.N(a)), KeyCodec.encode(new AttributeValue.N(b)));
    }
}
