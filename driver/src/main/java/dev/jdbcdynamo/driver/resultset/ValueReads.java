package dev.jdbcdynamo.driver.resultset;

import dev.jdbcdynamo.driver.error.DynamoErrors;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import dev.jdbcdynamo.planner.value.JavaValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code ResultSet.getObject(column, Class)} beyond the getters: the java.time types from ISO-8601
 * strings (as {@code setObject} writes them), UUID, BigInteger, and a document as Map, List, Set,
 * {@code java.sql.Array} or its DynamoDB JSON text.
 */
final class ValueReads {
    private ValueReads() {
    }

    /** The value as {@code type}, or null when this class does not convert to it. */
    static Object convert(AttributeValue v, Class<?> type) throws SQLException {
        if (type == Map.class && v instanceof AttributeValue.M) {
            return JavaValues.toJava(v);
        }
        if ((type == List.class || type == java.util.Collection.class)
                && (v instanceof AttributeValue.L || DynamoArray.isArray(v))) {
            Object java = JavaValues.toJava(v);
            return java instanceof List<?> ? java : List.copyOf((Set<?>) java);
        }
        if (type == Set.class && DynamoArray.isArray(v) && !(v instanceof AttributeValue.L)) {
            return JavaValues.toJava(v);
        }
        if (type == java.sql.Array.class && DynamoArray.isArray(v)) {
            return new DynamoArray(v);
        }
        if (type == BigInteger.class && v instanceof AttributeValue.N n) {
            try {
                return n.value().toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw DynamoErrors.toSql(dev.jdbcdynamo.planner.error.ErrorCode.NUMBER_INVALID.error(
                        "Value " + n.value().toPlainString() + " is not an integer"));
            }
        }
        if (v instanceof AttributeValue.S s) {
            return fromText(s.value(), type);
        }
        return null;
    }

    private static Object fromText(String text, Class<?> type) throws SQLException {
        try {
            if (type == LocalDate.class) {
                return LocalDate.parse(text);
            }
            if (type == LocalTime.class) {
                return LocalTime.parse(text);
            }
            if (type == LocalDateTime.class) {
                return text.endsWith("Z") ? LocalDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC)
                        : LocalDateTime.parse(text);
            }
            if (type == Instant.class) {
                return Instant.parse(text);
            }
            if (type == OffsetDateTime.class) {
                return OffsetDateTime.parse(text);
            }
            if (type == UUID.class) {
                return UUID.fromString(text);
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw DynamoErrors.toSql(dev.jdbcdynamo.planner.error.ErrorCode.VALIDATION.error(
                    "Cannot read '" + text + "' as " + type.getSimpleName()));
        }
        return null;
    }

    /** The DynamoDB JSON text of a document value, as getString gives it. */
    static String json(AttributeValue v) {
        return DynamoJson.writeValue(v);
    }
}
