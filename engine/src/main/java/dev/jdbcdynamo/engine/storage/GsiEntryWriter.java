package dev.jdbcdynamo.engine.storage;

import dev.jdbcdynamo.engine.exec.StatementCache;
import dev.jdbcdynamo.engine.topology.Shard;
import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.KeyAttribute;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import dev.jdbcdynamo.planner.value.KeyCodec;
import dev.jdbcdynamo.sharding.HashRing;
import dev.jdbcdynamo.sharding.KeyspaceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes global index entries straight to the shard that owns them (the ring maps the keyspace
 * id of the index partition key to a shard, as ShardingSphere does for reads). An entry is keyed
 * by the base item's key and holds the whole item; every write here is idempotent, so a change
 * applied twice (after a crash between applying and deleting it) does no harm.
 */
final class GsiEntryWriter implements AutoCloseable {
    private static final int MAX_PARTITION_KEY_BYTES = 2048;
    private static final int MAX_SORT_KEY_BYTES = 1024;

    private final Map<String, Shard> shards;
    private final HashRing ring;
    private final Map<String, Connection> connections = new LinkedHashMap<>();
    private final Map<String, StatementCache> statements = new LinkedHashMap<>();

    GsiEntryWriter(Map<String, Shard> shards, HashRing ring) {
        this.shards = shards;
        this.ring = ring;
    }

    /** Where an item sits in a global index. */
    record Entry(long kid, byte[] gpk, byte[] gsk) {
    }

    /** The item's entry in a global index, or null when the item is not in it (sparse). */
    static Entry entryOf(IndexDef index, Map<String, AttributeValue> item) {
        if (item == null) {
            return null;
        }
        byte[] gpk = keyBytes(index.partitionKey(), item);
        if (gpk == null || gpk.length > MAX_PARTITION_KEY_BYTES) {
            return null;
        }
        byte[] gsk = new byte[0];
        if (index.sortKey() != null) {
            gsk = keyBytes(index.sortKey(), item);
            if (gsk == null || gsk.length > MAX_SORT_KEY_BYTES) {
                return null; // an item written before the index existed, with a key it cannot hold
            }
        }
        AttributeValue pk = item.get(index.partitionKey().name());
        return new Entry(KeyspaceId.of(KeyCodec.typeTag(pk), gpk), gpk, gsk);
    }

    private static byte[] keyBytes(KeyAttribute key, Map<String, AttributeValue> item) {
        AttributeValue value = item.get(key.name());
        if (!ItemKeys.hasType(value, key.type())) {
            return null;
        }
        byte[] bytes = KeyCodec.encode(value);
        return bytes.length == 0 ? null : bytes;
    }

    /**
     * Carries one change of a base item to one global index: the entry of the old item goes
     * (when the new one lives elsewhere or nowhere), the entry of the new item is written.
     */
    void apply(TableDef table, IndexDef index, byte[] pk, byte[] sk, Map<String, AttributeValue> oldItem,
               Map<String, AttributeValue> newItem) throws SQLException {
        Entry before = entryOf(index, oldItem);
        Entry after = entryOf(index, newItem);
        String beforeShard = before == null ? null : ring.shardFor(before.kid());
        String afterShard = after == null ? null : ring.shardFor(after.kid());
        if (before != null && !beforeShard.equals(afterShard)) {
            delete(table, index, beforeShard, pk, sk);
        }
        if (after != null) {
            upsert(table, index, afterShard, after, pk, sk, newItem);
        }
    }

    /** Writes the entry of an item as it is now (backfill); nothing when the item is not in the index. */
    void put(TableDef table, IndexDef index, byte[] pk, byte[] sk, Map<String, AttributeValue> item)
            throws SQLException {
        Entry entry = entryOf(index, item);
        if (entry != null) {
            upsert(table, index, ring.shardFor(entry.kid()), entry, pk, sk, item);
        }
    }

    private void upsert(TableDef table, IndexDef index, String shard, Entry entry, byte[] pk, byte[] sk,
                        Map<String, AttributeValue> item) throws SQLException {
        PreparedStatement ps = statements(shard).prepare("INSERT INTO " + table.globalIndexTable(index)
                + " (kid, gpk, gsk, pk, sk, item) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                + " kid = VALUES(kid), gpk = VALUES(gpk), gsk = VALUES(gsk), item = VALUES(item)");
        ps.setLong(1, entry.kid());
        ps.setBytes(2, entry.gpk());
        ps.setBytes(3, entry.gsk());
        ps.setBytes(4, pk);
        ps.setBytes(5, sk);
        ps.setString(6, DynamoJson.writeItem(item));
        ps.executeUpdate();
    }

    private void delete(TableDef table, IndexDef index, String shard, byte[] pk, byte[] sk) throws SQLException {
        PreparedStatement ps = statements(shard).prepare("DELETE FROM " + table.globalIndexTable(index)
                + " WHERE pk = ? AND sk = ?");
        ps.setBytes(1, pk);
        ps.setBytes(2, sk);
        ps.executeUpdate();
    }

    private StatementCache statements(String shard) throws SQLException {
        StatementCache cache = statements.get(shard);
        if (cache == null) {
            Connection c = shards.get(shard).pool().getConnection();
            connections.put(shard, c);
            cache = StatementCache.of(c);
            statements.put(shard, cache);
        }
        return cache;
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (StatementCache cache : statements.values()) {
            try {
                cache.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        for (Connection c : connections.values()) {
            try {
                c.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        statements.clear();
        connections.clear();
        if (first != null) {
            throw first;
        }
    }
}
