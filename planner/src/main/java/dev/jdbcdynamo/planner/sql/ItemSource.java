package dev.jdbcdynamo.planner.sql;

import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.path.SortRange;
import dev.jdbcdynamo.planner.value.AttributeValue;

/**
 * Where the SQL tables get their items (the driver reads them from the shards): every item, or
 * the items of one partition when a filter fixes the partition key.
 */
public interface ItemSource {
    /** Every item of the table: a scan of every shard, streamed. */
    ItemCursor scan(TableDef table);

    /** The items of one partition: a Query on the one shard that holds it. */
    ItemCursor partition(TableDef table, AttributeValue partitionKey);

    /**
     * The items a secondary index holds under one index partition key, within a range of the
     * index sort key (bounds are literals): one statement on the one shard that holds them.
     */
    ItemCursor index(TableDef table, IndexDef index, AttributeValue partitionKey, SortRange range);

    /** About how many items the table holds (the shards' own estimate), or null when unknown. */
    Double rowCount(TableDef table);
}
