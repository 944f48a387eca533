package dev.jdbcdynamo.engine.exec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where {@link ItemWriter} gets its prepared statements: a routed session's cache, or the
 * statements of one plain (for example a direct per-shard) connection, kept until {@link #close()}.
 */
public interface StatementCache extends AutoCloseable {

    /** The prepared statement of this text on the cache's connection; the caller does not close it. */
    PreparedStatement prepare(String sql) throws SQLException;

    /** Closes the statements this cache prepared (a {@link RoutedSession} also closes its connection). */
    @Override
    void close() throws SQLException;

    /** A cache over a plain connection (a shard's, a ShardingSphere one, an XA branch's). */
    static StatementCache of(Connection connection) {
        Map<String, PreparedStatement> statements = new HashMap<>();
        return new StatementCache() {
            @Override
            public PreparedStatement prepare(String sql) throws SQLException {
                PreparedStatement ps = statements.get(sql);
                if (ps == null) {
                    ps = connection.prepareStatement(sql);
                    statements.put(sql, ps);
                }
                return ps;
            }

            @Override
            public void close() throws SQLException {
                closeAll(statements);
            }
        };
    }

    /** Closes every statement of a cache and empties it; the first failure is thrown after all were tried. */
    static void closeAll(Map<String, PreparedStatement> statements) throws SQLException {
        SQLException first = null;
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        statements.clear();
        if (first != null) {
            throw first;
        }
    }
}
