package dev.jdbcdynamo.driver.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdbcdynamo.api.DynamoSqlException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The bank workload: accounts with balances, transfers between random accounts, each one
 * transaction (debit with the condition {@code balance >= amount}, credit, and a transfer-log
 * item), and the checks that the money is all there.
 */
public final class Bank {
    public static final int ACCOUNTS = 20;
    public static final int INITIAL = 1000;

    private Bank() {
    }

    /** What a run saw: acknowledged transfer ids, and errors by DynamoDB error name and SQLState. */
    public static final class Result {
        public final Collection<String> acknowledged = new ConcurrentLinkedQueue<>();
        public final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        /** Throwables that were not SQLExceptions with a SQLState and DynamoDB's error name: must stay empty. */
        public final Collection<String> bad = new ConcurrentLinkedQueue<>();

        void error(Throwable t) {
            if (t instanceof SQLException e && e.getSQLState() != null && t instanceof DynamoSqlException d) {
                errors.computeIfAbsent(d.errorName() + "/" + e.getSQLState(), k -> new AtomicLong()).incrementAndGet();
            } else {
                bad.add(t.toString());
            }
        }

        @Override
        public String toString() {
            return acknowledged.size() + " transfers acknowledged, errors " + errors + (bad.isEmpty() ? "" : ", BAD " + bad);
        }
    }

    public static void setUp(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE accounts (id STRING PARTITION KEY)");
            s.execute("CREATE TABLE transfers (id STRING PARTITION KEY)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO accounts VALUE {'id': ?, 'balance': ?}")) {
            for (int i = 0; i < ACCOUNTS; i++) {
                ps.setString(1, account(i));
                ps.setInt(2, INITIAL);
                ps.executeUpdate();
            }
        }
    }

    static String account(int i) {
        return "acct-" + i;
    }

    /** Runs {@code threads} transferring threads for {@code millis}; {@code onAck} sees each committed transfer id. */
    public static Result run(String url, int threads, long millis, Consumer<String> onAck) throws InterruptedException {
        Result result = new Result();
        long end = System.currentTimeMillis() + millis;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> transfer(url, end, result, onAck), "bank-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        return result;
    }

    private static void transfer(String url, long end, Result result, Consumer<String> onAck) {
        Connection c = null;
        while (System.currentTimeMillis() < end) {
            try {
                if (c == null) {
                    c = DriverManager.getConnection(url);
                    c.setAutoCommit(false);
                }
                ThreadLocalRandom random = ThreadLocalRandom.current();
                int from = random.nextInt(ACCOUNTS);
                int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                int amount = 1 + random.nextInt(100);
                String id = UUID.randomUUID().toString();
                try (PreparedStatement debit = c.prepareStatement(
                        "UPDATE accounts SET balance = balance - ? WHERE id = ? AND balance >= ?");
                     PreparedStatement credit = c.prepareStatement("UPDATE accounts SET balance = balance + ? WHERE id = ?");
                     PreparedStatement log = c.prepareStatement(
                             "INSERT INTO transfers VALUE {'id': ?, 'from': ?, 'to': ?, 'amount': ?}")) {
                    debit.setInt(1, amount);
                    debit.setString(2, account(from));
                    debit.setInt(3, amount);
                    debit.executeUpdate();
                    credit.setInt(1, amount);
                    credit.setString(2, account(to));
                    credit.executeUpdate();
                    log.setString(1, id);
                    log.setString(2, account(from));
                    log.setString(3, account(to));
                    log.setInt(4, amount);
                    log.executeUpdate();
                    c.commit();
                }
                result.acknowledged.add(id);
                onAck.accept(id);
            } catch (Throwable e) {
                result.error(e);
                if (c != null) {
                    try {
                        c.rollback();
                    } catch (SQLException ex) {
                        closeQuietly(c);
                        c = null;
                    }
                }
                if (e instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                    closeQuietly(c);
                    c = null;
                    pause();
                }
            }
        }
        closeQuietly(c);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // Going away anyway.
            }
        }
    }

    /**
     * The invariant: the total is unchanged, no balance is negative, every acknowledged transfer
     * is logged, and every balance equals the initial one plus the logged transfers in minus out
     * (so no transfer applied in part).
     */
    public static void check(Connection c, Collection<String> acknowledged) throws SQLException {
        Map<String, BigDecimal> balances = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, balance FROM accounts")) {
            while (rs.next()) {
                balances.put(rs.getString(1), rs.getBigDecimal(2));
            }
        }
        assertThat(balances).hasSize(ACCOUNTS);
        BigDecimal total = balances.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).as("total").isEqualByComparingTo(BigDecimal.valueOf((long) ACCOUNTS * INITIAL));
        assertThat(balances.values()).allSatisfy(b -> assertThat(b.signum()).as("balance sign").isGreaterThanOrEqualTo(0));
        Map<String, BigDecimal> expected = new HashMap<>();
        balances.keySet().forEach(k -> expected.put(k, BigDecimal.valueOf(INITIAL)));
        Set<String> logged = new HashSet<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, \"from\", \"to\", amount FROM transfers")) {
            while (rs.next()) {
                logged.add(rs.getString(1));
                expected.merge(rs.getString(2), rs.getBigDecimal(4).negate(), BigDecimal::add);
                expected.merge(rs.getString(3), rs.getBigDecimal(4), BigDecimal::add);
            }
        }
        assertThat(logged).as("acknowledged transfers in the log").containsAll(acknowledged);
        for (Map.Entry<String, BigDecimal> e : balances.entrySet()) {
            assertThat(e.getValue()).as("balance of " + e.getKey() + " from the log")
                    .isEqualByComparingTo(expected.get(e.getKey()));
        }
    }
}
