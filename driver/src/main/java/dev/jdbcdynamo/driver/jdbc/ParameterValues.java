package dev.jdbcdynamo.driver.jdbc;

import dev.jdbcdynamo.driver.error.DynamoErrors;
import dev.jdbcdynamo.driver.resultset.DynamoArray;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.JavaValues;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.sql.SQLException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * {@code setObject} for every Java type a JDBC application or tool binds: the DynamoDB value
 * types of {@link JavaValues}, dates and times as ISO-8601 strings (the form DynamoDB
 * applications store and that sorts in time order), UUID, Character and enums as strings,
 * {@code java.sql.Array} and Java arrays as lists, and the contents of streams, Blobs and Clobs.
 */
final class ParameterValues {
    /** Streams are read whole; no DynamoDB item holds more than this. */
    private static final int MAX_BYTES = 400 * 1024;

    private ParameterValues() {
    }

    /**
     * {@code Connection.createArrayOf}: a set for the type names STRING_SET/SS, NUMBER_SET/NS,
     * BINARY_SET/BS, a list for any other name.
     */
    static DynamoArray array(String typeName, Object[] elements) throws SQLException {
        AttributeValue list = of(elements == null ? java.util.List.of() : elements);
        String name = typeName == null ? "" : typeName.toUpperCase(java.util.Locale.ROOT);
        boolean set = switch (name) {
            case "STRING_SET", "SS", "NUMBER_SET", "NS", "BINARY_SET", "BS" -> true;
            default -> false;
        };
        if (!set) {
            return new DynamoArray(list);
        }
        return new DynamoArray(of(new java.util.LinkedHashSet<>(
                (java.util.List<?>) JavaValues.toJava(list))));
    }

    static AttributeValue of(Object value) throws SQLException {
        try {
            return JavaValues.fromJava(normalize(value));
        } catch (DynamoException e) {
            throw DynamoErrors.toSql(e);
        }
    }

    /**
     * {@code setObject(i, x, targetSqlType)}: text bound to a numeric or boolean column type (as
     * tools send a cell they edited as text) becomes that type; everything else as {@link #of}.
     */
    static Object forTarget(Object value, int targetSqlType) throws SQLException {
        if (value instanceof String text) {
            switch (targetSqlType) {
                case java.sql.Types.DECIMAL, java.sql.Types.NUMERIC, java.sql.Types.INTEGER, java.sql.Types.BIGINT,
                        java.sql.Types.SMALLINT, java.sql.Types.TINYINT, java.sql.Types.DOUBLE, java.sql.Types.FLOAT,
                        java.sql.Types.REAL -> {
                    try {
                        return new java.math.BigDecimal(text.trim());
                    } catch (NumberFormatException e) {
                        throw DynamoErrors.toSql(ErrorCode.VALIDATION.error("'" + text + "' is not a number"));
                    }
                }
                case java.sql.Types.BOOLEAN, java.sql.Types.BIT -> {
                    return Boolean.parseBoolean(text.trim());
                }
                default -> {
                    return value;
                }
            }
        }
        return value;
    }

    private static Object normalize(Object value) throws SQLException {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof java.sql.Time t) {
            return t.toLocalTime().toString();
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant().toString();
        }
        if (value instanceof TemporalAccessor || value instanceof UUID || value instanceof Character
                || value instanceof java.net.URL || value instanceof char[]) {
            return value instanceof char[] chars ? new String(chars) : value.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof DynamoArray array) {
            return array.value();
        }
        if (value instanceof java.sql.Array array) {
            return normalize(array.getArray());
        }
        if (value instanceof Object[] array) {
            List<Object> list = new ArrayList<>(array.length);
            for (Object element : array) {
                list.add(normalize(element));
            }
            return list;
        }
        if (value instanceof java.sql.Blob blob) {
            return bytes(blob.getBinaryStream());
        }
        if (value instanceof java.sql.Clob clob) {
            return text(clob.getCharacterStream());
        }
        if (value instanceof InputStream in) {
            return bytes(in);
        }
        if (value instanceof Reader reader) {
            return text(reader);
        }
        return value;
    }

    static byte[] bytes(InputStream in) throws SQLException {
        if (in == null) {
            return null;
        }
        try (in) {
            byte[] out = in.readNBytes(MAX_BYTES + 1);
            if (out.length > MAX_BYTES) {
                throw tooLarge();
            }
            return out;
        } catch (IOException e) {
            throw DynamoErrors.toSql(ErrorCode.VALIDATION.error("Cannot read the parameter stream: " + e.getMessage()));
        }
    }

    static String text(Reader reader) throws SQLException {
        if (reader == null) {
            return null;
        }
        try (reader) {
            char[] buffer = new char[8192];
            StringBuilder out = new StringBuilder();
            int n;
            while ((n = reader.read(buffer)) >= 0) {
                out.append(buffer, 0, n);
                if (out.length() > MAX_BYTES) {
                    throw tooLarge();
                }
            }
            return out.toString();
        } catch (IOException e) {
            throw DynamoErrors.toSql(ErrorCode.VALIDATION.error("Cannot read the parameter stream: " + e.getMessage()));
        }
    }

    static String ascii(InputStream in) throws SQLException {
        byte[] bytes = bytes(in);
        return bytes == null ? null : new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static SQLException tooLarge() {
        return DynamoErrors.toSql(ErrorCode.ITEM_TOO_LARGE.error());
    }

    static byte[] copy(byte[] bytes, long length) {
        return length >= 0 && length < bytes.length ? Arrays.copyOf(bytes, (int) length) : bytes;
    }
}
