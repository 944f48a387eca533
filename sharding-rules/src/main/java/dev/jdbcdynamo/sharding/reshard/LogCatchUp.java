package dev.jdbcdynamo.sharding.reshard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The catch-up of a resharding: re-syncs, on their new shard, the kids that the fence triggers
 * logged on a source shard while the copy ran (or until the fence).
 */
final class LogCatchUp {
    private static final int CATCH_UP_ROUNDS = 20;
    private static final int SHORT_LOG = 50;

    private final Function<String, DataSource> pools;
    private final ReshardListener listener;

    LogCatchUp(Function<String, DataSource> pools, ReshardListener listener) {
        this.pools = pools;
        this.listener = listener;
    }

    private DataSource pool(String shard) {
        return pools.apply(shard);
    }

    /** Re-syncs the kids the logs name; unless {@code all}, stops once a round finds the logs short. */
    void catchUp(Plan plan, boolean all) throws SQLException {
        for (int round = 1; round <= CATCH_UP_ROUNDS || all; round++) {
            long entries = 0;
            for (String source : plan.sources()) {
                entries += drainLog(plan, source);
            }
            listener.progress(all ? ReshardPhase.FENCE : ReshardPhase.CATCH_UP, all ? 1 : (double) round / CATCH_UP_ROUNDS,
                    "round " + round + ": re-synced " + entries + " logged writes");
            if (all ? entries == 0 : entries < SHORT_LOG) {
                return;
            }
        }
    }

    /**
     * Re-syncs the kids logged on {@code source} up to the log's end as of now (writes logged
     * meanwhile wait for the next round); returns the entries handled.
     */
    private long drainLog(Plan plan, String source) throws SQLException {
        long end;
        try (Connection c = pool(source).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM " + FenceTriggers.LOG)) {
            rs.next();
            end = rs.getLong(1);
        }
        long entries = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            long maxSeq = -1;
            List<Long> seqs = new ArrayList<>();
            // table -> target shard -> kids
            Map<String, Map<String, Set<Long>>> work = new LinkedHashMap<>();
            try (Connection c = pool(source).getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT seq, tbl, kid FROM " + FenceTriggers.LOG
                         + " WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT 2000")) {
                ps.setLong(1, after);
                ps.setLong(2, end);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        maxSeq = rs.getLong(1);
                        seqs.add(maxSeq);
                        long kid = rs.getLong(3);
                        work.computeIfAbsent(rs.getString(2), t -> new LinkedHashMap<>())
                                .computeIfAbsent(plan.to().shardFor(kid), t -> new LinkedHashSet<>()).add(kid);
                        entries++;
                    }
                }
            }
            if (maxSeq < 0) {
                return entries;
            }
            after = maxSeq;
            for (Map.Entry<String, Map<String, Set<Long>>> table : work.entrySet()) {
                for (Map.Entry<String, Set<Long>> target : table.getValue().entrySet()) {
                    RowCopier.resyncKids(pool(source), pool(target.getKey()), table.getKey(), target.getValue());
                }
            }
            // Exactly the entries handled: an entry with a lower seq may commit after a higher one.
            try (Connection c = pool(source).getConnection();
                 PreparedStatement ps = c.prepareStatement("DELETE FROM " + FenceTriggers.LOG + " WHERE seq = ?")) {
                for (long seq : seqs) {
                    ps.setLong(1, seq);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

}
