package dev.jdbcdynamo.engine.storage;

import dev.jdbcdynamo.engine.topology.Shard;
import static java.util.Objects.requireNonNull;

import dev.jdbcdynamo.engine.config.DatabaseConfig;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.sharding.HashRing;
import dev.jdbcdynamo.sharding.reshard.ReshardListener;
import dev.jdbcdynamo.sharding.reshard.ReshardPhase;
import dev.jdbcdynamo.sharding.reshard.ReshardReport;
import dev.jdbcdynamo.sharding.reshard.Resharder;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java API of online resharding for a jdbc:dynamo database: add a shard, remove one, or
 * finish / roll back one that was interrupted. Applications keep running meanwhile; every driver
 * instance moves to the new ring by itself.
 *
 * <pre>{@code
 * try (Resharding r = Resharding.open(DatabaseConfig.of(new DatabaseConfig.TopologyFile("/etc/dynamo/topology.yaml")))) {
 *     ReshardReport report = r.addShard("ds_3", "jdbc:mysql://db3.example.com:3306/dynamo", listener);
 * }
 * }</pre>
 */
public final class Resharding implements AutoCloseable {
    /** Tables every shard holds whole; copied to a new shard. */
    private static final List<String> COPIED_TABLES = List.of("dynamo_catalog");
    /** Longer than the default ring check interval (1 s), so every driver adopts the new ring in time. */
    public static final long DEFAULT_GRACE_MILLIS = 5_000;

    private final DynamoDatabase database;
    private long graceMillis = DEFAULT_GRACE_MILLIS;

    private Resharding(DynamoDatabase database) {
        this.database = database;
    }

    /**
     * Opens the database a configuration names (checking its ring as a session would); the JDBC
     * driver's {@code DynamoUrl.parse(url, properties).toConfig()} makes one of a jdbc:dynamo URL.
     */
    public static Resharding open(DatabaseConfig config) {
        return new Resharding(Databases.acquire(config));
    }

    /** How long the sources keep moved rows and the fence after publishing; tests shorten it. */
    public Resharding graceMillis(long millis) {
        this.graceMillis = millis;
        return this;
    }

    public HashRing ring() {
        database.checkRing();
        return database.ring();
    }

    /** Adds a shard (an empty database reachable with the database's credentials) and moves its share to it. */
    public ReshardReport addShard(String name, String jdbcUrl, ReshardListener listener) throws SQLException {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        HashRing target = ring().withShard(name);
        Shard added = database.openShard(name, jdbcUrl);
        try {
            requireEmpty(added);
            database.store().createPhysicalTables(added, database.tables());
            return run(target, Map.of(name, added), listener);
        } finally {
            added.pool().close();
        }
    }

    /** Removes a shard, moving its ranges to the others; its database is left for you to drop. */
    public ReshardReport removeShard(String name, ReshardListener listener) throws SQLException {
        return run(ring().withoutShard(name), Map.of(), listener);
    }

    /** Finishes an interrupted resharding: rolled back before its ring was published, completed after. */
    public ReshardPhase resume(ReshardListener listener) throws SQLException {
        ReshardPhase phase = resharder(extraShardsOfRecordedRun(), listener).resume(firstShard());
        database.checkRing();
        return phase;
    }

    /** Rolls back an interrupted resharding whose ring is not published; false when there is none. */
    public boolean rollback(ReshardListener listener) throws SQLException {
        return resharder(extraShardsOfRecordedRun(), listener).rollback(firstShard());
    }

    private ReshardReport run(HashRing target, Map<String, Shard> extra, ReshardListener listener) throws SQLException {
        ReshardReport report = resharder(extra, listener).reshard(firstShard(), target);
        database.checkRing();
        return report;
    }

    private Resharder resharder(Map<String, Shard> extra, ReshardListener listener) {
        Map<String, javax.sql.DataSource> pools = new LinkedHashMap<>();
        Map<String, String> urls = new LinkedHashMap<>();
        for (Shard shard : database.shards()) {
            pools.put(shard.name(), shard.pool());
            urls.put(shard.name(), urlOf(shard));
        }
        extra.forEach((name, shard) -> {
            pools.put(name, shard.pool());
            urls.put(name, urlOf(shard));
        });
        List<String> kidTables = new ArrayList<>();
        for (TableDef table : database.tables()) {
            kidTables.add(table.physicalName());
            for (dev.jdbcdynamo.planner.catalog.IndexDef index : table.globalIndexes()) {
                kidTables.add(table.globalIndexTable(index)); // sharded by the index key's kid
            }
        }
        return new Resharder(pools, urls, kidTables, COPIED_TABLES, listener, graceMillis);
    }

    /** A resharding interrupted while adding a shard needs that shard's pool to be undone. */
    private Map<String, Shard> extraShardsOfRecordedRun() throws SQLException {
        Map<String, Shard> extra = new LinkedHashMap<>();
        String[] recorded = resharder(Map.of(), ReshardListener.none()).inProgress(firstShard());
        if (recorded != null) {
            Map<String, String> urls = recordedUrls();
            for (String name : HashRing.parse(recorded[1]).shards()) {
                boolean known = database.shards().stream().anyMatch(s -> s.name().equals(name));
                String url = urls.get(name);
                if (!known && url != null) {
                    extra.put(name, database.openShard(name, url));
                }
            }
        }
        return extra;
    }

    private static String urlOf(Shard shard) {
        return shard.location().startsWith("jdbc:") ? shard.location() : "jdbc:mysql://" + shard.location();
    }

    private Map<String, String> recordedUrls() throws SQLException {
        Map<String, String> urls = new LinkedHashMap<>();
        try (java.sql.Connection c = database.shards().get(0).pool().getConnection();
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT name, url FROM dynamo_shards")) {
            while (rs.next()) {
                urls.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            if (!"42S02".equals(e.getSQLState())) {
                throw e;
            }
        }
        return urls;
    }

    private String firstShard() {
        return database.shards().get(0).name();
    }

    private static void requireEmpty(Shard shard) throws SQLException {
        try (java.sql.Connection c = shard.pool().getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                     + " WHERE table_schema = DATABASE() AND table_name LIKE 'dt\\\\_%'")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new IllegalStateException("shard " + shard.name() + " (" + shard.location()
                        + ") already holds jdbc:dynamo tables; give an empty database");
            }
        }
    }

    @Override
    public void close() {
        Databases.release(database);
    }
}
