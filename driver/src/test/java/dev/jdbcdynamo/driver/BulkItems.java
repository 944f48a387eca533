package dev.jdbcdynamo.driver;

import dev.jdbcdynamo.driver.jdbc.DynamoConnection;
import dev.jdbcdynamo.engine.storage.DynamoDatabase;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import dev.jdbcdynamo.sharding.KeyspaceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Loads many items fast for tests: rows in the storage format (kid, encoded key, item JSON) written
 * with multi-row INSERTs straight into the shard each item's kid belongs to, as the driver would.
 */
final class BulkItems {
    private static final int ROWS_PER_INSERT = 500;

    private BulkItems() {
    }

    static void load(Connection dynamo, String tableName, int count, IntFunction<Map<String, AttributeValue>> item)
            throws SQLException {
        DynamoDatabase db = dynamo.unwrap(DynamoConnection.class).database();
        TableDef table = db.routing().tables().get(tableName);
        Map<String, List<Object[]>> byShard = new HashMap<>();
        for (int i = 0; i < count; i++) {
            Map<String, AttributeValue> it = item.apply(i);
            ItemKeys.KeyBytes key = ItemKeys.ofItem(table, it);
            long kid = KeyspaceId.of(key.tag(), key.pk());
            List<Object[]> rows = byShard.computeIfAbsent(db.ring().shardFor(kid), s -> new ArrayList<>());
            rows.add(new Object[] {kid, key.pk(), key.sk(), DynamoJson.writeItem(it)});
            if (rows.size() == ROWS_PER_INSERT) {
                write(db, db.ring().shardFor(kid), table, rows);
                rows.clear();
            }
        }
        for (Map.Entry<String, List<Object[]>> e : byShard.entrySet()) {
            if (!e.getValue().isEmpty()) {
                write(db, e.getKey(), table, e.getValue());
            }
        }
    }

    private static void write(DynamoDatabase db, String shardName, TableDef table, List<Object[]> rows)
            throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table.physicalName())
                .append(" (kid, pk, sk, item) VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
        }
        var shard = db.shards().stream().filter(s -> s.name().equals(shardName)).findFirst().orElseThrow();
        try (Connection c = shard.pool().getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (Object[] row : rows) {
                ps.setLong(p++, (Long) row[0]);
                ps.setBytes(p++, (byte[]) row[1]);
                ps.setBytes(p++, (byte[]) row[2]);
                ps.setString(p++, (String) row[3]);
            }
            ps.executeUpdate();
        }
    }
}
