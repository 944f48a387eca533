package dev.jdbcdynamo.engine.storage;

import dev.jdbcdynamo.engine.topology.Shard;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The heartbeat by which a driver instance says which ring version it routes by
 * ({@code dynamo_ring_acks} on its first shard). A resharding deletes moved rows from their old
 * shard only after every live instance routes by the new ring, so no instance reads a range
 * from a shard that no longer holds it.
 */
final class RingAcks {
    static final String CREATE = "CREATE TABLE IF NOT EXISTS dynamo_ring_acks (instance VARCHAR(64) NOT NULL PRIMARY KEY,"
            + " version BIGINT NOT NULL, seen TIMESTAMP(6) NOT NULL) ENGINE=InnoDB";

    private final String instance = UUID.randomUUID().toString();
    private volatile boolean created;

    /** Records that this instance now routes by {@code version}. */
    void acknowledge(Shard shard, long version) throws SQLException {
        try (Connection c = shard.pool().getConnection()) {
            if (!created) {
                try (Statement s = c.createStatement()) {
                    s.execute(CREATE);
                }
                created = true;
            }
            try (PreparedStatement ps = c.prepareStatement("REPLACE INTO dynamo_ring_acks (instance, version, seen)"
                    + " VALUES (?, ?, NOW(6))")) {
                ps.setString(1, instance);
                ps.setLong(2, version);
                ps.executeUpdate();
            }
        }
    }

    /** Removes this instance's heartbeat when it closes. */
    void forget(Shard shard) {
        try (Connection c = shard.pool().getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM dynamo_ring_acks WHERE instance = ?")) {
            ps.setString(1, instance);
            ps.executeUpdate();
        } catch (SQLException e) {
            // The heartbeat goes stale on its own.
        }
    }
}
