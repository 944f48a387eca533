package dev.jdbcdynamo.sharding;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.ShardingSphereDataSourceFactory;
import org.apache.shardingsphere.driver.jdbc.core.datasource.ShardingSphereDataSource;
import org.apache.shardingsphere.infra.algorithm.core.config.AlgorithmConfiguration;
import org.apache.shardingsphere.infra.config.mode.ModeConfiguration;
import org.apache.shardingsphere.mode.repository.standalone.StandalonePersistRepositoryConfiguration;
import org.apache.shardingsphere.sharding.api.config.ShardingRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.rule.ShardingTableRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.strategy.sharding.NoneShardingStrategyConfiguration;
import org.apache.shardingsphere.sharding.api.config.strategy.sharding.StandardShardingStrategyConfiguration;

/**
 * Builds the ShardingSphere DataSource that routes the kid-sharded tables over the shard pools;
 * the only place in the project that creates one.
 *
 * <p>Every table named at build time becomes a sharding table with a data node on every shard
 * under the same physical name, database strategy STANDARD on {@value #KID_COLUMN} with {@link
 * KidShardingAlgorithm} through {@code CLASS_BASED}, and no table sharding. A table created
 * later is not known to the instance: build a new one and discard the old.
 *
 * <p>Lifecycle. The shard pools belong to the caller and outlive any number of ShardingSphere
 * DataSources: each pool reaches ShardingSphere wrapped in a {@link SharedPoolDataSource}, which
 * is not {@code AutoCloseable}, so {@code close()} on the returned DataSource stops only what
 * ShardingSphere itself started (its executor, its rules, its in-memory H2 configuration store)
 * and leaves the pools open. Close it only after the connections taken from it are closed: on a
 * closed instance single-shard statements still run, but statements over several shards fail
 * with "Unknown exception" (its executor is gone). Several instances may live at once in one
 * JVM, with the same or different logical database names: each gets its own in-memory H2
 * configuration store (ShardingSphere's default {@code jdbc:h2:mem:config} is shared by the whole
 * JVM and truncated by every new instance).
 *
 * <p>Cost: a build loads the columns and indexes of the named tables from one shard (a few
 * {@code information_schema} queries with {@code TABLE_NAME IN (...)}; other tables on the shards
 * are not read), but most of its time goes into ShardingSphere's own system-schema metadata, so
 * even a warm build takes hundreds of milliseconds (the module README has the numbers). Build one
 * per topology and catalog version, not one per connection.
 */
public final class ShardingDataSourceBuilder {
    /** The only sharding column. */
    public static final String KID_COLUMN = "kid";
    /** The logical database name ShardingSphere shows unless told otherwise. */
    public static final String DEFAULT_DATABASE_NAME = "dynamo";

    static final String ALGORITHM_NAME = "kid_ring";

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private ShardingDataSourceBuilder() {
    }

    /** {@link #build(String, Map, HashRing, Collection)} with {@link #DEFAULT_DATABASE_NAME}. */
    public static ShardingSphereDataSource build(Map<String, DataSource> shards, HashRing ring, Collection<String> shardedTables)
            throws SQLException {
        return build(DEFAULT_DATABASE_NAME, shards, ring, shardedTables);
    }

