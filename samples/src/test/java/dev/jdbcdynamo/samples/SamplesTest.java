package dev.jdbcdynamo.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The samples run end to end on an in-memory database and print what they promise. */
class SamplesTest {
    @Test
    void plainJdbcAndSpringSamplesRun() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (Connection c = DriverManager.getConnection("jdbc:dynamo:mem:samples?shards=2")) {
            PlainJdbc.run(c);
            SingleConnectionDataSource ds = new SingleConnectionDataSource(c, true);
            var orders = SpringJdbc.run(new JdbcTemplate(ds));
            assertThat(orders).extracting(SpringJdbc.Order::date).containsExactly("2024-02-11", "2024-01-05");
            assertThat(orders.get(0).total()).isEqualByComparingTo(new BigDecimal("13.5"));
        } finally {
            System.setOut(out);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Sinnerman (1965) tags=[jazz]", "DynamoDB error DuplicateItemException",
                "discovered tags of type SS", "column tags",
                "Duplicate key translated by Spring: DataIntegrityViolationException");
    }
}
