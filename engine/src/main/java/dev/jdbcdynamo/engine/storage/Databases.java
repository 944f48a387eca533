package dev.jdbcdynamo.engine.storage;

import dev.jdbcdynamo.engine.config.DatabaseConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The databases open in this JVM, one per URL target, shared by their connections and closed
 * when the last connection closes (after the {@code closeDelay} property's grace period).
 */
public final class Databases {
    private static final Map<String, Entry> OPEN = new HashMap<>();
    private static final ScheduledExecutorService CLOSER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jdbc-dynamo-close-delay");
        t.setDaemon(true);
        return t;
    });

    private Databases() {
    }

    /** The database of a URL, opened on first use; each call must be matched by one {@link #release}. */
    public static DynamoDatabase acquire(DatabaseConfig config) {
        String key = config.databaseKey();
        synchronized (OPEN) {
            Entry entry = OPEN.get(key);
            if (entry != null) {
                entry.references++;
                if (entry.pendingClose != null) {
                    entry.pendingClose.cancel(false);
                    entry.pendingClose = null;
                }
                return entry.database;
            }
        }
        // Opening may take seconds (an embedded server starts): done outside the registry lock,
        // serialized per key by opening under the key's own lock.
        synchronized (lockFor(key)) {
            synchronized (OPEN) {
                Entry entry = OPEN.get(key);
                if (entry != null) {
                    entry.references++;
                    return entry.database;
                }
            }
            DynamoDatabase db = DynamoDatabase.open(config);
            synchronized (OPEN) {
                Entry entry = new Entry(db);
                entry.references = 1;
                OPEN.put(key, entry);
            }
            return db;
        }
    }

    public static void release(DynamoDatabase db) {
        synchronized (OPEN) {
            Entry entry = OPEN.get(db.key());
            if (entry == null || entry.database != db) {
                return;
            }
            entry.references--;
            if (entry.references > 0) {
                return;
            }
            int delay = db.closeDelaySeconds();
            if (delay < 0) {
                return;
            }
            if (delay == 0) {
                OPEN.remove(db.key());
            } else {
                entry.pendingClose = CLOSER.schedule(() -> closeIfUnused(entry), delay, TimeUnit.SECONDS);
                return;
            }
        }
        db.close();
    }

    private static void closeIfUnused(Entry entry) {
        synchronized (OPEN) {
            if (entry.references > 0 || OPEN.get(entry.database.key()) != entry) {
                return;
            }
            OPEN.remove(entry.database.key());
        }
        entry.database.close();
    }

    private static final Map<String, Object> LOCKS = new HashMap<>();

    private static Object lockFor(String key) {
        synchronized (LOCKS) {
            return LOCKS.computeIfAbsent(key, k -> new Object());
        }
    }

    private static final class Entry {
        final DynamoDatabase database;
        int references;
        ScheduledFuture<?> pendingClose;

        Entry(DynamoDatabase database) {
            this.database = database;
        }
    }
}
