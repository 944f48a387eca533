package dev.jdbcdynamo.engine.exec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JDBC connection's routed (ShardingSphere) connection with its prepared statements kept open
 * and reused by SQL text: ShardingSphere parses a statement when it is prepared, so preparing it
 * once per connection instead of once per call keeps that parse off the hot path.
 */
public final class RoutedSession implements StatementCache {
    private static final int MAX_STATEMENTS = 128;

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(32, 0.75f, true);
    private volatile CancelSignal signal;

    public RoutedSession(Connection connection) {
        this.connection = connection;
    }

    public Connection connection() {
        return connection;
    }

    /** The statement execution that the statements handed out from now on belong to (null: none). */
    public void watch(CancelSignal signal) {
        this.signal = signal;
    }

    /** The prepared statement of this text, prepared on first use; do not close it. */
    @Override
    public PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = cached(sql);
        CancelSignal s = signal;
        if (s != null) {
            s.track(ps);
        }
        return ps;
    }

    private PreparedStatement cached(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
            if (statements.size() > MAX_STATEMENTS) {
                var eldest = statements.entrySet().iterator().next();
                statements.remove(eldest.getKey());
                eldest.getValue().close();
            }
        }
        return ps;
    }

    @Override
    public void close() throws SQLException {
        try {
            StatementCache.closeAll(statements);
        } finally {
            connection.close();
        }
    }
}
