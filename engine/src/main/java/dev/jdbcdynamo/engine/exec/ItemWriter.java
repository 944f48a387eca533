package dev.jdbcdynamo.engine.exec;

import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import dev.jdbcdynamo.planner.plan.PhysicalSql;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import dev.jdbcdynamo.planner.value.KeyCodec;
import dev.jdbcdynamo.sharding.KeyspaceId;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;

/**
 * The one way a base item is written: every INSERT, UPDATE and DELETE of an item row goes through
 * here, whichever connection carries it.
 *
 * <p>One statement per write, on the item's shard, does all of it:
 * <ul>
 *   <li>the base row ({@code kid}, {@code pk}, {@code sk}, {@code item});</li>
 *   <li>the local index columns ({@code l<n>}, the encoded LSI sort key, NULL when the item lacks
 *       it: local indexes are sparse);</li>
 *   <li>the change-log row for global indexes: the shard's triggers on {@code dt_<id>} (present
 *       while the table has a global index) insert the old and new item into
 *       {@code dynamo_changes} inside the same statement, so the change commits or rolls back with
 *       the write, on the same shard, in any transaction (local, XA), and survives a crash of this
 *       process. {@link GsiApplier} carries it to the global index tables.</li>
 * </ul>
 *
 * <p>Usage from any connection: wrap it once with {@link StatementCache#of(java.sql.Connection)}
 * (or pass a {@link RoutedSession}), then call {@link #insert}, {@link #replace} or {@link #delete}
 * with the table's definition and the item's encoded key ({@link ItemKeys#ofItem}). A routed
 * (ShardingSphere) connection routes on the bound {@code kid}; a direct shard connection must be
 * the shard that {@code kid} maps to. The writer checks nothing of DynamoDB's rules (key types,
 * index key types, item size, conditions): callers do that first, as {@link Executor} does.
 */
public final class ItemWriter {
    private ItemWriter() {
    }

    /** Inserts a new item; DynamoDB's DuplicateItemException when its key exists. */
    public static void insert(StatementCache c, TableDef table, ItemKeys.KeyBytes key, Map<String, AttributeValue> item)
            throws SQLException {
        PreparedStatement ps = c.prepare(PhysicalSql.insert(table));
        ps.setLong(1, kid(key));
        ps.setBytes(2, key.pk());
        ps.setBytes(3, key.sk());
        ps.setString(4, DynamoJson.writeItem(item));
        bindLocalColumns(ps, 5, table, item);
        try {
            ps.executeUpdate();
        } catch (SQLException e) {
            if (Executor.isDuplicateKey(e)) {
                throw ErrorCode.DUPLICATE_ITEM.error();
            }
            throw e;
        }
    }

    /**
     * Replaces an existing item with {@code item}. With {@code expectedJson} (the item's stored
     * text as read) it is a compare-and-set: nothing is written when the stored item differs.
     *
     * @return true when a row was written (false: no such item, or the compare-and-set lost)
     */
    public static boolean replace(StatementCache c, TableDef table, ItemKeys.KeyBytes key,
                                  Map<String, AttributeValue> item, String expectedJson) throws SQLException {
        String sql = expectedJson == null ? PhysicalSql.replaceItem(table) : PhysicalSql.replaceItemIfUnchanged(table);
        PreparedStatement ps = c.prepare(sql);
        ps.setString(1, DynamoJson.writeItem(item));
        int next = bindLocalColumns(ps, 2, table, item);
        Executor.bindKey(ps, next, key);
        if (expectedJson != null) {
            ps.setString(next + 3, expectedJson);
        }
        return ps.executeUpdate() == 1;
    }

    /** Deletes an item; true when it existed. */
    public static boolean delete(StatementCache c, TableDef table, ItemKeys.KeyBytes key) throws SQLException {
        PreparedStatement ps = c.prepare(PhysicalSql.delete(table));
        Executor.bindKey(ps, 1, key);
        return ps.executeUpdate() == 1;
    }

    /**
     * Binds each local index column of {@link PhysicalSql#insert} / {@link PhysicalSql#replaceItem}
     * from {@code first}; returns the next parameter index. For writers that prepare those
     * statements themselves (transactions on XA branches).
     */
    public static int bindLocalColumns(PreparedStatement ps, int first, TableDef table, Map<String, AttributeValue> item)
            throws SQLException {
        int i = first;
        for (IndexDef index : table.localIndexes()) {
            byte[] value = indexKey(index, item);
            if (value == null) {
                ps.setNull(i++, Types.VARBINARY);
            } else {
                ps.setBytes(i++, value);
            }
        }
        return i;
    }

    /** The encoded sort key of a local index, or null when the item is not in the index. */
    static byte[] indexKey(IndexDef index, Map<String, AttributeValue> item) {
        AttributeValue value = item.get(index.sortKey().name());
        return ItemKeys.hasType(value, index.sortKey().type()) ? KeyCodec.encode(value) : null;
    }

    private static long kid(ItemKeys.KeyBytes key) {
        return KeyspaceId.of(key.tag(), key.pk());
    }
}
