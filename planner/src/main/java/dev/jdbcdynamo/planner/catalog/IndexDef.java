package dev.jdbcdynamo.planner.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A secondary index of a table. A local index shares the table's partition key and names its
 * own sort key; a global index has its own partition key and optional sort key. {@code number}
 * is stable for the index's life and names its physical column ({@code l<n>}) or table
 * ({@code dt_<id>_g<n>}). {@code state} is CREATING while a global index added to an existing
 * table is backfilled, ACTIVE once it can be read.
 */
public record IndexDef(String name, boolean global, int number, KeyAttribute partitionKey, KeyAttribute sortKey,
                       IndexProjection projection, List<String> include, IndexState state) {
    public IndexDef {
        requireNonNull(name, "name is null");
        requireNonNull(partitionKey, "partitionKey is null");
        requireNonNull(projection, "projection is null");
        include = include == null ? List.of() : List.copyOf(include);
        state = state == null ? IndexState.ACTIVE : state;
    }

    /** An ACTIVE index. */
    public IndexDef(String name, boolean global, int number, KeyAttribute partitionKey, KeyAttribute sortKey,
                    IndexProjection projection, List<String> include) {
        this(name, global, number, partitionKey, sortKey, projection, include, IndexState.ACTIVE);
    }

    public IndexDef withState(IndexState newState) {
        return new IndexDef(name, global, number, partitionKey, sortKey, projection, include, newState);
    }

    /** The base-table column of a local index's sort key. */
    public String localColumn() {
        return "l" + number;
    }

    /** True when the index holds this top-level attribute of an item (keys are always projected). */
    public boolean projects(String attribute, TableDef table) {
        if (table.isKeyAttribute(attribute) || partitionKey.name().equals(attribute)
                || (sortKey != null && sortKey.name().equals(attribute))) {
            return true;
        }
        return switch (projection) {
            case ALL -> true;
            case KEYS_ONLY -> false;
            case INCLUDE -> include.contains(attribute);
        };
    }

    /** How much of the item an index holds. */
    public enum IndexProjection {
        ALL, KEYS_ONLY, INCLUDE
    }

    /** Whether an index can be read yet. */
    public enum IndexState {
        CREATING, ACTIVE
    }
}
