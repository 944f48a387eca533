package dev.jdbcdynamo.driver.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdbcdynamo.api.DynamoResultSet;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks that an index holds exactly what its definition computes from the base table: every
 * entry present, none extra, none stale, each found by a query on its own partition key (so on
 * the right shard). Computed here from the definition, independently of the driver's code.
 */
final class IndexChecks {
    private IndexChecks() {
    }

    /** An index as the test defines it: keys and projection (null {@code include} for ALL, empty for KEYS_ONLY). */
    record Index(String name, String partitionKey, String sortKey, Set<String> include) {
    }

    /** Asserts the index of {@code table} (keys {@code tableKeys}) against the base items read now. */
    static void assertExact(Connection c, String table, Collection<String> tableKeys, Index index) throws SQLException {
        List<Map<String, AttributeValue>> base = items(c, "SELECT * FROM \"" + table + "\"");
        List<String> expected = new ArrayList<>();
        Map<String, List<String>> expectedByPartition = new TreeMap<>();
        for (Map<String, AttributeValue> item : base) {
            AttributeValue pk = item.get(index.partitionKey());
            if (pk == null || (index.sortKey() != null && item.get(index.sortKey()) == null)) {
                continue;
            }
            String entry = canonical(project(item, tableKeys, index));
            expected.add(entry);
            expectedByPartition.computeIfAbsent(DynamoJson.writeValue(pk), k -> new ArrayList<>()).add(entry);
        }
        List<String> actual = canonicalAll(items(c, "SELECT * FROM \"" + table + "\".\"" + index.name() + "\""));
        expected.sort(null);
        assertThat(actual).as("every entry of index %s (sorted canonical items)", index.name())
                .containsExactlyElementsOf(expected);
        // Each partition is found by a query on its key, so on the shard the ring gives it
        // (a sample of at most 100 partitions keeps the check quick).
        int every = Math.max(1, expectedByPartition.size() / 100);
        int n = 0;
        for (Map.Entry<String, List<String>> partition : expectedByPartition.entrySet()) {
            if (n++ % every != 0) {
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM \"" + table + "\".\"" + index.name()
                    + "\" WHERE \"" + index.partitionKey() + "\" = ?")) {
                ps.setObject(1, DynamoJson.readValue(partition.getKey()));
                List<String> found = canonicalAll(items(ps));
                List<String> want = new ArrayList<>(partition.getValue());
                want.sort(null);
                assertThat(found).as("partition %s of index %s", partition.getKey(), index.name())
                        .containsExactlyElementsOf(want);
            }
        }
    }

    private static Map<String, AttributeValue> project(Map<String, AttributeValue> item, Collection<String> tableKeys,
                                                       Index index) {
        if (index.include() == null) {
            return item;
        }
        Set<String> keep = new TreeSet<>(tableKeys);
        keep.add(index.partitionKey());
        if (index.sortKey() != null) {
            keep.add(index.sortKey());
        }
        keep.addAll(index.include());
        Map<String, AttributeValue> out = new TreeMap<>();
        item.forEach((k, v) -> {
            if (keep.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    static List<Map<String, AttributeValue>> items(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return read(rs);
        }
    }

    private static List<Map<String, AttributeValue>> items(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return read(rs);
        }
    }

    private static List<Map<String, AttributeValue>> read(ResultSet rs) throws SQLException {
        DynamoResultSet items = rs.unwrap(DynamoResultSet.class);
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        while (rs.next()) {
            out.add(DynamoJson.readItem(items.itemJson()));
        }
        return out;
    }

    private static List<String> canonicalAll(List<Map<String, AttributeValue>> items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(canonical(i)));
        out.sort(null);
        return out;
    }

    private static String canonical(Map<String, AttributeValue> item) {
        return DynamoJson.canonicalItem(item);
    }
}
