package dev.jdbcdynamo.engine.exec;

import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.plan.AccessPath;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import dev.jdbcdynamo.planner.plan.PhysicalSql;
import dev.jdbcdynamo.planner.plan.SortRange;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import dev.jdbcdynamo.planner.value.KeyCodec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
            AttributeValue pk = KeyValues.resolve(get.partitionValue(), params);
            AttributeValue sk = get.sortValue() == null ? null : KeyValues.resolve(get.sortValue(), params);
            ItemKeys.KeyBytes key = ItemKeys.forRead(table, pk, sk);
            if (key == null) {
                return List.of();
            }
            PreparedStatement ps = c.prepare(PhysicalSql.getItem(table));
            Executor.bindKey(ps, 1, key);
            return items(ps);
        } else if (path instanceof AccessPath.Query query) {
            return partition(c, table, KeyValues.resolve(query.partitionValue(), params), query.range(),
                    query.descending(), params);
        } else if (path instanceof AccessPath.MultiQuery multi) {
            Map<String, AttributeValue> distinct = new LinkedHashMap<>();
            for (var expr : multi.partitionValues()) {
                AttributeValue value = KeyValues.resolve(expr, params);
                distinct.putIfAbsent(DynamoJson.canonicalValue(value), value);
            }
            List<AttributeValue> partitions = new ArrayList<>(distinct.values());
            Comparator<AttributeValue> byKey = Comparator.comparing(ItemReader::sortableKey, Arrays::compareUnsigned);
            partitions.sort(multi.descending() ? byKey.reversed() : byKey);
            List<Map<String, AttributeValue>> out = new ArrayList<>();
            for (AttributeValue pk : partitions) {
                out.addAll(partition(c, table, pk, multi.range(), multi.descending(), params));
            }
            return out;
        } else if (path instanceof AccessPath.Scan) {
            PreparedStatement ps = c.prepare(PhysicalSql.scan(table));
            return items(ps);
        }
        throw new AssertionError("unknown access path " + path);
    }

    /** Orders partitions of mixed types deterministically: by type tag, then encoded value. */
    private static byte[] sortableKey(AttributeValue value) {
        if (!(value instanceof AttributeValue.S || value instanceof AttributeValue.N || value instanceof AttributeValue.B)) {
            return new byte[] {(byte) 0xFF};
        }
        byte[] encoded = KeyCodec.encode(value);
        byte[] out = new byte[encoded.length + 1];
        out[0] = KeyCodec.typeTag(value);
        System.arraycopy(encoded, 0, out, 1, encoded.length);
        return out;
    }

    private List<Map<String, AttributeValue>> partition(RoutedSession c, TableDef table, AttributeValue pk, SortRange range,
                                                        boolean descending, List<AttributeValue> params)
            throws SQLException {
        ItemKeys.KeyBytes key = ItemKeys.forRead(table, pk, null);
        if (key == null) {
            return List.of();
        }
        ByteRange bytes = ByteRange.ALL;
        if (!range.isAll()) {
            bytes = ByteRange.of(table, range, params);
            if (bytes == null) {
                return List.of();
            }
        }
        String sql = PhysicalSql.query(table, bytes.lowerBound(), bytes.upperBound(), descending);
        PreparedStatement ps = c.prepare(sql);
        bytes.bind(ps, key);
        return items(ps);
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
