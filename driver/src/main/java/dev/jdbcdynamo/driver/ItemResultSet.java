package dev.jdbcdynamo.driver;

import dev.jdbcdynamo.api.DynamoResultSet;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import dev.jdbcdynamo.planner.value.DynamoNumber;
import dev.jdbcdynamo.planner.value.JavaValues;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.List;
import java.util.Map;

/**
 * A forward-only ResultSet over items. Columns follow {@link ResultShape}; values convert
 * from DynamoDB types: S to String, N to BigDecimal (exact), B to byte[], BOOL to Boolean, NULL
 * and missing attributes to SQL NULL; documents (M, L, sets) to Map, List and Set from
 * {@code getObject} and to DynamoDB JSON text from {@code getString}.
 */
final class ItemResultSet implements ResultSet, DynamoResultSet {
    private final Statement statement;
    private final ResultShape shape;
    private final List<Map<String, AttributeValue>> items;
    private final int limit;
    private int row = -1;
    private boolean wasNull;
    private boolean closed;

    ItemResultSet(Statement statement, ResultShape shape, List<Map<String, AttributeValue>> items, int maxRows) {
        this.statement = statement;
        this.shape = shape;
        this.items = items;
        this.limit = maxRows > 0 ? Math.min(maxRows, items.size()) : items.size();
    }

    private Map<String, AttributeValue> current() throws SQLException {
        checkOpen();
        if (row < 0 || row >= limit) {
            throw DynamoErrors.toSql(ErrorCode.VALIDATION.error("The ResultSet is not positioned on a row"));
        }
        return items.get(row);
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
        AttributeValue value = column == shape.columns().size() ? new AttributeValue.S(DynamoJson.writeItem(item))
                : item.get(name);
        wasNull = value == null || value instanceof AttributeValue.Null;
        return wasNull ? null : value;
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
        if (row < limit) {
            row++;
        }
        return row < limit;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public boolean wasNull() {
        return wasNull;
    }

    @Override
    public String getString(int columnIndex) throws SQLException {
        AttributeValue v = value(columnIndex);
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
        return DynamoJson.writeValue(v);
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        AttributeValue v = value(columnIndex);
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
        throw conversion(columnIndex, v, "boolean");
    }

    private BigDecimal number(int columnIndex, String target) throws SQLException {
        AttributeValue v = value(columnIndex);
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
                throw conversion(columnIndex, v, target);
            }
        }
        if (v instanceof AttributeValue.Bool b) {
            return b.value() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        throw conversion(columnIndex, v, target);
    }

    /** The same number with a scale of at least 0, so that 310 prints as 310, not 3.1E+2. */
    private static BigDecimal plain(BigDecimal n) {
        return n.scale() < 0 ? n.setScale(0) : n;
    }

    private SQLException conversion(int columnIndex, AttributeValue v, String target) {
        return DynamoErrors.toSql(ErrorCode.VALIDATION.error("Cannot read column "
                + shape.columns().get(columnIndex - 1).name() + " of type " + v.type() + " as " + target));
    }

