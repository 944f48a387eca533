package dev.jdbcdynamo.driver.resultset;

import dev.jdbcdynamo.driver.error.DynamoErrors;
import dev.jdbcdynamo.engine.exec.ItemStream;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Opens a ResultSet over a streamed scan: the first window of items (the fetch size, or
 * {@value #DEFAULT_WINDOW} items when none is set) is read ahead to learn the result's columns, the
 * rest is read as the application moves on. Memory is bounded by the window, not the table.
 */
public final class StreamedResults {
    static final int DEFAULT_WINDOW = 1000;

    private StreamedResults() {
    }

    public static ItemResultSet open(Statement statement, Plan plan, ItemStream stream, int fetchSize, int maxRows)
            throws SQLException {
        int window = fetchSize > 0 ? fetchSize : DEFAULT_WINDOW;
        if (maxRows > 0) {
            window = Math.min(window, maxRows);
        }
        List<Map<String, AttributeValue>> ahead = new ArrayList<>();
        try {
            for (Map<String, AttributeValue> item; ahead.size() < window && (item = stream.next()) != null; ) {
                ahead.add(item);
            }
        } catch (DynamoException e) {
            closeQuietly(stream, e);
            throw DynamoErrors.toSql(e);
        } catch (SQLException e) {
            closeQuietly(stream, e);
            throw DynamoErrors.fromStorage(e);
        } catch (RuntimeException e) {
            closeQuietly(stream, e);
            throw e;
        }
        return new ItemResultSet(statement, ResultShape.of(plan, ahead), ahead, stream, maxRows);
    }

    private static void closeQuietly(ItemStream stream, Exception failure) {
        try {
            stream.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
