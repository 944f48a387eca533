package dev.jdbcdynamo.driver.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdbcdynamo.api.DynamoSqlException;
import dev.jdbcdynamo.driver.Soak;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Consistency under load: 4 threads insert, update (changing, adding and removing index keys)
 * and delete 2,000 items at random for 10 seconds (300 under {@code -Dsoak=long},
 * {@code -Dindex.loadSeconds=N} to choose) while two global indexes are created (and
 * backfilled) on the table; after catch-up every index, local and global, holds exactly what
 * the base table computes.
 */
@Tag(Soak.TAG)
class IndexConsistencyTest {
    private static final int ITEMS = 2_000;
    private static final int THREADS = 4;
    private static final long LOAD_MILLIS = Soak.length("index.loadSeconds", 10, 300) * 1000;
    private static final List<String> TABLE_KEYS = List.of("id", "part");

    @Test
    void everyIndexEqualsTheBaseTableAfterLoadAndOnlineBackfill() throws Exception {
        String url = dev.jdbcdynamo.driver.IndexTestSupport.memUrl("index_load", 4);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"Load\" (id STRING PARTITION KEY, part NUMBER SORT KEY, grp STRING, score NUMBER,"
                    + " tag STRING, LOCAL INDEX \"ByScore\" (score) PROJECTION KEYS_ONLY,"
                    + " GLOBAL INDEX \"ByGrp\" (grp, score) PROJECTION INCLUDE (tag))");
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO \"Load\" VALUE {'id': ?, 'part': ?, 'grp': ?, 'score': ?, 'tag': ?}")) {
                SplittableRandom random = new SplittableRandom(7);
                for (int k = 0; k < ITEMS; k++) {
                    ps.setString(1, "i" + (k % 500));
                    ps.setInt(2, k / 500);
                    ps.setString(3, "g" + random.nextInt(20));
                    ps.setInt(4, random.nextInt(1000));
                    ps.setString(5, "t" + random.nextInt(50));
                    ps.executeUpdate();
                }
            }

            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong writes = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
            List<Future<?>> writers = new ArrayList<>();
            try {
                for (int t = 0; t < THREADS; t++) {
                    long seed = t;
                    writers.add(pool.submit(() -> write(url, seed, stop, writes)));
                }
                Future<?> ddl = pool.submit(() -> {
                    Thread.sleep(LOAD_MILLIS / 6);
                    try (Connection d = DriverManager.getConnection(url); Statement ds = d.createStatement()) {
                        ds.execute("CREATE GLOBAL INDEX \"ByTag\" ON \"Load\" (tag) PROJECTION KEYS_ONLY");
                        Thread.sleep(LOAD_MILLIS / 3);
                        ds.execute("CREATE GLOBAL INDEX \"ByScoreAll\" ON \"Load\" (score, part)");
                    }
                    return null;
                });
                Thread.sleep(LOAD_MILLIS);
                stop.set(true);
                ddl.get(2, TimeUnit.MINUTES);
                for (Future<?> f : writers) {
                    f.get(1, TimeUnit.MINUTES);
                }
            } finally {
                stop.set(true);
                pool.shutdownNow();
            }
            assertThat(writes.get()).isGreaterThan(1_000);
            Properties readYourWrites = new Properties();
            readYourWrites.setProperty("gsiReadYourWrites", "true");
            try (Connection check = DriverManager.getConnection(url, readYourWrites)) {
                // The first GSI read catches up with the change log; then every index must be exact.
                IndexChecks.assertExact(check, "Load", TABLE_KEYS,
                        new IndexChecks.Index("ByGrp", "grp", "score", Set.of("tag")));
                IndexChecks.assertExact(check, "Load", TABLE_KEYS, new IndexChecks.Index("ByTag", "tag", null, Set.of()));
                IndexChecks.assertExact(check, "Load", TABLE_KEYS,
                        new IndexChecks.Index("ByScoreAll", "score", "part", null));
                IndexChecks.assertExact(check, "Load", TABLE_KEYS, new IndexChecks.Index("ByScore", "id", "score", Set.of()));
            }
        }
    }

    private static Void write(String url, long seed, AtomicBoolean stop, AtomicLong writes) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed);
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO \"Load\" VALUE {'id': ?, 'part': ?, 'grp': ?, 'score': ?, 'tag': ?}");
             PreparedStatement change = c.prepareStatement(
                     "UPDATE \"Load\" SET grp = ?, score = ? WHERE id = ? AND part = ?");
             PreparedStatement retag = c.prepareStatement("UPDATE \"Load\" SET tag = ? REMOVE grp WHERE id = ? AND part = ?");
             PreparedStatement untag = c.prepareStatement("UPDATE \"Load\" REMOVE tag REMOVE score WHERE id = ? AND part = ?");
             PreparedStatement delete = c.prepareStatement("DELETE FROM \"Load\" WHERE id = ? AND part = ?")) {
            while (!stop.get()) {
                int k = random.nextInt(ITEMS);
                String id = "i" + (k % 500);
                int part = k / 500;
                try {
                    switch (random.nextInt(5)) {
                        case 0 -> {
                            insert.setString(1, id);
                            insert.setInt(2, part);
                            insert.setString(3, "g" + random.nextInt(20));
                            insert.setInt(4, random.nextInt(1000));
                            insert.setString(5, "t" + random.nextInt(50));
                            insert.executeUpdate();
                        }
                        case 1 -> {
                            change.setString(1, "g" + random.nextInt(20));
                            change.setInt(2, random.nextInt(1000));
                            change.setString(3, id);
                            change.setInt(4, part);
                            change.executeUpdate();
                        }
                        case 2 -> {
                            retag.setString(1, "t" + random.nextInt(50));
                            retag.setString(2, id);
                            retag.setInt(3, part);
                            retag.executeUpdate();
                        }
                        case 3 -> {
                            untag.setString(1, id);
                            untag.setInt(2, part);
                            untag.executeUpdate();
                        }
                        default -> {
                            delete.setString(1, id);
                            delete.setInt(2, part);
                            delete.executeUpdate();
                        }
                    }
                    writes.incrementAndGet();
                } catch (SQLException e) {
                    // A duplicate insert or an update of a deleted item: DynamoDB's answers, expected here.
                    String name = e instanceof DynamoSqlException d ? d.errorName() : "";
                    if (!name.equals("DuplicateItemException") && !name.equals("ConditionalCheckFailedException")) {
                        throw e;
                    }
                }
            }
        }
        return null;
    }
}
