package dev.jdbcdynamo.engine.exec;

import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * What running a statement gave: items (of a SELECT, a RETURNING clause or an EXPLAIN), read
 * whole or, for a streamed scan, still to be read from {@code stream}; or an update count.
 * {@code query} tells JDBC whether {@code execute} returns a ResultSet.
 */
public record ExecutionResult(boolean query, List<Map<String, AttributeValue>> items, int updateCount,
                              ItemStream stream) {
    public ExecutionResult {
        items = List.copyOf(items);
    }

    public static ExecutionResult rows(List<Map<String, AttributeValue>> items) {
        return new ExecutionResult(true, items, -1, null);
    }

    /** Items still to be read; the caller closes the stream. */
    public static ExecutionResult streamed(ItemStream stream) {
        return new ExecutionResult(true, List.of(), -1, stream);
    }

    public static ExecutionResult count(int count) {
        return new ExecutionResult(false, List.of(), count, null);
    }

    /** The items as a stream, whether they were read whole or are streamed. */
    public ItemStream itemStream() {
        return stream != null ? stream : ItemStream.of(items);
    }
}
