package dev.jdbcdynamo.driver;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
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

/**
 * The part every result set of this driver shares: forward-only and read-only, so updates,
 * scrolling and the LOB types answer {@code SQLFeatureNotSupportedException} (0A000) in one place.
 */
abstract class ReadOnlyResultSet implements ResultSet, JdbcWrapper {

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
    @Override public Array getArray(int columnIndex) throws SQLException { throw DynamoErrors.unsupported("Array"); }
    @Override public Array getArray(String columnLabel) throws SQLException { throw DynamoErrors.unsupported("Array"); }
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
