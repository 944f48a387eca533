package dev.jdbcdynamo.driver.storage;

import dev.jdbcdynamo.planner.catalog.TableDef;

/** The DDL of the tables every shard holds: the catalog, the ring, and one table per DynamoDB table. */
final class PhysicalSchema {
    static final String CREATE_CATALOG = "CREATE TABLE IF NOT EXISTS dynamo_catalog ("
            + "id BIGINT NOT NULL PRIMARY KEY,"
            + " name VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,"
            + " definition LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,"
            + " version BIGINT NOT NULL,"
            + " UNIQUE KEY uk_name (name)) ENGINE=InnoDB";
    static final String CREATE_TOPOLOGY = "CREATE TABLE IF NOT EXISTS dynamo_topology ("
            + "id INT NOT NULL PRIMARY KEY,"
            + " shard_name VARCHAR(64) NOT NULL,"
            + " ring LONGTEXT NOT NULL,"
            + " version BIGINT NOT NULL) ENGINE=InnoDB";

    private PhysicalSchema() {
    }

    /**
     * The physical table of a DynamoDB table: {@code kid} routes, {@code (pk, sk)} is the encoded
     * primary key (3072 bytes, InnoDB's limit), {@code item} the whole item as DynamoDB JSON.
     */
    static String createItemTable(TableDef table) {
        return "CREATE TABLE IF NOT EXISTS " + table.physicalName() + " ("
                + "kid BIGINT NOT NULL,"
                + " pk VARBINARY(2048) NOT NULL,"
                + " sk VARBINARY(1024) NOT NULL,"
                + " item LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,"
                + " PRIMARY KEY (pk, sk),"
                + " KEY ix_kid (kid)) ENGINE=InnoDB ROW_FORMAT=DYNAMIC";
    }

    static String dropItemTable(TableDef table) {
        return "DROP TABLE IF EXISTS " + table.physicalName();
    }
}
