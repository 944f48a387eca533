package dev.jdbcdynamo.engine;

import dev.jdbcdynamo.engine.config.DatabaseConfig;
import dev.jdbcdynamo.engine.storage.Databases;
import dev.jdbcdynamo.engine.storage.DynamoDatabase;
import dev.jdbcdynamo.planner.catalog.TableDef;
import java.util.Collection;
import java.util.Optional;

/**
 * An open jdbc:dynamo database: its shards, ring and catalog, shared in this JVM by every user
 * that opens the same location and closed when the last one closes it. Statements run in
 * {@link Session}s; errors are DynamoExceptions with DynamoDB's names.
 */
public final class Database implements AutoCloseable {
    private final DynamoDatabase database;
    private volatile boolean closed;

    private Database(DynamoDatabase database) {
        this.database = database;
    }

    /**
     * Opens the database a configuration names (starting an embedded server for {@code mem:} and
     * {@code embedded:}, which needs the {@code jdbc-dynamo-embedded} module), or shares the one
     * this JVM has open already.
     */
    public static Database open(DatabaseConfig config) {
        return new Database(Databases.acquire(config));
    }

    /** A new session with its own transaction and connections. */
    public Session openSession(SessionOptions options) {
        checkOpen();
        return new Session(database, options);
    }

    /** The catalog: every table with its keys and indexes. */
    public Collection<TableDef> tables() {
        checkOpen();
        return database.tables();
    }

    /** One table of the catalog, re-read from the shards when another client may have created it. */
    public Optional<TableDef> table(String name) {
        checkOpen();
        return database.table(name);
    }

    /** The names of the shards in ring order. */
    public java.util.List<String> shardNames() {
        return database.shards().stream().map(dev.jdbcdynamo.engine.topology.Shard::name).toList();
    }

    /** The internals below this API, for a front end's own needs (the JDBC driver's metadata and SQL extensions). */
    public DynamoDatabase internals() {
        return database;
    }

    /** Gives this user's reference back; the last one closes the database (after its close delay). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Databases.release(database);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw dev.jdbcdynamo.planner.error.ErrorCode.CONNECTION_CLOSED.error("Database is closed");
        }
    }
}
