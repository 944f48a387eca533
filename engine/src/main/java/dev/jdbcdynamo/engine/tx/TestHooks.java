package dev.jdbcdynamo.engine.tx;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault-injection point for tests, off unless a system property sets it:
 * {@code -Djdbcdynamo.test.pauseAfterPrepare=N} stops the N-th two-phase commit of this JVM after
 * every branch is prepared and before the commit decision, prints
 * {@value #PAUSED_MARKER} on standard output and waits forever, so that a test can kill the
 * process (kill -9) exactly there.
 */
public final class TestHooks {
    public static final String PAUSE_PROPERTY = "jdbcdynamo.test.pauseAfterPrepare";
    public static final String PAUSED_MARKER = "JDBC-DYNAMO-PAUSED-AFTER-PREPARE";
    private static final int PAUSE_AT = Integer.getInteger(PAUSE_PROPERTY, 0);
    private static final AtomicInteger PREPARED = new AtomicInteger();

    private TestHooks() {
    }

    static void afterPrepare() {
        if (PAUSE_AT <= 0 || PREPARED.incrementAndGet() != PAUSE_AT) {
            return;
        }
        System.out.println(PAUSED_MARKER);
        System.out.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // Stay here until the process is killed.
            }
        }
    }
}
