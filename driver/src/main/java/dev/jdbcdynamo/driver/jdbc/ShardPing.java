package dev.jdbcdynamo.driver.jdbc;

import dev.jdbcdynamo.engine.topology.Shard;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code Connection.isValid}: a round trip to every shard within the caller's timeout, on a thread of
 * its own so that a pool waiting for an unreachable server cannot hold the caller past it.
 */
final class ShardPing {
    private ShardPing() {
    }

    /** Whether every shard answers within {@code timeoutSeconds} (0: no limit). */
    static boolean allAnswer(List<Shard> shards, int timeoutSeconds) {
        long deadline = timeoutSeconds == 0 ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        CompletableFuture<Boolean> ping = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                ping.complete(ask(shards, deadline));
            } catch (Throwable e) {
                ping.complete(false);
            }
        }, "jdbc-dynamo-isValid");
        thread.setDaemon(true);
        thread.start();
        try {
            return timeoutSeconds == 0 ? ping.get() : ping.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            thread.interrupt();
            return false;
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean ask(List<Shard> shards, long deadline) throws SQLException {
        for (Shard shard : shards) {
            long left = deadline == Long.MAX_VALUE ? 0 : TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime());
            if (deadline != Long.MAX_VALUE && left < 1) {
                // Connection.isValid counts whole seconds; the caller's own limit cuts the last one.
                left = 1;
            }
            try (Connection c = shard.pool().getConnection()) {
                if (!c.isValid((int) Math.min(left, Integer.MAX_VALUE))) {
                    return false;
                }
            }
        }
        return true;
    }
}
