package dev.jdbcdynamo.bench;

import dev.jdbcdynamo.embedded.EmbeddedServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The one embedded MariaDB of the run, the same server the driver's {@code mem:} databases live
 * on, held by a lease so that it stays up until the run ends.
 */
final class BenchServer implements AutoCloseable {
    private final EmbeddedServers.Lease lease;

    private BenchServer(EmbeddedServers.Lease lease) {
        this.lease = lease;
    }

    /** Starts the JVM's embedded server for in-memory databases, or joins it when it runs. */
    static BenchServer start() {
        return new BenchServer(EmbeddedServers.acquireMem());
    }

    int port() {
        return lease.port();
    }

    String user() {
        return lease.user();
    }

    /** A connector-j URL of a database on this server, without options. */
    String jdbcUrl(String database) {
        return lease.jdbcUrl(database);
    }

    /** (Re)creates databases {@code prefix0 .. prefix(count-1)} with the driver's character set. */
    void createDatabases(String prefix, int count) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            for (int i = 0; i < count; i++) {
                s.execute("DROP DATABASE IF EXISTS " + prefix + i);
                s.execute("CREATE DATABASE " + prefix + i + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
        }
    }

    /** The server's version string, e.g. {@code 11.4.5-MariaDB}. */
    String version() throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private Connection admin() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", lease.user());
        p.setProperty("useSSL", "false");
        return DriverManager.getConnection(lease.jdbcUrl("mysql"), p);
    }

    @Override
    public void close() {
        lease.close();
    }
}
