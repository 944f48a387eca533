package dev.jdbcdynamo.engine.storage;

import dev.jdbcdynamo.engine.topology.Shard;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.sharding.HashRing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a database is spread over its shards: per shard and table, the kid ranges and keyspace
 * share the ring gives the shard, the items stored and their bytes, and how far the shard's
 * replicas are behind. Read by {@code SHOW DISTRIBUTION} and the distribution command.
 */
public final class Distribution {
    private Distribution() {
    }

    /**
     * One row of the view.
     *
     * @param shard the shard's ring name
     * @param location where its primary is (host:port/database)
     * @param ranges contiguous kid ranges the shard owns
     * @param keyspaceShare the share of all kids it owns, 0..1
     * @param table the DynamoDB table name
     * @param items items of that table stored on the shard (exact count)
     * @param bytes bytes of the table's physical table on the shard (data + indexes, as InnoDB reports)
     * @param replicas the shard's replicas and their state, e.g. {@code "db0r:3306 lag 0 s"}; empty without replicas
     */
    public record Row(String shard, String location, int ranges, double keyspaceShare, String table, long items,
                      long bytes, String replicas) {
    }

    /** The view of a database now; shards that cannot be reached fail the call. */
    public static List<Row> of(DynamoDatabase database) {
        database.checkRing();
        HashRing ring = database.ring();
        Map<String, HashRing.Ownership> owned = ring.ownership();
        List<Row> rows = new ArrayList<>();
        for (Shard shard : database.shards()) {
            HashRing.Ownership o = owned.get(shard.name());
            String replicas = database.replicaStatus(shard.name());
            try (Connection c = shard.pool().getConnection()) {
                for (TableDef table : database.tables()) {
                    long[] counts = counts(c, table.physicalName());
                    rows.add(new Row(shard.name(), shard.location(), o.ranges(), o.keyspaceShare(), table.name(),
                            counts[0], counts[1], replicas));
                }
                if (database.tables().isEmpty()) {
                    rows.add(new Row(shard.name(), shard.location(), o.ranges(), o.keyspaceShare(), "", 0, 0, replicas));
                }
            } catch (SQLException e) {
                throw CatalogStore.storageError("read the distribution of shard " + shard.name(), e);
            }
        }
        return rows;
    }

    private static long[] counts(Connection c, String physical) throws SQLException {
        long items;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + physical)) {
            rs.next();
            items = rs.getLong(1);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(data_length + index_length, 0)"
                + " FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?")) {
            ps.setString(1, physical);
            try (ResultSet rs = ps.executeQuery()) {
                return new long[] {items, rs.next() ? rs.getLong(1) : 0};
            }
        }
    }
}
