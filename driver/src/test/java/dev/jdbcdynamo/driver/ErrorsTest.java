package dev.jdbcdynamo.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.api.DynamoSqlException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear SQLException with a SQLState and DynamoDB's error name, and loses nothing. */
class ErrorsTest {
    private static Connection conn;

    @BeforeAll
    static void open() throws Exception {
        conn = DriverManager.getConnection(TestServer.memUrl("errors", 2));
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE \"Orders\" (customer_id STRING PARTITION KEY, order_date STRING SORT KEY)");
        }
    }

    @AfterAll
    static void close() throws Exception {
        conn.close();
    }

    @Test
    void everyRefusalOfAFeatureIsSqlState0A000() {
        assertThatThrownBy(() -> new DynamoDriver().getParentLogger())
                .isInstanceOfSatisfying(java.sql.SQLFeatureNotSupportedException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
        assertThatThrownBy(() -> conn.unwrap(String.class))
                .isInstanceOfSatisfying(java.sql.SQLFeatureNotSupportedException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
    }

    @Test
    void syntaxErrorHasStateLineAndColumn() {
        assertThatThrownBy(() -> conn.createStatement().executeQuery("SELECT *\n  FORM \"Orders\""))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("42000");
                    DynamoSqlException d = (DynamoSqlException) e;
                    assertThat(d.errorName()).isEqualTo("ValidationException");
                    assertThat(d.line()).isEqualTo(2);
                    assertThat(d.column()).isEqualTo(3);
                });
    }

    @Test
    void unknownTableIsResourceNotFound() {
        assertThatThrownBy(() -> conn.createStatement().executeQuery("SELECT * FROM \"orders\" WHERE customer_id = 'a'"))
                .isInstanceOfSatisfying(DynamoSqlException.class,
                        e -> assertThat(e.errorName()).isEqualTo("ResourceNotFoundException"));
    }

    @Test
    void secondInsertOfSameKeyFailsAndKeepsTheFirstItem() throws Exception {
        try (Statement s = conn.createStatement()) {
            s.executeUpdate("INSERT INTO \"Orders\" VALUE {'customer_id': 'dup', 'order_date': 'd', 'v': 1}");
            assertThatThrownBy(() -> s.executeUpdate(
                    "INSERT INTO \"Orders\" VALUE {'customer_id': 'dup', 'order_date': 'd', 'v': 2}"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("23000");
                        assertThat(((DynamoSqlException) e).errorName()).isEqualTo("DuplicateItemException");
                    });
            try (ResultSet rs = s.executeQuery(
                    "SELECT * FROM \"Orders\" WHERE customer_id = 'dup' AND order_date = 'd'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("v")).isEqualTo(1);
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void invalidItemWritesNothing() throws Exception {
        try (Statement s = conn.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO \"Orders\" VALUE {'customer_id': 'bad', 'order_date': 5}"))
                    .isInstanceOfSatisfying(DynamoSqlException.class,
                            e -> assertThat(e.errorName()).isEqualTo("ValidationException"));
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO \"Orders\" VALUE {'customer_id': 'bad'}"))
                    .isInstanceOf(DynamoSqlException.class);
            try (ResultSet rs = s.executeQuery("SELECT * FROM \"Orders\" WHERE customer_id = 'bad'")) {
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void shardDownAtConnectNamesTheShard() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        String live = TestServer.lease().jdbcUrl("mysql").replace("jdbc:mysql://", "").replace("/mysql", "");
        String url = "jdbc:dynamo:mysql://" + live + "/dead_test_0,127.0.0.1:" + deadPort + "/dead_test_1?user=root";
        try (Connection admin = TestServer.direct("mysql"); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS dead_test_0");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).startsWith("08");
                    assertThat(e.getMessage()).contains("ds_1").contains("127.0.0.1:" + deadPort + "/dead_test_1");
                });
    }

    @Test
    void badUrlIsRejectedClearly() {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:dynamo:mysql://host/"))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("08001");
                    assertThat(e.getMessage()).contains("host[:port]/database");
                });
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:dynamo:mem:x?shards=zero"))
                .isInstanceOf(SQLException.class).hasMessageContaining("shards");
    }
}
