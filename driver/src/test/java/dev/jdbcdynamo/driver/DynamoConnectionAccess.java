package dev.jdbcdynamo.driver;

import dev.jdbcdynamo.driver.jdbc.DynamoConnection;
import dev.jdbcdynamo.engine.tx.Recovery;
import java.sql.Connection;

/** Test access to the transaction recovery of a connection's database. */
public final class DynamoConnectionAccess {
    private DynamoConnectionAccess() {
    }

    public static Recovery recovery(Connection c) throws java.sql.SQLException {
        return c.unwrap(DynamoConnection.class).database().transactions().recovery();
    }

    /** The id of the connection's database in its two-phase commits' XA ids. */
    public static String databaseId(Connection c) throws java.sql.SQLException {
        return c.unwrap(DynamoConnection.class).database().transactions().databaseId();
    }

    /** The physical database URL (without {@code jdbc:mysql://}) of a shard of this JVM's embedded test server. */
    public static String serverAddress(String database) {
        return TestServer.lease().jdbcUrl(database).replaceFirst("^jdbc:mysql://", "");
    }

    public static String memUrl(String name, int shards) {
        return TestServer.memUrl(name, shards);
    }

    public static String serverUser() {
        return TestServer.lease().user();
    }
}
