package dev.jdbcdynamo.driver.resultset;

import dev.jdbcdynamo.driver.error.DynamoErrors;
import dev.jdbcdynamo.driver.error.JdbcWrapper;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
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
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * Every result set of this driver, over DynamoDB values: the getters' conversions
 * ({@link ValueConversions}), label lookup, {@code wasNull}, the open and on-a-row checks, and,
 * forward-only and read-only as they all are, the refusals of updates, scrolling and LOB types
 * ({@code SQLFeatureNotSupportedException}, 0A000). A subclass says only where rows come from.
 */
abstract class AbstractDynamoResultSet implements ResultSet, JdbcWrapper {
    private boolean wasNull;
    private boolean closed;

    /** How many columns a row has. */
    abstract int columnCount();

    /** The name of a column whose index {@link #value} checked. */
    abstract String columnName(int column);

    /** The 1-based index of the column a label names, or -1 (each kind keeps its own case rules). */
    abstract int columnIndex(String label);

    /** Whether the cursor stands on a row. */
    abstract boolean onRow();

    /** The value of a checked column in the current row; null for a missing attribute. */
    abstract AttributeValue read(int column) throws SQLException;

    /** Releases what the rows come from; called once, by the first {@link #close}. */
    void release() throws SQLException {
    }

    final void checkOpen() throws SQLException {
        if (closed) {
            throw DynamoErrors.closed("ResultSet");
        }
    }

    /** The value of a column in the current row, SQL NULL (a NULL or missing attribute) as null. */
    final AttributeValue value(int column) throws SQLException {
        checkOpen();
        if (!onRow()) {
            throw DynamoErrors.toSql(ErrorCode.VALIDATION.error("The ResultSet is not positioned on a row"));
        }
        if (column < 1 || column > columnCount()) {
            throw DynamoErrors.toSql(ErrorCode.VALIDATION.error("Column index " + column + " out of range 1.."
                    + columnCount()));
        }
        AttributeValue value = read(column);
        wasNull = value == null || value instanceof AttributeValue.Null;
        return wasNull ? null : value;
    }

    private int column(String label) throws SQLException {
        checkOpen();
        int index = columnIndex(label);
        if (index < 0) {
            throw DynamoErrors.toSql(ErrorCode.VALIDATION.error("No column named " + label));
        }
        return index;
    }

    @Override
    public final int findColumn(String columnLabel) throws SQLException {
        return column(columnLabel);
    }

    @Override
    public final void close() throws SQLException {
        if (!closed) {
            closed = true;
            release();
        }
    }

    @Override public final boolean isClosed() { return closed; }
    @Override public final boolean wasNull() { return wasNull; }

