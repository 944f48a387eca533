package dev.jdbcdynamo.engine.storage;

import dev.jdbcdynamo.engine.topology.Shard;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the ring stored in the shards periodically for every open database of the JVM, so that a
 * ring published by a resharding is picked up without a restart (a fenced write checks at once).
 * One daemon thread serves all databases.
 */
final class RingWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RingWatcher.class);
    /** Pools of shards a ring dropped stay open this long for the statements still using them. */
    private static final long CLOSE_DROPPED_AFTER_SECONDS = 30;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jdbc-dynamo-ring-watcher");
        t.setDaemon(true);
        return t;
    });

    private RingWatcher() {
    }

    /** A periodic check of one database; cancelled when it closes. */
    static final class Registration {
        private final ScheduledFuture<?> future;

        private Registration(ScheduledFuture<?> future) {
            this.future = future;
        }

        void cancel() {
            if (future != null) {
                future.cancel(false);
            }
        }
    }

    static Registration watch(DynamoDatabase database, int intervalMillis) {
        if (intervalMillis <= 0) {
            return new Registration(null);
        }
        return new Registration(TIMER.scheduleWithFixedDelay(() -> {
            try {
                database.checkRing();
                database.acknowledgeRing();
            } catch (RuntimeException e) {
                LOG.warn("Checking the stored ring failed (will retry): {}", e.toString());
            }
            database.checkReplicas();
        }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS));
    }

    static void closeLater(List<Shard> dropped) {
        if (dropped.isEmpty()) {
            return;
        }
        TIMER.schedule(() -> dropped.forEach(s -> {
            LOG.info("Closing the pool of shard {} ({}), no longer in the ring", s.name(), s.location());
            s.pool().close();
        }), CLOSE_DROPPED_AFTER_SECONDS, TimeUnit.SECONDS);
    }
}
