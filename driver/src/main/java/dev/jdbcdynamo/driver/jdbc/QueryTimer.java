package dev.jdbcdynamo.driver.jdbc;

import dev.jdbcdynamo.engine.exec.CancelSignal;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@code Statement.setQueryTimeout}: one daemon thread per JVM cancels executions that run past
 * their timeout, whatever they are doing (waiting for a row lock, reading a large scan).
 */
final class QueryTimer {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private QueryTimer() {
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "jdbc-dynamo-query-timeout");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Cancels {@code signal} after {@code seconds} (0: never) unless closed first. */
    static Armed arm(CancelSignal signal, int seconds) {
        if (seconds <= 0) {
            return () -> { };
        }
        ScheduledFuture<?> future = TIMER.schedule(() -> signal.cancel(CancelSignal.Reason.TIMED_OUT), seconds,
                TimeUnit.SECONDS);
        return () -> future.cancel(false);
    }

    /** A running timeout; closing it disarms it. */
    interface Armed extends AutoCloseable {
        @Override
        void close();
    }
}
