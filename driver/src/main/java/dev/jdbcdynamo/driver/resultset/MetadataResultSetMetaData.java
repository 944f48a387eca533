package dev.jdbcdynamo.driver.resultset;

import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Column descriptions of a {@link MetadataResultSet}: names, JDBC types and their Java classes. */
final class MetadataResultSetMetaData extends AbstractResultSetMetaData {
    private final List<MetadataResultSet.Column> columns;

    MetadataResultSetMetaData(List<MetadataResultSet.Column> columns) {
        this.columns = List.copyOf(columns);
    }

    @Override
    List<MetadataResultSet.Column> columns() {
        return columns;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return switch (type(column)) {
            case Types.SMALLINT, Types.INTEGER -> Integer.class.getName();
            case Types.BIGINT -> Long.class.getName();
            case Types.BOOLEAN -> Boolean.class.getName();
            default -> String.class.getName();
        };
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return switch (type(column)) {
            case Types.SMALLINT -> 5;
            case Types.INTEGER -> 10;
            case Types.BIGINT -> 19;
            case Types.BOOLEAN -> 1;
            default -> 255;
        };
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        return switch (type(column)) {
            case Types.SMALLINT -> 6;
            case Types.INTEGER -> 11;
            case Types.BIGINT -> 20;
            case Types.BOOLEAN -> 5;
            default -> 255;
        };
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        int type = type(column);
        return type == Types.SMALLINT || type == Types.INTEGER || type == Types.BIGINT;
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        return type(column) == Types.VARCHAR;
    }

    @Override public boolean isSearchable(int column) throws SQLException { column(column); return false; }
    @Override public boolean isReadOnly(int column) throws SQLException { column(column); return true; }
    @Override public boolean isWritable(int column) throws SQLException { column(column); return false; }
    @Override public String getTableName(int column) throws SQLException { column(column); return ""; }

}
