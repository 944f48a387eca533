package dev.jdbcdynamo.engine.exec;

import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.path.AccessPath;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import dev.jdbcdynamo.planner.plan.PhysicalSql;
import dev.jdbcdynamo.planner.path.SortRange;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the items an access path names. A key value whose type differs from the key's matches
 * nothing (DynamoDB compares without coercion), so it costs no round trip.
 */
final class ItemReader {

    List<Map<String, AttributeValue>> read(RoutedSession c, TableDef table, AccessPath path, List<AttributeValue> params)
            throws SQLException {
        if (path instanceof AccessPath.GetItem get) {
            ItemKeys.KeyBytes key = StatementKeys.values(get, params).read(table);
            if (key == null) {
                return List.of();
            }
            PreparedStatement ps = c.prepare(PhysicalSql.getItem(table));
            Executor.bindKey(ps, 1, key);
            return items(ps);
        } else if (path instanceof AccessPath.Query query) {
            return partition(c, table, StatementKeys.resolve(query.partitionValue(), params), query.range(),
                    query.descending(), params);
        } else if (path instanceof AccessPath.MultiQuery multi) {
            List<Map<String, AttributeValue>> out = new ArrayList<>();
            for (AttributeValue pk : PartitionRead.partitions(multi, params)) {
                out.addAll(partition(c, table, pk, multi.range(), multi.descending(), params));
            }
            return out;
        } else if (path instanceof AccessPath.Scan) {
            PreparedStatement ps = c.prepare(PhysicalSql.scan(table));
            return items(ps);
        }
        throw new AssertionError("unknown access path " + path);
    }

    private static List<Map<String, AttributeValue>> partition(RoutedSession c, TableDef table, AttributeValue pk,
                                                               SortRange range, boolean descending,
                                                               List<AttributeValue> params) throws SQLException {
        PartitionRead read = PartitionRead.of(table, null, pk, range, descending, params);
        return read == null ? List.of() : read.run(c.prepare(read.sql()));
    }

    private static List<Map<String, AttributeValue>> items(PreparedStatement ps) throws SQLException {
        return PartitionRead.items(ps);
    }
}
