package dev.jdbcdynamo.engine.tx;

import dev.jdbcdynamo.engine.topology.Shard;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The transaction tables every shard holds: {@code dynamo_tx_decisions}, the durable outcome of
 * two-phase commits coordinated by that shard ('C' commit, 'A' abort), and
 * {@code dynamo_tx_tokens}, the idempotency tokens of commits that carried one.
 */
public final class TxTables {
    static final String CREATE_DECISIONS = "CREATE TABLE IF NOT EXISTS dynamo_tx_decisions ("
            + "gtrid VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,"
            + " decision CHAR(1) CHARACTER SET ascii NOT NULL,"
            + " created_ms BIGINT NOT NULL) ENGINE=InnoDB";
    static final String CREATE_TOKENS = "CREATE TABLE IF NOT EXISTS dynamo_tx_tokens ("
            + "token VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,"
            + " request_hash CHAR(64) CHARACTER SET ascii NOT NULL,"
            + " created_ms BIGINT NOT NULL) ENGINE=InnoDB";

    private TxTables() {
    }

    /** Creates the transaction tables on every shard where missing. */
    public static void create(List<Shard> shards) {
        for (Shard shard : shards) {
            try (Connection c = shard.pool().getConnection(); Statement s = c.createStatement()) {
                s.execute(CREATE_DECISIONS);
                s.execute(CREATE_TOKENS);
            } catch (SQLException e) {
                throw new DynamoException(ErrorCode.CONNECTION_FAILED,
                        "Cannot create the transaction tables on shard " + shard.name() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * A short id of this set of shard databases, the same for every client: a hash of the shards'
     * database names in ring order (host names may differ between clients; database names do not).
     */
    static String databaseId(List<Shard> shards) {
        StringBuilder names = new StringBuilder();
        for (Shard shard : shards) {
            try (Connection c = shard.pool().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
                rs.next();
                names.append(rs.getString(1)).append('\n');
            } catch (SQLException e) {
                throw new DynamoException(ErrorCode.CONNECTION_FAILED,
                        "Cannot read the database name of shard " + shard.name() + ": " + e.getMessage(), e);
            }
        }
        byte[] bytes = names.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return String.format("%08x", (int) dev.jdbcdynamo.sharding.KeyspaceId.of((byte) 'D', bytes));
    }

    /** Records the commit decision inside the coordinator's own transaction. */
    static void insertCommit(Connection c, Xid xid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO dynamo_tx_decisions (gtrid, decision, created_ms) VALUES (?, 'C', ?)")) {
            ps.setString(1, xid.gtrid());
            ps.setLong(2, System.currentTimeMillis());
            ps.executeUpdate();
        }
    }

    /**
     * The decision of a transaction, fencing it first: an abort is recorded unless a decision
     * exists. The insert waits for a coordinator that is committing right now, so a transaction
     * is never both committed by its coordinator and aborted by recovery. Runs in autocommit.
     */
    static char decideOrAbort(Connection c, String gtrid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO dynamo_tx_decisions (gtrid, decision, created_ms) VALUES (?, 'A', ?)")) {
            ps.setString(1, gtrid);
            ps.setLong(2, System.currentTimeMillis());
            ps.executeUpdate();
            return 'A';
        } catch (SQLException e) {
            if (!Errors.isDuplicateKey(e)) {
                throw e;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT decision FROM dynamo_tx_decisions WHERE gtrid = ?")) {
            ps.setString(1, gtrid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("Decision of " + gtrid + " vanished", "40001");
                }
                return rs.getString(1).charAt(0);
            }
        }
    }

    /** The recorded decision, or 0 when none. */
    static char decision(Connection c, String gtrid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT decision FROM dynamo_tx_decisions WHERE gtrid = ?")) {
            ps.setString(1, gtrid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1).charAt(0) : 0;
            }
        }
    }

    static void deleteDecision(Connection c, String gtrid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM dynamo_tx_decisions WHERE gtrid = ?")) {
            ps.setString(1, gtrid);
            ps.executeUpdate();
        }
    }
}
