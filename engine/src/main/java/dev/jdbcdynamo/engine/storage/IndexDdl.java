package dev.jdbcdynamo.engine.storage;

import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.TableDef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The per-shard DDL of global indexes: their tables, and the triggers that log the base table's writes. */
final class IndexDdl {
    private IndexDdl() {
    }

    /** Creates the tables of {@code added} and, if the table has global indexes, its change-log triggers. */
    static void createGlobalIndexes(Statement s, TableDef table, List<IndexDef> added) throws SQLException {
        for (IndexDef index : added) {
            s.execute(PhysicalSchema.createGlobalIndexTable(table, index));
        }
        if (!table.globalIndexes().isEmpty()) {
            // Only the missing ones: dropping and re-creating would leave a moment in which writes
            // are not logged for the indexes the table already has.
            List<String> names = PhysicalSchema.changeTriggerNames(table);
            List<String> creates = PhysicalSchema.createChangeTriggers(table);
            for (int i = 0; i < names.size(); i++) {
                if (!triggerExists(s, names.get(i))) {
                    s.execute(creates.get(i));
                }
            }
        }
    }

    private static boolean triggerExists(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.TRIGGERS"
                + " WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = '" + name + "'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    /** Drops one global index's table; the triggers too when no global index is left. */
    static void dropGlobalIndex(Statement s, TableDef remaining, IndexDef index) throws SQLException {
        s.execute(PhysicalSchema.dropGlobalIndexTable(remaining, index));
        if (remaining.globalIndexes().isEmpty()) {
            for (String drop : PhysicalSchema.dropChangeTriggers(remaining)) {
                s.execute(drop);
            }
        }
    }

    /** Drops every global index table of a dropped table and forgets its pending changes. */
    static void dropGlobalIndexes(Statement s, TableDef table) throws SQLException {
        for (IndexDef index : table.globalIndexes()) {
            s.execute(PhysicalSchema.dropGlobalIndexTable(table, index));
        }
        s.execute("DELETE FROM dynamo_changes WHERE table_id = " + table.id());
    }
}
