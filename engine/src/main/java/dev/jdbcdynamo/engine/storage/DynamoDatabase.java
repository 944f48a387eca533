package dev.jdbcdynamo.engine.storage;

import dev.jdbcdynamo.engine.config.DatabaseConfig;
import dev.jdbcdynamo.engine.exec.GlobalIndexes;
import dev.jdbcdynamo.engine.spi.EmbeddedServerLookup;
import dev.jdbcdynamo.engine.spi.EmbeddedServers;
import dev.jdbcdynamo.engine.topology.Shard;
import dev.jdbcdynamo.engine.topology.ShardMap;
import dev.jdbcdynamo.engine.tx.TxService;
import dev.jdbcdynamo.planner.calcite.AccessPathPlanner;
import dev.jdbcdynamo.planner.catalog.Catalog;
import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.sharding.HashRing;
import dev.jdbcdynamo.sharding.ShardingDataSourceBuilder;
import dev.jdbcdynamo.sharding.topology.Topology;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.jdbc.core.datasource.ShardingSphereDataSource;

/**
 * An open jdbc:dynamo database in this JVM: its shards and their pools, the ring, the catalog
 * and the ShardingSphere DataSource that routes statements. Shared by all connections to the same
 * URL target (see {@link Databases}).
 */
public final class DynamoDatabase implements Catalog, ShardMap, AutoCloseable {
    private final String key;
    private volatile List<Shard> shards;
    private volatile HashRing ring;
    private volatile CatalogStore store;
    /** The version of {@link #ring} in dynamo_topology; a resharding publishes a higher one. */
    private volatile long ringVersion;
    /** The ring the current routing was built for (under routingLock). */
    private HashRing routedRing;
    /** How to open a shard that a resharding adds: its pool size and credentials. */
    private int shardPoolSize = 10;
    private String shardUser;
    private String shardPassword;
    private RingWatcher.Registration watch;
    private final RingAcks acks = new RingAcks();
    /** Replicas per shard name, from the topology file; empty without replicas. */
    private Map<String, ReplicaSet> replicaSets = Map.of();
    /** The routing of eventually consistent reads over the replicas, or null without replicas. */
    private volatile Routing eventualRouting;
    private final EmbeddedServers.Lease lease;
    private final List<String> dropOnClose;
    private final int closeDelaySeconds;
    private final Object routingLock = new Object();
    private final GsiApplier applier;
    private volatile Routing routing;
    private final DiscoveredColumns discovered;
    private volatile TxService transactions;
    private int txRecoveryTimeout;
    private int txRecoveryInterval;

    private DynamoDatabase(String key, List<Shard> shards, HashRing ring, EmbeddedServers.Lease lease,
                           List<String> dropOnClose, int closeDelaySeconds) {
        this.key = key;
        this.shards = List.copyOf(shards);
        this.ring = ring;
        this.store = new CatalogStore(shards);
        this.applier = new GsiApplier(shards, ring, store, this::anyGlobalIndex);
        this.discovered = new DiscoveredColumns(shards);
        this.lease = lease;
        this.dropOnClose = List.copyOf(dropOnClose);
        this.closeDelaySeconds = closeDelaySeconds;
    }

