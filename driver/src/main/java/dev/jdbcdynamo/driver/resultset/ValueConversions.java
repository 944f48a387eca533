package dev.jdbcdynamo.driver.resultset;

import dev.jdbcdynamo.driver.error.DynamoErrors;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoNumber;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * What every result set's getters ({@link AbstractDynamoResultSet}) return for a column's DynamoDB value: S as String, N as an
 * exact BigDecimal (or a primitive when it fits), B as byte[], BOOL as Boolean, lists and sets as
 * SQL arrays, maps as DynamoDB JSON text. A null value is SQL NULL (a NULL or missing attribute):
 * getters give null, false or 0. {@code column} names the column in conversion errors.
 */
final class ValueConversions {
    private ValueConversions() {
    }

    static String string(AttributeValue v) {
        if (v == null) {
            return null;
        }
        if (v instanceof AttributeValue.S s) {
            return s.value();
        }
        if (v instanceof AttributeValue.N n) {
            return DynamoNumber.toText(n.value());
        }
        if (v instanceof AttributeValue.Bool b) {
            return Boolean.toString(b.value());
        }
        if (v instanceof AttributeValue.B b) {
            return b.value().toBase64();
        }
        return ValueReads.json(v);
    }

    static boolean bool(AttributeValue v, String column) throws SQLException {
        if (v == null) {
            return false;
        }
        if (v instanceof AttributeValue.Bool b) {
            return b.value();
        }
        if (v instanceof AttributeValue.N n) {
            return n.value().signum() != 0;
        }
        if (v instanceof AttributeValue.S s) {
            return s.value().equalsIgnoreCase("true") || s.value().equals("1");
        }
        throw conversion(column, v, "boolean");
    }

    /** The value as a number for a getter of {@code target}: N, numeric text, or BOOL as 1 and 0. */
    static BigDecimal number(AttributeValue v, String column, String target) throws SQLException {
        if (v == null) {
            return null;
        }
        if (v instanceof AttributeValue.N n) {
            return plain(n.value());
        }
        if (v instanceof AttributeValue.S s) {
            try {
                return new BigDecimal(s.value().trim());
            } catch (NumberFormatException e) {
                throw conversion(column, v, target);
            }
        }
        if (v instanceof AttributeValue.Bool b) {
            return b.value() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        throw conversion(column, v, target);
    }

    /** The number without its fraction, if it lies in [min, max]; an error otherwise. */
    static long exactLong(AttributeValue v, String column, long min, long max, String target) throws SQLException {
        BigDecimal n = number(v, column, target);
        if (n == null) {
            return 0;
        }
        try {
            long value = n.setScale(0, RoundingMode.DOWN).longValueExact();
            if (value < min || value > max) {
                throw new ArithmeticException();
            }
            return value;
        } catch (ArithmeticException e) {
            throw DynamoErrors.toSql(ErrorCode.NUMBER_INVALID.error("Value " + n.toPlainString()
                    + " does not fit in " + target));
        }
    }

    static float floatValue(AttributeValue v, String column) throws SQLException {
        BigDecimal n = number(v, column, "float");
        return n == null ? 0 : n.floatValue();
    }

    static double doubleValue(AttributeValue v, String column) throws SQLException {
        BigDecimal n = number(v, column, "double");
        return n == null ? 0 : n.doubleValue();
    }

    static byte[] bytes(AttributeValue v, String column) throws SQLException {
        if (v == null) {
            return null;
        }
        if (v instanceof AttributeValue.B b) {
            return b.value().toArray();
        }
        if (v instanceof AttributeValue.S s) {
            return s.value().getBytes(StandardCharsets.UTF_8);
        }
        throw conversion(column, v, "byte[]");
    }

    static Date date(AttributeValue v) throws SQLException {
        return parse(v, Date::valueOf, "date");
    }

    static Time time(AttributeValue v) throws SQLException {
        return parse(v, Time::valueOf, "time");
    }

    static Timestamp timestamp(AttributeValue v) throws SQLException {
        return parse(v, s -> Timestamp.from(Instant.parse(s)), "timestamp");
    }

    /** The value's text (as getString gives it) parsed by {@code parser}; an error names {@code what}. */
    private static <T> T parse(AttributeValue v, Function<String, T> parser, String what) throws SQLException {
        String s = string(v);
        try {
            return s == null ? null : parser.apply(s);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw DynamoErrors.toSql(ErrorCode.VALIDATION.error("Not a " + what + ": " + s));
        }
    }

    /** What {@code getObject(column)} returns. */
    static Object object(AttributeValue v) {
        if (v == null) {
            return null;
        }
        if (v instanceof AttributeValue.S s) {
            return s.value();
        }
        if (v instanceof AttributeValue.N n) {
            return plain(n.value());
        }
        if (v instanceof AttributeValue.B b) {
            return b.value().toArray();
        }
        if (v instanceof AttributeValue.Bool b) {
            return b.value();
        }
        // Lists and sets are SQL arrays; a map is its DynamoDB JSON text (getObject(i, Map.class) gives a Map).
        if (DynamoArray.isArray(v)) {
            return new DynamoArray(v);
        }
        return ValueReads.json(v);
    }

    static Array array(AttributeValue v, String column) throws SQLException {
        if (v == null) {
            return null;
        }
        if (!DynamoArray.isArray(v)) {
            throw conversion(column, v, "Array");
        }
        return new DynamoArray(v);
    }

    /** What {@code getObject(column, type)} returns: a getter's conversion, then {@link ValueReads}'s. */
    static <T> T as(AttributeValue v, String column, Class<T> type) throws SQLException {
        if (v == null) {
            return null;
        }
        if (type == String.class) {
            return type.cast(string(v));
        }
        if (type == BigDecimal.class) {
            return type.cast(number(v, column, "BigDecimal"));
        }
        if (type == Integer.class) {
            return type.cast((int) exactLong(v, column, Integer.MIN_VALUE, Integer.MAX_VALUE, "int"));
        }
        if (type == Long.class) {
            return type.cast(exactLong(v, column, Long.MIN_VALUE, Long.MAX_VALUE, "long"));
        }
        if (type == Double.class) {
            return type.cast(doubleValue(v, column));
        }
        if (type == Boolean.class) {
            return type.cast(bool(v, column));
        }
        if (type == byte[].class) {
            return type.cast(bytes(v, column));
        }
        if (type == Short.class) {
            return type.cast((short) exactLong(v, column, Short.MIN_VALUE, Short.MAX_VALUE, "short"));
        }
        if (type == Byte.class) {
            return type.cast((byte) exactLong(v, column, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte"));
        }
        if (type == Float.class) {
            return type.cast(floatValue(v, column));
        }
        Object converted = ValueReads.convert(v, type);
        if (converted != null) {
            return type.cast(converted);
        }
        Object o = object(v);
        if (o == null || type.isInstance(o)) {
            return type.cast(o);
        }
        throw conversion(column, v, type.getName());
    }

    /** The same number with a scale of at least 0, so that 310 prints as 310, not 3.1E+2. */
    private static BigDecimal plain(BigDecimal n) {
        return n.scale() < 0 ? n.setScale(0) : n;
    }

    private static SQLException conversion(String column, AttributeValue v, String target) {
        // A short text says which value failed, as a catalog name in a metadata row does.
        String text = v instanceof AttributeValue.S s && s.value().length() <= 64 ? " ('" + s.value() + "')" : "";
        return DynamoErrors.toSql(ErrorCode.VALIDATION.error("Cannot read column " + column + " of type " + v.type()
                + text + " as " + target));
    }
}
