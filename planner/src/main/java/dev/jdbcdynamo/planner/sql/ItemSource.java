package dev.jdbcdynamo.planner.sql;

import dev.jdbcdynamo.planner.catalog.TableDef;
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

    /** About how many items the table holds (the shards' own estimate), or null when unknown. */
    Double rowCount(TableDef table);
}
