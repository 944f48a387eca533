package dev.jdbcdynamo.engine.exec;

import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.plan.AccessPath;
import dev.jdbcdynamo.planner.plan.IndexReads;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import dev.jdbcdynamo.planner.plan.PhysicalSql;
import dev.jdbcdynamo.planner.plan.SortRange;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a secondary index. A local index is its column of the base table, read on the base
 * partition's shard (strongly consistent, as in DynamoDB); a global index is its own table, read on
 * the shard of the index partition key. Both hold whole items: the index projection is applied
 * after the filter ({@link #project}).
 */
final class IndexReader {

    List<Map<String, AttributeValue>> read(RoutedSession c, TableDef table, AccessPath.IndexQuery query,
                                           List<AttributeValue> params) throws SQLException {
        IndexDef index = query.index();
        TableDef keys = IndexReads.keySchema(table, index);
        AccessPath path = query.path();
        if (path instanceof AccessPath.Query q) {
            return partition(c, table, index, keys, KeyValues.resolve(q.partitionValue(), params), q.range(),
                    q.descending(), params);
        } else if (path instanceof AccessPath.MultiQuery multi) {
            Map<String, AttributeValue> distinct = new LinkedHashMap<>();
            for (var expr : multi.partitionValues()) {
                AttributeValue value = KeyValues.resolve(expr, params);
                distinct.putIfAbsent(DynamoJson.canonicalValue(value), value);
            }
            List<Map<String, AttributeValue>> out = new ArrayList<>();
            for (AttributeValue pk : distinct.values()) {
                out.addAll(partition(c, table, index, keys, pk, multi.range(), multi.descending(), params));
            }
            return out;
        } else if (path instanceof AccessPath.Scan) {
            String sql = index.global() ? PhysicalSql.globalIndexScan(table, index)
                    : PhysicalSql.localIndexScan(table, index);
            return items(c.prepare(sql));
        }
        throw new AssertionError("an index is not read by " + path);
    }

    private static List<Map<String, AttributeValue>> partition(RoutedSession c, TableDef table, IndexDef index,
                                                               TableDef keys, AttributeValue pk, SortRange range,
                                                               boolean descending, List<AttributeValue> params)
            throws SQLException {
        ItemKeys.KeyBytes key = ItemKeys.forRead(keys, pk, null);
        if (key == null) {
            return List.of();
        }
        ByteRange bytes = ByteRange.ALL;
        if (!range.isAll()) {
            bytes = ByteRange.of(keys, range, params);
            if (bytes == null) {
                return List.of();
            }
        }
        String sql = index.global()
                ? PhysicalSql.globalIndexQuery(table, index, bytes.lowerBound(), bytes.upperBound(), descending)
                : PhysicalSql.localIndexQuery(table, index, bytes.lowerBound(), bytes.upperBound(), descending);
        PreparedStatement ps = c.prepare(sql);
        bytes.bind(ps, key);
        return items(ps);
    }

    /** What {@code SELECT *} of an index returns: the attributes the index projects. */
    static Map<String, AttributeValue> project(TableDef table, IndexDef index, Map<String, AttributeValue> item) {
        if (index.projection() == IndexDef.IndexProjection.ALL) {
            return item;
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (index.projects(name, table)) {
                out.put(name, value);
            }
        });
        return out;
    }

    private static List<Map<String, AttributeValue>> items(PreparedStatement ps) throws SQLException {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(DynamoJson.readItem(rs.getBytes(1)));
            }
        }
        return out;
    }
}