    /**
     * A new ShardingSphere DataSource over {@code shards} routing {@code shardedTables} by {@code ring}.
     *
     * @param databaseName ShardingSphere's logical database name
     * @param shards shard name to an open pool; the names must be exactly the ring's shards
     * @param ring the ring the {@value #KID_COLUMN} values are routed by
     * @param shardedTables the physical table names sharded by kid ({@code dt_1}, {@code dt_1_g1});
     *     may be empty
     * @throws SQLException when a shard cannot be reached or ShardingSphere refuses the configuration
     */
    public static ShardingSphereDataSource build(String databaseName, Map<String, DataSource> shards, HashRing ring,
            Collection<String> shardedTables) throws SQLException {
        requireNonNull(databaseName, "databaseName is null");
        requireNonNull(shards, "shards is null");
        requireNonNull(ring, "ring is null");
        Set<String> tables = checkedTables(shardedTables);
        if (!shards.keySet().equals(Set.copyOf(ring.shards()))) {
            throw new IllegalArgumentException("shard pools " + shards.keySet() + " do not match the ring's shards " + ring.shards());
        }
        Map<String, DataSource> views = new LinkedHashMap<>();
        for (String shard : ring.shards()) {
            DataSource pool = requireNonNull(shards.get(shard), "pool of shard " + shard + " is null");
            views.put(shard, new SharedPoolDataSource(pool, urlOf(shard, pool)));
        }
        // ShardingSphere finds its plugins with ServiceLoader through the thread's context class
        // loader; a tool that loads the driver in a class loader of its own does not set it.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ShardingDataSourceBuilder.class.getClassLoader());
        try {
            // The configuration store is an in-memory H2 opened through DriverManager, which in a host
            // that initialised DriverManager from its own class loader never registered H2: loading the
            // driver class registers it.
            Class.forName("org.h2.Driver", true, ShardingDataSourceBuilder.class.getClassLoader());
            DataSource result = ShardingSphereDataSourceFactory.createDataSource(
                    databaseName, modeConfiguration(), views, List.of(ruleConfiguration(ring, tables)), properties());
            return (ShardingSphereDataSource) result;
        } catch (ClassNotFoundException e) {
            throw new SQLException("H2, ShardingSphere's configuration store, is not on the class path", "08001", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Set<String> checkedTables(Collection<String> shardedTables) {
        requireNonNull(shardedTables, "shardedTables is null");
        Set<String> result = new LinkedHashSet<>();
        for (String table : shardedTables) {
            requireNonNull(table, "table name is null");
            if (!TABLE_NAME.matcher(table).matches()) {
                throw new IllegalArgumentException("invalid physical table name '" + table + "'");
            }
            if (!result.add(table)) {
                throw new IllegalArgumentException("table '" + table + "' listed twice");
            }
        }
        return result;
    }

    private static String urlOf(String shard, DataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new SQLException("cannot reach shard " + shard + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }

    static ShardingRuleConfiguration ruleConfiguration(HashRing ring, Collection<String> tables) {
        Properties algorithm = new Properties();
        algorithm.setProperty("strategy", "STANDARD");
        algorithm.setProperty("algorithmClassName", KidShardingAlgorithm.class.getName());
        algorithm.setProperty(KidShardingAlgorithm.RING_PROPERTY, ring.toText());
        ShardingRuleConfiguration result = new ShardingRuleConfiguration();
        result.getShardingAlgorithms().put(ALGORITHM_NAME, new AlgorithmConfiguration("CLASS_BASED", algorithm));
        result.setDefaultTableShardingStrategy(new NoneShardingStrategyConfiguration());
        List<ShardingTableRuleConfiguration> tableRules = new ArrayList<>();
        for (String table : tables) {
            // <LITERAL>: split on commas as is; the default parser (GROOVY) evaluates a Groovy template.
            String dataNodes = ring.shards().stream().map(shard -> shard + "." + table).collect(Collectors.joining(",", "<LITERAL>", ""));
            ShardingTableRuleConfiguration rule = new ShardingTableRuleConfiguration(table, dataNodes);
            rule.setDatabaseShardingStrategy(new StandardShardingStrategyConfiguration(KID_COLUMN, ALGORITHM_NAME));
            rule.setTableShardingStrategy(new NoneShardingStrategyConfiguration());
            tableRules.add(rule);
        }
        result.setTables(tableRules);
        return result;
    }

    /** Standalone mode with a configuration store of its own (see the class comment). */
    static ModeConfiguration modeConfiguration() {
        Properties store = new Properties();
        store.setProperty("provider", "H2");
        // A random name, not a counter: two copies of this class in two class loaders may share H2.
        store.setProperty("jdbc_url", "jdbc:h2:mem:jdbcdynamo_config_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=0;DATABASE_TO_UPPER=false;MODE=MYSQL");
        return new ModeConfiguration("Standalone", new StandalonePersistRepositoryConfiguration("JDBC", store));
    }

    static Properties properties() {
        Properties props = new Properties();
        props.setProperty("sql-show", "false");
        // Load the columns of one data node per table, not of every node (DDL keeps shards alike).
        props.setProperty("check-table-metadata-enabled", "false");
        props.setProperty("max-connections-size-per-query", "1");
        // Keep only the few system tables the kernel serves (information_schema.tables, ...)
        // instead of ~all of MySQL's: building and persisting them is most of a build's time.
        props.setProperty("system-schema-metadata-assembly-enabled", "false");
        return props;
    }
}
