package dev.jdbcdynamo.driver.bank;

import dev.jdbcdynamo.driver.DynamoConnectionAccess;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * A fresh process that opens the database (which runs transaction recovery at connect) and
 * prints {@code IN-DOUBT <n>}: the prepared branches still left on the shards.
 */
public final class RecoverMain {
    private RecoverMain() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0])) {
            System.out.println("IN-DOUBT " + DynamoConnectionAccess.recovery(c).inDoubt().size());
        }
        System.exit(0);
    }
}
