package dev.jdbcdynamo.planner.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A secondary index of a table. A local index shares the table's partition key and names its
 * own sort key; a global index has its own partition key and optional sort key. {@code number}
 * is stable for the index's life and names its physical column or table.
 */
public record IndexDef(String name, boolean global, int number, KeyAttribute partitionKey, KeyAttribute sortKey,
                       IndexProjection projection, List<String> include) {
    public IndexDef {
        requireNonNull(name, "name is null");
        requireNonNull(partitionKey, "partitionKey is null");
        requireNonNull(projection, "projection is null");
        include = include == null ? List.of() : List.copyOf(include);
    }

    /** How much of the item an index holds. */
    public enum IndexProjection {
        ALL, KEYS_ONLY, INCLUDE
    }
}
