package dev.jdbcdynamo.engine;

import dev.jdbcdynamo.engine.exec.ItemStream;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The streamed scans a connection has open, so that closing the connection gives back the shard
 * connections of result sets the application never closed.
 */
final class OpenStreams {
    private final Set<ItemStream> open = ConcurrentHashMap.newKeySet();

    /** The stream, remembered until it is closed. */
    ItemStream track(ItemStream stream) {
        ItemStream tracked = new ItemStream() {
            @Override
            public Map<String, AttributeValue> next() throws SQLException {
                return stream.next();
            }

            @Override
            public void close() throws SQLException {
                open.remove(this);
                stream.close();
            }
        };
        open.add(tracked);
        return tracked;
    }

    /** Closes every stream still open; the first failure is thrown after all are closed. */
    void closeAll() throws SQLException {
        SQLException first = null;
        for (ItemStream s : Set.copyOf(open)) {
            try {
                s.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
