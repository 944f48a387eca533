package dev.jdbcdynamo.engine.storage;

import dev.jdbcdynamo.engine.exec.GlobalIndexes;
import dev.jdbcdynamo.engine.topology.Shard;
import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import dev.jdbcdynamo.sharding.HashRing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries the change log ({@code dynamo_changes}) of every shard to the global index tables: one
 * background thread per open database, woken by local writes and polling otherwise, and drained
 * at connect (so a process that crashed after committing writes loses no index update: the next
 * one to connect applies them).
 *
 * <p>Per shard, changes are applied in log order under a MySQL named lock on that shard, so any
 * number of appliers (threads, driver instances, processes) can run: one works a shard at a time,
 * the others skip it. All changes of one item are on the item's shard and their order in the log
 * is their commit order (the trigger inserts the change row while the item's row lock is held),
 * so an item's changes are applied in order and a stale change never overwrites a newer one.
 * Applying is idempotent; rows are deleted (by sequence number, never by range: a row with a lower
 * number may still be uncommitted) only after they were applied. The catalog is read at the start
 * of each batch, so an index created by another process is maintained from its first change.
 */
public final class GsiApplier implements GlobalIndexes, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GsiApplier.class);
    private static final int BATCH = 256;
    private static final long IDLE_MILLIS = 50;
    /** Idle poll while no table this process knows has a global index (another process may add one). */
    private static final long IDLE_MILLIS_WITHOUT_INDEXES = 1_000;
    private static final long ERROR_BACKOFF_MILLIS = 500;
    private static final int CATCH_UP_LOCK_SECONDS = 30;
    private static final String LOCK_NAME = "CONCAT('jdbc_dynamo_gsi.', SHA1(DATABASE()))";

    private volatile List<Shard> shards;
    private volatile Map<String, Shard> byName;
    private volatile HashRing ring;
    private volatile CatalogStore store;
    private final Semaphore wake = new Semaphore(0);
    private final BooleanSupplier anyGlobalIndex;
    private volatile boolean closed;
    private Thread thread;

    GsiApplier(List<Shard> shards, HashRing ring, CatalogStore store, BooleanSupplier anyGlobalIndex) {
        this.anyGlobalIndex = anyGlobalIndex;
        routeBy(shards, ring, store);
    }

    /** After a resharding: the shards, ring and catalog store to apply changes with from now on. */
    void routeBy(List<Shard> shards, HashRing ring, CatalogStore store) {
        Map<String, Shard> names = new LinkedHashMap<>();
        shards.forEach(s -> names.put(s.name(), s));
        this.byName = names;
        this.ring = ring;
        this.store = store;
        this.shards = List.copyOf(shards);
    }

    /** Starts the background thread. */
    synchronized void start(String name) {
        thread = new Thread(this::run, "jdbc-dynamo-gsi-applier-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (!closed) {
            try {
                int applied = drainAll(false);
                if (applied == 0) {
                    wake.tryAcquire(anyGlobalIndex.getAsBoolean() ? IDLE_MILLIS : IDLE_MILLIS_WITHOUT_INDEXES,
                            TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | SQLException e) {
                if (closed) {
                    return;
                }
                LOG.warn("Applying the change log to global indexes failed (will retry): {}", e.toString());
                try {
                    Thread.sleep(ERROR_BACKOFF_MILLIS);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    @Override
    public void written() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** Applies every change committed before the call, waiting for other appliers' shard locks. */
    @Override
    public void catchUp() throws SQLException {
        drainAll(true);
    }

    /** Drains every shard's log; {@code wait}: wait for a shard another applier is working on. */
    int drainAll(boolean wait) throws SQLException {
        int total = 0;
        for (Shard shard : shards) {
            total += drain(shard, wait);
        }
        return total;
    }

    private int drain(Shard shard, boolean wait) throws SQLException {
        try (Connection c = shard.pool().getConnection()) {
            Integer applied = withShardLock(c, wait, () -> {
                int total = 0;
                while (!closed) {
                    List<Change> batch = read(c);
                    if (batch.isEmpty()) {
                        break;
                    }
                    apply(batch);
                    delete(c, batch);
                    total += batch.size();
                    if (batch.size() < BATCH) {
                        break;
                    }
                }
                return total;
            });
            return applied == null ? 0 : applied;
        }
    }

    /**
     * Runs work holding the shard's applier lock (on {@code c}, a connection to that shard), or
     * returns null without running it when another applier holds the lock and {@code wait} is false.
     */
    static <T> T withShardLock(Connection c, boolean wait, ShardWork<T> work) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(" + LOCK_NAME + ", ?)")) {
            ps.setInt(1, wait ? CATCH_UP_LOCK_SECONDS : 0);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    if (wait) {
                        throw new SQLException("Timed out waiting for another applier of the change log", "40001");
                    }
                    return null;
                }
            }
        }
        try {
            return work.run();
        } finally {
            try (PreparedStatement ps = c.prepareStatement("SELECT RELEASE_LOCK(" + LOCK_NAME + ")")) {
                ps.executeQuery().close();
            }
        }
    }

    /** One row of {@code dynamo_changes}. */
    private record Change(long seq, long tableId, byte[] pk, byte[] sk, String oldItem, String newItem) {
    }

    private static List<Change> read(Connection c) throws SQLException {
        List<Change> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, table_id, pk, sk, old_item, new_item"
                + " FROM dynamo_changes ORDER BY seq LIMIT " + BATCH);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Change(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getBytes(4), rs.getString(5),
                        rs.getString(6)));
            }
        }
        return out;
    }

    private void apply(List<Change> batch) throws SQLException {
        Map<Long, TableDef> tables = new HashMap<>();
        for (TableDef t : store.loadTables()) {
            tables.put(t.id(), t);
        }
        try (GsiEntryWriter writer = new GsiEntryWriter(byName, ring)) {
            for (Change change : batch) {
                TableDef table = tables.get(change.tableId());
                if (table == null || table.globalIndexes().isEmpty()) {
                    continue; // dropped table or index: nothing to maintain
                }
                Map<String, AttributeValue> oldItem = change.oldItem() == null ? null : DynamoJson.readItem(change.oldItem());
                Map<String, AttributeValue> newItem = change.newItem() == null ? null : DynamoJson.readItem(change.newItem());
                for (IndexDef index : table.globalIndexes()) {
                    writer.apply(table, index, change.pk(), change.sk(), oldItem, newItem);
                }
            }
        }
    }

    private static void delete(Connection c, List<Change> batch) throws SQLException {
        String slots = String.join(", ", Collections.nCopies(batch.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM dynamo_changes WHERE seq IN (" + slots + ")")) {
            for (int i = 0; i < batch.size(); i++) {
                ps.setLong(i + 1, batch.get(i).seq());
            }
            ps.executeUpdate();
        }
    }

    /** Stops the background thread (pending changes stay in the log for the next applier). */
    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Work done under a shard's applier lock. */
    @FunctionalInterface
    interface ShardWork<T> {
        T run() throws SQLException;
    }
}