    /** Opens the shards a configuration names (starting an embedded server if needed) and checks the ring. */
    static DynamoDatabase open(DatabaseConfig config) {
        int poolSize = config.poolSize();
        int closeDelay = config.closeDelaySeconds();
        EmbeddedServers.Lease lease = null;
        List<Shard> shards = new ArrayList<>();
        List<String> dropOnClose = new ArrayList<>();
        String[] credentials = new String[2];
        Map<String, ReplicaSet> replicas = new LinkedHashMap<>();
        try {
            DatabaseConfig.Location location = config.location();
            if (location instanceof DatabaseConfig.Mem mem) {
                lease = EmbeddedServerLookup.servers().acquireMem();
                List<String> names = databaseNames("dynamo_mem_" + mem.name() + "_", config.shardCount());
                createDatabases(lease, names);
                dropOnClose.addAll(names);
                openEmbeddedShards(lease, names, poolSize, shards);
            } else if (location instanceof DatabaseConfig.Directory dir) {
                lease = EmbeddedServerLookup.servers().acquireDirectory(java.nio.file.Path.of(dir.path()));
                int count = config.shards() != null ? config.shards()
                        : existingShardCount(lease).orElse(config.shardCount());
                List<String> names = databaseNames("dynamo_", count);
                createDatabases(lease, names);
                openEmbeddedShards(lease, names, poolSize, shards);
            } else if (location instanceof DatabaseConfig.MySql mysql) {
                String user = config.user();
                String password = config.password();
                credentials[0] = user;
                credentials[1] = password;
                List<DatabaseConfig.ShardAddress> servers = mysql.servers();
                for (int i = 0; i < servers.size(); i++) {
                    shards.add(ShardPools.open("ds_" + i, servers.get(i).jdbcUrl(), user, password, poolSize));
                }
            } else if (location instanceof DatabaseConfig.TopologyFile file) {
                Topology topology = TopologyLoader.load(file.target());
                String user = TopologyLoader.user(topology, config.user());
                String password = TopologyLoader.password(topology, config.password());
                credentials[0] = user;
                credentials[1] = password;
                for (Topology.ShardSpec spec : topology.shards()) {
                    shards.add(ShardPools.open(spec.name(), spec.url(), user, password, spec.poolSize()));
                }
                replicas.putAll(ReplicaSets.open(topology, shards, user, password));
            }
            HashRing ring = HashRing.of(shards.stream().map(Shard::name).toList());
            AccessPathPlanner.warmUpInBackground();
            DynamoDatabase db = new DynamoDatabase(config.databaseKey(), shards, ring, lease, dropOnClose, closeDelay);
            db.shardPoolSize = poolSize;
            db.replicaSets = Map.copyOf(replicas);
            db.replicaSets.values().forEach(ReplicaSet::checkHealth);
            db.shardUser = lease != null ? lease.user() : credentials[0];
            db.shardPassword = lease != null ? null : credentials[1];
            db.store.bootstrap(ring.toText());
            db.ringVersion = db.store.ringVersion();
            db.refreshRouting();
            db.startIndexMaintenance();
            db.acknowledgeRing();
            db.watch = RingWatcher.watch(db, config.ringCheckMillis());
            db.txRecoveryTimeout = config.txRecoveryTimeout();
            db.txRecoveryInterval = config.txRecoveryInterval();
            db.transactions = TxService.open(db.shards, db.ring, db.txRecoveryTimeout, db.txRecoveryInterval);
            return db;
        } catch (RuntimeException e) {
            shards.forEach(s -> s.pool().close());
            replicas.values().forEach(ReplicaSet::close);
            dropDatabasesQuietly(lease, dropOnClose);
            if (lease != null) {
                lease.close();
            }
            throw e;
        }
    }

    private static List<String> databaseNames(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    private static void openEmbeddedShards(EmbeddedServers.Lease lease, List<String> names, int poolSize,
                                           List<Shard> shards) {
        for (int i = 0; i < names.size(); i++) {
            shards.add(ShardPools.open("ds_" + i, lease.jdbcUrl(names.get(i)), lease.user(), null, poolSize));
        }
    }

    private static Connection adminConnection(EmbeddedServers.Lease lease) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", lease.user());
        p.setProperty("useSSL", "false");
        // connector-j's driver directly: in a tool's class loader DriverManager never registered it.
        return new com.mysql.cj.jdbc.Driver().connect(lease.jdbcUrl("mysql"), p);
    }

