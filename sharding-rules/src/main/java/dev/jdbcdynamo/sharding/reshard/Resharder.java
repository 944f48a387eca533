package dev.jdbcdynamo.sharding.reshard;

import static java.util.Objects.requireNonNull;

import dev.jdbcdynamo.sharding.HashRing;
import dev.jdbcdynamo.sharding.RangeMove;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Online resharding: turns a database laid out by the stored ring into one laid out by a target
 * ring (a shard added or removed) while applications keep reading and writing.
 *
 * <ol>
 *   <li>PREPARE: new shards get the tables (copied from an existing shard with SHOW CREATE
 *       TABLE) and the catalog; each source shard gets its leaving ranges, a log, and fence
 *       triggers on every kid-sharded table ({@link FenceTriggers});</li>
 *   <li>COPY: the rows of each range that changes owner ({@link HashRing#movesTo}) are copied;</li>
 *   <li>CATCH_UP: every kid written meanwhile (the log) is re-synced, until the log is short;</li>
 *   <li>FENCE: the ranges are fenced (writes to them fail with a retryable error), the last log
 *       entries are re-synced;</li>
 *   <li>PUBLISH: the new ring (version + 1) and the new shards' URLs go to every shard; drivers
 *       pick it up at their next check or on their first fenced write;</li>
 *   <li>CLEANUP: after a grace period the moved rows, triggers and logs leave the sources.</li>
 * </ol>
 *
 * <p>The phase is stored on every shard, so an interrupted resharding is rolled back ({@link
 * #rollback()}) before PUBLISH and finished ({@link #resume()}) from then on, by any process.
 * The DDL lock the drivers take for CREATE/DROP TABLE is held throughout, so the set of tables
 * cannot change under a resharding. Nothing here depends on a change log of the driver.
 */
public final class Resharder {
    static final String STATE = "dynamo_reshard";
    static final String SHARDS = "dynamo_shards";
    static final String TOPOLOGY = "dynamo_topology";
    static final String DDL_LOCK = "jdbc_dynamo_ddl";
    private static final String CREATE_STATE = "CREATE TABLE IF NOT EXISTS " + STATE + " (id INT NOT NULL PRIMARY KEY,"
            + " from_ring LONGTEXT NOT NULL, to_ring LONGTEXT NOT NULL, phase VARCHAR(16) NOT NULL) ENGINE=InnoDB";
    private static final String CREATE_SHARDS = "CREATE TABLE IF NOT EXISTS " + SHARDS + " ("
            + "name VARCHAR(64) NOT NULL PRIMARY KEY, url VARCHAR(1024) NOT NULL) ENGINE=InnoDB";
    static final int ACK_STALE_SECONDS = 10;
    static final int ACK_WAIT_SECONDS = 60;

    private final Map<String, DataSource> pools;
    private final Map<String, String> urls;
    private final List<String> kidTables;
    private final List<String> copiedTables;
    private final ReshardListener listener;
    private final long graceMillis;

    /**
     * @param pools a pool for every shard of the stored ring and of the target ring
     * @param urls the JDBC URL (no credentials) of every shard of the target ring, published so
     *     that drivers can open shards they have not configured
     * @param kidTables the physical tables sharded by {@code kid} (item tables, index tables)
     * @param copiedTables tables held whole by every shard (the catalog), copied to new shards
     * @param graceMillis how long the sources keep the moved rows and the fence after PUBLISH:
     *     longer than the drivers' ring check interval
     */
    public Resharder(Map<String, DataSource> pools, Map<String, String> urls, List<String> kidTables,
                     List<String> copiedTables, ReshardListener listener, long graceMillis) {
        this.pools = Map.copyOf(pools);
        this.urls = Map.copyOf(urls);
        this.kidTables = List.copyOf(kidTables);
        this.copiedTables = List.copyOf(copiedTables);
        this.listener = requireNonNull(listener, "listener is null");
        this.graceMillis = graceMillis;
    }

    /** The ring and its version as stored on a shard, or null when the shard has none. */
    public record StoredRing(HashRing ring, long version) {
    }

    /** Reads the ring stored on a shard. */
    public StoredRing storedRing(String shard) throws SQLException {
        try (Connection c = pool(shard).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ring, version FROM " + TOPOLOGY + " WHERE id = 1")) {
            return rs.next() ? new StoredRing(HashRing.parse(rs.getString(1)), rs.getLong(2)) : null;
        }
    }

    /** The resharding in progress, if any: {from ring, to ring, phase}, read from {@code shard}. */
    public String[] inProgress(String shard) throws SQLException {
        try (Connection c = pool(shard).getConnection(); Statement s = c.createStatement()) {
            s.execute(CREATE_STATE);
            try (ResultSet rs = s.executeQuery("SELECT from_ring, to_ring, phase FROM " + STATE + " WHERE id = 1")) {
                return rs.next() ? new String[] {rs.getString(1), rs.getString(2), rs.getString(3)} : null;
            }
        }
    }

    /**
     * Moves the database from the ring stored in {@code anyShard} to {@code target}.
     *
     * @throws IllegalStateException when a resharding is already in progress or the stored rings disagree
     */
    public ReshardReport reshard(String anyShard, HashRing target) throws SQLException {
        long started = System.nanoTime();
        StoredRing stored = storedRing(anyShard);
        if (stored == null) {
            throw new IllegalStateException("shard " + anyShard + " stores no ring: not a jdbc:dynamo database");
        }
        HashRing from = stored.ring();
        if (from.equals(target)) {
            throw new IllegalStateException("the stored ring already is " + target.shards());
        }
        try (DdlLock lock = DdlLock.take(from.shards(), this::pool)) {
            for (String shard : from.shards()) {
                StoredRing other = storedRing(shard);
                if (other == null || !other.ring().equals(from) || other.version() != stored.version()) {
                    throw new IllegalStateException("shard " + shard + " stores another ring than " + anyShard
                            + "; finish or roll back the resharding that left them so first");
                }
                if (inProgress(shard) != null) {
                    throw new IllegalStateException("a resharding is in progress (recorded on shard " + shard
                            + "); resume or roll it back first");
                }
            }
            Plan plan = new Plan(from, target, from.movesTo(target));
            writeState(plan, ReshardPhase.PREPARE);
            recordUrls(plan);
            prepare(plan);
            writeState(plan, ReshardPhase.COPY);
            copy(plan);
            writeState(plan, ReshardPhase.CATCH_UP);
            new LogCatchUp(this::pool, listener).catchUp(plan, false);
            writeState(plan, ReshardPhase.FENCE);
            long fenceStart = System.nanoTime();
            fence(plan);
            new LogCatchUp(this::pool, listener).catchUp(plan, true);
            long rowsBefore = countRows(from.shards());
            writeState(plan, ReshardPhase.PUBLISH);
            long version = publish(plan, stored.version() + 1);
            long fenceMillis = (System.nanoTime() - fenceStart) / 1_000_000;
            // The moved rows deleted from the fenced sources are exactly the rows that moved.
            Map<String, Long> moved = finish(plan);
            double share = plan.moves().stream().mapToDouble(RangeMove::fractionOfKeyspace).sum();
            long total = moved.values().stream().mapToLong(Long::longValue).sum();
            ReshardReport report = new ReshardReport(from, target, version, rowsBefore, total, moved, share,
                    fenceMillis, (System.nanoTime() - started) / 1_000_000);
            listener.progress(ReshardPhase.DONE, 1, report.toString());
            return report;
        }
    }

    /**
     * Finishes an interrupted resharding: rolls it back when its ring was not published yet, and
     * completes its cleanup otherwise. Returns the phase it was in, or null when none was recorded.
     */
    public ReshardPhase resume(String anyShard) throws SQLException {
        Plan plan = recordedPlan(anyShard);
        if (plan == null) {
            return null;
        }
        ReshardPhase phase = ReshardPhase.valueOf(inProgress(anyShard)[2]);
        try (DdlLock lock = DdlLock.take(plan.from().shards(), this::pool)) {
            if (phase.published()) {
                StoredRing stored = storedRing(anyShard);
                if (!stored.ring().equals(plan.to())) {
                    publish(plan, stored.version() + 1);
                }
                finish(plan);
            } else {
                undo(plan);
            }
        }
        return phase;
    }

    /** Rolls back an interrupted resharding that has not published its ring; returns false when there is none. */
    public boolean rollback(String anyShard) throws SQLException {
        Plan plan = recordedPlan(anyShard);
        if (plan == null) {
            return false;
        }
        ReshardPhase phase = ReshardPhase.valueOf(inProgress(anyShard)[2]);
        if (phase.published()) {
            throw new IllegalStateException("the new ring " + plan.to().shards()
                    + " is already published; the resharding can only be finished (resume)");
        }
        try (DdlLock lock = DdlLock.take(plan.from().shards(), this::pool)) {
            undo(plan);
        }
        return true;
    }

    private Plan recordedPlan(String anyShard) throws SQLException {
        String[] row = inProgress(anyShard);
        if (row == null) {
            return null;
        }
        HashRing from = HashRing.parse(row[0]);
        HashRing to = HashRing.parse(row[1]);
        return new Plan(from, to, from.movesTo(to));
    }

    private void prepare(Plan plan) throws SQLException {
        String reference = plan.from().shards().get(0);
        for (String shard : plan.added()) {
            for (String table : concat(List.of(TOPOLOGY), copiedTables, kidTables)) {
                RowCopier.createLike(pool(reference), pool(shard), table);
            }
            for (String table : copiedTables) {
                RowCopier.copyAll(pool(reference), pool(shard), table);
            }
            listener.progress(ReshardPhase.PREPARE, 0.5, "created " + kidTables.size() + " tables on new shard " + shard);
        }
        for (String source : plan.sources()) {
            try (Connection c = pool(source).getConnection(); Statement s = c.createStatement()) {
                s.execute(FenceTriggers.CREATE_RANGES);
                s.execute(FenceTriggers.CREATE_LOG);
                s.execute("DELETE FROM " + FenceTriggers.RANGES);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + FenceTriggers.RANGES
                        + " (lo, hi, to_shard, fenced) VALUES (?, ?, ?, 0)")) {
                    for (RangeMove move : plan.movesFrom(source)) {
                        ps.setLong(1, move.firstKid());
                        ps.setLong(2, move.lastKid());
                        ps.setString(3, move.toShard());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                for (String table : kidTables) {
                    for (String sql : FenceTriggers.drop(table)) {
                        s.execute(sql);
                    }
                    for (String sql : FenceTriggers.create(table)) {
                        s.execute(sql);
                    }
                }
            }
        }
        listener.progress(ReshardPhase.PREPARE, 1, plan.moves().size() + " ranges change owner ("
                + String.format("%.1f%%", 100 * plan.moves().stream().mapToDouble(RangeMove::fractionOfKeyspace).sum())
                + " of the keyspace); triggers installed on " + plan.sources());
    }

    private void copy(Plan plan) throws SQLException {
        List<RangeMove> moves = plan.moves();
        long rows = 0;
        for (int i = 0; i < moves.size(); i++) {
            RangeMove move = moves.get(i);
            for (String table : kidTables) {
                rows += RowCopier.copyRange(pool(move.fromShard()), pool(move.toShard()), table, move.firstKid(),
                        move.lastKid());
            }
            if ((i + 1) % 16 == 0 || i == moves.size() - 1) {
                listener.progress(ReshardPhase.COPY, (i + 1.0) / moves.size(),
                        "copied " + (i + 1) + " of " + moves.size() + " ranges, " + rows + " rows");
            }
        }
    }

    private void fence(Plan plan) throws SQLException {
        for (String source : plan.sources()) {
            try (Connection c = pool(source).getConnection(); Statement s = c.createStatement()) {
                // Waits for the writers holding a shared lock on a range row, i.e. past their check.
                s.executeUpdate("UPDATE " + FenceTriggers.RANGES + " SET fenced = 1");
            }
        }
        listener.progress(ReshardPhase.FENCE, 0.5, "writes to the moving ranges fenced on " + plan.sources());
    }

    /** Where every shard of the new ring is, on every shard: drivers open new shards from it. */
    private void recordUrls(Plan plan) throws SQLException {
        for (String shard : plan.all()) {
            try (Connection c = pool(shard).getConnection(); Statement s = c.createStatement()) {
                s.execute(CREATE_SHARDS);
                try (PreparedStatement ps = c.prepareStatement("REPLACE INTO " + SHARDS + " (name, url) VALUES (?, ?)")) {
                    for (String name : plan.to().shards()) {
                        String url = urls.get(name);
                        if (url != null) {
                            ps.setString(1, name);
                            ps.setString(2, url);
                            ps.addBatch();
                        }
                    }
                    ps.executeBatch();
                }
            }
        }
    }

    private long publish(Plan plan, long version) throws SQLException {
        // New shards first, the old ones last: a driver that reads the new ring can open every shard in it.
        List<String> order = new ArrayList<>(plan.added());
        order.addAll(plan.from().shards());
        for (String shard : order) {
            try (Connection c = pool(shard).getConnection();
                 PreparedStatement ps = c.prepareStatement("REPLACE INTO " + TOPOLOGY
                         + " (id, shard_name, ring, version) VALUES (1, ?, ?, ?)")) {
                ps.setString(1, shard);
                ps.setString(2, plan.to().toText());
                ps.setLong(3, version);
                ps.executeUpdate();
            }
        }
        listener.progress(ReshardPhase.PUBLISH, 1, "published ring version " + version + ": " + plan.to().shards());
        return version;
    }

    /** After the grace period: moved rows, triggers and logs leave the sources; the state goes. */
    private Map<String, Long> finish(Plan plan) throws SQLException {
        writeState(plan, ReshardPhase.CLEANUP);
        awaitAdoption(plan);
        listener.progress(ReshardPhase.CLEANUP, 0.5, "waiting " + graceMillis + " ms for statements still in flight");
        sleep(graceMillis);
        Map<String, Long> deleted = new LinkedHashMap<>();
        for (String source : plan.sources()) {
            dropFence(source);
            for (RangeMove move : plan.movesFrom(source)) {
                for (String table : kidTables) {
                    deleted.merge(table, RowCopier.deleteRange(pool(source), table, move.firstKid(), move.lastKid()),
                            Long::sum);
                }
            }
        }
        clearState(plan);
        listener.progress(ReshardPhase.CLEANUP, 1, "deleted " + deleted + " moved rows from " + plan.sources());
        return deleted;
    }

    /**
     * Waits until every driver instance with a fresh heartbeat in {@code dynamo_ring_acks} routes
     * by the published ring (instances silent for {@value #ACK_STALE_SECONDS} s count as gone), at
     * most {@value #ACK_WAIT_SECONDS} s.
     */
    private void awaitAdoption(Plan plan) throws SQLException {
        long version = storedRing(plan.to().shards().get(0)).version();
        long deadline = System.nanoTime() + ACK_WAIT_SECONDS * 1_000_000_000L;
        while (true) {
            List<String> behind = new ArrayList<>();
            for (String shard : plan.all()) {
                try (Connection c = pool(shard).getConnection();
                     PreparedStatement ps = c.prepareStatement("SELECT instance, version FROM dynamo_ring_acks"
                             + " WHERE version < ? AND seen > NOW(6) - INTERVAL " + ACK_STALE_SECONDS + " SECOND")) {
                    ps.setLong(1, version);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            behind.add(rs.getString(1) + "@" + shard + " (version " + rs.getLong(2) + ")");
                        }
                    }
                } catch (SQLException e) {
                    if (!"42S02".equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
            if (behind.isEmpty()) {
                listener.progress(ReshardPhase.CLEANUP, 0.25, "every live driver instance routes by ring version " + version);
                return;
            }
            if (System.nanoTime() > deadline) {
                listener.progress(ReshardPhase.CLEANUP, 0.25, "giving up waiting for driver instances " + behind);
                return;
            }
            sleep(100);
        }
    }

    private void undo(Plan plan) throws SQLException {
        for (String source : plan.sources()) {
            dropFence(source);
        }
        long deleted = 0;
        for (RangeMove move : plan.moves()) {
            if (pools.containsKey(move.toShard())) {
                for (String table : kidTables) {
                    deleted += deleteIfExists(move.toShard(), table, move.firstKid(), move.lastKid());
                }
            }
        }
        clearState(plan);
        listener.progress(ReshardPhase.ROLLBACK, 1, "rolled back: removed " + deleted + " copied rows; ring stays "
                + plan.from().shards());
    }

    private long deleteIfExists(String shard, String table, long lo, long hi) throws SQLException {
        try {
            return RowCopier.deleteRange(pool(shard), table, lo, hi);
        } catch (SQLException e) {
            if ("42S02".equals(e.getSQLState())) {
                return 0; // the table was never created on the new shard
            }
            throw e;
        }
    }

    private void dropFence(String source) throws SQLException {
        try (Connection c = pool(source).getConnection(); Statement s = c.createStatement()) {
            for (String table : kidTables) {
                for (String sql : FenceTriggers.drop(table)) {
                    s.execute(sql);
                }
            }
            s.execute("DROP TABLE IF EXISTS " + FenceTriggers.RANGES);
            s.execute("DROP TABLE IF EXISTS " + FenceTriggers.LOG);
        }
    }

    private void writeState(Plan plan, ReshardPhase phase) throws SQLException {
        for (String shard : plan.all()) {
            try (Connection c = pool(shard).getConnection(); Statement s = c.createStatement()) {
                s.execute(CREATE_STATE);
                try (PreparedStatement ps = c.prepareStatement("REPLACE INTO " + STATE
                        + " (id, from_ring, to_ring, phase) VALUES (1, ?, ?, ?)")) {
                    ps.setString(1, plan.from().toText());
                    ps.setString(2, plan.to().toText());
                    ps.setString(3, phase.name());
                    ps.executeUpdate();
                }
            }
        }
    }

    private void clearState(Plan plan) throws SQLException {
        for (String shard : plan.all()) {
            try (Connection c = pool(shard).getConnection(); Statement s = c.createStatement()) {
                s.execute(CREATE_STATE);
                s.execute("DELETE FROM " + STATE);
            }
        }
    }

    private long countRows(List<String> shards) throws SQLException {
        long rows = 0;
        for (String shard : shards) {
            try (Connection c = pool(shard).getConnection(); Statement s = c.createStatement()) {
                for (String table : kidTables) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        rs.next();
                        rows += rs.getLong(1);
                    }
                }
            }
        }
        return rows;
    }

    private DataSource pool(String shard) {
        DataSource pool = pools.get(shard);
        if (pool == null) {
            throw new IllegalStateException("no connection to shard " + shard + " (known: " + pools.keySet() + ")");
        }
        return pool;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted; run the resharding again with resume", e);
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
