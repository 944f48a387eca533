package dev.jdbcdynamo.driver.storage;

import dev.jdbcdynamo.driver.ConnectionProperty;
import dev.jdbcdynamo.driver.DynamoUrl;
import dev.jdbcdynamo.driver.embedded.EmbeddedServers;
import dev.jdbcdynamo.driver.tx.TxService;
import dev.jdbcdynamo.planner.calcite.AccessPathPlanner;
import dev.jdbcdynamo.planner.catalog.Catalog;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.sharding.HashRing;
import dev.jdbcdynamo.sharding.ShardingDataSourceBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
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
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.jdbc.core.datasource.ShardingSphereDataSource;

/**
 * An open jdbc:dynamo database in this JVM: its shards and their pools, the ring, the catalog
 * and the ShardingSphere DataSource that routes statements. Shared by all connections to the same
 * URL target (see {@link Databases}).
 */
public final class DynamoDatabase implements Catalog, AutoCloseable {
    private final String key;
    private final List<Shard> shards;
    private final HashRing ring;
    private final CatalogStore store;
    private final EmbeddedServers.Lease lease;
    private final List<String> dropOnClose;
    private final int closeDelaySeconds;
    private final Object routingLock = new Object();
    private volatile Routing routing;
    private TxService transactions;

    private DynamoDatabase(String key, List<Shard> shards, HashRing ring, EmbeddedServers.Lease lease,
                           List<String> dropOnClose, int closeDelaySeconds) {
        this.key = key;
        this.shards = List.copyOf(shards);
        this.ring = ring;
        this.store = new CatalogStore(shards);
        this.lease = lease;
        this.dropOnClose = List.copyOf(dropOnClose);
        this.closeDelaySeconds = closeDelaySeconds;
    }

    /** Opens the shards a URL names (starting an embedded server if needed) and checks the ring. */
    static DynamoDatabase open(DynamoUrl url) {
        Properties props = url.properties();
        int poolSize = ConnectionProperty.POOL_SIZE.getInt(props);
        int closeDelay = ConnectionProperty.CLOSE_DELAY.getInt(props);
        EmbeddedServers.Lease lease = null;
        List<Shard> shards = new ArrayList<>();
        List<String> dropOnClose = new ArrayList<>();
        try {
            switch (url.kind()) {
                case MEM -> {
                    lease = EmbeddedServers.acquireMem();
                    List<String> names = databaseNames("dynamo_mem_" + url.target() + "_", url.shards());
                    createDatabases(lease, names);
                    dropOnClose.addAll(names);
                    openEmbeddedShards(lease, names, poolSize, shards);
                }
                case EMBEDDED -> {
                    lease = EmbeddedServers.acquireDirectory(java.nio.file.Path.of(url.target()));
                    int count = props.getProperty(ConnectionProperty.SHARDS.key()) != null ? url.shards()
                            : existingShardCount(lease).orElse(url.shards());
                    List<String> names = databaseNames("dynamo_", count);
                    createDatabases(lease, names);
                    openEmbeddedShards(lease, names, poolSize, shards);
                }
                case MYSQL -> {
                    String user = ConnectionProperty.USER.get(props);
                    String password = ConnectionProperty.PASSWORD.get(props);
                    List<DynamoUrl.ShardAddress> servers = url.servers();
                    for (int i = 0; i < servers.size(); i++) {
                        shards.add(ShardPools.open("ds_" + i, servers.get(i).jdbcUrl(), user, password, poolSize));
                    }
                }
            }
            HashRing ring = HashRing.of(shards.stream().map(Shard::name).toList());
            AccessPathPlanner.warmUpInBackground();
            DynamoDatabase db = new DynamoDatabase(url.databaseKey(), shards, ring, lease, dropOnClose, closeDelay);
            db.store.bootstrap(ring.toText());
            db.refreshRouting();
            db.transactions = TxService.open(shards, ring, ConnectionProperty.TX_RECOVERY_TIMEOUT.getInt(props),
                    ConnectionProperty.TX_RECOVERY_INTERVAL.getInt(props));
            return db;
        } catch (RuntimeException e) {
            shards.forEach(s -> s.pool().close());
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
        return DriverManager.getConnection(lease.jdbcUrl("mysql"), p);
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

    @Override
    public Collection<TableDef> tables() {
        return routing.tables().values();
    }

    public TableDef createTable(TableDef definition, boolean ifNotExists) {
        TableDef created = store.createTable(definition, ifNotExists);
        refreshRouting();
        return created;
    }

    public boolean dropTable(String name) {
        boolean dropped = store.dropTable(name);
        refreshRouting();
        return dropped;
    }

    /** Reloads the catalog and, when it changed, builds the routing for the new set of tables. */
    public void refreshRouting() {
        synchronized (routingLock) {
            Map<String, TableDef> tables = new LinkedHashMap<>();
            for (TableDef t : store.loadTables()) {
                tables.put(t.name(), t);
            }
            Routing current = routing;
            if (current != null && current.tables().equals(tables)) {
                return;
            }
            Map<String, DataSource> pools = new LinkedHashMap<>();
            shards.forEach(s -> pools.put(s.name(), s.pool()));
            List<String> physical = tables.values().stream().map(TableDef::physicalName).collect(Collectors.toList());
            ShardingSphereDataSource dataSource;
            try {
                dataSource = ShardingDataSourceBuilder.build(pools, ring, physical);
            } catch (SQLException e) {
                throw CatalogStore.storageError("build the routing for " + tables.size() + " tables", e);
            }
            routing = new Routing(current == null ? 1 : current.generation() + 1, tables, dataSource);
            if (current != null) {
                current.retire();
            }
        }
    }

    /** Closes the routing, the pools and, for an in-memory database, its shard databases. */
    @Override
    public void close() {
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
