package dev.jdbcdynamo.driver;

import static java.util.Objects.requireNonNull;

import dev.jdbcdynamo.planner.error.ErrorCode;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A forward-only, read-only ResultSet over rows held in memory, typed per column, as returned by
 * {@link DynamoDatabaseMetaData}.
 */
final class MetadataResultSet extends ReadOnlyResultSet {
    /** A column: its name and its {@link Types} code (VARCHAR, INTEGER, SMALLINT, BIGINT or BOOLEAN). */
    record Column(String name, int sqlType) {
        Column {
            requireNonNull(name, "name is null");
            if (sqlType != Types.VARCHAR && sqlType != Types.INTEGER && sqlType != Types.SMALLINT
                    && sqlType != Types.BIGINT && sqlType != Types.BOOLEAN) {
                throw new IllegalArgumentException("unsupported metadata column type " + sqlType);
            }
        }

        String typeName() {
            return JDBCType.valueOf(sqlType).getName();
        }

        /**
         * Columns from a blank-separated list of {@code NAME} (VARCHAR) or {@code NAME:TYPE} with a
         * {@link JDBCType} name: {@code "TABLE_NAME KEY_SEQ:SMALLINT"}.
         */
        static List<Column> list(String spec) {
            List<Column> columns = new ArrayList<>();
            for (String part : spec.trim().split("\\s+")) {
                int colon = part.indexOf(':');
                columns.add(colon < 0 ? new Column(part, Types.VARCHAR)
                        : new Column(part.substring(0, colon),
                                JDBCType.valueOf(part.substring(colon + 1)).getVendorTypeNumber()));
            }
            return List.copyOf(columns);
        }
    }

    private final List<Column> columns;
    private final List<Object[]> rows;
    private int row = -1;
    private boolean wasNull;
    private boolean closed;
    private int fetchSize;

