package dev.jdbcdynamo.engine.storage;

import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.TableDef;
import java.util.List;

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
        StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(table.physicalName()).append(" (")
                .append("kid BIGINT NOT NULL,")
                .append(" pk VARBINARY(2048) NOT NULL,")
                .append(" sk VARBINARY(1024) NOT NULL,")
                .append(" item LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,");
        // A local index is a nullable column with the encoded LSI sort key (NULL: not in the
        // index) and a key (pk, l<n>): 2048 + 1024 bytes, InnoDB's limit.
        for (IndexDef index : table.localIndexes()) {
            sql.append(' ').append(index.localColumn()).append(" VARBINARY(1024) NULL,");
        }
        sql.append(" PRIMARY KEY (pk, sk),");
        for (IndexDef index : table.localIndexes()) {
            sql.append(" KEY ix_").append(index.localColumn()).append(" (pk, ").append(index.localColumn()).append("),");
        }
        return sql.append(" KEY ix_kid (kid)) ENGINE=InnoDB ROW_FORMAT=DYNAMIC").toString();
    }

    /**
     * A global index's table: sharded by {@code kid}, the keyspace id of the index partition key;
     * {@code gpk}/{@code gsk} the encoded index keys ({@code ''} without a sort key); one entry per
     * base item ({@code pk}, {@code sk}), holding the projected item.
     */
    static String createGlobalIndexTable(TableDef table, IndexDef index) {
        return "CREATE TABLE IF NOT EXISTS " + table.globalIndexTable(index) + " ("
                + "kid BIGINT NOT NULL,"
                + " gpk VARBINARY(2048) NOT NULL,"
                + " gsk VARBINARY(1024) NOT NULL,"
                + " pk VARBINARY(2048) NOT NULL,"
                + " sk VARBINARY(1024) NOT NULL,"
                + " item LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,"
                + " PRIMARY KEY (pk, sk),"
                + " KEY ix_g (gpk, gsk),"
                + " KEY ix_kid (kid)) ENGINE=InnoDB ROW_FORMAT=DYNAMIC";
    }

    static String dropGlobalIndexTable(TableDef table, IndexDef index) {
        return "DROP TABLE IF EXISTS " + table.globalIndexTable(index);
    }

    /**
     * The change log of every shard: one row per write of an item of a table that has global
     * indexes, written by the table's triggers in the write's own statement (so in its
     * transaction). {@code kid} is the base item's. Read and deleted by the GSI applier.
     */
    static final String CREATE_CHANGES = "CREATE TABLE IF NOT EXISTS dynamo_changes ("
            + "seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            + " kid BIGINT NOT NULL,"
            + " table_id BIGINT NOT NULL,"
            + " pk VARBINARY(2048) NOT NULL,"
            + " sk VARBINARY(1024) NOT NULL,"
            + " old_item LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,"
            + " new_item LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,"
            + " changed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),"
            + " KEY ix_table (table_id)) ENGINE=InnoDB";

    /** The three triggers that log a table's writes into {@code dynamo_changes}. */
    static List<String> createChangeTriggers(TableDef table) {
        String t = table.physicalName();
        // A session that sets @dynamo_quiet (the resharder moving rows between shards) is not
        // logged: a moved item is the same item, its index entries do not change.
        String insert = "IF @dynamo_quiet IS NULL THEN"
                + " INSERT INTO dynamo_changes (kid, table_id, pk, sk, old_item, new_item) VALUES (";
        String end = "); END IF";
        return List.of(
                "CREATE TRIGGER " + t + "_log_ins AFTER INSERT ON " + t + " FOR EACH ROW "
                        + insert + "NEW.kid, " + table.id() + ", NEW.pk, NEW.sk, NULL, NEW.item" + end,
                "CREATE TRIGGER " + t + "_log_upd AFTER UPDATE ON " + t + " FOR EACH ROW "
                        + insert + "NEW.kid, " + table.id() + ", NEW.pk, NEW.sk, OLD.item, NEW.item" + end,
                "CREATE TRIGGER " + t + "_log_del AFTER DELETE ON " + t + " FOR EACH ROW "
                        + insert + "OLD.kid, " + table.id() + ", OLD.pk, OLD.sk, OLD.item, NULL" + end);
    }

    /** The names of the triggers of {@link #createChangeTriggers}, in the same order. */
    static List<String> changeTriggerNames(TableDef table) {
        String t = table.physicalName();
        return List.of(t + "_log_ins", t + "_log_upd", t + "_log_del");
    }

    static List<String> dropChangeTriggers(TableDef table) {
        return changeTriggerNames(table).stream().map(name -> "DROP TRIGGER IF EXISTS " + name).toList();
    }

    static String dropItemTable(TableDef table) {
        return "DROP TABLE IF EXISTS " + table.physicalName();
    }
}
