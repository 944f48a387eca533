package dev.jdbcdynamo.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jdbcdynamo.api.BatchResult;
import dev.jdbcdynamo.api.CancellationReason;
import dev.jdbcdynamo.api.DynamoBatch;
import dev.jdbcdynamo.api.DynamoSqlException;
import dev.jdbcdynamo.api.DynamoTransactions;
import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JDBC transactions and batches with DynamoDB's ExecuteTransaction and BatchExecuteStatement semantics. */
class TransactionTest {
    private static final String URL = TestServer.memUrl("transactions", 4) + "&txRecoveryInterval=0";
    private static Connection c;
    /** Reads outside the transaction under test. */
    private static Connection reader;

    @BeforeAll
    static void open() throws Exception {
        c = DriverManager.getConnection(URL);
        reader = DriverManager.getConnection(URL);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE acc (id STRING PARTITION KEY)");
        }
    }

    @AfterAll
    static void close() throws Exception {
        reader.close();
        c.close();
    }

    @BeforeEach
    void reset() throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM acc")) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            for (String id : ids) {
                try (PreparedStatement d = c.prepareStatement("DELETE FROM acc WHERE id = ?")) {
                    d.setString(1, id);
                    d.executeUpdate();
                }
            }
        }
        for (int i = 0; i < 8; i++) {
            insert("a" + i, 100);
        }
    }

    private static void insert(String id, int balance) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO acc VALUE {'id': ?, 'balance': ?}")) {
            ps.setString(1, id);
            ps.setInt(2, balance);
            ps.executeUpdate();
        }
    }

    private static BigDecimal balance(String id) throws SQLException {
        return balance(reader, id);
    }

    private static BigDecimal balance(Connection connection, String id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT balance FROM acc WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1) : null;
            }
        }
    }

    private static void update(String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    @Test
    void aTransactionOverEveryShardCommitsEveryWrite() throws SQLException {
        c.setAutoCommit(false);
        for (int i = 0; i < 8; i++) {
            update("UPDATE acc SET balance = balance - 10 WHERE id = ? AND balance >= 10", "a" + i);
        }
        update("INSERT INTO acc VALUE {'id': 'new', 'balance': 80}");
        assertThat(balance("a0")).as("buffered until commit").isEqualByComparingTo("100");
        c.commit();
        for (int i = 0; i < 8; i++) {
            assertThat(balance("a" + i)).isEqualByComparingTo("90");
        }
        assertThat(balance("new")).isEqualByComparingTo("80");
        assertThat(shardsHolding()).as("the items span shards, so this was a two-phase commit").isGreaterThan(1);
    }

    private static int shardsHolding() throws SQLException {
        int shards = 0;
        for (int i = 0; i < 4; i++) {
            try (Connection d = TestServer.direct("dynamo_mem_transactions_" + i); Statement s = d.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM dt_1")) {
                rs.next();
                shards += rs.getInt(1) > 0 ? 1 : 0;
            }
        }
        return shards;
    }

    @Test
    void aFailedConditionCancelsEverythingWithOneReasonPerStatement() throws SQLException {
        Connection old = DriverManager.getConnection(URL + "&returnValuesOnConditionCheckFailure=ALL_OLD");
        try {
            old.setAutoCommit(false);
            try (Statement s = old.createStatement()) {
                s.executeUpdate("UPDATE acc SET balance = balance + 1 WHERE id = 'a1'");
                s.executeUpdate("UPDATE acc SET balance = balance - 500 WHERE id = 'a2' AND balance >= 500");
                s.executeUpdate("INSERT INTO acc VALUE {'id': 'a3', 'balance': 1}");
                s.executeUpdate("DELETE FROM acc WHERE id = 'a4'");
            }
            SQLException e = catchThrowableOfType(old::commit, SQLException.class);
            assertThat(e.getSQLState()).isEqualTo("40002");
            DynamoSqlException d = (DynamoSqlException) e;
            assertThat(d.errorName()).isEqualTo("TransactionCanceledException");
            assertThat(d.cancellationReasons()).extracting(CancellationReason::code)
                    .containsExactly("None", "ConditionalCheckFailed", "DuplicateItem", "None");
            assertThat(d.cancellationReasons().get(1).itemJson()).contains("\"a2\"").contains("100");
            assertThat(e.getMessage()).contains("[None, ConditionalCheckFailed, DuplicateItem, None]");
        } finally {
            old.close();
        }
        assertThat(balance("a1")).isEqualByComparingTo("100");
        assertThat(balance("a4")).isEqualByComparingTo("100");
    }

    @Test
    void anArithmeticOverflowAtCommitFailsTheRequestNotOneStatement() throws SQLException {
        c.setAutoCommit(false);
        update("UPDATE acc SET balance = 9.9E+125 + 9.9E+125 WHERE id = 'a1'");
        update("UPDATE acc SET balance = 0 WHERE id = 'a2'");
        SQLException e = catchThrowableOfType(c::commit, SQLException.class);
        DynamoSqlException d = (DynamoSqlException) e;
        assertThat(d.errorName()).isEqualTo("ValidationException");
        assertThat(d.cancellationReasons()).isEmpty();
        assertThat(e.getMessage()).contains("Number overflow");
        c.setAutoCommit(true);
        assertThat(balance("a1")).isEqualByComparingTo("100");
        assertThat(balance("a2")).isEqualByComparingTo("100");
    }

    @Test
    void aStatementRefusedInATransactionNamesItsPlace() throws SQLException {
        c.setAutoCommit(false);
        update("UPDATE acc SET balance = 1 WHERE id = 'a1'");
        SQLException refused = catchThrowableOfType(
                () -> update("INSERT INTO acc VALUE {'id': 'n1'} RETURNING ALL NEW *"), SQLException.class);
        assertThat(refused.getMessage())
                .startsWith("Validation failed in TransactStatements[1]: RETURNING is not supported in INSERT");
        SQLException returning = catchThrowableOfType(
                () -> update("DELETE FROM acc WHERE id = 'a2' RETURNING ALL OLD *"), SQLException.class);
        assertThat(returning.getMessage()).startsWith(
                "Validation failed in TransactStatements[1]: RETURNING clause is not supported in ExecuteTransaction.");
        SQLException syntax = catchThrowableOfType(() -> update("UPDATE acc SET WHERE id = 'a3'"), SQLException.class);
        assertThat(syntax.getMessage()).startsWith("Statement wasn't well formed");
        c.rollback();
        c.setAutoCommit(true);
        SQLException outside = catchThrowableOfType(
                () -> update("INSERT INTO acc VALUE {'id': 'n1'} RETURNING ALL NEW *"), SQLException.class);
        assertThat(outside.getMessage()).startsWith("RETURNING is not supported in INSERT");
    }

    @Test
    void existsChecksAConditionOnAnotherItem() throws SQLException {
        c.setAutoCommit(false);
        update("EXISTS(SELECT * FROM acc WHERE id = 'a5' AND balance > 1000)");
        update("UPDATE acc SET balance = 0 WHERE id = 'a6'");
        SQLException e = catchThrowableOfType(c::commit, SQLException.class);
        assertThat(((DynamoSqlException) e).cancellationReasons()).extracting(CancellationReason::code)
                .containsExactly("ConditionalCheckFailed", "None");
        update("EXISTS(SELECT * FROM acc WHERE id = 'a5' AND balance = 100)");
        update("UPDATE acc SET balance = 0 WHERE id = 'a6'");
        c.commit();
        assertThat(balance("a6")).isEqualByComparingTo("0");
    }

    @Test
    void requestRulesAreDynamoDbs() throws SQLException {
        c.setAutoCommit(false);
        update("UPDATE acc SET balance = 1 WHERE id = 'a1'");
        SQLException twice = catchThrowableOfType(() -> update("DELETE FROM acc WHERE id = 'a1'"), SQLException.class);
        assertThat(((DynamoSqlException) twice).errorName()).isEqualTo("ValidationException");
        assertThat(twice.getMessage()).contains("multiple operations on one item");
        SQLException mixed = catchThrowableOfType(() -> balance(c, "a2"), SQLException.class);
        assertThat(mixed.getMessage()).contains("both read and write");
        c.rollback();
        for (int i = 0; i < 99; i++) {
            update("INSERT INTO acc VALUE {'id': ?, 'balance': 1}", "n" + i);
        }
        update("INSERT INTO acc VALUE {'id': 'n99', 'balance': 1}");
        SQLException tooMany = catchThrowableOfType(() -> update("INSERT INTO acc VALUE {'id': 'n100'}"),
                SQLException.class);
        assertThat(tooMany.getMessage()).contains("100");
        c.rollback();
        c.setAutoCommit(true);
        assertThat(balance("a1")).isEqualByComparingTo("100");
        assertThat(balance("n0")).isNull();
        SQLException outside = catchThrowableOfType(
                () -> update("EXISTS(SELECT * FROM acc WHERE id = 'a1' AND balance = 1)"), SQLException.class);
        assertThat(outside.getMessage()).contains("EXISTS can only be used");
    }

    @Test
    void aReadTransactionReadsByKeyUnderLocks() throws SQLException {
        c.setAutoCommit(false);
        assertThat(balance(c, "a1")).isEqualByComparingTo("100");
        assertThat(balance(c, "missing")).isNull();
        SQLException write = catchThrowableOfType(() -> update("DELETE FROM acc WHERE id = 'a2'"), SQLException.class);
        assertThat(write.getMessage()).contains("both read and write");
        SQLException scan = catchThrowableOfType(() -> {
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT * FROM acc");
            }
        }, SQLException.class);
        assertThat(scan.getMessage()).contains("must specify the primary key");
        c.commit();
    }

    @Test
    void aClientRequestTokenAppliesARetriedCommitOnce() throws SQLException {
        for (int attempt = 0; attempt < 3; attempt++) {
            c.setAutoCommit(false);
            c.unwrap(DynamoTransactions.class).setClientRequestToken("transfer-42");
            update("UPDATE acc SET balance = balance - 7 WHERE id = 'a1'");
            update("UPDATE acc SET balance = balance + 7 WHERE id = 'a2'");
            c.commit();
        }
        assertThat(balance("a1")).isEqualByComparingTo("93");
        assertThat(balance("a2")).isEqualByComparingTo("107");
        c.unwrap(DynamoTransactions.class).setClientRequestToken("transfer-42");
        update("UPDATE acc SET balance = balance - 8 WHERE id = 'a1'");
        SQLException e = catchThrowableOfType(c::commit, SQLException.class);
        assertThat(((DynamoSqlException) e).errorName()).isEqualTo("IdempotentParameterMismatchException");
        assertThat(balance("a1")).isEqualByComparingTo("93");
    }

    @Test
    void rollbackAndAutocommitOn() throws SQLException {
        c.setAutoCommit(false);
        update("UPDATE acc SET balance = 5 WHERE id = 'a1'");
        c.rollback();
        update("UPDATE acc SET balance = 6 WHERE id = 'a2'");
        c.setAutoCommit(true);
        assertThat(balance("a1")).isEqualByComparingTo("100");
        assertThat(balance("a2")).isEqualByComparingTo("6");
    }

    @Test
    void aBatchRunsEachStatementOnItsOwn() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO acc VALUE {'id': ?, 'balance': 1}")) {
            for (String id : new String[] {"b1", "a1", "b2"}) {
                ps.setString(1, id);
                ps.addBatch();
            }
            BatchUpdateException e = catchThrowableOfType(ps::executeBatch, BatchUpdateException.class);
            assertThat(e.getUpdateCounts()).containsExactly(1, Statement.EXECUTE_FAILED, 1);
            List<BatchResult> results = ps.unwrap(DynamoBatch.class).batchResults();
            assertThat(results).extracting(BatchResult::errorCode).containsExactly(null, "DuplicateItem", null);
        }
        assertThat(balance("b1")).isEqualByComparingTo("1");
        assertThat(balance("b2")).isEqualByComparingTo("1");
        try (Statement s = c.createStatement()) {
            s.addBatch("SELECT * FROM acc WHERE id = 'b1'");
            s.addBatch("SELECT * FROM acc WHERE id = 'zz'");
            assertThat(s.executeBatch()).containsExactly(1, 0);
            assertThat(s.unwrap(DynamoBatch.class).batchResults().get(0).itemJson()).contains("\"b1\"");
            for (int i = 0; i < 26; i++) {
                s.addBatch("SELECT * FROM acc WHERE id = 'b1'");
            }
            SQLException tooMany = catchThrowableOfType(s::executeBatch, SQLException.class);
            assertThat(((DynamoSqlException) tooMany).errorName()).isEqualTo("ValidationException");
        }
    }

    @Test
    void aBatchOverEveryShardFailsOnlyItsFailingStatements() throws SQLException {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            statements.add("INSERT INTO acc VALUE {'id': 'n" + i + "', 'balance': " + i + "}");
        }
        statements.add("INSERT INTO acc VALUE {'id': 'a3', 'balance': 1}");                 // exists
        statements.add("UPDATE acc SET balance = balance + 1 WHERE id = 'a0'");
        statements.add("UPDATE acc SET balance = 0 WHERE id = 'a1' AND balance > 1000");     // condition fails
        statements.add("UPDATE acc SET balance = 1 WHERE id = 'missing'");                  // no item
        statements.add("DELETE FROM acc WHERE id = 'a2'");
        statements.add("DELETE FROM acc WHERE id = 'a4' AND balance = 5");                  // condition fails
        statements.add("UPDATE acc SET balance = balance - 1 WHERE id = 'a5'");
        List<BatchResult> results;
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.addBatch(sql);
            }
            BatchUpdateException e = catchThrowableOfType(s::executeBatch, BatchUpdateException.class);
            assertThat(e.getUpdateCounts()).hasSize(25);
            results = s.unwrap(DynamoBatch.class).batchResults();
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            codes.add(null);
        }
        codes.addAll(Arrays.asList("DuplicateItem", null, "ConditionalCheckFailed", "ConditionalCheckFailed", null,
                "ConditionalCheckFailed", null));
        assertThat(results).extracting(BatchResult::errorCode).containsExactlyElementsOf(codes);
        for (int i = 0; i < 18; i++) {
            assertThat(balance("n" + i)).isEqualByComparingTo(String.valueOf(i));
        }
        assertThat(balance("a3")).isEqualByComparingTo("100");
        assertThat(balance("a0")).isEqualByComparingTo("101");
        assertThat(balance("a1")).isEqualByComparingTo("100");
        assertThat(balance("missing")).isNull();
        assertThat(balance("a2")).isNull();
        assertThat(balance("a4")).isEqualByComparingTo("100");
        assertThat(balance("a5")).isEqualByComparingTo("99");
    }

    @Test
    void aBatchNamingAnItemTwiceIsRefusedWhole() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.addBatch("INSERT INTO acc VALUE {'id': 'twice', 'balance': 1}");
            s.addBatch("UPDATE acc SET balance = balance + 10 WHERE id = 'twice'");
            s.addBatch("UPDATE acc SET balance = balance + 1 WHERE id = 'a6'");
            SQLException e = catchThrowableOfType(s::executeBatch, SQLException.class);
            assertThat(((DynamoSqlException) e).errorName()).isEqualTo("ValidationException");
            assertThat(e.getMessage()).contains("Provided list of item keys contains duplicates");
        }
        // DynamoDB refuses the request before running any statement of it.
        assertThat(balance("twice")).isNull();
        assertThat(balance("a6")).isEqualByComparingTo("100");
    }

    @Test
    void singleStatementWritesAndTransactionsLoseNothing() throws Exception {
        int threads = 6;
        int rounds = 60;
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger increments = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < threads; t++) {
            boolean transfers = t % 2 == 0;
            workers.add(new Thread(() -> {
                try (Connection w = DriverManager.getConnection(URL)) {
                    java.util.Random random = new java.util.Random();
                    for (int i = 0; i < rounds; i++) {
                        int from = random.nextInt(8);
                        int to = (from + 1 + random.nextInt(7)) % 8;
                        try (Statement s = w.createStatement()) {
                            if (transfers) {
                                w.setAutoCommit(false);
                                s.executeUpdate("UPDATE acc SET balance = balance - 1 WHERE id = 'a" + from + "'");
                                s.executeUpdate("UPDATE acc SET balance = balance + 1 WHERE id = 'a" + to + "'");
                                w.commit();
                            } else {
                                s.executeUpdate("UPDATE acc SET balance = balance + 1 WHERE id = 'a" + from
                                        + "' AND balance > -1000");
                                increments.incrementAndGet();
                            }
                        } catch (SQLException e) {
                            w.rollback();
                            if (!"40001".equals(e.getSQLState())) {
                                throw e;
                            }
                        } finally {
                            w.setAutoCommit(true);
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
        assertThat(failures).isEmpty();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < 8; i++) {
            total = total.add(balance("a" + i));
        }
        assertThat(total).isEqualByComparingTo(BigDecimal.valueOf(800 + increments.get()));
    }

    @Test
    void aBatchWithAutocommitOffJoinsTheTransaction() throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("UPDATE acc SET balance = balance + 1 WHERE id = ?")) {
            for (int i = 0; i < 8; i++) {
                ps.setString(1, "a" + i);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.rollback();
        c.setAutoCommit(true);
        Set<BigDecimal> balances = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            balances.add(balance("a" + i).stripTrailingZeros());
        }
        assertThat(balances).containsExactly(new BigDecimal("100").stripTrailingZeros());
    }
}
