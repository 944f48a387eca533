package dev.jdbcdynamo.driver.resultset;

import dev.jdbcdynamo.driver.error.DynamoErrors;
import dev.jdbcdynamo.driver.error.JdbcWrapper;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * What the column descriptions of item and metadata result sets share: the index check, names,
 * types, and the answers that are the same for every column of this driver (no schema nor catalog,
 * nothing auto-incremented, nullable, no currency, scale 0).
 */
abstract class AbstractResultSetMetaData implements ResultSetMetaData, JdbcWrapper {

    /** A column as both kinds of result set describe it. */
    interface ColumnType {
        String name();

        int sqlType();

        String typeName();
    }

    abstract List<? extends ColumnType> columns();

    final ColumnType column(int column) throws SQLException {
        List<? extends ColumnType> columns = columns();
        if (column < 1 || column > columns.size()) {
            throw DynamoErrors.toSql(ErrorCode.VALIDATION.error(
                    "Column index " + column + " out of range 1.." + columns.size()));
        }
        return columns.get(column - 1);
    }

    final int type(int column) throws SQLException {
        return column(column).sqlType();
    }

    @Override public final int getColumnCount() { return columns().size(); }
    @Override public final String getColumnLabel(int column) throws SQLException { return column(column).name(); }
    @Override public final String getColumnName(int column) throws SQLException { return column(column).name(); }
    @Override public final int getColumnType(int column) throws SQLException { return type(column); }
    @Override public final String getColumnTypeName(int column) throws SQLException { return column(column).typeName(); }
    @Override public final int getScale(int column) throws SQLException { column(column); return 0; }
    @Override public final int isNullable(int column) throws SQLException { column(column); return columnNullable; }
    @Override public final boolean isAutoIncrement(int column) throws SQLException { column(column); return false; }
    @Override public final boolean isCurrency(int column) throws SQLException { column(column); return false; }
    @Override public final boolean isDefinitelyWritable(int column) throws SQLException { column(column); return false; }
    @Override public final String getSchemaName(int column) throws SQLException { column(column); return ""; }
    @Override public final String getCatalogName(int column) throws SQLException { column(column); return ""; }
}
