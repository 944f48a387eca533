package dev.jdbcdynamo.sharding.reshard;

import java.sql.SQLException;
import java.util.List;

/**
 * The SQL a resharding installs on a source shard: the ranges leaving it, a log of the kids
 * written in them meanwhile, and BEFORE triggers on every kid-sharded table that log writes to a
 * moving range and refuse them once the range is fenced.
 *
 * <p>The trigger reads its range row with a shared lock held to the end of the writer's
 * transaction, so the fencing {@code UPDATE} waits for every writer already past the check: once
 * the fence has committed, the log holds every write the source will ever take in those ranges.
 */
final class FenceTriggers {
    /** The start of the message a fenced write fails with (SQLSTATE 45000). */
    static final String FENCE_MESSAGE = "jdbc_dynamo_fenced";
    static final String FENCE_SQLSTATE = "45000";

    static final String RANGES = "dynamo_reshard_ranges";
    static final String LOG = "dynamo_reshard_log";

    static final String CREATE_RANGES = "CREATE TABLE IF NOT EXISTS " + RANGES + " ("
            + "lo BIGINT NOT NULL PRIMARY KEY, hi BIGINT NOT NULL, to_shard VARCHAR(64) NOT NULL,"
            + " fenced TINYINT NOT NULL DEFAULT 0) ENGINE=InnoDB";
    static final String CREATE_LOG = "CREATE TABLE IF NOT EXISTS " + LOG + " ("
            + "seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, tbl VARCHAR(64) NOT NULL, kid BIGINT NOT NULL)"
            + " ENGINE=InnoDB";

    private FenceTriggers() {
    }

    /** The statements creating the three triggers of one table. */
    static List<String> create(String table) {
        return List.of(trigger(table, "i", "INSERT", "NEW"), trigger(table, "u", "UPDATE", "OLD"),
                trigger(table, "d", "DELETE", "OLD"));
    }

    /** The statements dropping them (harmless when absent). */
    static List<String> drop(String table) {
        return List.of("DROP TRIGGER IF EXISTS " + name(table, "i"), "DROP TRIGGER IF EXISTS " + name(table, "u"),
                "DROP TRIGGER IF EXISTS " + name(table, "d"));
    }

    private static String name(String table, String suffix) {
        return "dynamo_rs_" + table + "_" + suffix;
    }

    private static String trigger(String table, String suffix, String event, String row) {
        String kid = row + ".kid";
        return "CREATE TRIGGER " + name(table, suffix) + " BEFORE " + event + " ON " + table + " FOR EACH ROW\n"
                + "BEGIN\n"
                + "  DECLARE f INT DEFAULT NULL;\n"
                + "  DECLARE h BIGINT DEFAULT NULL;\n"
                + "  DECLARE CONTINUE HANDLER FOR NOT FOUND SET f = NULL;\n"
                + "  SELECT fenced, hi INTO f, h FROM " + RANGES + " WHERE lo <= " + kid
                + " ORDER BY lo DESC LIMIT 1 LOCK IN SHARE MODE;\n"
                + "  IF f IS NOT NULL AND h >= " + kid + " THEN\n"
                + "    IF f = 1 THEN\n"
                + "      SIGNAL SQLSTATE '" + FENCE_SQLSTATE + "' SET MESSAGE_TEXT = '" + FENCE_MESSAGE
                + ": this key range is moving to another shard; retry after the new ring is published';\n"
                + "    END IF;\n"
                + "    INSERT INTO " + LOG + " (tbl, kid) VALUES ('" + table + "', " + kid + ");\n"
                + "  END IF;\n"
                + "END";
    }

    /** True when {@code e} (or a cause) is a write refused by a fence. */
    static boolean isFenced(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getMessage() != null && next.getMessage().contains(FENCE_MESSAGE)) {
                        return true;
                    }
                }
            } else if (t.getMessage() != null && t.getMessage().contains(FENCE_MESSAGE)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
