package dev.jdbcdynamo.driver.jdbc;

import dev.jdbcdynamo.driver.error.DynamoErrors;
import dev.jdbcdynamo.engine.Prepared;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * A PreparedStatement: planned once, run many times with {@code ?} values that map to DynamoDB
 * types (String to S, numbers to N, byte[] to B, Boolean to BOOL, null to NULL, Map/List/Set to
 * M/L/sets). Values never become statement text.
 */
final class DynamoPreparedStatement extends DynamoStatement implements PreparedStatement {
    private final String sql;
    private final Prepared prepared;
    private final AttributeValue[] values;

    DynamoPreparedStatement(DynamoConnection connection, String sql, Prepared prepared) {
        super(connection);
        this.sql = sql;
        this.prepared = prepared;
        this.values = new AttributeValue[prepared.parameterCount()];
    }

    private List<AttributeValue> boundValues() throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw DynamoErrors.toSql(ErrorCode.WRONG_PARAMETER_COUNT.error("No value set for parameter " + (i + 1)));
            }
        }
        return Arrays.asList(values);
    }

    /** The plan of the text, re-planned if the catalog changed since it was prepared. */
    private Prepared current() throws SQLException {
        return prepared.generation() == connection.database().routing().generation() ? prepared : connection.plan(sql);
    }

    private void set(int index, AttributeValue value) throws SQLException {
        checkOpen();
        if (index < 1 || index > values.length) {
            throw DynamoErrors.toSql(ErrorCode.WRONG_PARAMETER_COUNT.error(
                    "Parameter index " + index + " is out of range; the statement has " + values.length
                            + " parameter(s)"));
        }
        values[index - 1] = value;
    }

    private void setJava(int index, Object value) throws SQLException {
        set(index, ParameterValues.of(value));
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        if (!execute()) {
            throw DynamoErrors.toSql(ErrorCode.VALIDATION.error(
                    "executeQuery needs a statement that returns items; use executeUpdate"));
        }
        return getResultSet();
    }

    @Override
    public int executeUpdate() throws SQLException {
        if (execute()) {
            throw DynamoErrors.toSql(ErrorCode.VALIDATION.error(
                    "executeUpdate needs a statement that returns no items; use executeQuery"));
        }
        return getUpdateCount();
    }

    @Override
    public boolean execute() throws SQLException {
        checkOpen();
        return run(current(), boundValues());
    }

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        set(parameterIndex, AttributeValue.Null.INSTANCE);
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        set(parameterIndex, AttributeValue.Bool.of(x));
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        set(parameterIndex, AttributeValue.N.of(x));
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        set(parameterIndex, AttributeValue.N.of(x));
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        set(parameterIndex, AttributeValue.N.of(x));
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        set(parameterIndex, AttributeValue.N.of(x));
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        setJava(parameterIndex, x);
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        setJava(parameterIndex, x);
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        setJava(parameterIndex, x);
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        set(parameterIndex, x == null ? AttributeValue.Null.INSTANCE : new AttributeValue.S(x));
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        set(parameterIndex, x == null ? AttributeValue.Null.INSTANCE : AttributeValue.B.of(x));
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        setString(parameterIndex, x == null ? null : x.toLocalDate().toString());
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        setString(parameterIndex, x == null ? null : x.toLocalTime().toString());
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        setString(parameterIndex, x == null ? null : x.toInstant().toString());
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        setJava(parameterIndex, ParameterValues.ascii(x));
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        setJava(parameterIndex, ParameterValues.text(x == null ? null : new java.io.InputStreamReader(x, java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        setJava(parameterIndex, ParameterValues.bytes(x));
    }

    @Override
    public void clearParameters() {
        Arrays.fill(values, null);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        setJava(parameterIndex, ParameterValues.forTarget(x, targetSqlType));
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        setJava(parameterIndex, x);
    }

    @Override
    public void addBatch() throws SQLException {
        addBatch(current(), boundValues());
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
        setJava(parameterIndex, reader);
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        throw DynamoErrors.unsupported("Ref");
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        setJava(parameterIndex, x);
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        setJava(parameterIndex, x);
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        if (x == null) {
            setNull(parameterIndex, java.sql.Types.ARRAY);
            return;
        }
        setJava(parameterIndex, new ArrayList<>(Arrays.asList((Object[]) x.getArray())));
    }

    @Override
    public ResultSetMetaData getMetaData() {
        return null;
    }

    @Override
    public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        setDate(parameterIndex, x);
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        setTime(parameterIndex, x);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        setTimestamp(parameterIndex, x);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        setNull(parameterIndex, sqlType);
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        setString(parameterIndex, x == null ? null : x.toString());
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        Prepared plan = current();
        return DynamoParameterMetaData.of(plan.plan(), plan.parameterCount());
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        throw DynamoErrors.unsupported("RowId");
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        setString(parameterIndex, value);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        setJava(parameterIndex, value);
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        setJava(parameterIndex, value);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        setJava(parameterIndex, reader);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        setJava(parameterIndex, inputStream);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        setJava(parameterIndex, reader);
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        throw DynamoErrors.unsupported("SQLXML");
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        setObject(parameterIndex, x, targetSqlType);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        setJava(parameterIndex, ParameterValues.ascii(x));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        setJava(parameterIndex, ParameterValues.bytes(x));
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        setJava(parameterIndex, reader);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        setJava(parameterIndex, ParameterValues.ascii(x));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        setJava(parameterIndex, ParameterValues.bytes(x));
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        setJava(parameterIndex, reader);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        setJava(parameterIndex, value);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        setJava(parameterIndex, reader);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        setJava(parameterIndex, inputStream);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        setJava(parameterIndex, reader);
    }
}
