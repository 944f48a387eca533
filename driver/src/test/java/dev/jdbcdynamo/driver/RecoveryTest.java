package dev.jdbcdynamo.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdbcdynamo.engine.tx.Recovery;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Recovery follows the decision recorded on the coordinator shard: branches left prepared by a
 * client that disconnected are committed when the decision is 'C', rolled back when there is
 * none (once old enough), and left alone while young.
 */
class RecoveryTest {
    private static final int FORMAT = 0x4A44;

    @Test
    void preparedBranchesFollowTheDecision() throws Exception {
        String url = TestServer.memUrl("recovery", 2) + "&txRecoveryInterval=0&txRecoveryTimeout=30";
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id STRING PARTITION KEY)");
            }
            long old = System.currentTimeMillis() - 120_000;
            Recovery recovery = DynamoConnectionAccess.recovery(c);
            String db = DynamoConnectionAccess.databaseId(c);
            String committed = String.format("jd.%s.%x.%016x.0", db, old, 1L);
            String aborted = String.format("jd.%s.%x.%016x.0", db, old, 2L);
            String young = String.format("jd.%s.%x.%016x.0", db, System.currentTimeMillis(), 3L);
            String foreign = String.format("jd.%s.%x.%016x.0", "0000beef", old, 4L);
            prepareInsert("dynamo_mem_recovery_1", committed, "c");
            prepareInsert("dynamo_mem_recovery_1", aborted, "a");
            prepareInsert("dynamo_mem_recovery_1", young, "y");
            prepareInsert("dynamo_mem_recovery_1", foreign, "f");
            try (Connection d = TestServer.direct("dynamo_mem_recovery_0");
                 PreparedStatement ps = d.prepareStatement(
                         "INSERT INTO dynamo_tx_decisions (gtrid, decision, created_ms) VALUES (?, 'C', ?)")) {
                ps.setString(1, committed);
                ps.setLong(2, old);
                ps.executeUpdate();
            }
            assertThat(recovery.inDoubt()).as("another database's branch is not ours").hasSize(3);

            Recovery.Report report = recovery.runOnce();

            assertThat(report.committed()).isEqualTo(1);
            assertThat(report.rolledBack()).isEqualTo(1);
            assertThat(recovery.inDoubt()).containsExactly(young + "/b1");
            assertThat(rows("dynamo_mem_recovery_1")).as("the committed branch's row").isEqualTo(1);
            assertThat(decision("dynamo_mem_recovery_0", aborted)).isEqualTo("A");
            try (Connection d = TestServer.direct("dynamo_mem_recovery_1"); Statement s = d.createStatement()) {
                s.execute("XA ROLLBACK '" + young + "','b1'," + FORMAT);
                s.execute("XA ROLLBACK '" + foreign + "','b1'," + FORMAT);
            }
        }
    }

    /** An XA branch inserting one row, prepared, then detached by closing its connection. */
    private static void prepareInsert(String database, String gtrid, String key) throws SQLException {
        try (Connection d = TestServer.direct(database); Statement s = d.createStatement()) {
            String xid = "'" + gtrid + "','b1'," + FORMAT;
            s.execute("XA START " + xid);
            s.execute("INSERT INTO dt_1 (kid, pk, sk, item) VALUES (1, '" + key + "', '', '{}')");
            s.execute("XA END " + xid);
            s.execute("XA PREPARE " + xid);
        }
    }

    private static int rows(String database) throws SQLException {
        try (Connection d = TestServer.direct(database); Statement s = d.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM dt_1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String decision(String database, String gtrid) throws SQLException {
        try (Connection d = TestServer.direct(database);
             PreparedStatement ps = d.prepareStatement("SELECT decision FROM dynamo_tx_decisions WHERE gtrid = ?")) {
            ps.setString(1, gtrid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
