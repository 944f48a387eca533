package dev.jdbcdynamo.driver;

import dev.jdbcdynamo.embedded.EmbeddedServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The one embedded MariaDB of a test JVM: leased on first use and held until the JVM exits, so
 * that tests which open and close their own {@code jdbc:dynamo:mem:} databases never restart it.
 */
public final class TestServer {
    private static EmbeddedServers.Lease lease;

    private TestServer() {
    }

    static synchronized EmbeddedServers.Lease lease() {
        if (lease == null) {
            lease = EmbeddedServers.acquireMem();
        }
        return lease;
    }

    /** A direct connector-j connection to one physical database of the server (to check storage). */
    static Connection direct(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", lease().user());
        p.setProperty("useSSL", "false");
        return DriverManager.getConnection(lease().jdbcUrl(database), p);
    }

    /** A URL for an in-memory database of this JVM's server; the name keeps tests apart. */
    public static String memUrl(String name, int shards) {
        lease();
        return "jdbc:dynamo:mem:" + name + "?shards=" + shards;
    }
}
