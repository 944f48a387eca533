package dev.jdbcdynamo.driver;

import dev.jdbcdynamo.api.DynamoResultSet;
import dev.jdbcdynamo.engine.exec.ItemStream;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayDeque;
import java.util.Calendar;
import java.util.List;
import java.util.Map;

/**
 * A forward-only ResultSet over items. Columns follow {@link ResultShape}; values convert
 * from DynamoDB types ({@link ValueConversions}): S to String, N to BigDecimal (exact), B to byte[],
 * BOOL to Boolean, NULL and missing attributes to SQL NULL; documents (M, L, sets) to Map, List and
 * Set from {@code getObject} and to DynamoDB JSON text from {@code getString}.
 */
final class ItemResultSet extends ReadOnlyResultSet implements DynamoResultSet {
    private final Statement statement;
    private final ResultShape shape;
    private final ArrayDeque<Map<String, AttributeValue>> ahead;
    private final ItemStream rest;
    private final int maxRows;
    private Map<String, AttributeValue> item;
    private int row = -1;
    private boolean restDone;
    private boolean wasNull;
    private boolean closed;

    ItemResultSet(Statement statement, ResultShape shape, List<Map<String, AttributeValue>> items, int maxRows) {
        this(statement, shape, items, null, maxRows);
    }

    /**
     * Rows {@code ahead} (already read, e.g. to learn the columns), then those of {@code rest}, read
     * only as {@code next} reaches them; closing this closes {@code rest}.
     */
    ItemResultSet(Statement statement, ResultShape shape, List<Map<String, AttributeValue>> ahead, ItemStream rest,
                  int maxRows) {
        this.statement = statement;
        this.shape = shape;
        this.ahead = new ArrayDeque<>(ahead);
        this.rest = rest;
        this.restDone = rest == null;
        this.maxRows = maxRows;
    }

    /** Reads the next item into the look-ahead queue if there is one; false at the end. */
    private boolean fill() throws SQLException {
        if (!ahead.isEmpty()) {
            return true;
        }
        if (restDone) {
            return false;
        }
        Map<String, AttributeValue> next;
        try {
            next = rest.next();
        } catch (DynamoException e) {
            throw DynamoErrors.toSql(e);
        } catch (SQLException e) {
            throw DynamoErrors.fromStorage(e);
        }
        if (next == null) {
            restDone = true;
            rest.close();
            return false;
        }
        ahead.add(next);
        return true;
    }

    /** Whether a row follows the current one (reads ahead by one item at most). */
    private boolean hasMore() throws SQLException {
        return (maxRows <= 0 || row + 1 < maxRows) && fill();
    }

