package dev.jdbcdynamo.engine.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a database is opened from: where its shards live and how the engine treats them. A front
 * end maps its own settings onto it (the JDBC driver its URL and connection properties).
 *
 * @param location where the shards are
 * @param shards the shard count of a new {@code mem:} or {@code embedded:} database; null when not
 *     given (an existing embedded directory then keeps its own count, a new one gets {@link #DEFAULT_SHARDS})
 * @param poolSize maximum physical connections per shard in the shared pool
 * @param closeDelaySeconds seconds a shared database stays open after its last user closed it; -1 keeps it
 * @param user user name for {@code mysql://} and topology-file shards (null: none, or the file's)
 * @param password password for those shards (null: none, or the file's)
 * @param ringCheckMillis milliseconds between checks of the ring stored in the shards; 0 turns them off
 * @param txRecoveryTimeout seconds after which a prepared two-phase commit without a decision is rolled back
 * @param txRecoveryInterval seconds between two recovery passes (0: only when the database opens)
 */
public record DatabaseConfig(Location location, Integer shards, int poolSize, int closeDelaySeconds, String user,
                             String password, int ringCheckMillis, int txRecoveryTimeout, int txRecoveryInterval) {
    public static final int DEFAULT_SHARDS = 4;

    public DatabaseConfig {
        requireNonNull(location, "location is null");
    }

    /** A configuration with the defaults the JDBC driver documents. */
    public static DatabaseConfig of(Location location) {
        return new DatabaseConfig(location, null, 10, 0, null, null, 1000, 60, 10);
    }

    public DatabaseConfig withShards(int count) {
        return new DatabaseConfig(location, count, poolSize, closeDelaySeconds, user, password, ringCheckMillis,
                txRecoveryTimeout, txRecoveryInterval);
    }

    public DatabaseConfig withCloseDelaySeconds(int seconds) {
        return new DatabaseConfig(location, shards, poolSize, seconds, user, password, ringCheckMillis,
                txRecoveryTimeout, txRecoveryInterval);
    }

    /** The shard count of a new {@code mem:} or {@code embedded:} database. */
    public int shardCount() {
        return shards == null ? DEFAULT_SHARDS : shards;
    }

    /** A key naming the database, shared by the users of one JVM that open the same location. */
    public String databaseKey() {
        return location.key();
    }

    /** Where a database's shards live. */
    public sealed interface Location {
        /** The key that identifies the database in this JVM. */
        String key();
    }

    /** In memory, on the JVM's embedded server; gone when the last user closes it. */
    public record Mem(String name) implements Location {
        public Mem {
            requireNonNull(name, "name is null");
        }

        @Override
        public String key() {
            return "MEM:" + name;
        }
    }

    /** A persistent embedded MariaDB in a directory. */
    public record Directory(String path) implements Location {
        public Directory {
            requireNonNull(path, "path is null");
        }

        @Override
        public String key() {
            return "EMBEDDED:" + path;
        }
    }

    /** Existing MySQL or MariaDB databases, one per shard, in ring order. */
    public record MySql(List<ShardAddress> servers) implements Location {
        public MySql {
            servers = List.copyOf(servers);
        }

        @Override
        public String key() {
            return "MYSQL:" + servers.stream().map(ShardAddress::toString).collect(Collectors.joining(","));
        }
    }

    /** The servers a topology file (YAML) names; {@code classpath:} reads it from the class path. */
    public record TopologyFile(String target) implements Location {
        public TopologyFile {
            requireNonNull(target, "target is null");
        }

        @Override
        public String key() {
            return "CONFIG:" + target;
        }
    }

    /** One shard database on a server. */
    public record ShardAddress(String host, int port, String database) {
        public String jdbcUrl() {
            return "jdbc:mysql://" + host + ":" + port + "/" + database;
        }

        @Override
        public String toString() {
            return host + ":" + port + "/" + database;
        }
    }
}
