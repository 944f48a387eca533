package dev.jdbcdynamo.driver.exec;

import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * What running a statement gave: items (of a SELECT, a RETURNING clause or an EXPLAIN) or an
 * update count. {@code query} tells JDBC whether {@code execute} returns a ResultSet.
 */
public record ExecutionResult(boolean query, List<Map<String, AttributeValue>> items, int updateCount) {
    public ExecutionResult {
        items = List.copyOf(items);
    }

    public static ExecutionResult rows(List<Map<String, AttributeValue>> items) {
        return new ExecutionResult(true, items, -1);
    }

    public static ExecutionResult count(int count) {
        return new ExecutionResult(false, List.of(), count);
    }
}
