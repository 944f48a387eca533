package dev.jdbcdynamo.engine.exec;

import dev.jdbcdynamo.engine.topology.Shard;
import dev.jdbcdynamo.engine.topology.ShardMap;
import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import dev.jdbcdynamo.planner.plan.PhysicalSql;
import dev.jdbcdynamo.planner.path.SortRange;
import dev.jdbcdynamo.planner.sql.ItemCursor;
import dev.jdbcdynamo.planner.sql.ItemSource;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.sharding.KeyspaceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Items for Calcite's tables, read from the shards' pools: a scan asks every shard once and
 * streams ({@link ShardScan}); a partition or an index partition is one statement to the one shard its kid maps
 * to.
 * Reads are committed data, outside any transaction of the JDBC connection.
 */
public final class ShardItemSource implements ItemSource {
    private final ShardMap database;
    private final Map<String, CachedCount> rowCounts = new java.util.concurrent.ConcurrentHashMap<>();

    public ShardItemSource(ShardMap database) {
        this.database = database;
    }

    @Override
    public ItemCursor scan(TableDef table) {
        List<DataSource> pools = database.shards().stream().map(s -> (DataSource) s.pool()).toList();
        ShardScan scan = new ShardScan(pools, PhysicalSql.scan(table), null);
        return new ItemCursor() {
            @Override
            public Map<String, AttributeValue> next() {
                try {
                    return scan.next();
                } catch (SQLException e) {
                    throw storage(e);
                }
            }

            @Override
            public void close() {
                try {
                    scan.close();
                } catch (SQLException e) {
                    throw storage(e);
                }
            }
        };
    }

    @Override
    public ItemCursor partition(TableDef table, AttributeValue partitionKey) {
        return list(read(PartitionRead.of(table, null, partitionKey, SortRange.ALL, false, List.of())));
    }

    /**
     * A local index is read on the base partition's shard (its column of the base table), a global
     * index on the shard of its own partition key (its table); both hold whole items. Reads of a
     * global index are eventually consistent, as DynamoDB's are (the applier fills it from the
     * shards' change logs).
     */
    @Override
    public ItemCursor index(TableDef table, IndexDef index, AttributeValue partitionKey, SortRange range) {
        return list(read(PartitionRead.of(table, index, partitionKey, range, false, List.of())));
    }

    /** The shard a partition key's kid maps to. */
    public Shard shardOf(ItemKeys.KeyBytes key) {
        String shardName = database.ring().shardFor(KeyspaceId.of(key.tag(), key.pk()));
        return database.shards().stream().filter(s -> s.name().equals(shardName)).findFirst().orElseThrow();
    }

    /** One keyed statement (kid, pk, then the range's bounds) on the key's shard. */
    /** The items of a partition read (none when it matches nothing), from its shard's pool. */
    private List<Map<String, AttributeValue>> read(PartitionRead read) {
        if (read == null) {
            return List.of();
        }
        try (Connection c = shardOf(read.key()).pool().getConnection();
             PreparedStatement ps = c.prepareStatement(read.sql())) {
            return read.run(ps);
        } catch (SQLException e) {
            throw storage(e);
        }
    }

    private static ItemCursor list(List<Map<String, AttributeValue>> items) {
        Iterator<Map<String, AttributeValue>> it = items.iterator();
        return new ItemCursor() {
            @Override
            public Map<String, AttributeValue> next() {
                return it.hasNext() ? it.next() : null;
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * The sum of the shards' TABLE_ROWS (InnoDB's estimate; a metadata read, no scan), kept for
     * {@value #ROW_COUNT_TTL_MILLIS} ms: Calcite asks for it each time it plans a statement.
     */
    @Override
    public Double rowCount(TableDef table) {
        long now = System.currentTimeMillis();
        CachedCount cached = rowCounts.get(table.physicalName());
        if (cached != null && now - cached.at() < ROW_COUNT_TTL_MILLIS) {
            return cached.rows();
        }
        double rows = 0;
        for (Shard shard : database.shards()) {
            try (Connection c = shard.pool().getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
                ps.setString(1, table.physicalName());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        rows += rs.getLong(1);
                    }
                }
            } catch (SQLException e) {
                return null;
            }
        }
        rowCounts.put(table.physicalName(), new CachedCount(rows, now));
        return rows;
    }

    private static final long ROW_COUNT_TTL_MILLIS = 60_000;

    /** A row count and when it was read. */
    private record CachedCount(double rows, long at) {
    }

    private static DynamoException storage(SQLException e) {
        return new DynamoException(ErrorCode.INTERNAL, "Reading items failed: " + e.getMessage(), e);
    }
}
