package dev.jdbcdynamo.driver.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdbcdynamo.driver.IndexTestSupport;
import dev.jdbcdynamo.engine.exec.ItemWriter;
import dev.jdbcdynamo.engine.exec.StatementCache;
import dev.jdbcdynamo.planner.catalog.CatalogJson;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import dev.jdbcdynamo.sharding.HashRing;
import dev.jdbcdynamo.sharding.KeyspaceId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * {@link ItemWriter} on a direct shard connection in a local transaction (as a two-phase commit
 * branch would use it): the base row, its local index column and its change-log row commit or
 * roll back together, and the global index follows what was committed.
 */
class ItemWriterTest {
    private static final String NAME = "item_writer";

    @Test
    void writesOnADirectShardConnectionCommitOrRollBackWithTheirIndexChanges() throws Exception {
        Properties p = new Properties();
        p.setProperty("gsiReadYourWrites", "true");
        try (Connection c = DriverManager.getConnection(IndexTestSupport.memUrl(NAME, 2), p);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"W\" (id STRING PARTITION KEY, n NUMBER SORT KEY, g STRING, score NUMBER,"
                    + " LOCAL INDEX \"ByScore\" (score), GLOBAL INDEX \"ByG\" (g))");
            TableDef table = table();
            Map<String, AttributeValue> item = DynamoJson.readItem(
                    "{\"id\":{\"S\":\"a\"},\"n\":{\"N\":\"1\"},\"g\":{\"S\":\"x\"},\"score\":{\"N\":\"5\"}}");
            ItemKeys.KeyBytes key = ItemKeys.ofItem(table, item);
            String shardDb = "dynamo_mem_" + NAME + "_"
                    + HashRing.of(List.of("ds_0", "ds_1")).shardFor(KeyspaceId.of(key.tag(), key.pk())).substring(3);

            try (Connection shard = IndexTestSupport.direct(shardDb); StatementCache writer = StatementCache.of(shard)) {
                shard.setAutoCommit(false);
                ItemWriter.insert(writer, table, key, item);
                shard.rollback();
                assertThat(count(shard, "SELECT COUNT(*) FROM dynamo_changes")).isZero();
                assertThat(ids(s, "SELECT id FROM \"W\".\"ByG\" WHERE g = 'x'")).isEmpty();

                ItemWriter.insert(writer, table, key, item);
                shard.commit();
                assertThat(ids(s, "SELECT id FROM \"W\".\"ByG\" WHERE g = 'x'")).containsExactly("a");
                assertThat(ids(s, "SELECT id FROM \"W\".\"ByScore\" WHERE id = 'a' AND score = 5")).containsExactly("a");

                Map<String, AttributeValue> moved = DynamoJson.readItem(
                        "{\"id\":{\"S\":\"a\"},\"n\":{\"N\":\"1\"},\"g\":{\"S\":\"y\"}}");
                assertThat(ItemWriter.replace(writer, table, key, moved, "{\"not\":{\"S\":\"stored\"}}")).isFalse();
                assertThat(ItemWriter.replace(writer, table, key, moved, null)).isTrue();
                shard.commit();
                assertThat(ids(s, "SELECT id FROM \"W\".\"ByG\" WHERE g = 'x'")).isEmpty();
                assertThat(ids(s, "SELECT id FROM \"W\".\"ByG\" WHERE g = 'y'")).containsExactly("a");
                assertThat(ids(s, "SELECT id FROM \"W\".\"ByScore\" WHERE id = 'a'")).isEmpty();

                assertThat(ItemWriter.delete(writer, table, key)).isTrue();
                shard.commit();
                assertThat(ids(s, "SELECT id FROM \"W\".\"ByG\" WHERE g = 'y'")).isEmpty();
                assertThat(ItemWriter.delete(writer, table, key)).isFalse();
                shard.commit();
            }
        }
    }

    private static TableDef table() throws SQLException {
        try (Connection d = IndexTestSupport.direct("dynamo_mem_" + NAME + "_0"); Statement s = d.createStatement();
             ResultSet rs = s.executeQuery("SELECT definition FROM dynamo_catalog WHERE name = 'W'")) {
            assertThat(rs.next()).isTrue();
            return CatalogJson.read(rs.getString(1));
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> ids(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString("id"));
            }
        }
        return out;
    }
}
