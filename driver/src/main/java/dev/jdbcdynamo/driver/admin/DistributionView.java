package dev.jdbcdynamo.driver.admin;

import dev.jdbcdynamo.driver.error.DynamoErrors;
import dev.jdbcdynamo.driver.resultset.MetadataResultSet;
import dev.jdbcdynamo.engine.storage.Distribution;
import dev.jdbcdynamo.engine.storage.DynamoDatabase;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code SHOW DISTRIBUTION}: one row per shard and table with the shard's kid ranges and
 * keyspace share, the items and bytes it stores, its replicas' state and the ring version.
 */
public final class DistributionView {
    static final List<MetadataResultSet.Column> COLUMNS = MetadataResultSet.Column.list(
            "SHARD LOCATION RANGES:INTEGER KEYSPACE_PERCENT TABLE_NAME ITEMS:BIGINT BYTES:BIGINT REPLICAS RING_VERSION:BIGINT");

    private DistributionView() {
    }

    public static boolean matches(String sql) {
        if (sql == null) {
            return false;
        }
        String text = sql.strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text.replaceAll("\\s+", " ").equalsIgnoreCase("SHOW DISTRIBUTION");
    }

    public static ResultSet resultSet(DynamoDatabase database) throws java.sql.SQLException {
        List<Object[]> rows = new ArrayList<>();
        try {
            for (Distribution.Row r : Distribution.of(database)) {
                rows.add(new Object[] {r.shard(), r.location(), r.ranges(),
                        String.format(Locale.ROOT, "%.2f", 100 * r.keyspaceShare()), r.table(), r.items(), r.bytes(),
                        r.replicas(), database.ringVersion()});
            }
        } catch (dev.jdbcdynamo.planner.error.DynamoException e) {
            throw DynamoErrors.toSql(e);
        }
        return new MetadataResultSet(COLUMNS, rows);
    }
}
