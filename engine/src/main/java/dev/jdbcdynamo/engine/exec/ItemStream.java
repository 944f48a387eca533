package dev.jdbcdynamo.engine.exec;

import dev.jdbcdynamo.planner.value.AttributeValue;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Items read one at a time (a streamed scan), so that memory is bounded by what the reader holds,
 * not by the size of the table. Closing it releases the cursors and connections it holds.
 */
public interface ItemStream extends AutoCloseable {
    /** The next item, or null after the last one (the stream is then closed). */
    Map<String, AttributeValue> next() throws SQLException;

    @Override
    void close() throws SQLException;

    /** A stream over items already in memory. */
    static ItemStream of(List<Map<String, AttributeValue>> items) {
        Iterator<Map<String, AttributeValue>> it = items.iterator();
        return new ItemStream() {
            @Override
            public Map<String, AttributeValue> next() {
                return it.hasNext() ? it.next() : null;
            }

            @Override
            public void close() {
            }
        };
    }
}
