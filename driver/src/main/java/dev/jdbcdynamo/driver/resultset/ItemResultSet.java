package dev.jdbcdynamo.driver.resultset;

import dev.jdbcdynamo.api.DynamoResultSet;
import dev.jdbcdynamo.driver.error.DynamoErrors;
import dev.jdbcdynamo.engine.exec.ItemStream;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

/**
 * A forward-only ResultSet over items. Columns follow {@link ResultShape}; values convert
 * from DynamoDB types ({@link ValueConversions}): S to String, N to BigDecimal (exact), B to byte[],
 * BOOL to Boolean, NULL and missing attributes to SQL NULL; documents (M, L, sets) to Map, List and
 * Set from {@code getObject} and to DynamoDB JSON text from {@code getString}.
 */
public final class ItemResultSet extends AbstractDynamoResultSet implements DynamoResultSet {
    private final Statement statement;
    private final ResultShape shape;
    private final ArrayDeque<Map<String, AttributeValue>> ahead;
    private final ItemStream rest;
    private final int maxRows;
    private Map<String, AttributeValue> item;
    private int row = -1;
    private boolean restDone;

    public ItemResultSet(Statement statement, ResultShape shape, List<Map<String, AttributeValue>> items, int maxRows) {
        this(statement, shape, items, null, maxRows);
    }

    /**
     * Rows {@code ahead} (already read, e.g. to learn the columns), then those of {@code rest}, read
     * only as {@code next} reaches them; closing this closes {@code rest}.
     */
    ItemResultSet(Statement statement, ResultShape shape, List<Map<String, AttributeValue>> ahead, ItemStream rest,
                  int maxRows) {
        this.statement = statement;
        this.shape = shape;
        this.ahead = new ArrayDeque<>(ahead);
        this.rest = rest;
        this.restDone = rest == null;
        this.maxRows = maxRows;
    }

    /** Reads the next item into the look-ahead queue if there is one; false at the end. */
    private boolean fill() throws SQLException {
        if (!ahead.isEmpty()) {
            return true;
        }
        if (restDone) {
            return false;
        }
        Map<String, AttributeValue> next;
        try {
            next = rest.next();
        } catch (DynamoException e) {
            throw DynamoErrors.toSql(e);
        } catch (SQLException e) {
            throw DynamoErrors.fromStorage(e);
        }
        if (next == null) {
            restDone = true;
            rest.close();
            return false;
        }
        ahead.add(next);
        return true;
    }

    /** Whether a row follows the current one (reads ahead by one item at most). */
    private boolean hasMore() throws SQLException {
        return (maxRows <= 0 || row + 1 < maxRows) && fill();
    }

    private Map<String, AttributeValue> current() throws SQLException {
        checkOpen();
        if (item == null) {
            throw DynamoErrors.toSql(ErrorCode.VALIDATION.error("The ResultSet is not positioned on a row"));
        }
        return item;
    }

    @Override
    int columnCount() {
        return shape.columns().size();
    }

    @Override
    String columnName(int column) {
        return shape.columns().get(column - 1).name();
    }

    @Override
    int columnIndex(String label) {
        return shape.findColumn(label);
    }

    @Override
    boolean onRow() {
        return item != null;
    }

    @Override
    AttributeValue read(int column) {
        return column == shape.columns().size() && shape.itemColumn()
                ? new AttributeValue.S(DynamoJson.writeItem(item))
                : item.get(columnName(column));
    }

    @Override
    public String itemJson() throws SQLException {
        return DynamoJson.writeItem(current());
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (item == null && row >= 0) {
            return false;
        }
        if (hasMore()) {
            item = ahead.poll();
            row++;
            return true;
        }
        item = null;
        row++;
        closeRest();
        return false;
    }

    private void closeRest() throws SQLException {
        if (!restDone) {
            restDone = true;
            try {
                rest.close();
            } catch (SQLException e) {
                throw DynamoErrors.fromStorage(e);
            }
        }
    }

    @Override
    void release() throws SQLException {
        ahead.clear();
        item = null;
        closeRest();
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new ItemResultSetMetaData(shape);
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return row < 0 && hasMore();
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return row > 0 && item == null;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return row == 0 && item != null;
    }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        return item != null && !hasMore();
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return item != null ? row + 1 : 0;
    }

    @Override
    public Statement getStatement() {
        return statement;
    }
}
