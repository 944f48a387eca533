package dev.jdbcdynamo.engine.tx;

import dev.jdbcdynamo.engine.exec.ItemWriter;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import dev.jdbcdynamo.planner.plan.PhysicalSql;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The physical reads and writes of items on a shard connection that transactions and batches
 * use: locking reads of all the items of a table in one statement ({@link #lockAll}), and every
 * item write as a {@link Write} ({@link #insertWrite}, {@link #replaceWrite}, {@link #deleteWrite})
 * sent with the shard's other writes in one request ({@link #writeAll}). Writes set local index
 * columns as {@link dev.jdbcdynamo.engine.exec.ItemWriter} does; the change-log rows that feed
 * global indexes come from the shards' triggers, in the same (XA branch or local) transaction.
 */
public final class ItemStore {
    private ItemStore() {
    }

    /**
     * The items of several keys of one table, locked until the end of the transaction (record
     * locks, taken in primary-key order by one statement), in the order of {@code keys}; null
     * where an item does not exist.
     */
    static List<Map<String, AttributeValue>> lockAll(Connection c, TableDef table, List<ItemKeys.KeyBytes> keys)
            throws SQLException {
        return readAll(c, table, keys, true);
    }

    /** As {@link #lockAll}, locking the items ({@code FOR UPDATE}) or not (a plain read). */
    static List<Map<String, AttributeValue>> readAll(Connection c, TableDef table, List<ItemKeys.KeyBytes> keys,
                                                     boolean lock) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT pk, sk, item FROM ").append(table.physicalName()).append(" WHERE ");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "(pk = ? AND sk = ?)" : " OR (pk = ? AND sk = ?)");
        }
        if (lock) {
            sql.append(" FOR UPDATE");
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>(Collections.nCopies(keys.size(), null));
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int slot = 1;
            for (ItemKeys.KeyBytes key : keys) {
                ps.setBytes(slot++, key.pk());
                ps.setBytes(slot++, key.sk());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] pk = rs.getBytes(1);
                    byte[] sk = rs.getBytes(2);
                    for (int i = 0; i < keys.size(); i++) {
                        if (Arrays.equals(keys.get(i).pk(), pk) && Arrays.equals(keys.get(i).sk(), sk)) {
                            items.set(i, DynamoJson.readItem(rs.getString(3)));
                        }
                    }
                }
            }
        }
        return items;
    }

    /** True when the key's item exists (as far as this connection sees). */
    static boolean exists(Connection c, TableDef table, ItemKeys.KeyBytes key, long kid) throws SQLException {
        return read(c, PhysicalSql.getItem(table), key, kid) != null;
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

    /** One physical write of {@link #writeAll}: its SQL and how it binds its values from a slot on. */
    record Write(String sql, Binder binder, boolean mustMatchOne) {
    }

    /** Binds a write's values from a parameter slot on; answers the next free slot. */
    @FunctionalInterface
    interface Binder {
        int bind(PreparedStatement ps, int first) throws SQLException;
    }

    static Write insertWrite(TableDef table, ItemKeys.KeyBytes key, long kid, Map<String, AttributeValue> item) {
        return new Write(PhysicalSql.insert(table), (ps, first) -> {
            bindKey(ps, first, key, kid);
            ps.setString(first + 3, DynamoJson.writeItem(item));
            return ItemWriter.bindLocalColumns(ps, first + 4, table, item);
        }, false);
    }

    static Write replaceWrite(TableDef table, ItemKeys.KeyBytes key, long kid, Map<String, AttributeValue> item) {
        return new Write(PhysicalSql.replaceItem(table), (ps, first) -> {
            ps.setString(first, DynamoJson.writeItem(item));
            int next = ItemWriter.bindLocalColumns(ps, first + 1, table, item);
            bindKey(ps, next, key, kid);
            return next + 3;
        }, true);
    }

    static Write deleteWrite(TableDef table, ItemKeys.KeyBytes key, long kid) {
        return new Write(PhysicalSql.delete(table), (ps, first) -> {
            bindKey(ps, first, key, kid);
            return first + 3;
        }, false);
    }

    /**
     * Runs the writes in one request (the branch pools allow several statements per request):
     * one round trip for all the writes of a shard. A write that must match one row and matched
     * none fails the whole request (the caller rolls back).
     */
    static void writeAll(Connection c, List<Write> writes) throws SQLException {
        if (writes.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder();
        for (Write w : writes) {
            sql.append(sql.length() == 0 ? "" : ";\n").append(w.sql());
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int slot = 1;
            for (Write w : writes) {
                slot = w.binder().bind(ps, slot);
            }
            ps.execute();
            for (int i = 0; i < writes.size(); i++) {
                if (i > 0) {
                    ps.getMoreResults();
                }
                if (writes.get(i).mustMatchOne() && ps.getUpdateCount() != 1) {
                    throw new SQLException("A locked item disappeared before its write", "40001");
                }
            }
        }
    }

    private static void bindKey(PreparedStatement ps, int first, ItemKeys.KeyBytes key, long kid) throws SQLException {
        ps.setLong(first, kid);
        ps.setBytes(first + 1, key.pk());
        ps.setBytes(first + 2, key.sk());
    }
}
