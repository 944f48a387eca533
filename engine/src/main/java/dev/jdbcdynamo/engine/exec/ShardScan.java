package dev.jdbcdynamo.engine.exec;

import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A full scan that asks every shard once, one shard after the other, and streams each shard's rows
 * (connector-j's streaming result set: one row on the client at a time, the server held back by
 * TCP). It borrows one pooled connection of the shard it is reading, never the session's routed
 * connection, so the application may run other statements on its JDBC connection meanwhile.
 */
final class ShardScan implements ItemStream {
    private final List<DataSource> shards;
    private final String sql;
    private final CancelSignal signal;
    private int nextShard;
    private Connection connection;
    private PreparedStatement statement;
    private ResultSet rows;
    private boolean closed;

    /**
     * A scan running {@code sql} on each shard in turn; {@code signal} (may be null) is the
     * statement's cancellation: {@code cancel()} from another thread kills the shard's running
     * query and makes the next row fail with SQLState HY008.
     */
    ShardScan(List<DataSource> shards, String sql, CancelSignal signal) {
        this.shards = List.copyOf(shards);
        this.sql = sql;
        this.signal = signal;
    }

    @Override
    public Map<String, AttributeValue> next() throws SQLException {
        try {
            while (!closed) {
                if (signal != null) {
                    signal.check();
                }
                if (rows == null) {
                    if (nextShard >= shards.size()) {
                        close();
                        return null;
                    }
                    open(shards.get(nextShard++));
                }
                if (rows.next()) {
                    return DynamoJson.readItem(rows.getBytes(1));
                }
                closeShard();
            }
            return null;
        } catch (SQLException e) {
            if (signal != null && signal.reason() != null) {
                closeQuietly();
                signal.check(); // the shard's query was killed by the cancellation: say so
            }
            throw e;
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (SQLException e) {
            // The killed query's connection may be unusable; the pool replaces it.
        }
    }

    private void open(DataSource shard) throws SQLException {
        connection = shard.getConnection();
        try {
            statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            // connector-j streams rows one by one only for this fetch size.
            statement.setFetchSize(Integer.MIN_VALUE);
            if (signal != null) {
                signal.track(statement);
            }
            rows = statement.executeQuery();
        } catch (SQLException e) {
            closeShard();
            throw e;
        }
    }

    /** Closes the current shard's cursor and gives its connection back to the pool. */
    private void closeShard() throws SQLException {
        SQLException first = null;
        for (AutoCloseable c : new AutoCloseable[] {rows, statement, connection}) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        rows = null;
        statement = null;
        connection = null;
        if (first != null) {
            throw first;
        }
    }

    @Override
    public void close() throws SQLException {
        if (!closed) {
            closed = true;
            closeShard();
        }
    }
}
