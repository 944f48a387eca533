package dev.jdbcdynamo.driver;

import java.sql.Connection;
import java.sql.SQLException;

/** Gives the index tests (another package) this JVM's test server. */
public final class IndexTestSupport {
    private IndexTestSupport() {
    }

    public static String memUrl(String name, int shards) {
        return TestServer.memUrl(name, shards);
    }

    /** A direct connection to one physical database of the test server. */
    public static Connection direct(String database) throws SQLException {
        return TestServer.direct(database);
    }

    /** The test server's connector-j URL of a database. */
    public static String jdbcUrl(String database) {
        return TestServer.lease().jdbcUrl(database);
    }

    public static String user() {
        return TestServer.lease().user();
    }
}
