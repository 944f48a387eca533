package dev.jdbcdynamo.driver.index;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run in a child JVM by {@link GsiCrashTest}: creates an indexed table and writes to it from two
 * threads until it is killed. Prints {@code writing} once it has written a few hundred times.
 */
public final class GsiCrashWriterMain {
    static final String CREATE = "CREATE TABLE IF NOT EXISTS \"Crash\" (id STRING PARTITION KEY, n NUMBER SORT KEY,"
            + " grp STRING, score NUMBER, LOCAL INDEX \"ByScore\" (score) PROJECTION ALL,"
            + " GLOBAL INDEX \"ByGrp\" (grp, score) PROJECTION KEYS_ONLY)";

    private GsiCrashWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(CREATE);
        }
        AtomicLong written = new AtomicLong();
        Thread[] threads = new Thread[2];
        for (int t = 0; t < threads.length; t++) {
            long seed = t;
            threads[t] = new Thread(() -> {
                try {
                    write(url, seed, written);
                } catch (SQLException e) {
                    e.printStackTrace(System.out);
                }
            });
            threads[t].start();
        }
        while (written.get() < 300) {
            Thread.sleep(10);
        }
        System.out.println("writing");
        System.out.flush();
        for (Thread t : threads) {
            t.join();
        }
    }

    private static void write(String url, long seed, AtomicLong written) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed);
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO \"Crash\" VALUE {'id': ?, 'n': ?, 'grp': ?, 'score': ?}");
             PreparedStatement update = c.prepareStatement("UPDATE \"Crash\" SET grp = ?, score = ? WHERE id = ? AND n = ?");
             PreparedStatement delete = c.prepareStatement("DELETE FROM \"Crash\" WHERE id = ? AND n = ?")) {
            while (true) {
                String id = "k" + random.nextInt(100);
                int n = random.nextInt(3);
                try {
                    int op = random.nextInt(4);
                    if (op == 0) {
                        insert.setString(1, id);
                        insert.setInt(2, n);
                        insert.setString(3, "g" + random.nextInt(10));
                        insert.setInt(4, random.nextInt(100));
                        insert.executeUpdate();
                    } else if (op == 3) {
                        delete.setString(1, id);
                        delete.setInt(2, n);
                        delete.executeUpdate();
                    } else {
                        update.setString(1, "g" + random.nextInt(10));
                        update.setInt(2, random.nextInt(100));
                        update.setString(3, id);
                        update.setInt(4, n);
                        update.executeUpdate();
                    }
                    written.incrementAndGet();
                } catch (SQLException e) {
                    // DuplicateItem or a missing item: expected in this random mix.
                }
            }
        }
    }
}
