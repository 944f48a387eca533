package dev.jdbcdynamo.samples;

import dev.jdbcdynamo.driver.DynamoDriver;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Spring's JdbcTemplate on jdbc:dynamo: DDL, parameterised writes, a row mapper over a key
 * query, queryForList, and Spring's exception translation of DynamoDB's errors (a duplicate key
 * is a DataIntegrityViolationException, from the driver's SQLState 23000).
 *
 * <p>Run: {@code ./mvnw -q -B install -DskipTests && ./mvnw -q -B -pl samples exec:java
 * -Dexec.mainClass=dev.jdbcdynamo.samples.SpringJdbc}. An application would use a pool
 * (HikariCP with the driver's URL) instead of the single connection used here.
 */
public final class SpringJdbc {
    /** One order, as the row mapper reads it. */
    record Order(String customer, String date, BigDecimal total) {
    }

    private SpringJdbc() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "jdbc:dynamo:mem:springjdbc";
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, true);
        dataSource.setDriverClassName(DynamoDriver.class.getName());
        try {
            run(new JdbcTemplate(dataSource));
        } finally {
            dataSource.destroy();
        }
    }

    static List<Order> run(JdbcTemplate jdbc) {
        jdbc.execute("DROP TABLE IF EXISTS \"Orders\"");
        jdbc.execute("CREATE TABLE \"Orders\" (customer_id STRING PARTITION KEY, order_date STRING SORT KEY,"
                + " total NUMBER)");
        String insert = "INSERT INTO \"Orders\" VALUE {'customer_id': ?, 'order_date': ?, 'total': ?}";
        jdbc.update(insert, "alice", "2024-01-05", new BigDecimal("25.50"));
        jdbc.update(insert, "alice", "2024-02-11", new BigDecimal("12"));
        jdbc.update(insert, "bob", "2024-01-20", new BigDecimal("99.99"));

        int updated = jdbc.update("UPDATE \"Orders\" SET total = total + ? WHERE customer_id = ? AND order_date = ?",
                new BigDecimal("1.5"), "alice", "2024-02-11");
        System.out.println("Updated " + updated + " order");

        List<Order> orders = jdbc.query(
                "SELECT customer_id, order_date, total FROM \"Orders\" WHERE customer_id = ? ORDER BY order_date DESC",
                (rs, n) -> new Order(rs.getString("customer_id"), rs.getString("order_date"),
                        rs.getBigDecimal("total")),
                "alice");
        orders.forEach(o -> System.out.println(o));

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM \"Orders\" WHERE customer_id = ?", "bob");
        System.out.println("bob: " + rows);

        try {
            jdbc.update(insert, "bob", "2024-01-20", BigDecimal.ONE);
        } catch (DataIntegrityViolationException e) {
            System.out.println("Duplicate key translated by Spring: " + e.getClass().getSimpleName());
        }
        return orders;
    }
}