    private long exactLong(int columnIndex, long min, long max, String target) throws SQLException {
        BigDecimal n = number(columnIndex, target);
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

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        return (byte) exactLong(columnIndex, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        return (short) exactLong(columnIndex, Short.MIN_VALUE, Short.MAX_VALUE, "short");
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        return (int) exactLong(columnIndex, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        return exactLong(columnIndex, Long.MIN_VALUE, Long.MAX_VALUE, "long");
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        BigDecimal n = number(columnIndex, "float");
        return n == null ? 0 : n.floatValue();
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        BigDecimal n = number(columnIndex, "double");
        return n == null ? 0 : n.doubleValue();
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        BigDecimal n = getBigDecimal(columnIndex);
        return n == null ? null : n.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        AttributeValue v = value(columnIndex);
        if (v == null) {
            return null;
        }
        if (v instanceof AttributeValue.B b) {
            return b.value().toArray();
        }
        if (v instanceof AttributeValue.S s) {
            return s.value().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        throw conversion(columnIndex, v, "byte[]");
    }

    @Override
    public Date getDate(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        try {
            return s == null ? null : Date.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw DynamoErrors.toSql(ErrorCode.VALIDATION.error("Not a date: " + s));
        }
    }

    @Override
    public Time getTime(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        try {
            return s == null ? null : Time.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw DynamoErrors.toSql(ErrorCode.VALIDATION.error("Not a time: " + s));
        }
    }

    @Override
    public Timestamp getTimestamp(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        try {
            return s == null ? null : Timestamp.from(java.time.Instant.parse(s));
        } catch (java.time.format.DateTimeParseException e) {
            throw DynamoErrors.toSql(ErrorCode.VALIDATION.error("Not a timestamp: " + s));
        }
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        AttributeValue v = value(columnIndex);
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
        // Documents read back as the Java types setObject takes: Map, List, Set.
        return JavaValues.toJava(v);
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        return number(columnIndex, "BigDecimal");
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        if (type == String.class) {
            return type.cast(getString(columnIndex));
        }
        if (type == BigDecimal.class) {
            return type.cast(getBigDecimal(columnIndex));
        }
        if (type == Integer.class) {
            int v = getInt(columnIndex);
            return wasNull ? null : type.cast(v);
        }
        if (type == Long.class) {
            long v = getLong(columnIndex);
            return wasNull ? null : type.cast(v);
        }
        if (type == Double.class) {
            double v = getDouble(columnIndex);
            return wasNull ? null : type.cast(v);
        }
        if (type == Boolean.class) {
            boolean v = getBoolean(columnIndex);
            return wasNull ? null : type.cast(v);
        }
        if (type == byte[].class) {
            return type.cast(getBytes(columnIndex));
        }
        Object o = getObject(columnIndex);
        if (o == null || type.isInstance(o)) {
            return type.cast(o);
        }
        throw DynamoErrors.unsupported("Conversion to " + type.getName());
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
    public InputStream getAsciiStream(int columnIndex) throws SQLException {
        throw DynamoErrors.unsupported("Streams");
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(int columnIndex) throws SQLException {
        throw DynamoErrors.unsupported("Streams");
    }

    @Override
    public InputStream getBinaryStream(int columnIndex) throws SQLException {
        byte[] bytes = getBytes(columnIndex);
        return bytes == null ? null : new java.io.ByteArrayInputStream(bytes);
    }

    @Override
    public InputStream getAsciiStream(String columnLabel) throws SQLException {
        throw DynamoErrors.unsupported("Streams");
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(String columnLabel) throws SQLException {
        throw DynamoErrors.unsupported("Streams");
    }

    @Override
    public InputStream getBinaryStream(String columnLabel) throws SQLException {
        return getBinaryStream(column(columnLabel));
    }

    @Override
    public SQLWarning getWarnings() {
        return null;
    }

    @Override
    public void clearWarnings() {
    }

    @Override
    public String getCursorName() throws SQLException {
        throw DynamoErrors.unsupported("Named cursors");
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
        return row < 0 && limit > 0;
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return row >= limit && limit > 0;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return row == 0 && limit > 0;
    }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        return row == limit - 1;
    }

    @Override
    public void beforeFirst() throws SQLException {
        throw DynamoErrors.unsupported("Scrolling (the ResultSet is forward-only)");
    }

    @Override
    public void afterLast() throws SQLException {
        throw DynamoErrors.unsupported("Scrolling (the ResultSet is forward-only)");
    }

    @Override
    public boolean first() throws SQLException {
        throw DynamoErrors.unsupported("Scrolling (the ResultSet is forward-only)");
    }

    @Override
    public boolean last() throws SQLException {
        throw DynamoErrors.unsupported("Scrolling (the ResultSet is forward-only)");
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return row >= 0 && row < limit ? row + 1 : 0;
    }

    @Override
    public boolean absolute(int row) throws SQLException {
        throw DynamoErrors.unsupported("Scrolling (the ResultSet is forward-only)");
    }

    @Override
    public boolean relative(int rows) throws SQLException {
        throw DynamoErrors.unsupported("Scrolling (the ResultSet is forward-only)");
    }

    @Override
    public boolean previous() throws SQLException {
        throw DynamoErrors.unsupported("Scrolling (the ResultSet is forward-only)");
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        if (direction != FETCH_FORWARD) {
            throw DynamoErrors.unsupported("Fetch direction other than FETCH_FORWARD");
        }
    }

    @Override
    public int getFetchDirection() {
        return FETCH_FORWARD;
    }

    @Override
    public void setFetchSize(int rows) {
    }

    @Override
    public int getFetchSize() {
        return 0;
    }

    @Override
    public int getType() {
        return TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() {
        return CONCUR_READ_ONLY;
    }

    @Override public boolean rowUpdated() { return false; }
    @Override public boolean rowInserted() { return false; }
    @Override public boolean rowDeleted() { return false; }

    private static SQLException readOnly() {
        return DynamoErrors.unsupported("Updatable result sets (use UPDATE statements)");
    }

    @Override public void updateNull(int columnIndex) throws SQLException { throw readOnly(); }
    @Override public void updateBoolean(int columnIndex, boolean x) throws SQLException { throw readOnly(); }
    @Override public void updateByte(int columnIndex, byte x) throws SQLException { throw readOnly(); }
    @Override public void updateShort(int columnIndex, short x) throws SQLException { throw readOnly(); }
    @Override public void updateInt(int columnIndex, int x) throws SQLException { throw readOnly(); }
    @Override public void updateLong(int columnIndex, long x) throws SQLException { throw readOnly(); }
    @Override public void updateFloat(int columnIndex, float x) throws SQLException { throw readOnly(); }
    @Override public void updateDouble(int columnIndex, double x) throws SQLException { throw readOnly(); }
    @Override public void updateBigDecimal(int columnIndex, BigDecimal x) throws SQLException { throw readOnly(); }
    @Override public void updateString(int columnIndex, String x) throws SQLException { throw readOnly(); }
    @Override public void updateBytes(int columnIndex, byte[] x) throws SQLException { throw readOnly(); }
    @Override public void updateDate(int columnIndex, Date x) throws SQLException { throw readOnly(); }
    @Override public void updateTime(int columnIndex, Time x) throws SQLException { throw readOnly(); }
    @Override public void updateTimestamp(int columnIndex, Timestamp x) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(int columnIndex, InputStream x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(int columnIndex, InputStream x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(int columnIndex, Reader x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateObject(int columnIndex, Object x, int scaleOrLength) throws SQLException { throw readOnly(); }
    @Override public void updateObject(int columnIndex, Object x) throws SQLException { throw readOnly(); }
    @Override public void updateNull(String columnLabel) throws SQLException { throw readOnly(); }
    @Override public void updateBoolean(String columnLabel, boolean x) throws SQLException { throw readOnly(); }
    @Override public void updateByte(String columnLabel, byte x) throws SQLException { throw readOnly(); }
    @Override public void updateShort(String columnLabel, short x) throws SQLException { throw readOnly(); }
    @Override public void updateInt(String columnLabel, int x) throws SQLException { throw readOnly(); }
    @Override public void updateLong(String columnLabel, long x) throws SQLException { throw readOnly(); }
    @Override public void updateFloat(String columnLabel, float x) throws SQLException { throw readOnly(); }
    @Override public void updateDouble(String columnLabel, double x) throws SQLException { throw readOnly(); }
    @Override public void updateBigDecimal(String columnLabel, BigDecimal x) throws SQLException { throw readOnly(); }
    @Override public void updateString(String columnLabel, String x) throws SQLException { throw readOnly(); }
    @Override public void updateBytes(String columnLabel, byte[] x) throws SQLException { throw readOnly(); }
    @Override public void updateDate(String columnLabel, Date x) throws SQLException { throw readOnly(); }
    @Override public void updateTime(String columnLabel, Time x) throws SQLException { throw readOnly(); }
    @Override public void updateTimestamp(String columnLabel, Timestamp x) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(String columnLabel, InputStream x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(String columnLabel, InputStream x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(String columnLabel, Reader reader, int length) throws SQLException { throw readOnly(); }
    @Override public void updateObject(String columnLabel, Object x, int scaleOrLength) throws SQLException { throw readOnly(); }
    @Override public void updateObject(String columnLabel, Object x) throws SQLException { throw readOnly(); }
    @Override public void insertRow() throws SQLException { throw readOnly(); }
    @Override public void updateRow() throws SQLException { throw readOnly(); }
    @Override public void deleteRow() throws SQLException { throw readOnly(); }
    @Override public void refreshRow() throws SQLException { throw readOnly(); }
    @Override public void cancelRowUpdates() throws SQLException { throw readOnly(); }
    @Override public void moveToInsertRow() throws SQLException { throw readOnly(); }
    @Override public void moveToCurrentRow() throws SQLException { throw readOnly(); }
    @Override public void updateRef(int columnIndex, Ref x) throws SQLException { throw readOnly(); }
    @Override public void updateRef(String columnLabel, Ref x) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(int columnIndex, Blob x) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(String columnLabel, Blob x) throws SQLException { throw readOnly(); }
    @Override public void updateClob(int columnIndex, Clob x) throws SQLException { throw readOnly(); }
    @Override public void updateClob(String columnLabel, Clob x) throws SQLException { throw readOnly(); }
    @Override public void updateArray(int columnIndex, Array x) throws SQLException { throw readOnly(); }
    @Override public void updateArray(String columnLabel, Array x) throws SQLException { throw readOnly(); }
    @Override public void updateRowId(int columnIndex, RowId x) throws SQLException { throw readOnly(); }
    @Override public void updateRowId(String columnLabel, RowId x) throws SQLException { throw readOnly(); }
    @Override public void updateNString(int columnIndex, String nString) throws SQLException { throw readOnly(); }
    @Override public void updateNString(String columnLabel, String nString) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(int columnIndex, NClob nClob) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(String columnLabel, NClob nClob) throws SQLException { throw readOnly(); }
    @Override public void updateSQLXML(int columnIndex, SQLXML xmlObject) throws SQLException { throw readOnly(); }
    @Override public void updateSQLXML(String columnLabel, SQLXML xmlObject) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(int columnIndex, Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(String columnLabel, Reader reader, long length) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(int columnIndex, InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(int columnIndex, InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(int columnIndex, Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(String columnLabel, InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(String columnLabel, InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(String columnLabel, Reader reader, long length) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(int columnIndex, InputStream inputStream, long length) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(String columnLabel, InputStream inputStream, long length) throws SQLException { throw readOnly(); }
    @Override public void updateClob(int columnIndex, Reader reader, long length) throws SQLException { throw readOnly(); }
    @Override public void updateClob(String columnLabel, Reader reader, long length) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(int columnIndex, Reader reader, long length) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(String columnLabel, Reader reader, long length) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(int columnIndex, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(String columnLabel, Reader reader) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(int columnIndex, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(int columnIndex, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(int columnIndex, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(String columnLabel, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(String columnLabel, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(String columnLabel, Reader reader) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(int columnIndex, InputStream inputStream) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(String columnLabel, InputStream inputStream) throws SQLException { throw readOnly(); }
    @Override public void updateClob(int columnIndex, Reader reader) throws SQLException { throw readOnly(); }
    @Override public void updateClob(String columnLabel, Reader reader) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(int columnIndex, Reader reader) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(String columnLabel, Reader reader) throws SQLException { throw readOnly(); }

    @Override
    public Statement getStatement() {
        return statement;
    }

    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        return getObject(columnIndex);
    }

    @Override
    public Ref getRef(int columnIndex) throws SQLException {
        throw DynamoErrors.unsupported("Ref");
    }

    @Override
    public Blob getBlob(int columnIndex) throws SQLException {
        throw DynamoErrors.unsupported("Blob");
    }

    @Override
    public Clob getClob(int columnIndex) throws SQLException {
        throw DynamoErrors.unsupported("Clob");
    }

    @Override
    public Array getArray(int columnIndex) throws SQLException {
        throw DynamoErrors.unsupported("Array");
    }

    @Override
    public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
        return getObject(column(columnLabel));
    }

    @Override
    public Ref getRef(String columnLabel) throws SQLException {
        throw DynamoErrors.unsupported("Ref");
    }

    @Override
    public Blob getBlob(String columnLabel) throws SQLException {
        throw DynamoErrors.unsupported("Blob");
    }

    @Override
    public Clob getClob(String columnLabel) throws SQLException {
        throw DynamoErrors.unsupported("Clob");
    }

    @Override
    public Array getArray(String columnLabel) throws SQLException {
        throw DynamoErrors.unsupported("Array");
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
    public URL getURL(int columnIndex) throws SQLException {
        throw DynamoErrors.unsupported("URL values");
    }

    @Override
    public URL getURL(String columnLabel) throws SQLException {
        throw DynamoErrors.unsupported("URL values");
    }

    @Override
    public RowId getRowId(int columnIndex) throws SQLException {
        throw DynamoErrors.unsupported("RowId");
    }

    @Override
    public RowId getRowId(String columnLabel) throws SQLException {
        throw DynamoErrors.unsupported("RowId");
    }

    @Override
    public int getHoldability() {
        return CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public NClob getNClob(int columnIndex) throws SQLException {
        throw DynamoErrors.unsupported("NClob");
    }

    @Override
    public NClob getNClob(String columnLabel) throws SQLException {
        throw DynamoErrors.unsupported("NClob");
    }

    @Override
    public SQLXML getSQLXML(int columnIndex) throws SQLException {
        throw DynamoErrors.unsupported("SQLXML");
    }

    @Override
    public SQLXML getSQLXML(String columnLabel) throws SQLException {
        throw DynamoErrors.unsupported("SQLXML");
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

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw DynamoErrors.unsupported("unwrap to " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
