package dev.jdbcdynamo.engine.tx;

import dev.jdbcdynamo.planner.error.ErrorCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Idempotency tokens (DynamoDB's ClientRequestToken): claimed inside the coordinator's
 * transaction, so a token is recorded exactly when its transaction commits. A token is good for
 * 10 minutes, as in DynamoDB.
 */
final class Tokens {
    static final long LIFETIME_MILLIS = 10 * 60 * 1000L;

    private Tokens() {
    }

    /**
     * True when the token is new (or expired) and is now recorded for this request; false when
     * the same request committed with it already. The same token with another request is
     * DynamoDB's IdempotentParameterMismatchException.
     */
    static boolean claim(Connection c, String token, String requestHash) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT request_hash, created_ms FROM dynamo_tx_tokens WHERE token = ? FOR UPDATE")) {
            ps.setString(1, token);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    if (rs.getLong(2) > now - LIFETIME_MILLIS) {
                        if (rs.getString(1).equals(requestHash)) {
                            return false;
                        }
                        throw ErrorCode.IDEMPOTENT_PARAMETER_MISMATCH.error("The request uses the same client token as "
                                + "a previous, but non-identical request. Do not reuse a client token with different "
                                + "requests, unless the requests are identical.");
                    }
                    try (PreparedStatement up = c.prepareStatement(
                            "UPDATE dynamo_tx_tokens SET request_hash = ?, created_ms = ? WHERE token = ?")) {
                        up.setString(1, requestHash);
                        up.setLong(2, now);
                        up.setString(3, token);
                        up.executeUpdate();
                    }
                    return true;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO dynamo_tx_tokens (token, request_hash, created_ms) VALUES (?, ?, ?)")) {
            ps.setString(1, token);
            ps.setString(2, requestHash);
            ps.setLong(3, now);
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (Errors.isDuplicateKey(e)) {
                // The same token committed meanwhile, by a concurrent retry: DynamoDB's
                // TransactionInProgressException; a retry now finds it.
                throw new SQLException("A transaction with the same client token is in progress", "40001", e);
            }
            throw e;
        }
    }

    /** Forgets tokens older than their lifetime. */
    static void expire(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM dynamo_tx_tokens WHERE created_ms < ?")) {
            ps.setLong(1, System.currentTimeMillis() - LIFETIME_MILLIS);
            ps.executeUpdate();
        }
    }
}
