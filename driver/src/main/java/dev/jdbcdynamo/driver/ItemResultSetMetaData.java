package dev.jdbcdynamo.driver;

import java.math.BigDecimal;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/** Column descriptions of an {@link ItemResultSet}, with the table name tools need to edit rows. */
final class ItemResultSetMetaData implements ResultSetMetaData, JdbcWrapper {
    private final ResultShape shape;

    ItemResultSetMetaData(ResultShape shape) {
        this.shape = shape;
    }

    private ResultShape.Column column(int column) throws SQLException {
        if (column < 1 || column > shape.columns().size()) {
            throw DynamoErrors.toSql(dev.jdbcdynamo.planner.error.ErrorCode.VALIDATION.error(
                    "Column index " + column + " out of range 1.." + shape.columns().size()));
        }
        return shape.columns().get(column - 1);
    }

    @Override
    public int getColumnCount() {
        return shape.columns().size();
    }

    @Override
    public boolean isAutoIncrement(int column) {
        return false;
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        int type = column(column).sqlType();
        return type == Types.VARCHAR || type == Types.OTHER;
    }

    @Override
    public boolean isSearchable(int column) {
        return true;
    }

    @Override
    public boolean isCurrency(int column) {
        return false;
    }

    @Override
    public int isNullable(int column) {
        return columnNullable;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return column(column).sqlType() == Types.DECIMAL;
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        return switch (column(column).sqlType()) {
            case Types.DECIMAL -> 40;
            case Types.BOOLEAN -> 5;
            default -> 256;
        };
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return column(column).name();
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return column(column).name();
    }

    @Override
    public String getSchemaName(int column) {
        return "";
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return column(column).sqlType() == Types.DECIMAL ? 38 : 0;
    }

    @Override
    public int getScale(int column) {
        return 0;
    }

    @Override
    public String getTableName(int column) throws SQLException {
        column(column);
        return shape.tableName();
    }

    @Override
    public String getCatalogName(int column) {
        return "";
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return column(column).sqlType();
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return column(column).typeName();
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        return column(column).name().equals(ResultShape.ITEM_COLUMN);
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        return !isReadOnly(column);
    }

    @Override
    public boolean isDefinitelyWritable(int column) {
        return false;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return switch (column(column).sqlType()) {
            case Types.DECIMAL -> BigDecimal.class.getName();
            case Types.VARBINARY -> byte[].class.getName();
            case Types.BOOLEAN -> Boolean.class.getName();
            case Types.VARCHAR -> String.class.getName();
            case Types.ARRAY -> java.sql.Array.class.getName();
            default -> Object.class.getName();
        };
    }

}
