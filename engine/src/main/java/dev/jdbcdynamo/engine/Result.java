package dev.jdbcdynamo.engine;

import dev.jdbcdynamo.engine.exec.ExecutionResult;
import dev.jdbcdynamo.engine.exec.ItemStream;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** What a statement gave: a count of the items it wrote, or items (of a read or a RETURNING clause). */
public sealed interface Result {
    /** A write's count of changed items (0 for DDL). */
    record Count(int count) implements Result {
    }

    /**
     * Items, read one at a time: a scan streams them from the shards, so close this when not read
     * to the end. A storage failure while reading is a {@code StorageFailure}.
     */
    final class Items implements Result, Iterator<Map<String, AttributeValue>>, AutoCloseable {
        private final ItemStream stream;
        private Map<String, AttributeValue> next;
        private boolean done;

        Items(ItemStream stream) {
            this.stream = stream;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    next = stream.next();
                } catch (SQLException e) {
                    close();
                    throw Session.storageError(e);
                }
                done = next == null;
            }
            return next != null;
        }

        @Override
        public Map<String, AttributeValue> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Map<String, AttributeValue> item = next;
            next = null;
            return item;
        }

        /** The remaining items, read whole (then closed). */
        public List<Map<String, AttributeValue>> toList() {
            List<Map<String, AttributeValue>> all = new ArrayList<>();
            try (Items self = this) {
                self.forEachRemaining(all::add);
            }
            return all;
        }

        @Override
        public void close() {
            done = true;
            try {
                stream.close();
            } catch (SQLException e) {
                throw Session.storageError(e);
            }
        }
    }

    static Result of(ExecutionResult r) {
        return r.query() ? new Items(r.itemStream()) : new Count(r.updateCount());
    }
}
