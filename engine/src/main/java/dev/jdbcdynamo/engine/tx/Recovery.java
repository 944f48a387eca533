package dev.jdbcdynamo.engine.tx;

import dev.jdbcdynamo.engine.topology.Shard;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes two-phase commits that a driver instance left prepared (it crashed, or lost a shard
 * between prepare and commit). Every shard is asked {@code XA RECOVER}; each prepared branch of
 * this driver's format follows the decision on its coordinator shard: committed when the
 * decision is 'C', rolled back when it is 'A'; with no decision and older than the timeout, an
 * abort is recorded first (fencing a coordinator that might still commit) and the branch rolled
 * back. Any driver instance can do it: nothing depends on the process that began the commit.
 * Runs when a database opens and then periodically.
 */
public final class Recovery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private final List<Shard> shards;
    private final String database;
    private final long timeoutMillis;
    private final ScheduledExecutorService timer;

    /** What one pass did. */
    public record Report(int committed, int rolledBack, int pending, boolean allShardsAnswered) {
    }

    private Recovery(List<Shard> shards, String database, long timeoutMillis, ScheduledExecutorService timer) {
        this.shards = List.copyOf(shards);
        this.database = database;
        this.timeoutMillis = timeoutMillis;
        this.timer = timer;
    }

    /** Runs a first pass now, then one every {@code intervalSeconds} (0: no periodic runs). */
    public static Recovery start(List<Shard> shards, String database, int timeoutSeconds, int intervalSeconds) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jdbc-dynamo-tx-recovery");
            t.setDaemon(true);
            return t;
        });
        Recovery recovery = new Recovery(shards, database, timeoutSeconds * 1000L, timer);
        recovery.runQuietly();
        if (intervalSeconds > 0) {
            timer.scheduleWithFixedDelay(recovery::runQuietly, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        }
        return recovery;
    }

    /** Schedules a pass soon (after a commit left a branch to finish). */
    void runSoon() {
        try {
            timer.schedule(this::runQuietly, 1, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closed: the next driver instance to open the database finishes it.
        }
    }

    private void runQuietly() {
        try {
            Report report = runOnce();
            if (report.committed() + report.rolledBack() > 0) {
                LOG.info("Transaction recovery: {} branch(es) committed, {} rolled back, {} pending",
                        report.committed(), report.rolledBack(), report.pending());
            }
        } catch (RuntimeException e) {
            LOG.warn("Transaction recovery failed: {}", e.toString());
        }
    }

    /** One pass over every shard. */
    public synchronized Report runOnce() {
        Map<String, List<Integer>> prepared = new LinkedHashMap<>();
        boolean allAnswered = true;
        for (int i = 0; i < shards.size(); i++) {
            try {
                for (String[] branch : preparedBranches(shards.get(i))) {
                    Xid xid = Xid.parse(branch[0]);
                    if (xid != null && xid.database().equals(database) && Xid.shardOf(branch[1]) == i) {
                        prepared.computeIfAbsent(branch[0], k -> new ArrayList<>()).add(i);
                    }
                }
            } catch (SQLException e) {
                allAnswered = false;
            }
        }
        int committed = 0;
        int rolledBack = 0;
        Set<String> unresolved = new HashSet<>();
        long now = System.currentTimeMillis();
        for (Map.Entry<String, List<Integer>> e : prepared.entrySet()) {
            Xid xid = Xid.parse(e.getKey());
            if (xid == null || xid.coordinator() < 0 || xid.coordinator() >= shards.size()) {
                continue;
            }
            char decision;
            try (Connection c = shards.get(xid.coordinator()).pool().getConnection()) {
                decision = TxTables.decision(c, xid.gtrid());
                if (decision == 0) {
                    if (now - xid.createdMillis() < timeoutMillis) {
                        unresolved.add(xid.gtrid());
                        continue;
                    }
                    decision = TxTables.decideOrAbort(c, xid.gtrid());
                }
            } catch (SQLException ex) {
                unresolved.add(xid.gtrid());
                continue;
            }
            for (int shard : e.getValue()) {
                try (Connection c = shards.get(shard).pool().getConnection(); Statement s = c.createStatement()) {
                    s.execute((decision == 'C' ? "XA COMMIT " : "XA ROLLBACK ") + xid.branch(shard));
                    if (decision == 'C') {
                        committed++;
                    } else {
                        rolledBack++;
                    }
                } catch (SQLException ex) {
                    unresolved.add(xid.gtrid());
                    LOG.debug("Cannot finish {} on shard {} yet: {}", xid.gtrid(), shards.get(shard).name(), ex.getMessage());
                }
            }
        }
        if (allAnswered) {
            cleanUp(unresolved, prepared.keySet(), now);
        }
        return new Report(committed, rolledBack, unresolved.size(), allAnswered);
    }

    /**
     * Deletes decisions no prepared branch needs any more (every shard answered, and the decision
     * is older than the timeout, so no commit that recorded it is still running), and expired tokens.
     */
    private void cleanUp(Set<String> unresolved, Set<String> seen, long now) {
        for (Shard shard : shards) {
            try (Connection c = shard.pool().getConnection()) {
                List<String> old = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT gtrid FROM dynamo_tx_decisions WHERE created_ms < ? LIMIT 1000")) {
                    ps.setLong(1, now - Math.max(timeoutMillis, 60_000));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            old.add(rs.getString(1));
                        }
                    }
                }
                for (String gtrid : old) {
                    if (!unresolved.contains(gtrid) && !seen.contains(gtrid)) {
                        TxTables.deleteDecision(c, gtrid);
                    }
                }
                Tokens.expire(c);
            } catch (SQLException e) {
                // Next pass.
            }
        }
    }

    /** The prepared branches of this driver's format on a shard's server (all its databases): {gtrid, bqual}. */
    static List<String[]> preparedBranches(Shard shard) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Connection c = shard.pool().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("XA RECOVER")) {
            while (rs.next()) {
                if (rs.getLong(1) != Xid.FORMAT) {
                    continue;
                }
                int gtridLength = rs.getInt(2);
                int bqualLength = rs.getInt(3);
                String data = new String(rs.getBytes(4), java.nio.charset.StandardCharsets.ISO_8859_1);
                if (data.length() >= gtridLength + bqualLength) {
                    out.add(new String[] {data.substring(0, gtridLength),
                            data.substring(gtridLength, gtridLength + bqualLength)});
                }
            }
        }
        return out;
    }

    /** Every prepared branch of this database on any shard, as {@code gtrid/bqual}: empty when nothing is in doubt. */
    public List<String> inDoubt() throws SQLException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            for (String[] b : preparedBranches(shards.get(i))) {
                Xid xid = Xid.parse(b[0]);
                if (xid != null && xid.database().equals(database) && Xid.shardOf(b[1]) == i) {
                    out.add(b[0] + "/" + b[1]);
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