    /**
     * Rows are arrays in column order; numbers are stored as the column's Java type (Integer for
     * SMALLINT and INTEGER, as JDBC's getObject mapping says, Long for BIGINT).
     */
    MetadataResultSet(List<Column> columns, List<Object[]> rows) {
        this.columns = List.copyOf(columns);
        List<Object[]> checked = new ArrayList<>(rows.size());
        for (Object[] values : rows) {
            if (values.length != this.columns.size()) {
                throw new IllegalArgumentException("row has " + values.length + " values for "
                        + this.columns.size() + " columns");
            }
            Object[] copy = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                copy[i] = normalize(this.columns.get(i), values[i]);
            }
            checked.add(copy);
        }
        this.rows = checked;
    }

    static MetadataResultSet empty(List<Column> columns) {
        return new MetadataResultSet(columns, List.of());
    }

    private static Object normalize(Column column, Object value) {
        if (value == null) {
            return null;
        }
        boolean fits = switch (column.sqlType()) {
            case Types.VARCHAR -> value instanceof String;
            case Types.BOOLEAN -> value instanceof Boolean;
            default -> value instanceof Integer || value instanceof Short || value instanceof Long;
        };
        if (!fits) {
            throw new IllegalArgumentException("value " + value + " does not fit column " + column);
        }
        return switch (column.sqlType()) {
            case Types.SMALLINT, Types.INTEGER -> Math.toIntExact(((Number) value).longValue());
            case Types.BIGINT -> ((Number) value).longValue();
            default -> value;
        };
    }

    List<Column> columns() {
        return columns;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw DynamoErrors.closed("ResultSet");
        }
    }

    private static SQLException invalid(String message) {
        return DynamoErrors.toSql(ErrorCode.VALIDATION.error(message));
    }

    private Object value(int columnIndex) throws SQLException {
        checkOpen();
        if (row < 0 || row >= rows.size()) {
            throw invalid("The ResultSet is not positioned on a row");
        }
        if (columnIndex < 1 || columnIndex > columns.size()) {
            throw invalid("Column index " + columnIndex + " out of range 1.." + columns.size());
        }
        Object value = rows.get(row)[columnIndex - 1];
        wasNull = value == null;
        return value;
    }

    private int column(String label) throws SQLException {
        checkOpen();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(label)) {
                return i + 1;
            }
        }
        throw invalid("No column named " + label);
    }

    private long integral(int columnIndex, long min, long max, String target) throws SQLException {
        Object value = value(columnIndex);
        long result;
        if (value == null) {
            return 0;
        } else if (value instanceof Number n) {
            result = n.longValue();
        } else if (value instanceof Boolean b) {
            result = b ? 1 : 0;
        } else {
            try {
                result = Long.parseLong(((String) value).trim());
            } catch (NumberFormatException e) {
                throw invalid("Cannot read '" + value + "' of column " + columns.get(columnIndex - 1).name()
                        + " as " + target);
            }
        }
        if (result < min || result > max) {
            throw DynamoErrors.toSql(ErrorCode.NUMBER_INVALID.error("Value " + result + " does not fit in " + target));
        }
        return result;
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (row < rows.size()) {
            row++;
        }
        return row < rows.size();
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean wasNull() {
        return wasNull;
    }

    @Override
    public String getString(int columnIndex) throws SQLException {
        Object value = value(columnIndex);
        return value == null ? null : value.toString();
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        Object value = value(columnIndex);
        if (value == null) {
            return false;
        } else if (value instanceof Boolean b) {
            return b;
        } else if (value instanceof Number n) {
            return n.longValue() != 0;
        }
        String text = ((String) value).trim().toUpperCase(Locale.ROOT);
        return text.equals("TRUE") || text.equals("YES") || text.equals("1");
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

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        return getLong(columnIndex);
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        return getLong(columnIndex);
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        long value = getLong(columnIndex);
        return wasNull ? null : BigDecimal.valueOf(value);
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        BigDecimal value = getBigDecimal(columnIndex);
        return value == null ? null : value.setScale(scale);
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        return value(columnIndex);
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        Object value;
        if (type == String.class) {
            value = getString(columnIndex);
        } else if (type == Integer.class) {
            value = getInt(columnIndex);
        } else if (type == Long.class) {
            value = getLong(columnIndex);
        } else if (type == Short.class) {
            value = getShort(columnIndex);
        } else if (type == Boolean.class) {
            value = getBoolean(columnIndex);
        } else if (type == BigDecimal.class) {
            value = getBigDecimal(columnIndex);
        } else {
            value = getObject(columnIndex);
            if (value != null && !type.isInstance(value)) {
                throw DynamoErrors.unsupported("Conversion of a metadata column to " + type.getName());
            }
        }
        return wasNull ? null : type.cast(value);
    }

    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        return getObject(columnIndex);
    }

    @Override
    public String getNString(int columnIndex) throws SQLException {
        return getString(columnIndex);
    }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException {
        String value = getString(columnIndex);
        return value == null ? null : new StringReader(value);
    }

    @Override
    public Reader getNCharacterStream(int columnIndex) throws SQLException {
        return getCharacterStream(columnIndex);
    }

    /** Values of metadata are never dates, binaries or LOBs: null reads as null, anything else fails. */
    private <T> T nullOnly(int columnIndex, String what) throws SQLException {
        if (value(columnIndex) == null) {
            return null;
        }
        throw DynamoErrors.unsupported("Reading a metadata column as " + what);
    }

    @Override public byte[] getBytes(int i) throws SQLException { return nullOnly(i, "bytes"); }
    @Override public Date getDate(int i) throws SQLException { return nullOnly(i, "Date"); }
    @Override public Time getTime(int i) throws SQLException { return nullOnly(i, "Time"); }
    @Override public Timestamp getTimestamp(int i) throws SQLException { return nullOnly(i, "Timestamp"); }
    @Override public Date getDate(int i, Calendar cal) throws SQLException { return getDate(i); }
    @Override public Time getTime(int i, Calendar cal) throws SQLException { return getTime(i); }
    @Override public Timestamp getTimestamp(int i, Calendar cal) throws SQLException { return getTimestamp(i); }
    @Override public InputStream getBinaryStream(int i) throws SQLException { return nullOnly(i, "stream"); }

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
    @Override public InputStream getBinaryStream(String label) throws SQLException { return getBinaryStream(column(label)); }
    @Override public Object getObject(String label) throws SQLException { return getObject(column(label)); }
    @Override public <T> T getObject(String label, Class<T> type) throws SQLException { return getObject(column(label), type); }
    @Override public Object getObject(String label, Map<String, Class<?>> map) throws SQLException { return getObject(column(label)); }
    @Override public Reader getCharacterStream(String label) throws SQLException { return getCharacterStream(column(label)); }
    @Override public Reader getNCharacterStream(String label) throws SQLException { return getCharacterStream(column(label)); }
    @Override public String getNString(String label) throws SQLException { return getString(column(label)); }

    @Override
    public int findColumn(String columnLabel) throws SQLException {
        return column(columnLabel);
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new MetadataResultSetMetaData(columns);
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return row >= 0 && row < rows.size() ? row + 1 : 0;
    }

    @Override public boolean isBeforeFirst() throws SQLException { checkOpen(); return row < 0 && !rows.isEmpty(); }
    @Override public boolean isAfterLast() throws SQLException { checkOpen(); return row >= rows.size() && !rows.isEmpty(); }
    @Override public boolean isFirst() throws SQLException { checkOpen(); return row == 0 && !rows.isEmpty(); }
    @Override public boolean isLast() throws SQLException { checkOpen(); return row == rows.size() - 1 && !rows.isEmpty(); }
    @Override public Statement getStatement() { return null; }

}
