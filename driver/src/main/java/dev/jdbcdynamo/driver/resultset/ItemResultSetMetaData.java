package dev.jdbcdynamo.driver.resultset;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Types;

/** Column descriptions of an {@link ItemResultSet}, with the table name tools need to edit rows. */
final class ItemResultSetMetaData extends AbstractResultSetMetaData {
    private final ResultShape shape;

    ItemResultSetMetaData(ResultShape shape) {
        this.shape = shape;
    }

    @Override
    java.util.List<ResultShape.Column> columns() {
        return shape.columns();
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
    public int getPrecision(int column) throws SQLException {
        return column(column).sqlType() == Types.DECIMAL ? 38 : 0;
    }

    @Override
    public String getTableName(int column) throws SQLException {
        column(column);
        return shape.tableName();
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
