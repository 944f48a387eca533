package dev.jdbcdynamo.engine.exec;

import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.path.AccessPath;
import dev.jdbcdynamo.planner.plan.IndexReads;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import dev.jdbcdynamo.planner.plan.PhysicalSql;
import dev.jdbcdynamo.planner.path.SortRange;
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
 * A read of one partition of a table or of a secondary index, the one place that turns a
 * partition key and a sort-key range into the physical SQL and its bound key: statements
 * (tables and indexes alike) and the item sources of index maintenance all read partitions here.
 */
record PartitionRead(String sql, ItemKeys.KeyBytes key, ByteRange bytes) {

    /**
     * The read of partition {@code pk} of {@code table}, or of its {@code index} when not null;
     * null when it matches nothing (a key value of another type than the key's: DynamoDB compares
     * without coercion, so it costs no round trip).
     */
    static PartitionRead of(TableDef table, IndexDef index, AttributeValue pk, SortRange range, boolean descending,
                            List<AttributeValue> params) {
        TableDef keys = index == null ? table : IndexReads.keySchema(table, index);
        ItemKeys.KeyBytes key = ItemKeys.forRead(keys, pk, null);
        ByteRange bytes = range.isAll() ? ByteRange.ALL : ByteRange.of(keys, range, params);
        if (key == null || bytes == null) {
            return null;
        }
        String sql = index == null ? PhysicalSql.query(table, bytes.lowerBound(), bytes.upperBound(), descending)
                : index.global()
                ? PhysicalSql.globalIndexQuery(table, index, bytes.lowerBound(), bytes.upperBound(), descending)
                : PhysicalSql.localIndexQuery(table, index, bytes.lowerBound(), bytes.upperBound(), descending);
        return new PartitionRead(sql, key, bytes);
    }

    /**
     * The partitions an IN on the partition key names: each once, ordered by type, then encoded
     * value (DynamoDB does not order results across partitions; this order is deterministic).
     */
    static List<AttributeValue> partitions(AccessPath.MultiQuery multi, List<AttributeValue> params) {
        Map<String, AttributeValue> distinct = new LinkedHashMap<>();
        for (var expr : multi.partitionValues()) {
            AttributeValue value = StatementKeys.resolve(expr, params);
            distinct.putIfAbsent(DynamoJson.canonicalValue(value), value);
        }
        List<AttributeValue> partitions = new ArrayList<>(distinct.values());
        Comparator<AttributeValue> byKey = Comparator.comparing(PartitionRead::sortableKey, Arrays::compareUnsigned);
        partitions.sort(multi.descending() ? byKey.reversed() : byKey);
        return partitions;
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

    /** Binds the key and the range to {@code ps} (prepared from {@link #sql}) and reads the items. */
    List<Map<String, AttributeValue>> run(PreparedStatement ps) throws SQLException {
        bytes.bind(ps, key);
        return items(ps);
    }

    /** The items a prepared read answers (their stored JSON in the first column). */
    static List<Map<String, AttributeValue>> items(PreparedStatement ps) throws SQLException {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(DynamoJson.readItem(rs.getBytes(1)));
            }
        }
        return out;
    }
}
