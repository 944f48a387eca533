package dev.jdbcdynamo.driver;

import dev.jdbcdynamo.driver.jdbc.DynamoConnection;
import dev.jdbcdynamo.engine.storage.DynamoDatabase;
import java.sql.Connection;
import java.sql.SQLException;

/** Lets tests in other packages see the database behind a connection. */
public final class TestAccess {
    private TestAccess() {
    }

    public static DynamoDatabase database(Connection c) throws SQLException {
        return c.unwrap(DynamoConnection.class).database();
    }
}
