package dev.jdbcdynamo.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Statement behaviour tools rely on: maxRows, cancel() from another thread and query timeouts
 * (both stop a statement blocked on a row lock that another transaction holds), the
 * execute/getResultSet/getUpdateCount/getMoreResults contract, and generated keys refused.
 */
class StatementControlTest {
    private static final String URL = TestServer.memUrl("statementcontrol", 2);
    private static Connection c;

    @BeforeAll
    static void open() throws SQLException {
        c = DriverManager.getConnection(URL);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"Counters\" (id STRING PARTITION KEY, n NUMBER)");
            for (int i = 0; i < 30; i++) {
                s.executeUpdate("INSERT INTO \"Counters\" VALUE {'id': 'c" + i + "', 'n': 0}");
            }
        }
    }

    @AfterAll
    static void close() throws SQLException {
        c.close();
    }

    @Test
    void maxRowsCutsTheResult() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setMaxRows(7);
            s.setFetchSize(3);
            assertThat(s.getFetchSize()).isEqualTo(3);
            try (ResultSet rs = s.executeQuery("SELECT * FROM \"Counters\"")) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertThat(n).isEqualTo(7);
            }
            s.setMaxRows(0);
            try (ResultSet rs = s.executeQuery("SELECT * FROM \"Counters\"")) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertThat(n).isEqualTo(30);
            }
        }
    }

    @Test
    void executeContract() throws SQLException {
        try (Statement s = c.createStatement()) {
            assertThat(s.execute("UPDATE \"Counters\" SET n = n + 1 WHERE id = 'c1'")).isFalse();
            assertThat(s.getResultSet()).isNull();
            assertThat(s.getUpdateCount()).isEqualTo(1);
            assertThat(s.getMoreResults()).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(-1);

            assertThat(s.execute("SELECT * FROM \"Counters\" WHERE id = 'c1'")).isTrue();
            ResultSet rs = s.getResultSet();
            assertThat(s.getUpdateCount()).isEqualTo(-1);
            assertThat(s.getMoreResults()).isFalse();
            assertThat(rs.isClosed()).isTrue();
            assertThat(s.getResultSet()).isNull();
            assertThat(s.getUpdateCount()).isEqualTo(-1);

            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO \"Counters\" VALUE {'id': 'g'}",
                    Statement.RETURN_GENERATED_KEYS)).isInstanceOf(SQLFeatureNotSupportedException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("0A000");
        }
    }

    @Test
    void cancelStopsAStreamedScanWhileItIsRead() throws Exception {
        try (Statement s = c.createStatement()) {
            s.setFetchSize(1);
            ResultSet rs = s.executeQuery("SELECT * FROM \"Counters\"");
            assertThat(rs.next()).isTrue();
            assertThat(rs.next()).isTrue();
            Thread canceller = new Thread(() -> {
                try {
                    s.cancel();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            canceller.start();
            canceller.join();
            SQLException stopped = catchThrowableOfType(() -> {
                while (rs.next()) {
                    rs.getString("id");
                }
            }, SQLException.class);
            assertThat((Object) stopped).as("the rest of the scan is not read").isNotNull();
            assertThat(stopped.getSQLState()).isEqualTo("HY008");
            // The statement and its connection stay usable.
            try (ResultSet again = s.executeQuery("SELECT * FROM \"Counters\"")) {
                int rows = 0;
                while (again.next()) {
                    rows++;
                }
                assertThat(rows).isEqualTo(30);
            }
        }
    }

    @Test
    void cancelFromAnotherThreadStopsAStatementWaitingForALock() throws Exception {
        try (Connection holder = DriverManager.getConnection(URL);
             Connection waiter = DriverManager.getConnection(URL)) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                // A read in a transaction holds a shared lock on the item until rollback (writes of a
                // transaction are held back until commit and lock nothing before it).
                lock.executeQuery("SELECT * FROM \"Counters\" WHERE id = 'c2'").close();
                Statement blocked = waiter.createStatement();
                CompletableFuture<Integer> update = CompletableFuture.supplyAsync(() -> {
                    try {
                        return blocked.executeUpdate("UPDATE \"Counters\" SET n = n + 10 WHERE id = 'c2'");
                    } catch (SQLException e) {
                        throw new RuntimeException(e);
                    }
                });
                // cancel() before the statement starts is a no-op, so repeat until it has stopped it.
                while (!update.isDone()) {
                    blocked.cancel();
                    Thread.sleep(50);
                }
                Throwable failure = failure(update);
                assertThat(failure).isInstanceOf(SQLException.class).hasMessageContaining("cancelled");
                assertThat(((SQLException) failure).getSQLState()).isEqualTo("HY008");
            } finally {
                holder.rollback();
            }
            // The connection stays usable, and the cancelled update wrote nothing.
            try (Statement s = waiter.createStatement();
                 ResultSet rs = s.executeQuery("SELECT n FROM \"Counters\" WHERE id = 'c2'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void queryTimeoutStopsAStatementWaitingForALock() throws Exception {
        try (Connection holder = DriverManager.getConnection(URL);
             Connection waiter = DriverManager.getConnection(URL)) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement(); Statement s = waiter.createStatement()) {
                // A read in a transaction holds a shared lock on the item until rollback (writes of a
                // transaction are held back until commit and lock nothing before it).
                lock.executeQuery("SELECT * FROM \"Counters\" WHERE id = 'c3'").close();
                s.setQueryTimeout(1);
                assertThat(s.getQueryTimeout()).isEqualTo(1);
                assertThatThrownBy(() -> s.executeUpdate("UPDATE \"Counters\" SET n = n + 10 WHERE id = 'c3'"))
                        .isInstanceOf(SQLTimeoutException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("HYT00");
            } finally {
                holder.rollback();
            }
        }
    }

    private static Throwable failure(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get();
            throw new AssertionError("the statement was not stopped");
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            return t instanceof RuntimeException && t.getCause() instanceof SQLException ? t.getCause() : t;
        }
    }
}