    private Map<String, AttributeValue> current() throws SQLException {
        checkOpen();
        if (item == null) {
            throw DynamoErrors.toSql(ErrorCode.VALIDATION.error("The ResultSet is not positioned on a row"));
        }
        return item;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw DynamoErrors.closed("ResultSet");
        }
    }

    /** The DynamoDB value of a column in the current row; null when the attribute is missing. */
    private AttributeValue value(int column) throws SQLException {
        Map<String, AttributeValue> item = current();
        if (column < 1 || column > shape.columns().size()) {
            throw DynamoErrors.toSql(ErrorCode.VALIDATION.error("Column index " + column + " out of range 1.."
                    + shape.columns().size()));
        }
        String name = shape.columns().get(column - 1).name();
        AttributeValue value = column == shape.columns().size() && shape.itemColumn()
                ? new AttributeValue.S(DynamoJson.writeItem(item))
                : item.get(name);
        wasNull = value == null || value instanceof AttributeValue.Null;
        return wasNull ? null : value;
    }

    /** The name of a column, for conversion errors (after {@link #value} checked the index). */
    private String name(int column) {
        return shape.columns().get(column - 1).name();
    }

    private int column(String label) throws SQLException {
        int index = shape.findColumn(label);
        if (index < 0) {
            throw DynamoErrors.toSql(ErrorCode.VALIDATION.error("No column named " + label));
        }
        return index;
    }

    @Override
    public String itemJson() throws SQLException {
        return DynamoJson.writeItem(current());
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (item == null && row >= 0) {
            return false;
        }
        if (hasMore()) {
            item = ahead.poll();
            row++;
            return true;
        }
        item = null;
        row++;
        closeRest();
        return false;
    }

    private void closeRest() throws SQLException {
        if (!restDone) {
            restDone = true;
            try {
                rest.close();
            } catch (SQLException e) {
                throw DynamoErrors.fromStorage(e);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        if (!closed) {
            closed = true;
            ahead.clear();
            item = null;
            closeRest();
        }
    }

    @Override
    public boolean wasNull() {
        return wasNull;
    }

    @Override
    public String getString(int columnIndex) throws SQLException {
        return ValueConversions.string(value(columnIndex));
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        return ValueConversions.bool(value(columnIndex), name(columnIndex));
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        return (byte) ValueConversions.exactLong(value(columnIndex), name(columnIndex), Byte.MIN_VALUE, Byte.MAX_VALUE,
                "byte");
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        return (short) ValueConversions.exactLong(value(columnIndex), name(columnIndex), Short.MIN_VALUE,
                Short.MAX_VALUE, "short");
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        return (int) ValueConversions.exactLong(value(columnIndex), name(columnIndex), Integer.MIN_VALUE,
                Integer.MAX_VALUE, "int");
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        return ValueConversions.exactLong(value(columnIndex), name(columnIndex), Long.MIN_VALUE, Long.MAX_VALUE,
                "long");
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        return ValueConversions.floatValue(value(columnIndex), name(columnIndex));
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        return ValueConversions.doubleValue(value(columnIndex), name(columnIndex));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        BigDecimal n = getBigDecimal(columnIndex);
        return n == null ? null : n.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        return ValueConversions.bytes(value(columnIndex), name(columnIndex));
    }

    @Override
    public Date getDate(int columnIndex) throws SQLException {
        return ValueConversions.date(value(columnIndex));
    }

    @Override
    public Time getTime(int columnIndex) throws SQLException {
        return ValueConversions.time(value(columnIndex));
    }

    @Override
    public Timestamp getTimestamp(int columnIndex) throws SQLException {
        return ValueConversions.timestamp(value(columnIndex));
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        return ValueConversions.object(value(columnIndex));
    }

    @Override
    public Array getArray(int columnIndex) throws SQLException {
        return ValueConversions.array(value(columnIndex), name(columnIndex));
    }

    @Override
    public Array getArray(String columnLabel) throws SQLException {
        return getArray(column(columnLabel));
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        return ValueConversions.number(value(columnIndex), name(columnIndex), "BigDecimal");
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        return ValueConversions.as(value(columnIndex), name(columnIndex), type);
    }

    @Override
    public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
        return getObject(column(columnLabel), type);
    }

    @Override public String getString(String columnLabel) throws SQLException { return getString(column(columnLabel)); }
    @Override public boolean getBoolean(String columnLabel) throws SQLException { return getBoolean(column(columnLabel)); }
    @Override public byte getByte(String columnLabel) throws SQLException { return getByte(column(columnLabel)); }
    @Override public short getShort(String columnLabel) throws SQLException { return getShort(column(columnLabel)); }
    @Override public int getInt(String columnLabel) throws SQLException { return getInt(column(columnLabel)); }
    @Override public long getLong(String columnLabel) throws SQLException { return getLong(column(columnLabel)); }
    @Override public float getFloat(String columnLabel) throws SQLException { return getFloat(column(columnLabel)); }
    @Override public double getDouble(String columnLabel) throws SQLException { return getDouble(column(columnLabel)); }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
        return getBigDecimal(column(columnLabel), scale);
    }

    @Override public byte[] getBytes(String columnLabel) throws SQLException { return getBytes(column(columnLabel)); }
    @Override public Date getDate(String columnLabel) throws SQLException { return getDate(column(columnLabel)); }
    @Override public Time getTime(String columnLabel) throws SQLException { return getTime(column(columnLabel)); }
    @Override public Timestamp getTimestamp(String columnLabel) throws SQLException { return getTimestamp(column(columnLabel)); }
    @Override public Object getObject(String columnLabel) throws SQLException { return getObject(column(columnLabel)); }
    @Override public BigDecimal getBigDecimal(String columnLabel) throws SQLException { return getBigDecimal(column(columnLabel)); }

    @Override
    public InputStream getBinaryStream(int columnIndex) throws SQLException {
        byte[] bytes = getBytes(columnIndex);
        return bytes == null ? null : new java.io.ByteArrayInputStream(bytes);
    }

    @Override
    public InputStream getBinaryStream(String columnLabel) throws SQLException {
        return getBinaryStream(column(columnLabel));
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new ItemResultSetMetaData(shape);
    }

    @Override
    public int findColumn(String columnLabel) throws SQLException {
        return column(columnLabel);
    }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new java.io.StringReader(s);
    }

    @Override
    public Reader getCharacterStream(String columnLabel) throws SQLException {
        return getCharacterStream(column(columnLabel));
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return row < 0 && hasMore();
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return row > 0 && item == null;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return row == 0 && item != null;
    }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        return item != null && !hasMore();
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return item != null ? row + 1 : 0;
    }

    @Override
    public Statement getStatement() {
        return statement;
    }

    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        return getObject(columnIndex);
    }

    @Override
    public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
        return getObject(column(columnLabel));
    }

    @Override
    public Date getDate(int columnIndex, Calendar cal) throws SQLException {
        return getDate(columnIndex);
    }

    @Override
    public Date getDate(String columnLabel, Calendar cal) throws SQLException {
        return getDate(column(columnLabel));
    }

    @Override
    public Time getTime(int columnIndex, Calendar cal) throws SQLException {
        return getTime(columnIndex);
    }

    @Override
    public Time getTime(String columnLabel, Calendar cal) throws SQLException {
        return getTime(column(columnLabel));
    }

    @Override
    public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
        return getTimestamp(columnIndex);
    }

    @Override
    public Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
        return getTimestamp(column(columnLabel));
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public String getNString(int columnIndex) throws SQLException {
        return getString(columnIndex);
    }

    @Override
    public String getNString(String columnLabel) throws SQLException {
        return getString(column(columnLabel));
    }

    @Override
    public Reader getNCharacterStream(int columnIndex) throws SQLException {
        return getCharacterStream(columnIndex);
    }

    @Override
    public Reader getNCharacterStream(String columnLabel) throws SQLException {
        return getCharacterStream(column(columnLabel));
    }

}
