package dev.jdbcdynamo.driver.resultset;

import static java.util.Objects.requireNonNull;

import dev.jdbcdynamo.planner.value.AttributeValue;
import java.math.BigDecimal;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * A forward-only, read-only ResultSet over rows held in memory, typed per column, as returned by
 * {@link java.sql.DatabaseMetaData}.
 */
public final class MetadataResultSet extends AbstractDynamoResultSet {
    /** A column: its name and its {@link Types} code (VARCHAR, INTEGER, SMALLINT, BIGINT or BOOLEAN). */
    public record Column(String name, int sqlType) implements AbstractResultSetMetaData.ColumnType {
        public Column {
            requireNonNull(name, "name is null");
            if (sqlType != Types.VARCHAR && sqlType != Types.INTEGER && sqlType != Types.SMALLINT
                    && sqlType != Types.BIGINT && sqlType != Types.BOOLEAN) {
                throw new IllegalArgumentException("unsupported metadata column type " + sqlType);
            }
        }

        @Override
        public String typeName() {
            return JDBCType.valueOf(sqlType).getName();
        }

        /**
         * Columns from a blank-separated list of {@code NAME} (VARCHAR) or {@code NAME:TYPE} with a
         * {@link JDBCType} name: {@code "TABLE_NAME KEY_SEQ:SMALLINT"}.
         */
        public static List<Column> list(String spec) {
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
    private final List<AttributeValue[]> rows;
    private int row = -1;

    /**
     * Rows are arrays in column order: String for VARCHAR, Boolean for BOOLEAN, an integral number
     * for the others. They are held as DynamoDB values, so that they convert as item values do;
     * {@code getObject} gives the column's Java type (Integer for SMALLINT and INTEGER, as JDBC's
     * getObject mapping says, Long for BIGINT).
     */
    public MetadataResultSet(List<Column> columns, List<Object[]> rows) {
        this.columns = List.copyOf(columns);
        List<AttributeValue[]> checked = new ArrayList<>(rows.size());
        for (Object[] values : rows) {
            if (values.length != this.columns.size()) {
                throw new IllegalArgumentException("row has " + values.length + " values for "
                        + this.columns.size() + " columns");
            }
            AttributeValue[] copy = new AttributeValue[values.length];
            for (int i = 0; i < values.length; i++) {
                copy[i] = attribute(this.columns.get(i), values[i]);
            }
            checked.add(copy);
        }
        this.rows = checked;
    }

    public static MetadataResultSet empty(List<Column> columns) {
        return new MetadataResultSet(columns, List.of());
    }

    private static AttributeValue attribute(Column column, Object value) {
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
            case Types.VARCHAR -> new AttributeValue.S((String) value);
            case Types.BOOLEAN -> new AttributeValue.Bool((Boolean) value);
            default -> new AttributeValue.N(BigDecimal.valueOf(((Number) value).longValue()));
        };
    }

    List<Column> columns() {
        return columns;
    }

    @Override
    int columnCount() {
        return columns.size();
    }

    @Override
    String columnName(int column) {
        return columns.get(column - 1).name();
    }

    @Override
    int columnIndex(String label) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(label)) {
                return i + 1;
            }
        }
        return -1;
    }

    @Override
    boolean onRow() {
        return row >= 0 && row < rows.size();
    }

    @Override
    AttributeValue read(int column) {
        return rows.get(row)[column - 1];
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (row < rows.size()) {
            row++;
        }
        return row < rows.size();
    }

    /** The column's Java type, where item result sets would give a BigDecimal. */
    @Override
    public Object getObject(int columnIndex) throws SQLException {
        Object value = super.getObject(columnIndex);
        return switch (columns.get(columnIndex - 1).sqlType()) {
            case Types.SMALLINT, Types.INTEGER -> value == null ? null : ((BigDecimal) value).intValueExact();
            case Types.BIGINT -> value == null ? null : ((BigDecimal) value).longValueExact();
            default -> value;
        };
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