    private static void createDatabases(EmbeddedServers.Lease lease, List<String> names) {
        try (Connection c = adminConnection(lease); Statement s = c.createStatement()) {
            for (String name : names) {
                s.execute("CREATE DATABASE IF NOT EXISTS " + name
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
        } catch (SQLException e) {
            throw new DynamoException(ErrorCode.CONNECTION_FAILED, "Cannot create the embedded shard databases: "
                    + e.getMessage(), e);
        }
    }

    /** The number of shard databases an embedded directory already has, if any. */
    private static Optional<Integer> existingShardCount(EmbeddedServers.Lease lease) {
        try (Connection c = adminConnection(lease); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW DATABASES")) {
            int count = 0;
            while (rs.next()) {
                if (rs.getString(1).matches("dynamo_[0-9]+")) {
                    count++;
                }
            }
            return count == 0 ? Optional.empty() : Optional.of(count);
        } catch (SQLException e) {
            throw new DynamoException(ErrorCode.CONNECTION_FAILED, "Cannot read the embedded databases: "
                    + e.getMessage(), e);
        }
    }

    private static void dropDatabasesQuietly(EmbeddedServers.Lease lease, List<String> names) {
        if (lease == null || names.isEmpty()) {
            return;
        }
        try (Connection c = adminConnection(lease); Statement s = c.createStatement()) {
            for (String name : names) {
                s.execute("DROP DATABASE IF EXISTS " + name);
            }
        } catch (SQLException e) {
            // The server's data dir is temporary and goes away with it.
        }
    }

    String key() {
        return key;
    }

    int closeDelaySeconds() {
        return closeDelaySeconds;
    }

    public List<Shard> shards() {
        return shards;
    }

    public HashRing ring() {
        return ring;
    }

    /** Transactions and their recovery on this database's shards. */
    public TxService transactions() {
        return transactions;
    }

    /** The current catalog generation and its routing DataSource. */
    public Routing routing() {
        return routing;
    }

    @Override
    public Optional<TableDef> table(String name) {
        TableDef table = routing.tables().get(name);
        if (table != null) {
            return Optional.of(table);
        }
        // Another client may have created it since we loaded the catalog.
        if (store.loadTables().stream().anyMatch(t -> t.name().equals(name))) {
            refreshRouting();
            return Optional.ofNullable(routing.tables().get(name));
        }
        return Optional.empty();
    }

    /** The catalog store over the current shards. */
    CatalogStore store() {
        return store;
    }

    @Override
    public Collection<TableDef> tables() {
        return routing.tables().values();
    }

    public TableDef createTable(TableDef definition, boolean ifNotExists) {
        TableDef created = store.createTable(definition, ifNotExists);
        refreshRouting();
        return created;
    }

    /** Attributes found by ANALYZE TABLE, kept apart from the table definitions. */
    public DiscoveredColumns discoveredColumns() {
        return discovered;
    }

    public boolean dropTable(String name) {
        TableDef before = routing.tables().get(name);
        if (before != null) {
            discovered.forget(before);
        }
        boolean dropped = store.dropTable(name);
        refreshRouting();
        return dropped;
    }

    private boolean anyGlobalIndex() {
        Routing current = routing;
        return current != null && current.tables().values().stream().anyMatch(t -> !t.globalIndexes().isEmpty());
    }

    /** Global index maintenance of this database: what the executor wakes and waits for. */
    public GlobalIndexes globalIndexes() {
        return applier;
    }

    /**
     * CREATE GLOBAL INDEX: adds the index (CREATING) to the catalog, backfills it from the items
     * the table has while writes go on, then makes it ACTIVE. Returns when it can be read.
     */
    public void createGlobalIndex(String tableName, IndexDef requested) {
        IndexDef index = store.addGlobalIndex(tableName, requested);
        refreshRouting();
        backfill(tableName, index);
    }

    private void backfill(String tableName, IndexDef index) {
        TableDef table = store.loadTables().stream().filter(t -> t.name().equals(tableName)).findFirst()
                .orElseThrow(() -> ErrorCode.TABLE_NOT_FOUND.error(tableName));
        try {
            GsiBackfill.run(shardsByName(), ring, table, index);
        } catch (SQLException e) {
            throw CatalogStore.storageError("backfill index " + index.name() + " of " + tableName, e);
        }
        store.setIndexState(tableName, index.name(), IndexDef.IndexState.ACTIVE);
        refreshRouting();
    }

    /** DROP INDEX: a global index leaves the catalog, then its tables go. */
    public void dropIndex(String tableName, String indexName) {
        store.dropIndex(tableName, indexName);
        refreshRouting();
    }

    private Map<String, Shard> shardsByName() {
        Map<String, Shard> byName = new LinkedHashMap<>();
        shards.forEach(s -> byName.put(s.name(), s));
        return byName;
    }

    /**
     * Applies what the change log holds (writes of a process that died before its changes reached
     * the global indexes), starts the background applier, and finishes any backfill left CREATING
     * by a process that died during CREATE GLOBAL INDEX (a backfill is idempotent, so finishing one
     * that is still running elsewhere does no harm).
     */
    private void startIndexMaintenance() {
        try {
            applier.drainAll(false);
        } catch (SQLException e) {
            throw CatalogStore.storageError("apply the change log to global indexes", e);
        }
        applier.start(key);
        for (TableDef table : routing.tables().values()) {
            for (IndexDef index : table.globalIndexes()) {
                if (index.state() == IndexDef.IndexState.CREATING) {
                    Thread t = new Thread(() -> resumeBackfill(table.name(), index), "jdbc-dynamo-backfill-" + index.name());
                    t.setDaemon(true);
                    t.start();
                }
            }
        }
    }

    private void resumeBackfill(String tableName, IndexDef index) {
        try {
            backfill(tableName, index);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(DynamoDatabase.class).warn("Resuming the backfill of index {} of {} failed: {}",
                    index.name(), tableName, e.toString());
        }
    }

    /** Reloads the catalog and, when it changed, builds the routing for the new set of tables. */
    public void refreshRouting() {
        synchronized (routingLock) {
            Map<String, TableDef> tables = new LinkedHashMap<>();
            for (TableDef t : store.loadTables()) {
                tables.put(t.name(), t);
            }
            Routing current = routing;
            if (current != null && current.tables().equals(tables) && ring.equals(routedRing)) {
                return;
            }
            Map<String, DataSource> pools = new LinkedHashMap<>();
            shards.forEach(s -> pools.put(s.name(), s.pool()));
            List<String> physical = new ArrayList<>();
            for (TableDef t : tables.values()) {
                physical.add(t.physicalName());
                t.globalIndexes().forEach(index -> physical.add(t.globalIndexTable(index)));
            }
            ShardingSphereDataSource dataSource;
            try {
                dataSource = ShardingDataSourceBuilder.build(pools, ring, physical);
                routedRing = ring;
            } catch (SQLException e) {
                throw CatalogStore.storageError("build the routing for " + tables.size() + " tables", e);
            }
            routing = new Routing(current == null ? 1 : current.generation() + 1, tables, dataSource);
            if (current != null) {
                current.retire();
            }
            refreshEventualRouting(tables, physical);
        }
    }

    /** Opens a pool on a shard database with this database's credentials (for a resharding). */
    Shard openShard(String name, String jdbcUrl) {
        return ShardPools.open(name, jdbcUrl, shardUser, shardPassword, shardPoolSize);
    }

    private void refreshEventualRouting(Map<String, TableDef> tables, List<String> physical) {
        Routing previous = eventualRouting;
        if (replicaSets.isEmpty()) {
            return;
        }
        Map<String, DataSource> readPools = new LinkedHashMap<>();
        for (Shard shard : shards) {
            ReplicaSet set = replicaSets.get(shard.name());
            readPools.put(shard.name(), set == null ? shard.pool() : set);
        }
        try {
            eventualRouting = new Routing(routing.generation(), tables,
                    ShardingDataSourceBuilder.build(readPools, ring, physical));
        } catch (SQLException e) {
            throw CatalogStore.storageError("build the replica routing for " + tables.size() + " tables", e);
        }
        if (previous != null) {
            previous.retire();
        }
    }

    /** The routing of eventually consistent reads (replicas), or null when no shard has replicas. */
    public Routing eventualRouting() {
        return eventualRouting;
    }

    /** A read on a replica failed: re-check the replicas now. */
    public void replicaReadFailed() {
        checkReplicas();
    }

    /** Checks the lag and reachability of every replica (periodically, and after a failed read). */
    void checkReplicas() {
        replicaSets.values().forEach(ReplicaSet::checkHealth);
    }

    /** The replicas of a shard and their state, "" without replicas. */
    public String replicaStatus(String shard) {
        ReplicaSet set = replicaSets.get(shard);
        return set == null ? "" : set.status();
    }

    /** Reads served by replicas since the database opened (a metric). */
    public long replicaReads() {
        return replicaSets.values().stream().mapToLong(ReplicaSet::replicaReads).sum();
    }

    /** The version of the ring this instance routes by (dynamo_topology.version). */
    public long ringVersion() {
        return ringVersion;
    }

    /**
     * Reads the ring stored in the shards and, when a resharding published a newer one, routes by
     * it from the next statement on: opens the shards it adds, and closes those it drops once the
     * statements using them are done. Returns true when the ring changed.
     */
    public boolean checkRing() {
        RingState stored = store.readRingState();
        if (stored == null || stored.version() <= ringVersion) {
            return false;
        }
        synchronized (routingLock) {
            if (stored.version() <= ringVersion) {
                return false;
            }
            HashRing next = HashRing.parse(stored.ring());
            Map<String, Shard> known = new LinkedHashMap<>();
            shards.forEach(s -> known.put(s.name(), s));
            List<Shard> nextShards = new ArrayList<>();
            for (String name : next.shards()) {
                Shard shard = known.remove(name);
                if (shard == null) {
                    String url = stored.urls().get(name);
                    if (url == null) {
                        throw ErrorCode.TOPOLOGY_MISMATCH.error("The ring stored in the shards names shard " + name
                                + ", whose address is not in dynamo_shards");
                    }
                    shard = openShard(name, url);
                }
                nextShards.add(shard);
            }
            List<Shard> dropped = List.copyOf(known.values());
            shards = List.copyOf(nextShards);
            store = new CatalogStore(shards);
            ring = next;
            ringVersion = stored.version();
            refreshRouting();
            applier.routeBy(shards, ring, store);
            TxService previous = transactions;
            if (previous != null) {
                transactions = TxService.open(shards, ring, txRecoveryTimeout, txRecoveryInterval);
                previous.close();
            }
            RingWatcher.closeLater(dropped);
            org.slf4j.LoggerFactory.getLogger(DynamoDatabase.class).info(
                    "Now routing by ring version {}: shards {}", stored.version(), next.shards());
            return true;
        }
    }

    /** Tells reshardings which ring this instance routes by (a heartbeat, sent with every ring check). */
    void acknowledgeRing() {
        try {
            acks.acknowledge(shards.get(0), ringVersion);
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(DynamoDatabase.class).warn("Cannot record the ring version in use: {}",
                    e.getMessage());
        }
    }

    /** Closes the routing, the pools and, for an in-memory database, its shard databases. */
    @Override
    public void close() {
        applier.close();
        if (watch != null) {
            watch.cancel();
            acks.forget(shards.get(0));
        }
        Routing eventual = eventualRouting;
        if (eventual != null) {
            eventual.retire();
        }
        replicaSets.values().forEach(ReplicaSet::close);
        if (transactions != null) {
            transactions.close();
        }
        Routing current = routing;
        if (current != null) {
            current.retire();
        }
        shards.forEach(s -> s.pool().close());
        dropDatabasesQuietly(lease, dropOnClose);
        if (lease != null) {
            lease.close();
        }
    }
}
