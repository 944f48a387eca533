package dev.jdbcdynamo.sharding.reshard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The drivers' catalog lock ({@code GET_LOCK('jdbc_dynamo_ddl')}) held on every shard for the
 * whole resharding, so no table is created or dropped while tables are being copied.
 */
final class DdlLock implements AutoCloseable {
    private static final int WAIT_SECONDS = 30;

    private final List<Connection> holders;

    private DdlLock(List<Connection> holders) {
        this.holders = holders;
    }

    static DdlLock take(List<String> shards, Function<String, DataSource> pools) throws SQLException {
        List<Connection> holders = new ArrayList<>();
        java.util.Set<String> servers = new java.util.HashSet<>();
        try {
            for (String shard : shards) {
                Connection c = pools.apply(shard).getConnection();
                // GET_LOCK is per server: a second session on the same server would wait for the first.
                if (!servers.add(serverOf(c))) {
                    c.close();
                    continue;
                }
                holders.add(c);
                try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, ?)")) {
                    ps.setString(1, Resharder.DDL_LOCK);
                    ps.setInt(2, WAIT_SECONDS);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next() || rs.getInt(1) != 1) {
                            throw new IllegalStateException("shard " + shard + ": another client is changing the catalog"
                                    + " or resharding; try again later");
                        }
                    }
                }
            }
            return new DdlLock(holders);
        } catch (SQLException | RuntimeException e) {
            new DdlLock(holders).close();
            throw e;
        }
    }

    private static String serverOf(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT CONCAT(@@hostname, ':', @@port, ':', @@datadir)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public void close() {
        for (Connection c : holders) {
            try (c; PreparedStatement ps = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                ps.setString(1, Resharder.DDL_LOCK);
                ps.executeQuery().close();
            } catch (SQLException e) {
                // Closing the connection releases the lock anyway.
            }
        }
    }
}
