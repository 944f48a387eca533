package dev.jdbcdynamo.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdbcdynamo.api.DynamoResultSet;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end through DriverManager on 4 real MariaDB shards: 1,000 items over 100 partition
 * keys, read back by key and by partition, and checked in the shard databases themselves.
 */
class WalkingSkeletonTest {
    private static final String DB = "skeleton";
    private static Connection conn;
    private static final Map<String, String> INSERTED = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws Exception {
        conn = DriverManager.getConnection(TestServer.memUrl(DB, 4));
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE \"Orders\" (customer_id STRING PARTITION KEY, order_date STRING SORT KEY,"
                    + " total NUMBER)");
        }
        Random random = new Random(42);
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO \"Orders\" VALUE {'customer_id': ?, 'order_date': ?, 'total': ?, 'note': ?,"
                        + " 'tags': ?, 'paid': ?}")) {
            for (int c = 0; c < 100; c++) {
                for (int o = 0; o < 10; o++) {
                    String customer = "c" + c;
                    String date = String.format("2024-%02d-%02d", 1 + random.nextInt(12), 1 + o * 2);
                    BigDecimal total = BigDecimal.valueOf(random.nextInt(100_000), 2);
                    ps.setString(1, customer);
                    ps.setString(2, date);
                    ps.setBigDecimal(3, total);
                    ps.setString(4, "order " + o + " of " + customer + " \u00e9\u4e2d");
                    ps.setObject(5, Set.of("t" + (o % 3)));
                    ps.setBoolean(6, o % 2 == 0);
                    if (INSERTED.containsKey(customer + "|" + date)) {
                        continue;
                    }
                    assertThat(ps.executeUpdate()).isEqualTo(1);
                    Map<String, AttributeValue> item = new LinkedHashMap<>();
                    item.put("customer_id", new AttributeValue.S(customer));
                    item.put("order_date", new AttributeValue.S(date));
                    item.put("total", new AttributeValue.N(total));
                    item.put("note", new AttributeValue.S("order " + o + " of " + customer + " \u00e9\u4e2d"));
                    item.put("tags", new AttributeValue.SS(Set.of("t" + (o % 3))));
                    item.put("paid", AttributeValue.Bool.of(o % 2 == 0));
                    INSERTED.put(customer + "|" + date, DynamoJson.canonicalItem(item));
                }
            }
        }
        assertThat(INSERTED).hasSizeGreaterThan(900);
    }

    @AfterAll
    static void close() throws Exception {
        conn.close();
    }

    @Test
    void everyItemReadsBackByKeyIdentically() throws Exception {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT * FROM \"Orders\" WHERE customer_id = ? AND order_date = ?")) {
            for (Map.Entry<String, String> e : INSERTED.entrySet()) {
                String[] key = e.getKey().split("\\|");
                ps.setString(1, key[0]);
                ps.setString(2, key[1]);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).as("item %s", e.getKey()).isTrue();
                    String json = rs.unwrap(DynamoResultSet.class).itemJson();
                    assertThat(DynamoJson.canonicalItem(DynamoJson.readItem(json))).isEqualTo(e.getValue());
                    assertThat(rs.getString("customer_id")).isEqualTo(key[0]);
                    assertThat(rs.getBigDecimal("total")).isInstanceOf(BigDecimal.class);
                    assertThat(rs.next()).isFalse();
                }
            }
        }
    }

    @Test
    void partitionQueriesReturnItemsInSortKeyOrder() throws Exception {
        Map<String, List<String>> expected = new HashMap<>();
        INSERTED.keySet().forEach(k -> expected.computeIfAbsent(k.split("\\|")[0], x -> new ArrayList<>())
                .add(k.split("\\|")[1]));
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM \"Orders\" WHERE customer_id = ?")) {
            for (Map.Entry<String, List<String>> e : expected.entrySet()) {
                ps.setString(1, e.getKey());
                List<String> dates = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        dates.add(rs.getString("order_date"));
                    }
                }
                assertThat(dates).containsExactlyElementsOf(e.getValue().stream().sorted().toList());
            }
        }
    }

    @Test
    void itemsAreSpreadOverAllShardsAndEachPartitionSitsOnOneShard() throws Exception {
        long physicalId;
        try (Connection direct = TestServer.direct("dynamo_mem_" + DB + "_0");
             Statement s = direct.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM dynamo_catalog WHERE name = 'Orders'")) {
            assertThat(rs.next()).isTrue();
            physicalId = rs.getLong(1);
        }
        Map<String, Integer> shardOfCustomer = new HashMap<>();
        int total = 0;
        for (int shard = 0; shard < 4; shard++) {
            Set<String> customers = new HashSet<>();
            int count = 0;
            try (Connection direct = TestServer.direct("dynamo_mem_" + DB + "_" + shard);
                 Statement s = direct.createStatement();
                 ResultSet rs = s.executeQuery("SELECT item FROM dt_" + physicalId)) {
                while (rs.next()) {
                    count++;
                    customers.add(((AttributeValue.S) DynamoJson.readItem(rs.getString(1)).get("customer_id")).value());
                }
            }
            assertThat(count).as("items on shard %d", shard).isGreaterThan(0);
            for (String customer : customers) {
                Integer previous = shardOfCustomer.put(customer, shard);
                assertThat(previous).as("customer %s on two shards", customer).isNull();
            }
            total += count;
        }
        assertThat(total).isEqualTo(INSERTED.size());
        assertThat(shardOfCustomer).hasSize(100);
    }
}
