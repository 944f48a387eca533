package dev.jdbcdynamo.engine.storage;

import dev.jdbcdynamo.engine.topology.Shard;
import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.value.DynamoJson;
import dev.jdbcdynamo.sharding.HashRing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * Fills a new global index from the items a table already has, while it takes writes. Each
 * shard's base table is read in key order, a chunk at a time, holding that shard's applier lock
 * while a chunk is read and its entries written: the applier cannot interleave, so a change
 * committed before the chunk was read is applied after it (replaying that item's later states
 * up to the one the chunk saw), and a change committed after is applied after it too. Every
 * write since the index was added to the catalog is in the log (the triggers exist before the
 * catalog names the index), so the index converges to exactly the table.
 */
final class GsiBackfill {
    private static final int CHUNK = 500;

    private GsiBackfill() {
    }

    /** Backfills one index on every shard; returns the number of items read. */
    static long run(Map<String, Shard> shards, HashRing ring, TableDef table, IndexDef index) throws SQLException {
        long read = 0;
        for (Shard shard : shards.values()) {
            byte[][] after = null;
            while (true) {
                byte[][] from = after;
                long[] count = new long[1];
                try (Connection c = shard.pool().getConnection()) {
                    after = GsiApplier.withShardLock(c, true, () -> chunk(c, shards, ring, table, index, from, count));
                }
                read += count[0];
                if (after == null) {
                    break;
                }
            }
        }
        return read;
    }

    /** Reads and indexes one chunk after {@code from} (a key, or null to start); the last key read, or null at the end. */
    private static byte[][] chunk(Connection c, Map<String, Shard> shards, HashRing ring, TableDef table,
                                  IndexDef index, byte[][] from, long[] count) throws SQLException {
        String sql = "SELECT pk, sk, item FROM " + table.physicalName()
                + (from == null ? "" : " WHERE pk > ? OR (pk = ? AND sk > ?)") + " ORDER BY pk, sk LIMIT " + CHUNK;
        byte[][] last = null;
        int rows = 0;
        try (PreparedStatement ps = c.prepareStatement(sql);
             GsiEntryWriter writer = new GsiEntryWriter(shards, ring)) {
            if (from != null) {
                ps.setBytes(1, from[0]);
                ps.setBytes(2, from[0]);
                ps.setBytes(3, from[1]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] pk = rs.getBytes(1);
                    byte[] sk = rs.getBytes(2);
                    writer.put(table, index, pk, sk, DynamoJson.readItem(rs.getString(3)));
                    last = new byte[][] {pk, sk};
                    rows++;
                }
            }
        }
        count[0] = rows;
        return rows < CHUNK ? null : last;
    }
}
