package dev.jdbcdynamo.driver.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdbcdynamo.driver.IndexTestSupport;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A process writing to a table with a global index is killed with {@code kill -9} while its
 * changes have not reached the index; the next process that connects applies them, and the index
 * equals the base table. The shards are databases of this JVM's MariaDB, reached by the child as
 * {@code mysql://} shards, so they outlive the child as a real server would.
 */
class GsiCrashTest {
    private static final List<String> SHARDS = List.of("gsi_crash_0", "gsi_crash_1");

    @Test
    void changesOfAKilledWriterReachTheIndexWhenTheNextProcessConnects() throws Exception {
        try (Connection admin = IndexTestSupport.direct("mysql"); Statement s = admin.createStatement()) {
            for (String db : SHARDS) {
                s.execute("DROP DATABASE IF EXISTS " + db);
                s.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
        }
        List<String> hosts = new ArrayList<>();
        for (String db : SHARDS) {
            hosts.add(IndexTestSupport.jdbcUrl(db).replaceFirst("^jdbc:mysql://", "").replaceFirst("\\?.*$", ""));
        }
        String url = "jdbc:dynamo:mysql://" + String.join(",", hosts) + "?user=" + IndexTestSupport.user();
        List<Connection> applierLocks = new ArrayList<>();
        Process child = null;
        try {
            // Hold every shard's applier lock: the child's applier can apply nothing, so all its
            // index updates are still in the change log when it dies.
            for (String db : SHARDS) {
                Connection lock = IndexTestSupport.direct(db);
                applierLocks.add(lock);
                try (Statement s = lock.createStatement();
                     ResultSet rs = s.executeQuery("SELECT GET_LOCK(CONCAT('jdbc_dynamo_gsi.', SHA1(DATABASE())), 5)")) {
                    assertThat(rs.next() && rs.getInt(1) == 1).isTrue();
                }
            }
            child = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                    GsiCrashWriterMain.class.getName(), url).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals("writing")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("child output:\n%s", seen).isEqualTo("writing");
            Thread.sleep(1_000);
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(pendingChanges()).as("changes left in the log by the killed writer").isGreaterThan(0);
        } finally {
            if (child != null && child.isAlive()) {
                child.destroyForcibly();
            }
            for (Connection lock : applierLocks) {
                lock.close();
            }
        }
        try (Connection c = DriverManager.getConnection(url)) {
            // Opening the database applied the log: no read-your-writes needed to see it all.
            assertThat(pendingChanges()).isZero();
            IndexChecks.assertExact(c, "Crash", List.of("id", "n"), new IndexChecks.Index("ByGrp", "grp", "score", Set.of()));
            IndexChecks.assertExact(c, "Crash", List.of("id", "n"), new IndexChecks.Index("ByScore", "id", "score", null));
        } finally {
            try (Connection admin = IndexTestSupport.direct("mysql"); Statement s = admin.createStatement()) {
                for (String db : SHARDS) {
                    s.execute("DROP DATABASE IF EXISTS " + db);
                }
            }
        }
    }

    private static long pendingChanges() throws SQLException {
        long total = 0;
        for (String db : SHARDS) {
            try (Connection c = IndexTestSupport.direct(db); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM dynamo_changes")) {
                rs.next();
                total += rs.getLong(1);
            }
        }
        return total;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString() + (File.separatorChar == '\\' ? ".exe" : "");
    }
}
