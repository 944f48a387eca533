package dev.jdbcdynamo.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.api.DynamoSqlException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SQL extensions give the rows the same computation gives in Java over all items: random data
 * (seeded) on several shard counts, aggregates, GROUP BY, HAVING, ORDER BY/LIMIT/OFFSET, DISTINCT,
 * a JOIN, a subquery and {@code WHERE 1=0}.
 */
class SqlExtensionsTest {

    /** An order as the test generated it; amount may be missing. */
    private record Order(String customer, int seq, BigDecimal amount, String category) {
    }

    @ParameterizedTest
    @CsvSource({"1, 11", "2, 22", "3, 33"})
    void extensionsAgreeWithJava(int shards, long seed) throws Exception {
        Random random = new Random(seed);
        List<Order> orders = new ArrayList<>();
        Map<String, String> regions = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(TestServer.memUrl("sqlext" + shards, shards));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (customer STRING PARTITION KEY, seq NUMBER SORT KEY, amount NUMBER,"
                    + " category STRING)");
            s.execute("CREATE TABLE customers (customer STRING PARTITION KEY, region STRING)");
            for (int i = 0; i < 30; i++) {
                String customer = "c" + i;
                String region = "r" + random.nextInt(4);
                regions.put(customer, region);
                s.executeUpdate("INSERT INTO customers VALUE {'customer': '" + customer + "', 'region': '" + region
                        + "'}");
                int count = random.nextInt(6);
                for (int seq = 0; seq < count; seq++) {
                    BigDecimal amount = random.nextInt(8) == 0 ? null
                            : BigDecimal.valueOf(random.nextInt(20_000) - 2_000, 2);
                    String category = "k" + random.nextInt(3);
                    orders.add(new Order(customer, seq, amount, category));
                    s.executeUpdate("INSERT INTO orders VALUE {'customer': '" + customer + "', 'seq': " + seq
                            + (amount == null ? "" : ", 'amount': " + amount.toPlainString())
                            + ", 'category': '" + category + "', 'note': 'n" + seq + "'}");
                }
            }

            // Aggregates with GROUP BY.
            List<String> expected = new ArrayList<>();
            Map<String, List<Order>> byCategory = orders.stream()
                    .collect(Collectors.groupingBy(Order::category, TreeMap::new, Collectors.toList()));
            byCategory.forEach((category, list) -> {
                List<BigDecimal> amounts = list.stream().map(Order::amount).filter(Objects::nonNull).toList();
                expected.add(category + " " + list.size() + " " + num(amounts.stream().reduce(BigDecimal::add).orElse(null))
                        + " " + num(amounts.stream().min(Comparator.naturalOrder()).orElse(null))
                        + " " + num(amounts.stream().max(Comparator.naturalOrder()).orElse(null)));
            });
            assertThat(rows(s, "SELECT category, COUNT(*) AS n, SUM(amount) AS total, MIN(amount) AS lo,"
                    + " MAX(amount) AS hi FROM orders GROUP BY category ORDER BY category"))
                    .containsExactlyElementsOf(expected);

            // ORDER BY any attribute, LIMIT and OFFSET.
            List<String> top = orders.stream().filter(o -> o.amount() != null)
                    .sorted(Comparator.comparing(Order::amount).reversed().thenComparing(Order::customer)
                            .thenComparing(Order::seq))
                    .skip(2).limit(5).map(o -> o.customer() + " " + o.seq() + " " + num(o.amount())).toList();
            assertThat(rows(s, "SELECT customer, seq, amount FROM orders WHERE amount IS NOT NULL"
                    + " ORDER BY amount DESC, customer, seq LIMIT 5 OFFSET 2")).containsExactlyElementsOf(top);
            try (PreparedStatement ps = c.prepareStatement("SELECT customer, seq, amount FROM orders"
                    + " WHERE amount IS NOT NULL ORDER BY amount DESC, customer, seq LIMIT ? OFFSET ?")) {
                ps.setInt(1, 5);
                ps.setInt(2, 2);
                assertThat(rows(ps.executeQuery())).containsExactlyElementsOf(top);
            }

            // A JOIN, grouped, with HAVING.
            Map<String, List<Order>> byRegion = orders.stream()
                    .collect(Collectors.groupingBy(o -> regions.get(o.customer()), TreeMap::new, Collectors.toList()));
            List<String> joined = new ArrayList<>();
            byRegion.forEach((region, list) -> {
                if (list.size() > 1) {
                    BigDecimal sum = list.stream().map(Order::amount).filter(Objects::nonNull)
                            .reduce(BigDecimal::add).orElse(null);
                    joined.add(region + " " + list.size() + " " + num(sum));
                }
            });
            assertThat(rows(s, "SELECT cu.region, COUNT(*) AS n, SUM(o.amount) AS total FROM orders o"
                    + " JOIN customers cu ON o.customer = cu.customer GROUP BY cu.region HAVING COUNT(*) > 1"
                    + " ORDER BY cu.region")).containsExactlyElementsOf(joined);

            // DISTINCT, a subquery, a partition-key filter, an attribute that is not declared.
            assertThat(rows(s, "SELECT DISTINCT category FROM orders ORDER BY category"))
                    .containsExactlyElementsOf(byCategory.keySet());
            List<String> bigSpenders = new ArrayList<>(new TreeSet<>(orders.stream()
                    .filter(o -> o.amount() != null && o.amount().compareTo(BigDecimal.valueOf(50)) > 0)
                    .map(Order::customer).toList()));
            assertThat(rows(s, "SELECT customer FROM customers WHERE customer IN"
                    + " (SELECT customer FROM orders WHERE amount > 50) ORDER BY customer"))
                    .containsExactlyElementsOf(bigSpenders);
            long ofC1 = orders.stream().filter(o -> o.customer().equals("c1")).count();
            assertThat(rows(s, "SELECT COUNT(*) AS n FROM orders WHERE customer = 'c1'")).containsExactly("" + ofC1);
            long notes = orders.stream().filter(o -> o.seq() == 0).count();
            assertThat(rows(s, "SELECT COUNT(*) AS n FROM orders WHERE CAST(item['note'] AS VARCHAR) = 'n0'"))
                    .containsExactly("" + notes);

            // WHERE 1=0: no rows, the columns are known.
            try (ResultSet rs = s.executeQuery("SELECT customer, amount FROM orders WHERE 1=0")) {
                ResultSetMetaData md = rs.getMetaData();
                assertThat(md.getColumnCount()).isEqualTo(2);
                assertThat(md.getColumnLabel(2)).isEqualTo("amount");
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"SELECT COUNT(*) FROM t", "SELECT k FROM t LIMIT 1"})
    void partiqlKeepsDynamoDbsErrors(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(TestServer.memUrl("sqlextpartiql", 2) + "&language=partiql");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS t (k STRING PARTITION KEY)");
            assertThatThrownBy(() -> s.executeQuery(sql)).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(((DynamoSqlException) e).errorName()).isEqualTo("ValidationException"));
        }
    }

    private static String num(BigDecimal d) {
        return d == null ? "null" : d.stripTrailingZeros().toPlainString();
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        return rows(s.executeQuery(sql));
    }

    private static List<String> rows(ResultSet rs) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    values.add(v instanceof BigDecimal d ? num(d) : String.valueOf(v));
                }
                out.add(String.join(" ", values));
            }
        }
        return out;
    }
}
