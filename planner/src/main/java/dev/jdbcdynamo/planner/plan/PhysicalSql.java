package dev.jdbcdynamo.planner.plan;

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

    /** Parameters: kid, pk, sk, item. */
    public static String insert(TableDef table) {
        return "INSERT INTO " + table.physicalName() + " (kid, pk, sk, item) VALUES (?, ?, ?, ?)";
    }

    /** Parameters: item, kid, pk, sk. */
    public static String replaceItem(TableDef table) {
        return "UPDATE " + table.physicalName() + " SET item = ? WHERE kid = ? AND pk = ? AND sk = ?";
    }

    /** Parameters: item, kid, pk, sk, the item as read: writes only if nobody changed it meanwhile. */
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
