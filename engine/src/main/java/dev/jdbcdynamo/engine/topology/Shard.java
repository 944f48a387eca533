package dev.jdbcdynamo.engine.topology;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariDataSource;

/** One shard: its name in the ring ({@code ds_0}, ...), where it is, and its connection pool. */
public record Shard(String name, String location, HikariDataSource pool) {
    public Shard {
        requireNonNull(name, "name is null");
        requireNonNull(location, "location is null");
        requireNonNull(pool, "pool is null");
    }
}