    @Override
    public String getString(int columnIndex) throws SQLException {
        return ValueConversions.string(value(columnIndex));
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        return ValueConversions.bool(value(columnIndex), columnName(columnIndex));
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        return (byte) integral(columnIndex, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        return (short) integral(columnIndex, Short.MIN_VALUE, Short.MAX_VALUE, "short");
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        return (int) integral(columnIndex, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        return integral(columnIndex, Long.MIN_VALUE, Long.MAX_VALUE, "long");
    }

    private long integral(int columnIndex, long min, long max, String target) throws SQLException {
        return ValueConversions.exactLong(value(columnIndex), columnName(columnIndex), min, max, target);
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        return ValueConversions.floatValue(value(columnIndex), columnName(columnIndex));
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        return ValueConversions.doubleValue(value(columnIndex), columnName(columnIndex));
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        return ValueConversions.number(value(columnIndex), columnName(columnIndex), "BigDecimal");
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        BigDecimal n = getBigDecimal(columnIndex);
        return n == null ? null : n.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        return ValueConversions.bytes(value(columnIndex), columnName(columnIndex));
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
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        return ValueConversions.as(value(columnIndex), columnName(columnIndex), type);
    }

    @Override
    public Array getArray(int columnIndex) throws SQLException {
        return ValueConversions.array(value(columnIndex), columnName(columnIndex));
    }

    @Override
    public InputStream getBinaryStream(int columnIndex) throws SQLException {
        byte[] bytes = getBytes(columnIndex);
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new StringReader(s);
    }

    // The variants below only forward: a calendar, a type map or a national charset changes nothing here.
    @Override public Object getObject(int i, Map<String, Class<?>> map) throws SQLException { return getObject(i); }
    @Override public Date getDate(int i, Calendar cal) throws SQLException { return getDate(i); }
    @Override public Time getTime(int i, Calendar cal) throws SQLException { return getTime(i); }
    @Override public Timestamp getTimestamp(int i, Calendar cal) throws SQLException { return getTimestamp(i); }
    @Override public String getNString(int i) throws SQLException { return getString(i); }
    @Override public Reader getNCharacterStream(int i) throws SQLException { return getCharacterStream(i); }

    @Override public String getString(String label) throws SQLException { return getString(column(label)); }
    @Override public boolean getBoolean(String label) throws SQLException { return getBoolean(column(label)); }
    @Override public byte getByte(String label) throws SQLException { return getByte(column(label)); }
    @Override public short getShort(String label) throws SQLException { return getShort(column(label)); }
    @Override public int getInt(String label) throws SQLException { return getInt(column(label)); }
    @Override public long getLong(String label) throws SQLException { return getLong(column(label)); }
    @Override public float getFloat(String label) throws SQLException { return getFloat(column(label)); }
    @Override public double getDouble(String label) throws SQLException { return getDouble(column(label)); }
    @Override public BigDecimal getBigDecimal(String label) throws SQLException { return getBigDecimal(column(label)); }
    @Override @Deprecated
    public BigDecimal getBigDecimal(String label, int scale) throws SQLException { return getBigDecimal(column(label), scale); }
    @Override public byte[] getBytes(String label) throws SQLException { return getBytes(column(label)); }
    @Override public Date getDate(String label) throws SQLException { return getDate(column(label)); }
    @Override public Time getTime(String label) throws SQLException { return getTime(column(label)); }
    @Override public Timestamp getTimestamp(String label) throws SQLException { return getTimestamp(column(label)); }
    @Override public Date getDate(String label, Calendar cal) throws SQLException { return getDate(column(label)); }
    @Override public Time getTime(String label, Calendar cal) throws SQLException { return getTime(column(label)); }
    @Override public Timestamp getTimestamp(String label, Calendar cal) throws SQLException { return getTimestamp(column(label)); }
    @Override public Object getObject(String label) throws SQLException { return getObject(column(label)); }
    @Override public <T> T getObject(String label, Class<T> type) throws SQLException { return getObject(column(label), type); }
    @Override public Object getObject(String label, Map<String, Class<?>> map) throws SQLException { return getObject(column(label)); }
    @Override public Array getArray(String label) throws SQLException { return getArray(column(label)); }
    @Override public InputStream getBinaryStream(String label) throws SQLException { return getBinaryStream(column(label)); }
    @Override public Reader getCharacterStream(String label) throws SQLException { return getCharacterStream(column(label)); }
    @Override public Reader getNCharacterStream(String label) throws SQLException { return getCharacterStream(column(label)); }
    @Override public String getNString(String label) throws SQLException { return getString(column(label)); }

    static SQLException readOnly() {
        return DynamoErrors.unsupported("Updatable result sets (use UPDATE statements)");
    }

    static SQLException scroll() {
        return DynamoErrors.unsupported("Scrolling (the ResultSet is forward-only)");
    }

    @Override public boolean rowUpdated() { return false; }
    @Override public boolean rowInserted() { return false; }
    @Override public boolean rowDeleted() { return false; }
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

    @Override public void beforeFirst() throws SQLException { throw scroll(); }
    @Override public void afterLast() throws SQLException { throw scroll(); }
    @Override public boolean first() throws SQLException { throw scroll(); }
    @Override public boolean last() throws SQLException { throw scroll(); }
    @Override public boolean absolute(int row) throws SQLException { throw scroll(); }
    @Override public boolean relative(int rows) throws SQLException { throw scroll(); }
    @Override public boolean previous() throws SQLException { throw scroll(); }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        if (direction != FETCH_FORWARD) {
            throw DynamoErrors.unsupported("Fetch direction other than FETCH_FORWARD");
        }
    }

    @Override public int getFetchDirection() { return FETCH_FORWARD; }
    @Override public void setFetchSize(int rows) { }
    @Override public int getFetchSize() { return 0; }
    @Override public int getType() { return TYPE_FORWARD_ONLY; }
    @Override public int getConcurrency() { return CONCUR_READ_ONLY; }
    @Override public int getHoldability() { return CLOSE_CURSORS_AT_COMMIT; }
    @Override public SQLWarning getWarnings() { return null; }
    @Override public void clearWarnings() { }
    @Override public String getCursorName() throws SQLException { throw DynamoErrors.unsupported("Named cursors"); }

    @Override public Ref getRef(int columnIndex) throws SQLException { throw DynamoErrors.unsupported("Ref"); }
    @Override public Ref getRef(String columnLabel) throws SQLException { throw DynamoErrors.unsupported("Ref"); }
    @Override public Blob getBlob(int columnIndex) throws SQLException { throw DynamoErrors.unsupported("Blob"); }
    @Override public Blob getBlob(String columnLabel) throws SQLException { throw DynamoErrors.unsupported("Blob"); }
    @Override public Clob getClob(int columnIndex) throws SQLException { throw DynamoErrors.unsupported("Clob"); }
    @Override public Clob getClob(String columnLabel) throws SQLException { throw DynamoErrors.unsupported("Clob"); }
    @Override public NClob getNClob(int columnIndex) throws SQLException { throw DynamoErrors.unsupported("NClob"); }
    @Override public NClob getNClob(String columnLabel) throws SQLException { throw DynamoErrors.unsupported("NClob"); }
    @Override public SQLXML getSQLXML(int columnIndex) throws SQLException { throw DynamoErrors.unsupported("SQLXML"); }
    @Override public SQLXML getSQLXML(String columnLabel) throws SQLException { throw DynamoErrors.unsupported("SQLXML"); }
    @Override public RowId getRowId(int columnIndex) throws SQLException { throw DynamoErrors.unsupported("RowId"); }
    @Override public RowId getRowId(String columnLabel) throws SQLException { throw DynamoErrors.unsupported("RowId"); }
    @Override public URL getURL(int columnIndex) throws SQLException { throw DynamoErrors.unsupported("URL values"); }
    @Override public URL getURL(String columnLabel) throws SQLException { throw DynamoErrors.unsupported("URL values"); }
    @Override public InputStream getAsciiStream(int columnIndex) throws SQLException { throw DynamoErrors.unsupported("Streams"); }
    @Override public InputStream getAsciiStream(String columnLabel) throws SQLException { throw DynamoErrors.unsupported("Streams"); }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(int columnIndex) throws SQLException {
        throw DynamoErrors.unsupported("Streams");
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(String columnLabel) throws SQLException {
        throw DynamoErrors.unsupported("Streams");
    }

}
