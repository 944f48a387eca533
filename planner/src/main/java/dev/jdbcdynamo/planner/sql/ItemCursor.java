package dev.jdbcdynamo.planner.sql;

import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.Map;

/** Items of a table read one at a time for Calcite's operators; closing it releases its cursor. */
public interface ItemCursor extends AutoCloseable {
    /** The next item, or null after the last one. */
    Map<String, AttributeValue> next();

    @Override
    void close();
}
