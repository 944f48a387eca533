package dev.jdbcdynamo.planner.value;

import dev.jdbcdynamo.planner.error.ErrorCode;

/**
 * The order-preserving byte encodings of key values stored in the {@code VARBINARY} key columns
 * ({@code pk}, {@code sk}, LSI and GSI keys): comparing two encodings as unsigned bytes (what
 * MySQL and MariaDB do for {@code VARBINARY}, with no padding) gives DynamoDB's order of the
 * values. The formats are persistent: changing one makes every stored table unreadable.
 *
 * <h2>S</h2>
 * The UTF-8 bytes of the string, nothing else. Byte order is code point order, DynamoDB's
 * order for strings (and not Java's UTF-16 {@code String} order). {@code 'a'} and {@code 'a '}
 * differ. A string with an unpaired surrogate is refused (it has no UTF-8 form). The empty
 * string encodes to no bytes; DynamoDB forbids empty key strings, and callers check that with
 * the key's name ({@link ErrorCode#EMPTY_KEY}).
 *
 * <h2>B</h2>
 * The raw bytes, compared unsigned, as DynamoDB compares binary values.
 *
 * <h2>N</h2>
 * A normalized number (see {@link DynamoNumber}) is {@code sign x 0.d1 d2 ... dk x 10^(E+1)}:
 * {@code k} (1..38) significant digits with {@code d1} and {@code dk} non-zero, and an adjusted
 * exponent {@code E} (the power of ten of {@code d1}) in -130..125. It is encoded as:
 * <pre>
 *   zero:      02
 *   positive:  03  (E + 130)  (p1 + 1) (p2 + 1) ... (pm + 1)  00
 *   negative:  01  then every byte after the sign of the positive form of |x|, complemented (b XOR FF)
 * </pre>
 * <ul>
 *   <li>The sign byte orders negative (01) &lt; zero (02) &lt; positive (03).</li>
 *   <li>{@code E + 130} is one unsigned byte, 0..255 covering exactly DynamoDB's range; for
 *       positive numbers a larger exponent means a larger number, because {@code d1} is never 0.</li>
 *   <li>The digits are taken two at a time, {@code p = 10 x d(2i-1) + d(2i)} (0..99), the last
 *       pair padded with a 0 digit when k is odd, and stored as {@code p + 1} (1..100), so no digit
 *       byte is 00. The terminator 00 is therefore smaller than any digit byte: of two magnitudes
 *       whose digits agree as far as the shorter goes, the shorter (smaller) sorts first.</li>
 *   <li>Complementing reverses the order of magnitudes, which is the order of negative numbers;
 *       the terminator becomes FF, larger than any complemented digit byte (9B..FE), so -1 sorts
 *       after -1.01. Padding never clashes: digits are normalized, so a trailing 0 digit in the
 *       last pair can only be padding.</li>
 *   <li>No encoding is a prefix of another, so encodings may also be concatenated safely.</li>
 * </ul>
 * Examples: {@code 0 = 02}; {@code 1 = 03 82 0B 00}; {@code 2 = 2.0 = 03 82 15 00};
 * {@code 10 = 03 83 0B 00}; {@code 1.01 = 03 82 0B 0B 00};
 * {@code 1.001 = 03 82 0B 02 00}; {@code -1 = 01 7D F4 FF};
 * {@code 1E-130 = 03 00 0B 00}; {@code 9.99E+125 = 03 FF 64 5B 00}. The longest encoding is
 * 22 bytes (38 digits).
 *
 * <h2>Type tags</h2>
 * {@link #typeTag} gives a byte per key type, mixed into the keyspace-id hash so that the
 * string "1" and the number 1 hash apart: S = 0x53, N = 0x4E, B = 0x42 (the ASCII letters).
 * These values are persistent like the encodings.
 */
public final class KeyCodec {
    /** Type tag of S keys: ASCII 'S'. */
    public static final byte TAG_S = 0x53;
    /** Type tag of N keys: ASCII 'N'. */
    public static final byte TAG_N = 0x4E;
    /** Type tag of B keys: ASCII 'B'. */
    public static final byte TAG_B = 0x42;

    private KeyCodec() {
    }

    /**
     * Encodes a key value (S, N or B) to its order-preserving bytes.
     *
     * @throws dev.jdbcdynamo.planner.error.DynamoException {@link ErrorCode#VALIDATION} for any
     *     other type, or a string with an unpaired surrogate
     */
    public static byte[] encode(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return Utf8.encode(s.value());
        }
        if (value instanceof AttributeValue.N n) {
            return NumberKey.encode(n.value());
        }
        if (value instanceof AttributeValue.B b) {
            return b.value().toArray();
        }
        throw notKeyType(value.type());
    }

    /**
     * Decodes bytes written by {@link #encode} for a key of the given type ("S", "N" or "B",
     * as {@link AttributeValue#type()} and the catalog name them).
     *
     * @throws dev.jdbcdynamo.planner.error.DynamoException {@link ErrorCode#VALIDATION} for a
     *     type that is not a key type, {@link ErrorCode#INTERNAL} for bytes that are no N encoding
     */
    public static AttributeValue decode(String type, byte[] bytes) {
        return switch (type) {
            case "S" -> new AttributeValue.S(Utf8.decode(bytes));
            case "N" -> new AttributeValue.N(NumberKey.decode(bytes));
            case "B" -> AttributeValue.B.of(bytes);
            default -> throw notKeyType(type);
        };
    }

    /** The stable tag byte of a key type ("S", "N" or "B"); see the class documentation. */
    public static byte typeTag(String type) {
        return switch (type) {
            case "S" -> TAG_S;
            case "N" -> TAG_N;
            case "B" -> TAG_B;
            default -> throw notKeyType(type);
        };
    }

    /** The tag byte of a key value's type. */
    public static byte typeTag(AttributeValue value) {
        return typeTag(value.type());
    }

    private static RuntimeException notKeyType(String type) {
        return ErrorCode.VALIDATION.error("Key attributes must be of type S, N or B, not " + type);
    }
}
