package dev.jdbcdynamo.sharding;

import com.zaxxer.hikari.HikariDataSource;

/** Lets tests in sub-packages use the module's one test server. */
public final class MariaDbServerAccess {
    private MariaDbServerAccess() {
    }

    public static HikariDataSource pool(String database) {
        MariaDbServer.get().execute("CREATE DATABASE IF NOT EXISTS " + database
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return MariaDbServer.get().pool(database);
    }

    public static void execute(String... statements) {
        MariaDbServer.get().execute(statements);
    }
}
