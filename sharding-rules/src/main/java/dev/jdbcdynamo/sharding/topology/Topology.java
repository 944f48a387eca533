package dev.jdbcdynamo.sharding.topology;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The servers of a jdbc:dynamo database as a topology file describes them: shards (each a
 * primary and optional replicas), pool sizes, credentials and the replica lag bound. Frozen
 * once read; the ring is built from the shard names.
 *
 * @param shards the shards in file order, at least one, names unique
 * @param user the user for every server, if the file names one (JDBC properties win)
 * @param password the password for every server, if the file names one (JDBC properties win)
 * @param replicaMaxLagSeconds a replica further behind than this is skipped
 */
public record Topology(List<ShardSpec> shards, Optional<String> user, Optional<String> password,
                       int replicaMaxLagSeconds) {
    public Topology {
        shards = List.copyOf(shards);
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
    }

    /** The shard names in file order. */
    public List<String> shardNames() {
        return shards.stream().map(ShardSpec::name).toList();
    }

    /**
     * One shard: its name in the ring, its primary and its replicas.
     *
     * @param name the ring name ({@code [A-Za-z][A-Za-z0-9_-]{0,63}})
     * @param url the primary's JDBC URL ({@code jdbc:mysql://host:port/db}, MySQL Connector/J speaks to MySQL and MariaDB)
     * @param poolSize maximum physical connections to the primary (and to each replica)
     * @param replicas JDBC URLs of replicas of the primary, possibly none
     */
    public record ShardSpec(String name, String url, int poolSize, List<String> replicas) {
        public ShardSpec {
            requireNonNull(name, "name is null");
            requireNonNull(url, "url is null");
            replicas = List.copyOf(replicas);
        }
    }
}
