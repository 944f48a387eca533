package dev.jdbcdynamo.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdbcdynamo.api.DynamoSqlException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every read-modify-write is atomic per item under concurrency, as in DynamoDB. */
class ConcurrencyTest {
    private static final String URL = TestServer.memUrl("concurrency", 4);
    private static Connection anchor;

    @BeforeAll
    static void open() throws Exception {
        anchor = DriverManager.getConnection(URL);
        try (Statement s = anchor.createStatement()) {
            s.execute("CREATE TABLE counters (id STRING PARTITION KEY)");
            s.execute("CREATE TABLE claims (id STRING PARTITION KEY)");
            s.executeUpdate("INSERT INTO counters VALUE {'id': 'c', 'n': 0}");
        }
    }

    @AfterAll
    static void close() throws Exception {
        anchor.close();
    }

    @Test
    void eightThreadsIncrementingOneItemLoseNoUpdate() throws Exception {
        List<Callable<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            workers.add(() -> {
                try (Connection c = DriverManager.getConnection(URL);
                     PreparedStatement ps = c.prepareStatement("UPDATE counters SET n = n + 1 WHERE id = ?")) {
                    ps.setString(1, "c");
                    for (int i = 0; i < 500; i++) {
                        assertThat(ps.executeUpdate()).isEqualTo(1);
                    }
                }
                return 500;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Integer> f : pool.invokeAll(workers, 5, TimeUnit.MINUTES)) {
                assertThat(f.get()).isEqualTo(500);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Statement s = anchor.createStatement(); ResultSet rs = s.executeQuery("SELECT n FROM counters WHERE id = 'c'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt("n")).isEqualTo(4000);
        }
    }

    @Test
    void onlyOneOfEightRacingConditionalWritesWins() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> racers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int me = t;
            racers.add(() -> {
                try (Connection c = DriverManager.getConnection(URL);
                     Statement s = c.createStatement()) {
                    start.await();
                    try {
                        s.executeUpdate("INSERT INTO claims VALUE {'id': 'prize', 'winner': " + me + "}");
                        return "won";
                    } catch (SQLException e) {
                        return ((DynamoSqlException) e).errorName();
                    }
                }
            });
        }
        racers.add(() -> {
            start.countDown();
            return "starter";
        });
        ExecutorService pool = Executors.newFixedThreadPool(9);
        List<String> outcomes = new ArrayList<>();
        try {
            for (Future<String> f : pool.invokeAll(racers, 2, TimeUnit.MINUTES)) {
                outcomes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        outcomes.remove("starter");
        assertThat(outcomes).filteredOn("won"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("DuplicateItemException"::equals).hasSize(7);
    }

    @Test
    void racingUpdatesWithAnAttributeNotExistsConditionHaveOneWinner() throws Exception {
        try (Statement s = anchor.createStatement()) {
            s.executeUpdate("INSERT INTO claims VALUE {'id': 'ticket'}");
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> racers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int me = t;
            racers.add(() -> {
                try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
                    start.await();
                    try {
                        s.executeUpdate("UPDATE claims SET owner = " + me
                                + " WHERE id = 'ticket' AND attribute_not_exists(owner)");
                        return "won";
                    } catch (SQLException e) {
                        return ((DynamoSqlException) e).errorName();
                    }
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> futures = new ArrayList<>();
        try {
            racers.forEach(r -> futures.add(pool.submit(r)));
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : futures) {
                outcomes.add(f.get(2, TimeUnit.MINUTES));
            }
            assertThat(outcomes).filteredOn("won"::equals).hasSize(1);
            assertThat(outcomes).filteredOn("ConditionalCheckFailedException"::equals).hasSize(7);
        } finally {
            pool.shutdownNow();
        }
    }
}
