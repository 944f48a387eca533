package dev.jdbcdynamo.driver.tx;

import dev.jdbcdynamo.driver.exec.ItemWriter;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import dev.jdbcdynamo.planner.plan.PhysicalSql;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * The physical reads and writes of one item on a shard connection that transactions and batches
 * use: every item write of a transaction or batch goes through {@link #insert}, {@link #replace}
 * and {@link #delete}. They write local index columns as {@link dev.jdbcdynamo.driver.exec.ItemWriter}
 * does; the change-log rows that feed global indexes come from the shards' triggers, in the same
 * (XA branch or local) transaction.
 */
public final class ItemStore {
    private ItemStore() {
    }

    /** The item of a key, locked until the end of the transaction (a record lock), or null. */
    public static Map<String, AttributeValue> lock(Connection c, TableDef table, ItemKeys.KeyBytes key, long kid)
            throws SQLException {
        return read(c, PhysicalSql.getItemForUpdate(table), key, kid);
    }

    /** The item of a key under a shared lock held until the end of the transaction, or null. */
    public static Map<String, AttributeValue> readShared(Connection c, TableDef table, ItemKeys.KeyBytes key, long kid)
            throws SQLException {
        return read(c, PhysicalSql.getItem(table) + " LOCK IN SHARE MODE", key, kid);
    }

    private static Map<String, AttributeValue> read(Connection c, String sql, ItemKeys.KeyBytes key, long kid)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindKey(ps, 1, key, kid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? DynamoJson.readItem(rs.getString(1)) : null;
            }
        }
    }

    /** Inserts a new item; fails with MySQL's duplicate-key error (1062) when the key exists. */
    public static void insert(Connection c, TableDef table, ItemKeys.KeyBytes key, long kid,
                              Map<String, AttributeValue> item) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PhysicalSql.insert(table))) {
            bindKey(ps, 1, key, kid);
            ps.setString(4, DynamoJson.writeItem(item));
            ItemWriter.bindLocalColumns(ps, 5, table, item);
            ps.executeUpdate();
        }
    }

    /** Replaces the stored item of a key ({@code old} is the item it replaces, locked by the caller). */
    public static void replace(Connection c, TableDef table, ItemKeys.KeyBytes key, long kid,
                               Map<String, AttributeValue> old, Map<String, AttributeValue> item) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PhysicalSql.replaceItem(table))) {
            ps.setString(1, DynamoJson.writeItem(item));
            bindKey(ps, ItemWriter.bindLocalColumns(ps, 2, table, item), key, kid);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("The locked item of " + table.name() + " disappeared", "40001");
            }
        }
    }

    /** Deletes the item of a key ({@code old}, locked by the caller). */
    public static void delete(Connection c, TableDef table, ItemKeys.KeyBytes key, long kid,
                              Map<String, AttributeValue> old) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PhysicalSql.delete(table))) {
            bindKey(ps, 1, key, kid);
            ps.executeUpdate();
        }
    }

    private static void bindKey(PreparedStatement ps, int first, ItemKeys.KeyBytes key, long kid) throws SQLException {
        ps.setLong(first, kid);
        ps.setBytes(first + 1, key.pk());
        ps.setBytes(first + 2, key.sk());
    }
}
