package dev.jdbcdynamo.planner.plan;

import dev.jdbcdynamo.planner.path.SortRange;
import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.TableDef;

/**
 * The SQL text sent (through ShardingSphere) to the shards, over the storage model: every
 * statement routes on {@code kid} and compares the encoded key columns; values are always
 * {@code ?} slots, never text.
 */
public final class PhysicalSql {
    private PhysicalSql() {
    }

    /** Parameters: kid, pk, sk. */
    public static String getItem(TableDef table) {
        return "SELECT item FROM " + table.physicalName() + " WHERE kid = ? AND pk = ? AND sk = ?";
    }

    /** Parameters: kid, pk, sk; locks the row (or the gap) until commit. */
    public static String getItemForUpdate(TableDef table) {
        return getItem(table) + " FOR UPDATE";
    }

    /**
     * A partition in sort-key order. Parameters: kid, pk, then the lower bound if {@code lower},
     * then the upper bound if {@code upper}.
     */
    public static String query(TableDef table, Bound lower, Bound upper, boolean descending) {
        StringBuilder sql = new StringBuilder("SELECT item FROM ").append(table.physicalName())
                .append(" WHERE kid = ? AND pk = ?");
        if (lower != Bound.NONE) {
            sql.append(lower == Bound.INCLUSIVE ? " AND sk >= ?" : " AND sk > ?");
        }
        if (upper != Bound.NONE) {
            sql.append(upper == Bound.INCLUSIVE ? " AND sk <= ?" : " AND sk < ?");
        }
        return sql.append(descending ? " ORDER BY sk DESC" : " ORDER BY sk").toString();
    }

    /** Every item of every shard; no ORDER BY (ShardingSphere cannot merge VARBINARY order). */
    public static String scan(TableDef table) {
        return "SELECT item FROM " + table.physicalName();
    }

    /** Parameters: kid, pk, sk, item, then each local index column (see {@link TableDef#localIndexes()}). */
    public static String insert(TableDef table) {
        StringBuilder columns = new StringBuilder("kid, pk, sk, item");
        StringBuilder slots = new StringBuilder("?, ?, ?, ?");
        for (IndexDef index : table.localIndexes()) {
            columns.append(", ").append(index.localColumn());
            slots.append(", ?");
        }
        return "INSERT INTO " + table.physicalName() + " (" + columns + ") VALUES (" + slots + ")";
    }

    /** Parameters: item, each local index column, then kid, pk, sk. */
    public static String replaceItem(TableDef table) {
        StringBuilder sql = new StringBuilder("UPDATE ").append(table.physicalName()).append(" SET item = ?");
        for (IndexDef index : table.localIndexes()) {
            sql.append(", ").append(index.localColumn()).append(" = ?");
        }
        return sql.append(" WHERE kid = ? AND pk = ? AND sk = ?").toString();
    }

    /**
     * A local index's range of one partition, in index sort-key order (ties by the table's sort
     * key); items without the index key are not in the index. Parameters: kid, pk, then the bounds.
     */
    public static String localIndexQuery(TableDef table, IndexDef index, Bound lower, Bound upper, boolean descending) {
        String column = index.localColumn();
        StringBuilder sql = new StringBuilder("SELECT item FROM ").append(table.physicalName())
                .append(" WHERE kid = ? AND pk = ? AND ").append(column).append(" IS NOT NULL");
        appendBounds(sql, column, lower, upper);
        String direction = descending ? " DESC" : "";
        return sql.append(" ORDER BY ").append(column).append(direction).append(", sk").append(direction).toString();
    }

    /** Every item a local index holds, on every shard. */
    public static String localIndexScan(TableDef table, IndexDef index) {
        return "SELECT item FROM " + table.physicalName() + " WHERE " + index.localColumn() + " IS NOT NULL";
    }

    /**
     * A global index's range of one index partition, in index sort-key order (ties by the base
     * table's key). Parameters: kid of the index partition key, gpk, then the bounds.
     */
    public static String globalIndexQuery(TableDef table, IndexDef index, Bound lower, Bound upper, boolean descending) {
        StringBuilder sql = new StringBuilder("SELECT item FROM ").append(table.globalIndexTable(index))
                .append(" WHERE kid = ? AND gpk = ?");
        appendBounds(sql, "gsk", lower, upper);
        String direction = descending ? " DESC" : "";
        return sql.append(" ORDER BY gsk").append(direction).append(", pk").append(direction)
                .append(", sk").append(direction).toString();
    }

    /** Every entry of a global index, on every shard. */
    public static String globalIndexScan(TableDef table, IndexDef index) {
        return "SELECT item FROM " + table.globalIndexTable(index);
    }

    private static void appendBounds(StringBuilder sql, String column, Bound lower, Bound upper) {
        if (lower != Bound.NONE) {
            sql.append(" AND ").append(column).append(lower == Bound.INCLUSIVE ? " >= ?" : " > ?");
        }
        if (upper != Bound.NONE) {
            sql.append(" AND ").append(column).append(upper == Bound.INCLUSIVE ? " <= ?" : " < ?");
        }
    }

    /** Parameters: item, each local index column, kid, pk, sk, the item as read: writes only if nobody changed it meanwhile. */
    public static String replaceItemIfUnchanged(TableDef table) {
        return replaceItem(table) + " AND item = ?";
    }

    /** Parameters: kid, pk, sk. */
    public static String delete(TableDef table) {
        return "DELETE FROM " + table.physicalName() + " WHERE kid = ? AND pk = ? AND sk = ?";
    }

    /** The lower bound a sort range needs in SQL (a prefix is an inclusive lower bound). */
    public static Bound lowerBound(SortRange r) {
        if (r.lower() == null && r.prefix() == null) {
            return Bound.NONE;
        }
        return r.prefix() != null || r.lowerInclusive() ? Bound.INCLUSIVE : Bound.EXCLUSIVE;
    }

    /** The upper bound a sort range needs in SQL (a prefix has an exclusive one, its successor). */
    public static Bound upperBound(SortRange r) {
        if (r.upper() != null) {
            return r.upperInclusive() ? Bound.INCLUSIVE : Bound.EXCLUSIVE;
        }
        return r.prefix() != null ? Bound.EXCLUSIVE : Bound.NONE;
    }

    /** A range bound of a query. */
    public enum Bound {
        NONE, INCLUSIVE, EXCLUSIVE
    }
}
