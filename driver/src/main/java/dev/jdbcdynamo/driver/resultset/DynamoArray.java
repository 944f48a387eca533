package dev.jdbcdynamo.driver.resultset;

import dev.jdbcdynamo.driver.error.DynamoErrors;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.JavaValues;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A DynamoDB list (L) or set (SS, NS, BS) as a {@code java.sql.Array}: its elements in the
 * value's order as the Java objects a column of their type reads as (String, BigDecimal,
 * byte[], Boolean; nested maps and lists as Map and List), base type from the set's type.
 */
public final class DynamoArray implements Array {
    private final AttributeValue value;
    private boolean freed;

    public DynamoArray(AttributeValue value) {
        this.value = value;
    }

    /** The DynamoDB value this array shows. */
    public AttributeValue value() {
        return value;
    }

    /** True for the types this class represents. */
    static boolean isArray(AttributeValue value) {
        return value instanceof AttributeValue.L || value instanceof AttributeValue.SS
                || value instanceof AttributeValue.NS || value instanceof AttributeValue.BS;
    }

    /** The column type name of a list or set type: LIST, STRING_SET, NUMBER_SET, BINARY_SET. */
    static String typeName(String dynamoType) {
        return switch (dynamoType) {
            case "SS" -> "STRING_SET";
            case "NS" -> "NUMBER_SET";
            case "BS" -> "BINARY_SET";
            default -> "LIST";
        };
    }

    @Override
    public String getBaseTypeName() throws SQLException {
        checkFreed();
        return switch (value.type()) {
            case "SS" -> "STRING";
            case "NS" -> "NUMBER";
            case "BS" -> "BINARY";
            default -> "ANY";
        };
    }

    @Override
    public int getBaseType() throws SQLException {
        checkFreed();
        return switch (value.type()) {
            case "SS" -> Types.VARCHAR;
            case "NS" -> Types.DECIMAL;
            case "BS" -> Types.VARBINARY;
            default -> Types.JAVA_OBJECT;
        };
    }

    @Override
    public Object getArray() throws SQLException {
        checkFreed();
        List<Object> out = new ArrayList<>();
        if (value instanceof AttributeValue.L list) {
            for (AttributeValue element : list.value()) {
                out.add(element(element));
            }
        } else {
            Object java = JavaValues.toJava(value);
            for (Object element : (Iterable<?>) java) {
                out.add(element instanceof ByteBuffer b ? bytes(b) : element);
            }
        }
        return switch (value.type()) {
            case "SS" -> out.toArray(new String[0]);
            case "NS" -> out.toArray(new BigDecimal[0]);
            case "BS" -> out.toArray(new byte[0][]);
            default -> out.toArray();
        };
    }

    private static Object element(AttributeValue element) {
        if (element instanceof AttributeValue.N n) {
            return n.value().scale() < 0 ? n.value().setScale(0) : n.value();
        }
        if (element instanceof AttributeValue.B b) {
            return b.value().toArray();
        }
        Object java = JavaValues.toJava(element);
        return java instanceof ByteBuffer b ? bytes(b) : java;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    @Override
    public Object getArray(Map<String, Class<?>> map) throws SQLException {
        return getArray();
    }

    @Override
    public Object getArray(long index, int count) throws SQLException {
        Object[] all = (Object[]) getArray();
        if (index < 1 || count < 0 || index - 1 + count > all.length) {
            throw DynamoErrors.toSql(dev.jdbcdynamo.planner.error.ErrorCode.VALIDATION.error(
                    "Array slice " + index + ".." + (index - 1 + count) + " is outside 1.." + all.length));
        }
        return java.util.Arrays.copyOfRange(all, (int) index - 1, (int) (index - 1 + count),
                all.getClass().asSubclass(Object[].class));
    }

    @Override
    public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
        return getArray(index, count);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        throw DynamoErrors.unsupported("Array.getResultSet (use getArray)");
    }

    @Override
    public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
        return getResultSet();
    }

    @Override
    public ResultSet getResultSet(long index, int count) throws SQLException {
        return getResultSet();
    }

    @Override
    public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException {
        return getResultSet();
    }

    @Override
    public void free() {
        freed = true;
    }

    private void checkFreed() throws SQLException {
        if (freed) {
            throw DynamoErrors.closed("Array");
        }
    }

    @Override
    public String toString() {
        return dev.jdbcdynamo.planner.value.DynamoJson.writeValue(value);
    }
}
