package dev.jdbcdynamo.engine.exec;

import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.path.AccessPath;
import dev.jdbcdynamo.planner.plan.PhysicalSql;
import dev.jdbcdynamo.planner.path.SortRange;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.sql.PreparedStatement;
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
        AccessPath path = query.path();
        if (path instanceof AccessPath.Query q) {
            return partition(c, table, index, StatementKeys.resolve(q.partitionValue(), params), q.range(),
                    q.descending(), params);
        } else if (path instanceof AccessPath.MultiQuery multi) {
            List<Map<String, AttributeValue>> out = new ArrayList<>();
            for (AttributeValue pk : PartitionRead.partitions(multi, params)) {
                out.addAll(partition(c, table, index, pk, multi.range(), multi.descending(), params));
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
                                                               AttributeValue pk, SortRange range, boolean descending,
                                                               List<AttributeValue> params) throws SQLException {
        PartitionRead read = PartitionRead.of(table, index, pk, range, descending, params);
        return read == null ? List.of() : read.run(c.prepare(read.sql()));
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
        return PartitionRead.items(ps);
    }
}
